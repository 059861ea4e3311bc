import { CapacityPlanner, PackItem } from './capacity-planner';
import { HOST_RESERVED_MIB, InstanceCatalog, InstanceType } from './instance-catalog';
import { PriceTables } from './price-tables';
import { HOURS_PER_MONTH } from './prices/sources';
import { PlacementTier } from '../placement/boundary';
import { PlacementError } from '../placement-error';
import { requireStruct, requireStructs } from '../needs/input-check';

/** The tasks of a capacity pool, and what the pool may be built from. */
export interface PoolPlanRequest {
  /** Every task the pool must hold at once (replicas of every service in it). */
  readonly tasks: PackItem[];
  /**
   * The region whose prices rank the types.
   * @default 'us-east-1'
   */
  readonly region?: string;
  /**
   * Candidate instance types.
   * @default - every non-burstable catalogue type (or every type, with allowBurstable)
   */
  readonly instanceTypes?: string[];
  /**
   * Burstable (t*) types may be chosen: only for SPIKY load; STEADY load on a small baseline pays CPU credits.
   * @default false
   */
  readonly allowBurstable?: boolean;
  /**
   * Tasks one instance can run whatever its size (e.g. network interfaces for awsvpc without trunking).
   * @default - no limit
   */
  readonly maxTasksPerInstance?: number;
  /**
   * Instances the pool keeps at least (e.g. one per zone).
   * @default 1
   */
  readonly minInstances?: number;
  /**
   * Where the request comes from (a construct path), used in error messages.
   * @default 'pool'
   */
  readonly where?: string;
}

/** The cheapest pool found: one instance type, how many, and how full. */
export interface PoolPlan {
  /** The instance type of the pool. */
  readonly instanceType: string;
  /** Instances the pool needs. */
  readonly instances: number;
  /** The most tasks on one instance. */
  readonly tasksPerInstance: number;
  /** The busier dimension's share of the pool's capacity the tasks reserve (0..1, 3 decimals). */
  readonly utilization: number;
  /** Instance hours per month at list price (730 hours). */
  readonly monthlyUsd: number;
  /** The instance index of each task. */
  readonly assignment: number[];
}

/**
 * A dense capacity pool as planned for the tasks it holds: its type and count, the floor that keeps a
 * replica in every zone, and the headroom for a rolling deployment. The ASG's min and max follow it;
 * the estimate prices `instances`.
 */
export interface PoolSizing {
  /** The instance type of the pool. */
  readonly instanceType: string;
  /** Instances planned (and priced): the packing of the tasks that run (desired counts), at least `minInstances`. */
  readonly instances: number;
  /** The pool never runs fewer (the ASG's min_size): one per zone once a service runs two or more tasks, so a zone's loss leaves a replica. */
  readonly minInstances: number;
  /** The pool never runs more (the ASG's max_size): room for every service at its most replicas and a rolling deployment of the largest at maximumPercent 200. */
  readonly maxInstances: number;
  /** Zones the pool spans. */
  readonly zones: number;
  /** The most tasks on one instance. */
  readonly tasksPerInstance: number;
  /** The busier dimension's share of the planned instances' capacity the tasks reserve (0..1, 3 decimals). */
  readonly utilization: number;
  /** The dimension that share is of: 'cpu', 'memory' or 'tasks' (trunked network interfaces); workloads share the pool's cost by it. */
  readonly binding: string;
  /** The plan in words: why this many instances, and why that min and max. */
  readonly why: string;
}

/** A tenant's replicas to place on Dedicated Hosts of its own. */
export interface HostPlanRequest {
  /** Instances (replicas) to run on the hosts. */
  readonly replicas: number;
  /** vCPUs one replica needs. */
  readonly cpu: number;
  /** MiB one replica needs (the host reserve is added). */
  readonly memoryMiB: number;
  /**
   * Zones the replicas spread over: a host lives in one zone, so at least one host per zone used.
   * @default 1
   */
  readonly zones?: number;
  /**
   * The region whose prices rank the families.
   * @default 'us-east-1'
   */
  readonly region?: string;
  /**
   * The instance type of every replica, given by the user: its family's hosts are planned.
   * @default - the family whose plan costs least by host price, and its cheapest type that fits a replica
   */
  readonly instanceType?: string;
  /**
   * Where the request comes from (a construct path), used in error messages.
   * @default 'hosts'
   */
  readonly where?: string;
}

