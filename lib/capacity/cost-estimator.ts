import { NetworkCost, PlacementCost, PoolCost } from './cost-inputs';
import { computeItems, HOURS_PER_MONTH, Money, sharedItems } from './cost-items';
import { InstanceCatalog } from './instance-catalog';
import { PriceTables } from './price-tables';
import { PlacementTier } from '../placement/boundary';
import { PlacementEngine, TierCost } from '../placement/engine';
import { TIER_TABLE, tierProfile } from '../placement/tiers';
import { IsolationNeeds } from '../needs/needs';
import { PlacementError } from '../placement-error';
import { requireStruct, requireStructs } from '../needs/input-check';

/** One line of an estimate. */
export interface CostItem {
  /** What is paid for, in plain words. */
  readonly what: string;
  /** USD per month (730 hours), rounded to cents. */
  readonly monthlyUsd: number;
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

/** What a workload would cost on one tier. */
export interface TierAlternative {
  /** The tier priced. */
  readonly tier: PlacementTier;
  /** What the workload would cost on it per month. */
  readonly monthlyUsd: number;
  /** The tier isolates enough for the workload's needs. */
  readonly meetsNeeds: boolean;
}

/** Monthly USD of placements, from the dated price tables. Pure and deterministic; list prices, 730 hours a month. */
export class CostEstimator {
  /** Hours in the month the estimates use. */
  public static readonly HOURS_PER_MONTH = HOURS_PER_MONTH;

  /** The monthly cost of one placement, as items. Throws PlacementError for invalid input. */
  public static estimate(input: PlacementCost): CostEstimate {
    requireStruct('CostEstimator.estimate', 'the placement', input, "{ tier: 'vm', cpu: 1, memoryMiB: 2048 }");
    const money = new Money(input.where ?? 'workload', input.region ?? 'us-east-1');
    computeItems(money, input);
    sharedItems(money, input);
    return money.estimate();
  }

  /** The monthly cost of a network: endpoints per zone, NAT gateways, public IPv4, flow log ingestion. */
  public static network(input: NetworkCost): CostEstimate {
    requireStruct('CostEstimator.network', 'the network', input, '{ interfaceEndpoints: 7, zones: 2 }');
    const money = new Money('network', input.region ?? 'us-east-1');
    const p = money.prices;
    const endpointHours = money.count('interfaceEndpoints', input.interfaceEndpoints) * money.count('zones', input.zones);
    money.hourly(`interface endpoints: ${input.interfaceEndpoints} x ${input.zones} zones (data processed, $${p.endpointGb.usd}/GB, not included)`, endpointHours * p.endpointZoneHour.usd);
    const nat = money.count('natGateways', input.natGateways ?? 0);
    money.hourly(`NAT gateways: ${nat} (data processed, $${p.natGb.usd}/GB, not included)`, nat * p.natHour.usd);
    money.hourly(`public IPv4 addresses: ${input.publicIpv4Addresses ?? 0}`, money.count('publicIpv4Addresses', input.publicIpv4Addresses ?? 0) * p.ipv4Hour.usd);
    money.monthly(`flow log ingestion: ${input.flowLogGiBPerMonth ?? 0} GiB`, money.amount('flowLogGiBPerMonth', input.flowLogGiBPerMonth ?? 0) * p.logsIngestGb.usd);
    return money.estimate();
  }

  /** The monthly cost of a pool of identical instances with their gp3 root volumes. */
  public static pool(input: PoolCost): CostEstimate {
    requireStruct('CostEstimator.pool', 'the pool', input, "{ instanceType: 'c6i.large', instances: 2 }");
    const money = new Money('pool', input.region ?? 'us-east-1');
    const instances = money.count('instances', input.instances);
    const hourly = money.instanceHourly(input.instanceType);
    money.hourly(`pool: ${instances} x ${input.instanceType} on demand`, instances * hourly);
    const volume = money.amount('rootVolumeGiB', input.rootVolumeGiB ?? 30);
    money.monthly(`pool storage: ${instances} x ${volume} GiB gp3`, instances * volume * money.prices.gp3GbMonth.usd);
    return money.estimate();
  }

  /**
   * What the workload would cost on each of the target's tiers (in table order), and whether each isolates
   * enough. The input is re-aimed at each tier (its instance type kept where the tier accepts it, else the
   * cheapest that fits). A tier that cannot run the workload at all (too large for any of its sizes) is left out.
   */
  public static alternatives(input: PlacementCost, tiers: PlacementTier[], isolation: IsolationNeeds): TierAlternative[] {
    requireStruct('CostEstimator.alternatives', 'the placement', input, "{ tier: 'vm', cpu: 1, memoryMiB: 2048 }");
    if (!Array.isArray(tiers)) requireStructs('CostEstimator.alternatives', 'tiers', tiers, "'vm'");
    return CostEstimator.alternativesOf([...new Set(tiers)].map((tier) => alternativeInput(input, tier)), isolation);
  }

  /**
   * The same from one fully described placement per tier, for a target whose tiers differ in more than
   * compute (e.g. a Fargate tenant needs fewer endpoints of its own than a VM tenant). One input per tier.
   */
  public static alternativesOf(placements: PlacementCost[], isolation: IsolationNeeds): TierAlternative[] {
    requireStructs('CostEstimator.alternativesOf', 'placements', placements, "{ tier: 'vm', cpu: 1, memoryMiB: 2048 }");
    requireStruct('CostEstimator.alternativesOf', 'isolation', isolation, "{ coTenancy: 'hostile' }");
    const required = PlacementEngine.requiredBoundary(isolation);
    const ownKernel = isolation.ownKernel === true;
    const tiers = placements.map((p) => p.tier);
    const twice = tiers.find((t, i) => tiers.indexOf(t) !== i);
    if (twice !== undefined) {
      throw new PlacementError(placements[0].where ?? 'workload', `alternatives list tier '${twice}' twice.`, 'give one placement per tier.');
    }
    const out: TierAlternative[] = [];
    for (const placement of [...placements].sort((a, b) => order(a.tier) - order(b.tier))) {
      const profile = tierProfile(placement.tier);
      let estimate: CostEstimate;
      try {
        estimate = CostEstimator.estimate(placement);
      } catch (e) {
        if (e instanceof PlacementError) continue;
        throw e;
      }
      out.push({
        tier: placement.tier, monthlyUsd: estimate.monthlyUsd,
        meetsNeeds: PlacementEngine.isAtLeast(profile.provides, required) && !(ownKernel && profile.family === 'container'),
      });
    }
    return out;
  }

  /** The engine's `tierCosts` from alternatives: every alternative, priced. */
  public static tierCosts(alternatives: TierAlternative[]): TierCost[] {
    requireStructs('CostEstimator.tierCosts', 'alternatives', alternatives, "{ tier: 'vm', monthlyUsd: 70.08, meetsNeeds: true }");
    return alternatives.map((a) => ({ tier: a.tier, monthlyUsd: a.monthlyUsd }));
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

function order(tier: PlacementTier): number {
  return TIER_TABLE.findIndex((p) => p.tier === tier);
}

/** The input re-aimed at another tier: sizes chosen for that tier unless the given ones suit it. */
function alternativeInput(input: PlacementCost, tier: PlacementTier): PlacementCost {
  if (tier === input.tier) return input;
  const given = input.instanceType === undefined ? undefined : InstanceCatalog.find(input.instanceType);
  const keepType = given !== undefined && InstanceCatalog.refusal(tier, given) === undefined;
  return { ...input, tier, hosts: undefined, instanceType: keepType ? input.instanceType : undefined };
}
