// The one place prices are applied: a sized tier (compute and storage), what a workload owns beside it
// (key, load balancer, its own network), networks and pools, in whole cents so every total is exactly the
// sum of its items. Each item names the Terraform resource type it prices and how many, and says what an
// estimate rests on.
import type { CostEstimate, CostItem } from './cost-estimator';
import type { NetworkCost, PlacementCost } from './cost-inputs';
import { PriceTables } from './price-tables';
import { PriceRow } from './prices/ec2';
import { ServicePrices } from './prices/services';
import { HOURS_PER_MONTH } from './prices/sources';
import { SizedTier, sizeTier } from './sizing';
import { TierSizing } from './tier-sizing';
import { PlannedPool } from './trunking';
import { PlacementTier } from '../placement/boundary';
import { PlacementError } from '../placement-error';

export { HOURS_PER_MONTH };

/** Root volume (gp3) of every instance the library builds (VM tiers and pools), GiB: the ECS-optimized AMI's default. */
export const ROOT_VOLUME_GIB = 30;

/** How an item is priced besides its amount. */
export interface ItemOptions {
  /** The table rows the amount uses: an estimate or unconfirmed row labels the item. */
  readonly rows?: PriceRow[];
  /** The Terraform resource type the item prices. */
  readonly resourceType?: string;
  /** How many resources of that type (a fraction for a share of a pool). */
  readonly quantity?: number;
  /** An assumption the amount rests on besides the rows (e.g. the load balancer's capacity units). */
  readonly assumption?: string;
}

/** Items in whole cents, so the total is exactly the sum of the items. */
export class Money {
  public readonly prices: ServicePrices;
  /** The region whose table is used. */
  public readonly region: string;
  private readonly items: Array<CostItem & { cents: number }> = [];
  private readonly warnings: string[] = [];

  constructor(public readonly where: string, public readonly requestedRegion: string) {
    if (typeof requestedRegion !== 'string' || requestedRegion === '') {
      throw new PlacementError(where, 'region must be a region name such as eu-west-1.', 'give the stack\'s AWS region.');
    }
    const resolved = PriceTables.resolve(requestedRegion);
    this.region = resolved.region;
    if (resolved.warning) this.warnings.push(resolved.warning);
    this.prices = PriceTables.services(requestedRegion);
  }

  /** Adds an item priced per hour (times 730). Zero items are left out. */
  public hourly(what: string, usdPerHour: number, options: ItemOptions = {}): void {
    this.monthly(what, usdPerHour * HOURS_PER_MONTH, options);
  }

  public monthly(what: string, usd: number, options: ItemOptions = {}): void {
    // The epsilon keeps 36.0401 and 70.08000000000001 from drifting a cent either way.
    this.cents(what, Math.round(usd * 100 + 1e-7), options);
  }

  /** Adds an item of a whole number of cents (shares of a pool, split exactly). */
  public cents(what: string, cents: number, options: ItemOptions = {}): void {
    if (cents <= 0) return;
    const estimate = basisOf(options);
    this.items.push({
      what, monthlyUsd: cents / 100, cents,
      ...(options.resourceType !== undefined ? { resourceType: options.resourceType, quantity: options.quantity ?? 1 } : {}),
      ...(estimate ? { estimate } : {}),
    });
  }

  public instanceRow(typeName: string): PriceRow {
    const row = PriceTables.instanceHourly(typeName, this.requestedRegion);
    if (!row) {
      throw new PlacementError(this.where, `instance type '${typeName}' has no price in the tables.`,
        'use a catalogue type (InstanceCatalog.all()), e.g. m6i.large.');
    }
    return row;
  }

  /** A whole number at least `min`, or a PlacementError naming the field. */
  public count(field: string, value: number, min = 0): number {
    if (!Number.isInteger(value) || value < min) {
      throw new PlacementError(this.where, `${field} must be a whole number of at least ${min}, got ${String(value)}.`, `give ${field} as a whole number >= ${min}.`);
    }
    return value;
  }

  /** A finite non-negative number, or a PlacementError naming the field. */
  public amount(field: string, value: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new PlacementError(this.where, `${field} must be a non-negative number, got ${String(value)}.`, `give ${field} as a number >= 0.`);
    }
    return value;
  }

  public estimate(): CostEstimate {
    return {
      monthlyUsd: this.items.reduce((s, i) => s + i.cents, 0) / 100,
      items: this.items.map(({ cents: _cents, ...item }) => item),
      requestedRegion: this.requestedRegion,
      pricesRegion: this.region,
      pricesAsOf: PriceTables.resolve(this.requestedRegion).asOf,
      warnings: [...this.warnings],
    };
  }
}

/** The basis said of a price-list row not re-checked against a public page. */
export const UNCONFIRMED = 'a list price not re-checked against a public page (AWS Price List as last seen)';

