import { PlacementTier } from '../placement/boundary';
import { PlacementError } from '../placement-error';

/** One EC2 instance type. */
export interface InstanceType {
  /** e.g. 'm6i.large'. */
  readonly name: string;
  /** e.g. 'm6i'. */
  readonly family: string;
  readonly vcpus: number;
  readonly memoryMiB: number;
  /** T-family: CPU credits, so no steady full-core performance. */
  readonly burstable: boolean;
  /** On-demand Linux price in us-east-1, USD per hour. */
  readonly hourlyUsd: number;
}

/** One instance family: whether Dedicated Hosts exist for it, and how many vCPUs such a host offers. */
interface Family {
  readonly burstable: boolean;
  /** vCPUs of one Dedicated Host of the family; 0 = no Dedicated Hosts offered. */
  readonly hostVcpus: number;
}

// Source: AWS "Amazon EC2 instance types" pages (specifications, Dedicated Host configurations) and
// the us-east-1 on-demand Linux price list, checked 2026-11. x86_64 only (the AMIs are x86_64).
// t3 has Dedicated Hosts too, but burstable types are never used for the dedicated tiers.
const FAMILIES: Record<string, Family> = {
  t3: { burstable: true, hostVcpus: 0 },
  t3a: { burstable: true, hostVcpus: 0 },
  m5: { burstable: false, hostVcpus: 96 },
  m6i: { burstable: false, hostVcpus: 128 },
  c5: { burstable: false, hostVcpus: 72 },
  c6i: { burstable: false, hostVcpus: 128 },
  r5: { burstable: false, hostVcpus: 96 },
  r6i: { burstable: false, hostVcpus: 128 },
};

// [name, vCPUs, memory MiB, USD/hour] — same source and date as FAMILIES.
const TYPES: Array<[string, number, number, number]> = [
  ['t3a.nano', 2, 512, 0.0047], ['t3a.micro', 2, 1024, 0.0094], ['t3a.small', 2, 2048, 0.0188],
  ['t3a.medium', 2, 4096, 0.0376], ['t3a.large', 2, 8192, 0.0752], ['t3a.xlarge', 4, 16384, 0.1504],
  ['t3a.2xlarge', 8, 32768, 0.3008],
  ['t3.nano', 2, 512, 0.0052], ['t3.micro', 2, 1024, 0.0104], ['t3.small', 2, 2048, 0.0208],
  ['t3.medium', 2, 4096, 0.0416], ['t3.large', 2, 8192, 0.0832], ['t3.xlarge', 4, 16384, 0.1664],
  ['t3.2xlarge', 8, 32768, 0.3328],
  ['c6i.large', 2, 4096, 0.085], ['c6i.xlarge', 4, 8192, 0.17], ['c6i.2xlarge', 8, 16384, 0.34],
  ['c6i.4xlarge', 16, 32768, 0.68], ['c6i.8xlarge', 32, 65536, 1.36], ['c6i.12xlarge', 48, 98304, 2.04],
  ['c6i.16xlarge', 64, 131072, 2.72], ['c6i.24xlarge', 96, 196608, 4.08], ['c6i.32xlarge', 128, 262144, 5.44],
  ['c5.large', 2, 4096, 0.085], ['c5.xlarge', 4, 8192, 0.17], ['c5.2xlarge', 8, 16384, 0.34],
  ['c5.4xlarge', 16, 32768, 0.68], ['c5.9xlarge', 36, 73728, 1.53], ['c5.12xlarge', 48, 98304, 2.04],
  ['c5.18xlarge', 72, 147456, 3.06], ['c5.24xlarge', 96, 196608, 4.08],
  ['m6i.large', 2, 8192, 0.096], ['m6i.xlarge', 4, 16384, 0.192], ['m6i.2xlarge', 8, 32768, 0.384],
  ['m6i.4xlarge', 16, 65536, 0.768], ['m6i.8xlarge', 32, 131072, 1.536], ['m6i.12xlarge', 48, 196608, 2.304],
  ['m6i.16xlarge', 64, 262144, 3.072], ['m6i.24xlarge', 96, 393216, 4.608], ['m6i.32xlarge', 128, 524288, 6.144],
  ['m5.large', 2, 8192, 0.096], ['m5.xlarge', 4, 16384, 0.192], ['m5.2xlarge', 8, 32768, 0.384],
  ['m5.4xlarge', 16, 65536, 0.768], ['m5.8xlarge', 32, 131072, 1.536], ['m5.12xlarge', 48, 196608, 2.304],
  ['m5.16xlarge', 64, 262144, 3.072], ['m5.24xlarge', 96, 393216, 4.608],
  ['r6i.large', 2, 16384, 0.126], ['r6i.xlarge', 4, 32768, 0.252], ['r6i.2xlarge', 8, 65536, 0.504],
  ['r6i.4xlarge', 16, 131072, 1.008], ['r6i.8xlarge', 32, 262144, 2.016], ['r6i.12xlarge', 48, 393216, 3.024],
  ['r6i.16xlarge', 64, 524288, 4.032], ['r6i.24xlarge', 96, 786432, 6.048], ['r6i.32xlarge', 128, 1048576, 8.064],
  ['r5.large', 2, 16384, 0.126], ['r5.xlarge', 4, 32768, 0.252], ['r5.2xlarge', 8, 65536, 0.504],
  ['r5.4xlarge', 16, 131072, 1.008], ['r5.8xlarge', 32, 262144, 2.016], ['r5.12xlarge', 48, 393216, 3.024],
  ['r5.16xlarge', 64, 524288, 4.032], ['r5.24xlarge', 96, 786432, 6.048],
];

