// The items of a placement's monthly cost (CostEstimator.estimate), and the cent-exact money they add up in.
import type { CostEstimate } from './cost-estimator';
import type { PlacementCost } from './cost-inputs';
import { FargateSizes } from './fargate-sizes';
import { HOST_RESERVED_MIB, InstanceCatalog, InstanceType } from './instance-catalog';
import { PoolPlanner } from './pool-planner';
import { PriceTables } from './price-tables';
import { ServicePrices } from './prices/services';
import { HOURS_PER_MONTH } from './prices/sources';
import { PlacementTier } from '../placement/boundary';
import { PlacementError } from '../placement-error';

export { HOURS_PER_MONTH };

/** Items in whole cents, so the total is exactly the sum of the items. */
export class Money {
  public readonly prices: ServicePrices;
  private readonly items: Array<{ what: string; cents: number }> = [];
  private readonly region: string;
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
  public hourly(what: string, usdPerHour: number): void {
    this.monthly(what, usdPerHour * HOURS_PER_MONTH);
  }

  public monthly(what: string, usd: number): void {
    // The epsilon keeps 36.0401 and 70.08000000000001 from drifting a cent either way.
    const cents = Math.round(usd * 100 + 1e-7);
    if (cents > 0) this.items.push({ what, cents });
  }

  public instanceHourly(typeName: string): number {
    const row = PriceTables.instanceHourly(typeName, this.requestedRegion);
    if (!row) {
      throw new PlacementError(this.where, `instance type '${typeName}' has no price in the tables.`,
        'use a catalogue type (InstanceCatalog.all()), e.g. m6i.large.');
    }
    return row.usd;
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
      items: this.items.map((i) => ({ what: i.what, monthlyUsd: i.cents / 100 })),
      requestedRegion: this.requestedRegion,
      pricesRegion: this.region,
      pricesAsOf: PriceTables.resolve(this.requestedRegion).asOf,
      warnings: [...this.warnings],
    };
  }
}

/** Compute and storage of the tier. */
export function computeItems(money: Money, input: PlacementCost): void {
  const replicas = money.count('replicas', input.replicas ?? 1, 1);
  const cpu = money.amount('cpu', input.cpu);
  const memoryMiB = money.amount('memoryMiB', input.memoryMiB);
  const p = money.prices;
  const tier = input.tier;
  const where = money.where;
  if (tier === PlacementTier.MICROVM_CONTAINER) {
    const { size } = FargateSizes.fit(where, cpu, memoryMiB);
    const arm = input.architecture === 'arm64';
    const perTask = (size.cpuUnits / 1024) * (arm ? p.fargateArmVcpuHour : p.fargateX86VcpuHour).usd
      + (size.memoryMiB / 1024) * (arm ? p.fargateArmGbHour : p.fargateX86GbHour).usd;
    money.hourly(`compute: ${replicas} x Fargate task ${size.cpuUnits / 1024} vCPU / ${size.memoryMiB / 1024} GiB (${arm ? 'ARM' : 'x86'})`, replicas * perTask);
    return;
  }
  if (tier === PlacementTier.SHARED_CONTAINER || tier === PlacementTier.SANDBOXED_CONTAINER) {
    const type = catalogueType(where, PlacementTier.SHARED_CONTAINER, cpu, memoryMiB, input.poolInstanceType);
    // The share of a pool instance the tasks reserve: the larger of their cpu and memory fractions.
    const fraction = Math.max(cpu / type.vcpus, memoryMiB / (type.memoryMiB - HOST_RESERVED_MIB));
    money.hourly(`compute: share of pool ${type.name} for ${replicas} x ${cpu} vCPU / ${memoryMiB} MiB (${round1(100 * fraction)} % of an instance each)`,
      replicas * fraction * money.instanceHourly(type.name));
    return;
  }
  const zones = money.count('zones', input.zones ?? 1, 1);
  // Without a given type the host family is chosen by host price, as the target places it.
  const hostPlan = tier === PlacementTier.DEDICATED_HOST && input.instanceType === undefined
    ? PoolPlanner.planDedicatedHosts({ replicas, cpu, memoryMiB, zones, region: money.requestedRegion, where }) : undefined;
  const type = catalogueType(where, tier, cpu, memoryMiB, hostPlan?.instanceType ?? input.instanceType);
  const hourly = money.instanceHourly(type.name);
  if (tier === PlacementTier.DEDICATED_HOST) {
    const hostVcpus = InstanceCatalog.hostVcpus(type.family);
    const perHost = Math.floor(hostVcpus / type.vcpus);
    const hosts = input.hosts !== undefined ? money.count('hosts', input.hosts, 1) : Math.max(Math.ceil(replicas / perHost), Math.min(replicas, zones));
    const host = PriceTables.hostHourly(type.family, hostVcpus, money.requestedRegion)!;
    money.hourly(`hosts: ${hosts} x ${type.family} Dedicated Host (${hostVcpus} vCPU; ${replicas} x ${type.name} on them, not billed apart)`, hosts * host.usd);
  } else if (tier === PlacementTier.DEDICATED_VM) {
    const uplift = p.dedicatedUplift.usd;
    money.hourly(`compute: ${replicas} x ${type.name} dedicated instance (on demand +${round1(100 * uplift)} %)`, replicas * hourly * (1 + uplift));
    const sharers = money.count('dedicatedFeeSharers', input.dedicatedFeeSharers ?? 1, 1);
    money.hourly(`dedicated region fee ($${p.dedicatedRegionFeeHour.usd}/hour${sharers > 1 ? `, 1/${sharers} share` : ''})`, p.dedicatedRegionFeeHour.usd / sharers);
  } else {
    money.hourly(`compute: ${replicas} x ${type.name} on demand`, replicas * hourly);
  }
  const volume = money.amount('rootVolumeGiB', input.rootVolumeGiB ?? 8);
  money.monthly(`storage: ${replicas} x ${volume} GiB gp3 root volume`, replicas * volume * p.gp3GbMonth.usd);
}

