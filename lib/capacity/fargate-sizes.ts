import { SERVICE_PRICES } from './prices/services';
import { PlacementError } from '../placement-error';

/** A valid Fargate task size. */
export interface FargateSize {
  /** CPU units (1024 = 1 vCPU). */
  readonly cpuUnits: number;
  readonly memoryMiB: number;
  /** Linux/x86 on-demand price in us-east-1, USD per hour. */
  readonly hourlyUsd: number;
}

/** The size picked and, when it was rounded, a note saying so. */
export interface FargateChoice {
  readonly size: FargateSize;
  readonly note?: string;
}

// Source: AWS docs "Amazon ECS task definition parameters for Fargate" › Task size (valid CPU and
// memory combinations), checked 2026-11. Prices: the us-east-1 Linux/x86 rows of ./prices/services.
// [cpu units, valid memory MiB]. 256 CPU is not a range: 512, 1024 or 2048 MiB only (1536 is refused).
const RANGES: Array<[number, number[]]> = [
  [256, [512, 1024, 2048]],
  [512, steps(1024, 4096, 1024)],
  [1024, steps(2048, 8192, 1024)],
  [2048, steps(4096, 16384, 1024)],
  [4096, steps(8192, 30720, 1024)],
  [8192, steps(16384, 61440, 4096)],
  [16384, steps(32768, 122880, 8192)],
];
const VCPU_HOUR = SERVICE_PRICES['us-east-1'].fargateX86VcpuHour.usd;
const GB_HOUR = SERVICE_PRICES['us-east-1'].fargateX86GbHour.usd;

const SIZES: FargateSize[] = RANGES.flatMap(([cpuUnits, memory]) => memory.map((memoryMiB) => ({
  cpuUnits, memoryMiB, hourlyUsd: Math.round(((cpuUnits / 1024) * VCPU_HOUR + (memoryMiB / 1024) * GB_HOUR) * 1e5) / 1e5,
}))).sort((a, b) => a.hourlyUsd - b.hourlyUsd || a.cpuUnits - b.cpuUnits);

function steps(low: number, high: number, step: number): number[] {
  return Array.from({ length: (high - low) / step + 1 }, (_, i) => low + i * step);
}

// Fargate's linuxParameters accept only this added capability (ECS task definition parameters, checked 2026-11).
const FARGATE_CAPABILITIES = ['SYS_PTRACE'];

/** Fargate's valid task sizes and the rounding of a workload to one. Pure. */
export class FargateSizes {
  /** The Linux capabilities a Fargate task may add. */
  public static readonly CAPABILITIES: readonly string[] = FARGATE_CAPABILITIES;

  /** Refuses, with a PlacementError, capabilities a Fargate task cannot add (the tier then cannot run the workload). */
  public static checkCapabilities(where: string, capabilities: readonly string[] = []): void {
    const unsupported = capabilities.filter((cap) => !FARGATE_CAPABILITIES.includes(cap));
    if (unsupported.length > 0) {
      throw new PlacementError(where, `workload.capabilities adds ${unsupported.join(', ')}, but Fargate (the microvm-container tier) `
        + `can add only ${FARGATE_CAPABILITIES.join(', ')}.`,
      'drop those capabilities, or pin a VM tier (vm, dedicated-vm) where the container may add them.');
    }
  }

  /** Every valid size, cheapest first. */
  public static all(): FargateSize[] {
    return [...SIZES];
  }

  /**
   * The cheapest valid size with at least the workload's vCPUs and memory; a note when it rounded.
   * Throws PlacementError when no size is large enough.
   */
  public static fit(where: string, cpu: number, memoryMiB: number): FargateChoice {
    const units = Math.ceil(cpu * 1024);
    const size = SIZES.find((s) => s.cpuUnits >= units && s.memoryMiB >= memoryMiB);
    if (!size) {
      const [largestUnits, largestMemory] = RANGES[RANGES.length - 1];
      throw new PlacementError(where, `the workload (${cpu} vCPU / ${memoryMiB} MiB) is larger than the largest Fargate task (${largestUnits / 1024} vCPU / ${largestMemory[largestMemory.length - 1]} MiB).`,
        'lower workload.cpu / workload.memoryMiB per replica and raise workload.replicas, or pin a VM tier.');
    }
    const exact = size.cpuUnits === units && size.memoryMiB === memoryMiB && units === cpu * 1024;
    return {
      size,
      note: exact ? undefined : `Fargate size rounded up from ${cpu} vCPU / ${memoryMiB} MiB to ${size.cpuUnits / 1024} vCPU / ${size.memoryMiB} MiB.`,
    };
  }
}
