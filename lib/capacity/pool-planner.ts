import { CapacityPlanner, PackItem } from './capacity-planner';
import { HOURS_PER_MONTH } from './cost-items';
import { HOST_RESERVED_MIB, InstanceCatalog, InstanceType } from './instance-catalog';
import { PriceTables } from './price-tables';
import { PlacementError } from '../placement-error';

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

/** Sizes a capacity pool by packing its tasks onto each candidate type and keeping the cheapest. Pure. */
export class PoolPlanner {
  /**
   * The cheapest single-type pool that holds every task (ties: fewer instances, then the cheaper type).
   * Candidates are tried in order of their lower-bound cost, and the search stops when no remaining one
   * can beat the best pool found. Throws PlacementError when no candidate holds the largest task.
   */
  public static plan(request: PoolPlanRequest): PoolPlan {
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