/** What an item rests on when it is not only confirmed list prices. */
function basisOf(options: ItemOptions): string | undefined {
  const parts = new Set<string>();
  for (const row of options.rows ?? []) {
    // An estimate states its rule; a list price not confirmed says so (its source is in lib/capacity/prices).
    if (row.source.estimate) parts.add(row.source.source);
    else if (!row.source.confirmed) parts.add(UNCONFIRMED);
  }
  if (options.assumption) parts.add(`assumed: ${options.assumption}`);
  return parts.size ? [...parts].join('; ') : undefined;
}

/** A placement sized and priced: what the offer of a tier carries. */
export interface SizedEstimate extends SizedTier {
  readonly cost: CostEstimate;
}

/**
 * Sizes the placement on its tier and prices it: compute and storage as sized, then what it owns (key,
 * load balancer, its own network). Throws PlacementError when the tier cannot run it or the input is invalid.
 */
export function estimateSized(input: PlacementCost): SizedEstimate {
  const money = new Money(input.where ?? 'workload', input.region ?? 'us-east-1');
  const replicas = money.count('replicas', input.replicas ?? 1, 1);
  const zones = money.count('zones', input.zones ?? 1, 1);
  const sized = sizeTier({
    where: money.where, tier: input.tier, region: money.requestedRegion, cpu: money.amount('cpu', input.cpu), memoryMiB: money.amount('memoryMiB', input.memoryMiB),
    replicas, maxReplicas: input.maxReplicas === undefined ? undefined : money.count('maxReplicas', input.maxReplicas, 1), instanceType: input.instanceType,
    steady: input.steady === true, zones,
  });
  computeItems(money, input, sized);
  ownItems(money, input, zones);
  return { ...sized, cost: money.estimate() };
}

/** Compute and storage of the sized tier. */
function computeItems(money: Money, input: PlacementCost, sized: SizedTier): void {
  const p = money.prices;
  const s = sized.sizing;
  const replicas = s.replicas;
  const volume = money.amount('rootVolumeGiB', input.rootVolumeGiB ?? 8);
  const storage = (n: number) => n * volume * p.gp3GbMonth.usd;
  const volumes = volume > 0 ? `, ${volume} GiB gp3 root volume each` : '';
  const gp3 = volume > 0 ? [p.gp3GbMonth] : [];
  switch (input.tier) {
    case PlacementTier.MICROVM_CONTAINER: {
      const arm = input.architecture === 'arm64';
      const [vcpu, gb] = arm ? [p.fargateArmVcpuHour, p.fargateArmGbHour] : [p.fargateX86VcpuHour, p.fargateX86GbHour];
      const perTask = (s.taskCpuUnits! / 1024) * vcpu.usd + (s.taskMemoryMiB! / 1024) * gb.usd;
      money.hourly(`compute: ${replicas} x Fargate task ${s.taskCpuUnits! / 1024} vCPU / ${s.taskMemoryMiB! / 1024} GiB (${arm ? 'ARM' : 'x86'})`, replicas * perTask,
        { rows: [vcpu, gb], resourceType: 'aws_ecs_service' });
      return;
    }
    case PlacementTier.SHARED_CONTAINER:
    case PlacementTier.SANDBOXED_CONTAINER: {
      const pool = sized.pool!;
      if (input.sharedPool === true) {
        const [share] = pool.shares;
        money.cents(poolShareText(pool, share.fraction, `${pool.instanceType} (as its tasks alone would need it)`), Math.floor(poolCents(money, pool) * share.fraction),
          { rows: poolRows(money, pool.instanceType), resourceType: POOL_RESOURCE, quantity: share.fraction });
      } else {
        poolItem(money, 'pool (its own)', pool.instanceType, pool.instances);
      }
      return;
    }
    case PlacementTier.DEDICATED_HOST: {
      const plan = s.hostPlan!;
      const host = PriceTables.hostHourly(plan.family, plan.hostVcpus, money.requestedRegion)!;
      money.hourly(`hosts: ${plan.hosts} x ${plan.family} Dedicated Host (${plan.hostVcpus} vCPU), billed whole`, plan.hosts * host.usd,
        { rows: [host, money.instanceRow(plan.instanceType)], resourceType: 'aws_ec2_host', quantity: plan.hosts });
      money.monthly(`instances: ${replicas} x ${s.instanceType} on the hosts (their hours are in the hosts' price)${volumes}`, storage(replicas),
        { rows: gp3, resourceType: 'aws_instance', quantity: replicas });
      return;
    }
    case PlacementTier.DEDICATED_VM: {
      const row = money.instanceRow(s.instanceType!);
      const uplift = p.dedicatedUplift;
      money.hourly(`compute: ${replicas} x ${s.instanceType} dedicated instance (on demand +${round1(100 * uplift.usd)} %)${volumes}`,
        replicas * row.usd * (1 + uplift.usd) + storage(replicas) / HOURS_PER_MONTH, { rows: [row, uplift, ...gp3], resourceType: 'aws_instance', quantity: replicas });
      return;
    }
    default: {
      const row = money.instanceRow(s.instanceType!);
      money.hourly(`compute: ${replicas} x ${s.instanceType} on demand${volumes}`, replicas * row.usd + storage(replicas) / HOURS_PER_MONTH,
        { rows: [row, ...gp3], resourceType: 'aws_instance', quantity: replicas });
    }
  }
}

