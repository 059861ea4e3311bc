import { NetworkCost, PlacementCost, PoolCost } from './cost-inputs';
import { estimateSized, HOURS_PER_MONTH, Money, networkItems, poolItem } from './cost-items';
import { PriceTables } from './price-tables';
import { PlacementTier } from '../placement/boundary';
import { requireStruct, requireStructs } from '../needs/input-check';

/** One line of an estimate or a bill. */
export interface CostItem {
  /** What is paid for, in plain words. */
  readonly what: string;
  /** USD per month (730 hours), rounded to cents. */
  readonly monthlyUsd: number;
  /**
   * The Terraform resource type the item prices, e.g. 'aws_nat_gateway'.
   * @default - a charge no resource carries (the Dedicated Instances region fee) or a usage-priced one
   */
  readonly resourceType?: string;
  /**
   * How many units of `resourceType` the item prices: resources, but zones of an interface endpoint (it
   * is billed per zone), and the fraction of a shared pool a service's share is.
   * @default - none (no resourceType)
   */
  readonly quantity?: number;
  /**
   * Set when the amount is not only confirmed list prices: what it rests on (an estimate's rule, a
   * price-list row not re-checked, an assumption such as the load balancer's capacity units).
   * @default - confirmed list prices only
   */
  readonly estimate?: string;
}

/** The monthly cost of a placement, a network or a pool. */
export interface CostEstimate {
  /** The sum of the items, in cents exactly. */
  readonly monthlyUsd: number;
  /** What is paid for; items of $0.00 are left out. */
  readonly items: CostItem[];
  /** The region asked for. */
  readonly requestedRegion: string;
  /** The region whose prices were used. */
  readonly pricesRegion: string;
  /** The date of the price tables. */
  readonly pricesAsOf: string;
  /** e.g. the fallback region's prices were used. */
  readonly warnings: string[];
}

/** Which price table a region is priced with. */
export interface PriceTableInfo {
  /** The region asked for. */
  readonly requestedRegion: string;
  /** The region whose prices are used. */
  readonly pricesRegion: string;
  /** The date of the price tables. */
  readonly pricesAsOf: string;
  /**
   * Set when the region has no table and the fallback's prices are used.
   * @default - the region has its own table
   */
  readonly warning?: string;
}

/** One tier a target offered a workload, as the report shows it. */
export interface TierAlternative {
  /** The tier offered. */
  readonly tier: PlacementTier;
  /** The tier isolates enough for the workload's needs. */
  readonly meetsNeeds: boolean;
  /**
   * What the workload would cost on it per month (the offer's estimate).
   * @default - unpriced (a Docker target), or the tier cannot run it
   */
  readonly monthlyUsd?: number;
  /**
   * Why the tier cannot run the workload.
   * @default - it can
   */
  readonly refusal?: string;
}

/** Monthly USD of placements, networks and pools, from the dated price tables. Pure and deterministic; list prices, 730 hours a month. */
export class CostEstimator {
  /** Hours in the month the estimates use. */
  public static readonly HOURS_PER_MONTH = HOURS_PER_MONTH;

  /**
   * The monthly cost of one placement, as items: its tier sized as an AwsTarget sizes it (instance type,
   * Dedicated Hosts, Fargate size, pool), then what it owns. Throws PlacementError for invalid input or a
   * tier that cannot run it.
   */
  public static estimate(input: PlacementCost): CostEstimate {
    requireStruct('CostEstimator.estimate', 'the placement', input, "{ tier: 'vm', cpu: 1, memoryMiB: 2048 }");
    return estimateSized(input).cost;
  }

  /** The monthly cost of a network: endpoints per zone, NAT gateways, public IPv4, its flow log key and ingestion. */
  public static network(input: NetworkCost): CostEstimate {
    requireStruct('CostEstimator.network', 'the network', input, '{ interfaceEndpoints: 7, zones: 2 }');
    const money = new Money('network', input.region ?? 'us-east-1');
    networkItems(money, input, 'network');
    return money.estimate();
  }

  /** The monthly cost of a pool of identical instances with their gp3 root volumes. */
  public static pool(input: PoolCost): CostEstimate {
    requireStruct('CostEstimator.pool', 'the pool', input, "{ instanceType: 'c6i.large', instances: 2 }");
    const money = new Money('pool', input.region ?? 'us-east-1');
    poolItem(money, 'pool', input.instanceType, money.count('instances', input.instances), money.amount('rootVolumeGiB', input.rootVolumeGiB ?? 30));
    return money.estimate();
  }

  /** The total of several estimates (a stack's), in cents exactly. */
  public static total(estimates: CostEstimate[]): number {
    requireStructs('CostEstimator.total', 'estimates', estimates, '{ monthlyUsd: 70.08, items: [] }');
    return estimates.reduce((cents, e) => cents + Math.round(e.monthlyUsd * 100), 0) / 100;
  }

  /** The price table used for a region (for a stack's report), and a warning when it is the fallback's. */
  public static prices(region: string): PriceTableInfo {
    const resolved = PriceTables.resolve(region);
    return { requestedRegion: region, pricesRegion: resolved.region, pricesAsOf: resolved.asOf, warning: resolved.warning };
  }
}

