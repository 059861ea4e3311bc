import { PlacementTier } from '../placement/boundary';
import { ec2Hourly } from './prices/ec2';
import { PriceTables } from './price-tables';
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
  /** On-demand Linux price in us-east-1, USD per hour: the catalogue's order (a selection ranks by its region's prices). */
  readonly hourlyUsd: number;
}

/** One instance family: whether Dedicated Hosts exist for it, and how many vCPUs such a host offers. */
interface Family {
  readonly burstable: boolean;
  /** vCPUs of one Dedicated Host of the family; 0 = no Dedicated Hosts offered. */
  readonly hostVcpus: number;
}

// Source: AWS "Amazon EC2 instance types" pages (specifications, Dedicated Host configurations),
// checked 2026-11; prices are in ./prices (dated, per region, with their sources). x86_64 only (the AMIs are x86_64).
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
  m7i: { burstable: false, hostVcpus: 192 },
  c7i: { burstable: false, hostVcpus: 192 },
  r7i: { burstable: false, hostVcpus: 192 },
  m7a: { burstable: false, hostVcpus: 192 },
  c7a: { burstable: false, hostVcpus: 192 },
  r7a: { burstable: false, hostVcpus: 192 },
};

// [name, vCPUs, memory MiB] — same source and date as FAMILIES; prices come from ./prices (us-east-1 here).
const TYPES: Array<[string, number, number]> = [
  ['t3a.nano', 2, 512], ['t3a.micro', 2, 1024], ['t3a.small', 2, 2048], ['t3a.medium', 2, 4096],
  ['t3a.large', 2, 8192], ['t3a.xlarge', 4, 16384], ['t3a.2xlarge', 8, 32768],
  ['t3.nano', 2, 512], ['t3.micro', 2, 1024], ['t3.small', 2, 2048], ['t3.medium', 2, 4096], ['t3.large', 2, 8192],
  ['t3.xlarge', 4, 16384], ['t3.2xlarge', 8, 32768],
  ['c6i.large', 2, 4096], ['c6i.xlarge', 4, 8192], ['c6i.2xlarge', 8, 16384], ['c6i.4xlarge', 16, 32768],
  ['c6i.8xlarge', 32, 65536], ['c6i.12xlarge', 48, 98304], ['c6i.16xlarge', 64, 131072],
  ['c6i.24xlarge', 96, 196608], ['c6i.32xlarge', 128, 262144],
  ['c5.large', 2, 4096], ['c5.xlarge', 4, 8192], ['c5.2xlarge', 8, 16384], ['c5.4xlarge', 16, 32768],
  ['c5.9xlarge', 36, 73728], ['c5.12xlarge', 48, 98304], ['c5.18xlarge', 72, 147456], ['c5.24xlarge', 96, 196608],
  ['m6i.large', 2, 8192], ['m6i.xlarge', 4, 16384], ['m6i.2xlarge', 8, 32768], ['m6i.4xlarge', 16, 65536],
  ['m6i.8xlarge', 32, 131072], ['m6i.12xlarge', 48, 196608], ['m6i.16xlarge', 64, 262144],
  ['m6i.24xlarge', 96, 393216], ['m6i.32xlarge', 128, 524288],
  ['m5.large', 2, 8192], ['m5.xlarge', 4, 16384], ['m5.2xlarge', 8, 32768], ['m5.4xlarge', 16, 65536],
  ['m5.8xlarge', 32, 131072], ['m5.12xlarge', 48, 196608], ['m5.16xlarge', 64, 262144], ['m5.24xlarge', 96, 393216],
  ['r6i.large', 2, 16384], ['r6i.xlarge', 4, 32768], ['r6i.2xlarge', 8, 65536], ['r6i.4xlarge', 16, 131072],
  ['r6i.8xlarge', 32, 262144], ['r6i.12xlarge', 48, 393216], ['r6i.16xlarge', 64, 524288],
  ['r6i.24xlarge', 96, 786432], ['r6i.32xlarge', 128, 1048576],
  ['r5.large', 2, 16384], ['r5.xlarge', 4, 32768], ['r5.2xlarge', 8, 65536], ['r5.4xlarge', 16, 131072],
  ['r5.8xlarge', 32, 262144], ['r5.12xlarge', 48, 393216], ['r5.16xlarge', 64, 524288], ['r5.24xlarge', 96, 786432],
  // Current generations (Intel 7i, AMD 7a): dearer per hour than 6i, so chosen only when a test or user asks.
  ['m7i.large', 2, 8192], ['m7i.xlarge', 4, 16384], ['m7i.2xlarge', 8, 32768], ['m7i.4xlarge', 16, 65536],
  ['m7i.8xlarge', 32, 131072], ['m7i.12xlarge', 48, 196608], ['m7i.16xlarge', 64, 262144],
  ['m7i.24xlarge', 96, 393216], ['m7i.48xlarge', 192, 786432],
  ['c7i.large', 2, 4096], ['c7i.xlarge', 4, 8192], ['c7i.2xlarge', 8, 16384], ['c7i.4xlarge', 16, 32768],
  ['c7i.8xlarge', 32, 65536], ['c7i.12xlarge', 48, 98304], ['c7i.16xlarge', 64, 131072],
  ['c7i.24xlarge', 96, 196608], ['c7i.48xlarge', 192, 393216],
  ['r7i.large', 2, 16384], ['r7i.xlarge', 4, 32768], ['r7i.2xlarge', 8, 65536], ['r7i.4xlarge', 16, 131072],
  ['r7i.8xlarge', 32, 262144], ['r7i.12xlarge', 48, 393216], ['r7i.16xlarge', 64, 524288],
  ['r7i.24xlarge', 96, 786432], ['r7i.48xlarge', 192, 1572864],
  ['m7a.large', 2, 8192], ['m7a.xlarge', 4, 16384], ['m7a.2xlarge', 8, 32768], ['m7a.4xlarge', 16, 65536],
  ['m7a.8xlarge', 32, 131072], ['m7a.12xlarge', 48, 196608], ['m7a.16xlarge', 64, 262144],
  ['m7a.24xlarge', 96, 393216], ['m7a.32xlarge', 128, 524288], ['m7a.48xlarge', 192, 786432],
  ['c7a.large', 2, 4096], ['c7a.xlarge', 4, 8192], ['c7a.2xlarge', 8, 16384], ['c7a.4xlarge', 16, 32768],
  ['c7a.8xlarge', 32, 65536], ['c7a.12xlarge', 48, 98304], ['c7a.16xlarge', 64, 131072],
  ['c7a.24xlarge', 96, 196608], ['c7a.32xlarge', 128, 262144], ['c7a.48xlarge', 192, 393216],
  ['r7a.large', 2, 16384], ['r7a.xlarge', 4, 32768], ['r7a.2xlarge', 8, 65536], ['r7a.4xlarge', 16, 131072],
  ['r7a.8xlarge', 32, 262144], ['r7a.12xlarge', 48, 393216], ['r7a.16xlarge', 64, 524288],
  ['r7a.24xlarge', 96, 786432], ['r7a.32xlarge', 128, 1048576], ['r7a.48xlarge', 192, 1572864],
];