/** The key, logs, load balancer and own network a workload owns. */
function ownItems(money: Money, input: PlacementCost, zones: number): void {
  const p = money.prices;
  if (input.ownKey !== false) money.monthly('KMS key (its own)', p.kmsKeyMonth.usd, { rows: [p.kmsKeyMonth], resourceType: 'aws_kms_key' });
  const logs = money.amount('logIngestionGiBPerMonth', input.logIngestionGiBPerMonth ?? 0);
  money.monthly(`log group ingestion: ${logs} GiB`, logs * p.logsIngestGb.usd, { rows: [p.logsIngestGb] });
  if (input.ownNetwork !== undefined) networkItems(money, input.ownNetwork, 'own network');
  const kind = input.loadBalancer ?? 'none';
  if (kind !== 'none') {
    const units = money.amount('loadBalancerCapacityUnits', input.loadBalancerCapacityUnits ?? 1);
    const alb = kind === 'application';
    const [hour, unit] = alb ? [p.albHour, p.albLcuHour] : [p.nlbHour, p.nlbNlcuHour];
    // An internet-facing load balancer has a public IPv4 address in each of its zones, billed like any other.
    const ips = input.internetFacing === true ? zones : 0;
    money.hourly(`load balancer: ${input.internetFacing === true ? 'internet-facing' : 'internal'} ${alb ? 'ALB' : 'NLB'}, ${units} ${alb ? 'LCU' : 'NLCU'} on average`
      + `${ips ? `, ${ips} public IPv4 address(es)` : ''}`, hour.usd + units * unit.usd + ips * p.ipv4Hour.usd,
    { rows: [hour, unit, ...(ips ? [p.ipv4Hour] : [])], resourceType: 'aws_lb', assumption: `${units} capacity unit(s) an hour on average (traffic is unknown at synth)` });
  }
}

/** A network's items: interface endpoints per zone, NAT gateways, their Elastic IPs, its flow log's key and ingestion. */
export function networkItems(money: Money, input: NetworkCost, label: string): void {
  const p = money.prices;
  const endpoints = money.count('interfaceEndpoints', input.interfaceEndpoints);
  const zones = money.count('zones', input.zones, 1);
  money.hourly(`${label}: ${endpoints} interface endpoint(s) x ${zones} zone(s) (data processed, $${p.endpointGb.usd}/GB, not included)`,
    endpoints * zones * p.endpointZoneHour.usd, { rows: [p.endpointZoneHour], resourceType: 'aws_vpc_endpoint', quantity: endpoints * zones });
  const nat = money.count('natGateways', input.natGateways ?? 0);
  money.hourly(`${label}: ${nat} NAT gateway(s) (data processed, $${p.natGb.usd}/GB, not included)`, nat * p.natHour.usd,
    { rows: [p.natHour], resourceType: 'aws_nat_gateway', quantity: nat });
  const ips = money.count('publicIpv4Addresses', input.publicIpv4Addresses ?? 0);
  money.hourly(`${label}: ${ips} public IPv4 address(es) (Elastic IPs)`, ips * p.ipv4Hour.usd, { rows: [p.ipv4Hour], resourceType: 'aws_eip', quantity: ips });
  const keys = money.count('kmsKeys', input.kmsKeys ?? 0);
  money.monthly(`${label}: ${keys} KMS key(s) (flow log)`, keys * p.kmsKeyMonth.usd, { rows: [p.kmsKeyMonth], resourceType: 'aws_kms_key', quantity: keys });
  const flow = money.amount('flowLogGiBPerMonth', input.flowLogGiBPerMonth ?? 0);
  money.monthly(`${label}: flow log ingestion ${flow} GiB`, flow * p.logsIngestGb.usd, { rows: [p.logsIngestGb] });
}

/** The Terraform resource a pool is billed through: its auto scaling group launches the instances. */
export const POOL_RESOURCE = 'aws_autoscaling_group';