/** The boundary it owns (key, logs, own network, load balancer) and its shares of what it shares. */
export function sharedItems(money: Money, input: PlacementCost): void {
  const p = money.prices;
  if (input.ownKey !== false) money.monthly('KMS key (its own)', p.kmsKeyMonth.usd);
  const logs = money.amount('logIngestionGiBPerMonth', input.logIngestionGiBPerMonth ?? 0);
  money.monthly(`log group ingestion: ${logs} GiB`, logs * p.logsIngestGb.usd);
  const zones = money.count('zones', input.zones ?? 1, 1);
  const endpoints = money.count('ownInterfaceEndpoints', input.ownInterfaceEndpoints ?? 0);
  money.hourly(`own interface endpoints: ${endpoints} x ${zones} zones`, endpoints * zones * p.endpointZoneHour.usd);
  const nat = money.count('ownNatGateways', input.ownNatGateways ?? 0);
  money.hourly(`own NAT gateways: ${nat}`, nat * p.natHour.usd);
  const ips = money.count('publicIpv4Addresses', input.publicIpv4Addresses ?? 0);
  money.hourly(`public IPv4 addresses: ${ips}`, ips * p.ipv4Hour.usd);
  const kind = input.loadBalancer ?? 'none';
  if (kind !== 'none') {
    const units = money.amount('loadBalancerCapacityUnits', input.loadBalancerCapacityUnits ?? 1);
    const alb = kind === 'application';
    money.hourly(`load balancer: ${alb ? 'ALB' : 'NLB'} with ${units} ${alb ? 'LCU' : 'NLCU'} on average (assumed)`,
      (alb ? p.albHour : p.nlbHour).usd + units * (alb ? p.albLcuHour : p.nlbNlcuHour).usd);
  }
  for (const [i, share] of (input.shares ?? []).entries()) {
    const sharers = money.count(`shares[${i}].sharers`, share.sharers, 1);
    money.monthly(`share of ${share.what} (1/${sharers})`, money.amount(`shares[${i}].monthlyUsd`, share.monthlyUsd) / sharers);
  }
}

function catalogueType(where: string, tier: PlacementTier, cpu: number, memoryMiB: number, instanceType?: string): InstanceType {
  return InstanceCatalog.select({ where, tier, cpu, memoryMiB, instanceType }).type;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