const CATALOG: InstanceType[] = TYPES.map(([name, vcpus, memoryMiB]) => {
  const family = name.split('.')[0];
  return { name, family, vcpus, memoryMiB, hourlyUsd: ec2Hourly(name, 'us-east-1')!.usd, burstable: FAMILIES[family].burstable };
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
  /**
   * STEADY load: choose among non-burstable types only (a steady load on a burstable baseline pays CPU credits).
   * A given burstable type is kept (the realization then sets standard credits).
   * @default false
   */
  readonly steady?: boolean;
  /**
   * The region whose prices rank the types and are quoted in the note.
   * @default 'us-east-1'
   */
  readonly region?: string;
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
    const region = request.region ?? 'us-east-1';
    const needMiB = request.memoryMiB + HOST_RESERVED_MIB;
    const shape = `${request.cpu} vCPU / ${request.memoryMiB} MiB (+${HOST_RESERVED_MIB} MiB for the OS and Docker)`;
    if (request.instanceType !== undefined) {
      const type = InstanceCatalog.find(request.instanceType);
      if (!type) {
        throw new PlacementError(where, `instanceType '${request.instanceType}' is not in the bundled catalogue.`,
          `use one of the catalogue's families (${Object.keys(FAMILIES).join(', ')}), e.g. 'm6i.large', or leave instanceType out.`);
      }
      const refusal = InstanceCatalog.refusal(tier, type);
      if (refusal) throw new PlacementError(where, `instanceType '${type.name}' ${refusal}`, suggestion(tier, request.cpu, needMiB, region));
      if (type.vcpus < request.cpu || type.memoryMiB < needMiB) {
        throw new PlacementError(where, `instanceType '${type.name}' (${type.vcpus} vCPU / ${type.memoryMiB} MiB) is too small for ${shape}.`,
          suggestion(tier, request.cpu, needMiB, region));
      }
      return { type, hostVcpus: InstanceCatalog.hostVcpus(type.family), note: `${tier}: instance type ${type.name} as given by instanceType (${type.vcpus} vCPU / ${type.memoryMiB} MiB, ${onDemand(type, region)}).` };
    }
    const type = cheapestFit(tier, request.cpu, needMiB, request.steady === true, region);
    if (!type) {
      const largest = largestFor(tier);
      throw new PlacementError(where, `the workload (${shape}) is larger than any catalogue type for ${tier}; the largest is ${largest.name} (${largest.vcpus} vCPU / ${largest.memoryMiB} MiB).`,
        'lower workload.cpu / workload.memoryMiB per replica and raise workload.replicas instead.');
    }
    return { type, hostVcpus: InstanceCatalog.hostVcpus(type.family), note: `${tier}: instance type ${type.name} chosen (no instanceType given): the cheapest ${request.steady ? 'non-burstable (STEADY load) ' : ''}catalogue type that fits ${shape} (${type.vcpus} vCPU / ${type.memoryMiB} MiB, ${onDemand(type, region)}).` };
  }

  /** The on-demand price of a type in a region's table, as a note says it: `$0.0970/h on demand in eu-central-1`. */
  public static quote(typeName: string, region: string): string {
    const type = InstanceCatalog.find(typeName);
    return type ? onDemand(type, region) : `no price for ${typeName}`;
  }

  /** Why the tier refuses a type, or undefined when it accepts it. */
  public static refusal(tier: PlacementTier, type: InstanceType): string | undefined {
    if (type.burstable && (tier === PlacementTier.DEDICATED_VM || tier === PlacementTier.DEDICATED_HOST)) {
      return `is burstable (CPU credits) and ${tier} refuses burstable types: dedicated hardware is bought for steady, unshared performance.`;
    }
    if (tier === PlacementTier.DEDICATED_HOST && InstanceCatalog.hostVcpus(type.family) === 0) {
      return `belongs to family ${type.family}, for which AWS offers no Dedicated Hosts.`;
    }
    if (tier === PlacementTier.DEDICATED_HOST && type.vcpus > InstanceCatalog.hostVcpus(type.family)) {
      return `has ${type.vcpus} vCPUs, more than the ${InstanceCatalog.hostVcpus(type.family)} of a ${type.family} Dedicated Host in this catalogue, so no host could hold it.`;
    }
    return undefined;
  }
}