/** The cheapest Dedicated Host plan: the family by host price, its smallest fitting type, how many hosts. */
export interface HostPlan {
  /** The host family, e.g. 'c5'. */
  readonly family: string;
  /** The instance type of every replica. */
  readonly instanceType: string;
  /** Hosts to allocate. */
  readonly hosts: number;
  /** Instances of that type one host holds. */
  readonly instancesPerHost: number;
  /** vCPUs one host of the family offers. */
  readonly hostVcpus: number;
  /** Host hours per month at the (estimated) host price, 730 hours. */
  readonly monthlyUsd: number;
}

/** Sizes a capacity pool by packing its tasks onto each candidate type and keeping the cheapest. Pure. */
export class PoolPlanner {
  /**
   * The Dedicated Hosts a workload's replicas run on: for each family with Dedicated Hosts its cheapest
   * type that fits a replica (or the given type), as many replicas per host as its vCPUs allow, and
   * H = max(ceil(replicas / perHost), min(replicas, zones)) hosts (a host lives in one zone); without a
   * given type the family whose plan costs least by host price (not instance price). The one place the
   * host count is computed: the estimate prices it and the realization allocates it.
   */
  public static planDedicatedHosts(request: HostPlanRequest): HostPlan {
    requireStruct('planDedicatedHosts', 'the request', request, '{ cpu: 1, memoryMiB: 2048, replicas: 2, zones: 2 }');
    const where = request.where ?? 'hosts';
    const zones = request.zones ?? 1;
    for (const [field, v, min] of [['replicas', request.replicas, 1], ['zones', zones, 1]] as const) {
      if (!Number.isInteger(v) || v < min) throw new PlacementError(where, `${field} must be a whole number of at least ${min}, got ${String(v)}.`, `give ${field} >= ${min}.`);
    }
    for (const [field, v] of [['cpu', request.cpu], ['memoryMiB', request.memoryMiB]] as const) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new PlacementError(where, `${field} must be a positive number, got ${String(v)}.`, `give ${field} > 0.`);
    }
    const region = request.region ?? 'us-east-1';
    const planOn = (type: InstanceType): HostPlan => {
      const hostVcpus = InstanceCatalog.hostVcpus(type.family);
      const instancesPerHost = Math.floor(hostVcpus / type.vcpus);
      const hosts = Math.max(Math.ceil(request.replicas / instancesPerHost), Math.min(request.replicas, zones));
      const hourly = PriceTables.hostHourly(type.family, hostVcpus, region)!.usd;
      return { family: type.family, instanceType: type.name, hosts, instancesPerHost, hostVcpus, monthlyUsd: Math.round(hosts * hourly * HOURS_PER_MONTH * 100) / 100 };
    };
    if (request.instanceType !== undefined) {
      // Validates the given type for the tier (a family with hosts, not burstable, large enough).
      return planOn(InstanceCatalog.select({ where, tier: PlacementTier.DEDICATED_HOST, cpu: request.cpu, memoryMiB: request.memoryMiB, instanceType: request.instanceType, region }).type);
    }
    let best: HostPlan | undefined;
    const seen = new Set<string>();
    for (const type of InstanceCatalog.all()) { // cheapest first: the first fitting type per family is its cheapest
      const hostVcpus = InstanceCatalog.hostVcpus(type.family);
      if (seen.has(type.family) || type.burstable || hostVcpus < type.vcpus) continue;
      if (type.vcpus < request.cpu || type.memoryMiB < request.memoryMiB + HOST_RESERVED_MIB) continue;
      seen.add(type.family);
      const plan = planOn(type);
      if (!best || plan.monthlyUsd < best.monthlyUsd) best = plan;
    }
    if (!best) {
      throw new PlacementError(where, `no Dedicated Host family has a type for ${request.cpu} vCPU / ${request.memoryMiB} MiB (+${HOST_RESERVED_MIB} MiB).`,
        'lower workload.cpu / workload.memoryMiB per replica and raise workload.replicas instead.');
    }
    return best;
  }

  /**
   * The cheapest single-type pool that holds every task (ties: fewer instances, then the cheaper type).
   * Candidates are tried in order of their lower-bound cost, and the search stops when no remaining one
   * can beat the best pool found. Throws PlacementError when no candidate holds the largest task.
   */
  public static plan(request: PoolPlanRequest): PoolPlan {
    requireStruct('PoolPlanner.plan', 'the request', request, '{ tasks: [{ cpu: 0.25, memoryMiB: 512 }] }');
    requireStructs(request.where ?? 'pool', 'tasks', request.tasks, '{ cpu: 0.25, memoryMiB: 512 }');
    const where = request.where ?? 'pool';
    const region = request.region ?? 'us-east-1';
    const minInstances = request.minInstances ?? 1;
    if (!Number.isInteger(minInstances) || minInstances < 1) {
      throw new PlacementError(where, `minInstances must be a whole number of at least 1, got ${String(minInstances)}.`, 'give minInstances >= 1.');
    }
    const candidates = candidateTypes(where, request).map((type) => {
      const hourly = PriceTables.instanceHourly(type.name, region)!.usd;
      const host = { cpu: type.vcpus, memoryMiB: type.memoryMiB - HOST_RESERVED_MIB, slots: request.maxTasksPerInstance };
      return { type, hourly, host, bound: Math.max(minInstances, boundOf(request.tasks, host)) };
    }).filter((c) => request.tasks.every((t) => t.cpu <= c.host.cpu && t.memoryMiB <= c.host.memoryMiB))
      .sort((a, b) => a.bound * a.hourly - b.bound * b.hourly || a.hourly - b.hourly);
    if (candidates.length === 0) {
      throw new PlacementError(where, 'no candidate instance type holds the largest task (with the host reserve).',
        'allow larger instance types, or split the task into smaller replicas.');
    }
    let best: { plan: PoolPlan; cents: number } | undefined;
    for (const c of candidates) {
      if (best && Math.round(c.bound * c.hourly * HOURS_PER_MONTH * 100) > best.cents) break;
      const packed = CapacityPlanner.packHosts({ items: request.tasks, host: c.host, where });
      const instances = Math.max(minInstances, packed.hosts);
      const cents = Math.round(instances * c.hourly * HOURS_PER_MONTH * 100);
      if (best && (cents > best.cents || (cents === best.cents && instances >= best.plan.instances))) continue;
      best = { cents, plan: planOf(c.type, instances, request.tasks, packed.assignment, cents) };
    }
    return best!.plan;
  }
}