/** A whole pool as one item: its instances on demand with their root volumes. */
export function poolItem(money: Money, label: string, instanceType: string, instances: number, rootVolumeGiB = ROOT_VOLUME_GIB): void {
  money.cents(`${label}: ${instances} x ${instanceType} on demand, ${rootVolumeGiB} GiB gp3 root volume each`,
    poolCentsOf(money, instanceType, instances, rootVolumeGiB), { rows: poolRows(money, instanceType), resourceType: POOL_RESOURCE });
}

/** A pool's monthly cost in cents: instances on demand and their root volumes. */
export function poolCents(money: Money, pool: { instanceType: string; instances: number }): number {
  return poolCentsOf(money, pool.instanceType, pool.instances, ROOT_VOLUME_GIB);
}

function poolCentsOf(money: Money, instanceType: string, instances: number, rootVolumeGiB: number): number {
  const perInstance = money.instanceRow(instanceType).usd * HOURS_PER_MONTH + rootVolumeGiB * money.prices.gp3GbMonth.usd;
  return Math.round(instances * perInstance * 100 + 1e-7);
}

function poolRows(money: Money, instanceType: string): PriceRow[] {
  return [money.instanceRow(instanceType), money.prices.gp3GbMonth];
}

/** How a share of a pool reads: what its tasks reserve of the binding dimension. */
export function poolShareText(pool: { binding: string; instances: number; instanceType: string }, fraction: number, of: string): string {
  return `compute: share of pool ${of}: its tasks reserve ${round1(100 * fraction)} % of the ${pool.instances} instance(s)' ${pool.binding}`;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export type { TierSizing };

/** The Dedicated Instances fee of a region: charged per hour while any dedicated instance runs there, once per account. */
export function dedicatedFeeItem(money: Money, who: string): void {
  const fee = money.prices.dedicatedRegionFeeHour;
  money.hourly(`Dedicated Instances region fee: $${fee.usd}/h while any dedicated instance runs in ${money.requestedRegion}, once per account (${who})`, fee.usd,
    { rows: [fee] });
}

/** A network's estimate with its items labelled (a target's tenant network, the dense services' VPC). */
export function networkEstimate(region: string, input: NetworkCost, label: string): CostEstimate {
  const money = new Money(label, region);
  networkItems(money, input, label);
  return money.estimate();
}

/** Shared items that are neither network nor pool: KMS keys of shared things, the Dedicated Instances region fee. */
export function sharedEstimate(region: string, label: string, keys: number, dedicatedFeeFor?: string): CostEstimate {
  const money = new Money(label, region);
  const p = money.prices;
  money.monthly(`${label}: ${keys} KMS key(s)`, keys * p.kmsKeyMonth.usd, { rows: [p.kmsKeyMonth], resourceType: 'aws_kms_key', quantity: keys });
  if (dedicatedFeeFor !== undefined) dedicatedFeeItem(money, dedicatedFeeFor);
  return money.estimate();
}

/** A pool priced and split: its whole cost, each workload's share (by construct path) and the unreserved slack. */
export interface PoolBill {
  readonly monthlyUsd: number;
  readonly shares: ReadonlyArray<{ readonly key: string; readonly item: CostItem }>;
  /** The capacity no workload reserves (the zone floor, the packing's remainder): the stack's, as a shared item. */
  readonly slack?: CostItem;
}

/**
 * A shared pool's bill: each workload pays what its tasks reserve of the binding dimension, in whole
 * cents rounded down, and the rest of the pool is slack; shares and slack add up to the pool exactly.
 */
export function poolBill(region: string, name: string, pool: PlannedPool): PoolBill {
  const money = new Money(name, region);
  const total = poolCents(money, pool);
  const rows = poolRows(money, pool.instanceType);
  const shares = pool.shares.map((share) => {
    const cents = Math.floor(total * share.fraction + 1e-7);
    const part = new Money(name, region);
    part.cents(poolShareText(pool, share.fraction, `${name} (${pool.instances} x ${pool.instanceType})`), cents, { rows, resourceType: POOL_RESOURCE, quantity: share.fraction });
    return { key: share.key, cents, item: part.estimate().items[0] };
  });
  const slackCents = total - shares.reduce((s, x) => s + x.cents, 0);
  const slack = new Money(name, region);
  // A share too small for a cent leaves its fraction to the slack, so the quantities still add up to the one pool.
  const reserved = shares.reduce((s, x) => s + (x.item ? x.item.quantity! : 0), 0);
  slack.cents(`pool ${name}: unreserved capacity (${round1(100 * (1 - reserved))} % of its ${pool.binding}: the zone floor and what packing leaves) `
    + `of ${pool.instances} x ${pool.instanceType}`, slackCents, { rows, resourceType: POOL_RESOURCE, quantity: Math.max(0, 1 - reserved) });
  return {
    monthlyUsd: total / 100,
    shares: shares.filter((s) => s.item !== undefined).map(({ key, item }) => ({ key, item })),
    slack: slack.estimate().items[0],
  };
}