const CATALOG: InstanceType[] = TYPES.map(([name, vcpus, memoryMiB, hourlyUsd]) => {
  const family = name.split('.')[0];
  return { name, family, vcpus, memoryMiB, hourlyUsd, burstable: FAMILIES[family].burstable };
});
// Cheapest first; on a price tie the smaller type, then the newer family (listed first above).
const BY_PRICE = CATALOG.map((t, i) => ({ t, i }))
  .sort((a, b) => a.t.hourlyUsd - b.t.hourlyUsd || a.t.vcpus - b.t.vcpus || a.i - b.i)
  .map(({ t }) => t);

/**
 * Memory left to the OS, the Docker engine and the agents on a VM, so the workload's memory fits
 * beside them (an allowance, not a measurement: Amazon Linux 2023 with Docker and the SSM or ECS
 * agent idles at a few hundred MiB).
 */
export const HOST_RESERVED_MIB = 512;

/** What a selection is asked for. */
export interface InstanceRequest {
  readonly where: string;
  readonly tier: PlacementTier;
  /** vCPUs one replica needs. */
  readonly cpu: number;
  /** MiB one replica needs (the host reserve is added here). */
  readonly memoryMiB: number;
  /** A user-given type to validate instead of choosing. */
  readonly instanceType?: string;
}

/** The type picked and a sentence saying why. */
export interface InstanceChoice {
  readonly type: InstanceType;
  readonly note: string;
  /** vCPUs of one Dedicated Host of the type's family (0 when it has none). */
  readonly hostVcpus: number;
}

/** The bundled EC2 instance catalogue and the selection rules of the VM tiers. Pure. */
export class InstanceCatalog {
  /** Every catalogue type, cheapest first. */
  public static all(): InstanceType[] {
    return [...BY_PRICE];
  }

  /** A type by name, or undefined. */
  public static find(name: string): InstanceType | undefined {
    return CATALOG.find((t) => t.name === name);
  }

  /** vCPUs of one Dedicated Host of a family; 0 when AWS offers none. */
  public static hostVcpus(family: string): number {
    return FAMILIES[family]?.hostVcpus ?? 0;
  }