function accepts(tier: PlacementTier, type: InstanceType): boolean {
  return InstanceCatalog.refusal(tier, type) === undefined;
}

/** The cheapest fitting type at the region's prices; ties in catalogue order (the smaller, then the newer family). */
function cheapestFit(tier: PlacementTier, cpu: number, memoryMiB: number, steady: boolean, region: string): InstanceType | undefined {
  let best: { type: InstanceType; usd: number } | undefined;
  for (const type of BY_PRICE) {
    if (!accepts(tier, type) || (steady && type.burstable) || type.vcpus < cpu || type.memoryMiB < memoryMiB) continue;
    const usd = PriceTables.instanceHourly(type.name, region)?.usd ?? type.hourlyUsd;
    if (!best || usd < best.usd) best = { type, usd };
  }
  return best?.type;
}

function onDemand(type: InstanceType, region: string): string {
  const table = PriceTables.resolve(region);
  const usd = PriceTables.instanceHourly(type.name, region)?.usd ?? type.hourlyUsd;
  return `$${usd}/h on demand in ${table.region}${table.region === region ? '' : ` (no price table for ${region})`}`;
}

function largestFor(tier: PlacementTier): InstanceType {
  return CATALOG.filter((t) => accepts(tier, t)).reduce((a, b) => (b.memoryMiB > a.memoryMiB || (b.memoryMiB === a.memoryMiB && b.vcpus > a.vcpus) ? b : a));
}

function suggestion(tier: PlacementTier, cpu: number, memoryMiB: number, region: string): string {
  const fit = cheapestFit(tier, cpu, memoryMiB, false, region);
  return fit ? `use '${fit.name}' (the cheapest that fits ${tier}) or leave instanceType out to have it chosen.`
    : 'lower workload.cpu / workload.memoryMiB per replica and raise workload.replicas instead.';
}