function candidateTypes(where: string, request: PoolPlanRequest): InstanceType[] {
  if (request.instanceTypes === undefined) return InstanceCatalog.all().filter((t) => request.allowBurstable === true || !t.burstable);
  return request.instanceTypes.map((name) => {
    const type = InstanceCatalog.find(name);
    if (!type) throw new PlacementError(where, `instance type '${name}' is not in the bundled catalogue.`, 'use catalogue types, e.g. m6i.large.');
    return type;
  });
}

function boundOf(tasks: PackItem[], host: { cpu: number; memoryMiB: number; slots?: number }): number {
  const cpu = tasks.reduce((s, t) => s + Math.ceil(t.cpu * CapacityPlanner.CPU_UNITS_PER_VCPU - 1e-9), 0);
  const memory = tasks.reduce((s, t) => s + t.memoryMiB, 0);
  const slots = host.slots ? Math.ceil(tasks.length / host.slots) : 0;
  return Math.max(Math.ceil(cpu / (host.cpu * CapacityPlanner.CPU_UNITS_PER_VCPU)), Math.ceil(memory / host.memoryMiB), slots, 0);
}

function planOf(type: InstanceType, instances: number, tasks: PackItem[], assignment: number[], cents: number): PoolPlan {
  const perInstance = new Array(instances).fill(0);
  for (const h of assignment) perInstance[h]++;
  const cpu = tasks.reduce((s, t) => s + t.cpu, 0) / (instances * type.vcpus);
  const memory = tasks.reduce((s, t) => s + t.memoryMiB, 0) / (instances * (type.memoryMiB - HOST_RESERVED_MIB));
  return {
    instanceType: type.name, instances, tasksPerInstance: Math.max(0, ...perInstance),
    utilization: Math.round(Math.max(cpu, memory) * 1000) / 1000, monthlyUsd: cents / 100, assignment,
  };
}