  /**
   * The cheapest type that fits one replica on the tier, or the user's type after checking it.
   * Throws PlacementError for an unknown type, a type the tier refuses, or a workload too large.
   */
  public static select(request: InstanceRequest): InstanceChoice {
    const { where, tier } = request;
    const needMiB = request.memoryMiB + HOST_RESERVED_MIB;
    const shape = `${request.cpu} vCPU / ${request.memoryMiB} MiB (+${HOST_RESERVED_MIB} MiB for the OS and Docker)`;
    if (request.instanceType !== undefined) {
      const type = InstanceCatalog.find(request.instanceType);
      if (!type) {
        throw new PlacementError(where, `instanceType '${request.instanceType}' is not in the bundled catalogue.`,
          `use one of the catalogue's families (${Object.keys(FAMILIES).join(', ')}), e.g. 'm6i.large', or leave instanceType out.`);
      }
      const refusal = InstanceCatalog.refusal(tier, type);
      if (refusal) throw new PlacementError(where, `instanceType '${type.name}' ${refusal}`, suggestion(tier, request.cpu, needMiB));
      if (type.vcpus < request.cpu || type.memoryMiB < needMiB) {
        throw new PlacementError(where, `instanceType '${type.name}' (${type.vcpus} vCPU / ${type.memoryMiB} MiB) is too small for ${shape}.`,
          suggestion(tier, request.cpu, needMiB));
      }
      return { type, hostVcpus: InstanceCatalog.hostVcpus(type.family), note: `${tier}: instance type ${type.name} as given (${type.vcpus} vCPU / ${type.memoryMiB} MiB, $${type.hourlyUsd}/h on demand in us-east-1).` };
    }
    const type = cheapestFit(tier, request.cpu, needMiB);
    if (!type) {
      const largest = largestFor(tier);
      throw new PlacementError(where, `the workload (${shape}) is larger than any catalogue type for ${tier}; the largest is ${largest.name} (${largest.vcpus} vCPU / ${largest.memoryMiB} MiB).`,
        'lower workload.cpu / workload.memoryMiB per replica and raise workload.replicas instead.');
    }
    return { type, hostVcpus: InstanceCatalog.hostVcpus(type.family), note: `${tier}: instance type ${type.name} (${type.vcpus} vCPU / ${type.memoryMiB} MiB, $${type.hourlyUsd}/h on demand in us-east-1) is the cheapest catalogue type that fits ${shape}.` };
  }

  /** Why the tier refuses a type, or undefined when it accepts it. */
  public static refusal(tier: PlacementTier, type: InstanceType): string | undefined {
    if (type.burstable && (tier === PlacementTier.DEDICATED_VM || tier === PlacementTier.DEDICATED_HOST)) {
      return `is burstable (CPU credits) and ${tier} refuses burstable types: dedicated hardware is bought for steady, unshared performance.`;
    }
    if (tier === PlacementTier.DEDICATED_HOST && InstanceCatalog.hostVcpus(type.family) === 0) {
      return `belongs to family ${type.family}, for which AWS offers no Dedicated Hosts.`;
    }
    return undefined;
  }
}

function accepts(tier: PlacementTier, type: InstanceType): boolean {
  return InstanceCatalog.refusal(tier, type) === undefined;
}

function cheapestFit(tier: PlacementTier, cpu: number, memoryMiB: number): InstanceType | undefined {
  return BY_PRICE.find((t) => accepts(tier, t) && t.vcpus >= cpu && t.memoryMiB >= memoryMiB);
}

function largestFor(tier: PlacementTier): InstanceType {
  return CATALOG.filter((t) => accepts(tier, t)).reduce((a, b) => (b.memoryMiB > a.memoryMiB || (b.memoryMiB === a.memoryMiB && b.vcpus > a.vcpus) ? b : a));
}

function suggestion(tier: PlacementTier, cpu: number, memoryMiB: number): string {
  const fit = cheapestFit(tier, cpu, memoryMiB);
  return fit ? `use '${fit.name}' (the cheapest that fits ${tier}) or leave instanceType out to have it chosen.`
    : 'lower workload.cpu / workload.memoryMiB per replica and raise workload.replicas instead.';
}
