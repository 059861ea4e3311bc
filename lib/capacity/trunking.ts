// Dense pools under awsvpc with ENI trunking: the tasks one instance can run, and the pool plan that
// respects them. Why trunking rather than bridge networking: every awsvpc task keeps its own network
// interface and security group (the per-service boundary), and the ENI cap of a small instance (a
// c5.large runs 2 awsvpc tasks untrunked) rises to the table below. Bridge networking with dynamic host
// ports would lose the per-service security groups; it was rejected for that.
import { HOST_RESERVED_MIB, InstanceCatalog, InstanceType } from './instance-catalog';
import { PoolPlan, PoolPlanner, PoolSizing } from './pool-planner';
import { PackItem } from './capacity-planner';
import { PriceTables } from './price-tables';
import { HOURS_PER_MONTH } from './prices/sources';

// Source: Amazon ECS Developer Guide, "Increasing Amazon ECS Linux container instance network interfaces"
// (docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html), checked 2026-11: the
// page's example, c5.large, runs 10 trunked tasks instead of 2. The other sizes follow the page's table of
// supported types (large 10, xlarge 20, 2xlarge 40, 4xlarge-12xlarge 60, 16xlarge and larger 120), not
// re-confirmed row by row. Burstable T types are not supported (Nitro families only).
const TRUNK_FAMILIES = ['m5', 'c5', 'r5', 'm6i', 'c6i', 'r6i', 'm7i', 'c7i', 'r7i', 'm7a', 'c7a', 'r7a'];
const TASKS_BY_VCPUS: Array<[number, number]> = [[2, 10], [4, 20], [8, 40], [16, 60], [64, 120]];

/** awsvpc task limits with the awsvpcTrunking account setting, and pools planned under them. Pure. */
export class AwsvpcTrunking {
  /** The ECS account setting that raises the limits (account-wide, per region). */
  public static readonly ACCOUNT_SETTING = 'awsvpcTrunking';

  /** Trunked awsvpc tasks one instance of the type runs; 0 when the type does not support trunking. */
  public static tasksPerInstance(type: InstanceType): number {
    if (!TRUNK_FAMILIES.includes(type.family)) return 0;
    let tasks = 0;
    for (const [vcpus, limit] of TASKS_BY_VCPUS) if (type.vcpus >= vcpus) tasks = limit;
    return tasks;
  }

  /**
   * The cheapest pool for the tasks among the trunking types, each with its own task limit (ties: fewer
   * instances, then the cheaper type, as PoolPlanner).
   */
  public static plan(tasks: PackItem[], region: string, where: string, minInstances = 1): PoolPlan {
    const cpu = tasks.reduce((s, t) => s + t.cpu, 0);
    const memory = tasks.reduce((s, t) => s + t.memoryMiB, 0);
    // Cheapest lower bound first; stop when no remaining type's bound beats the best plan.
    const candidates = InstanceCatalog.all().map((type) => {
      const slots = AwsvpcTrunking.tasksPerInstance(type);
      const hourly = PriceTables.instanceHourly(type.name, region)?.usd ?? 0;
      const bound = Math.max(minInstances, Math.ceil(cpu / type.vcpus - 1e-9), Math.ceil(memory / (type.memoryMiB - HOST_RESERVED_MIB) - 1e-9), slots ? Math.ceil(tasks.length / slots) : 0);
      return { type, slots, hourly, bound: Math.round(bound * hourly * HOURS_PER_MONTH * 100) / 100 };
    }).filter((c) => c.slots > 0 && c.hourly > 0 && !tasks.some((t) => t.cpu > c.type.vcpus || t.memoryMiB > c.type.memoryMiB - HOST_RESERVED_MIB))
      .sort((a, b) => a.bound - b.bound || a.hourly - b.hourly);
    let best: PoolPlan | undefined;
    for (const { type, slots, bound } of candidates) {
      if (best && bound > best.monthlyUsd) break;
      let plan: PoolPlan;
      try {
        plan = PoolPlanner.plan({ tasks, region, where, instanceTypes: [type.name], maxTasksPerInstance: slots, minInstances });
      } catch {
        continue; // the largest task does not fit this type
      }
      if (!best || plan.monthlyUsd < best.monthlyUsd || (plan.monthlyUsd === best.monthlyUsd && plan.instances < best.instances)) best = plan;
    }
    // No trunking type fits: PoolPlanner's own refusal names the fix.
    return best ?? PoolPlanner.plan({ tasks, region, where, instanceTypes: [] });
  }

  /**
   * A dense pool for the services it holds: the tasks they run (their desired counts) packed onto the
   * cheapest trunking type, and at least one instance per zone once a service runs two or more tasks
   * (ECS spreads them over zones first); that is what is planned and priced. The max leaves room for every
   * service at its most replicas (autoscaling's maximum) and a rolling deployment of the largest one at
   * maximumPercent 200 (its tasks once more) beside them. Each service's share is what its tasks reserve
   * of the binding dimension; the rest is the pool's slack.
   */
  public static planPool(services: PoolService[], zones: number, region: string, where: string): PlannedPool {
    const copies = (s: PoolService, n: number) => Array.from({ length: n }, () => ({ cpu: s.cpu, memoryMiB: s.memoryMiB }));
    const tasks = services.flatMap((s) => copies(s, s.tasks));
    const spread = services.some((s) => s.tasks >= 2);
    const floor = spread ? zones : 1;
    const plan = AwsvpcTrunking.plan(tasks, region, where, floor);
    const type = InstanceCatalog.find(plan.instanceType)!;
    const slots = AwsvpcTrunking.tasksPerInstance(type);
    const largest = services.reduce<PoolService | undefined>((a, s) => (!a || s.maxTasks * s.memoryMiB > a.maxTasks * a.memoryMiB ? s : a), undefined);
    const peak = [...services.flatMap((s) => copies(s, s.maxTasks)), ...(largest ? copies(largest, largest.maxTasks) : [])];
    const maxInstances = Math.max(plan.instances,
      PoolPlanner.plan({ tasks: peak, region, where, instanceTypes: [type.name], maxTasksPerInstance: slots, minInstances: plan.instances }).instances);
    const capacity = { cpu: plan.instances * type.vcpus, memory: plan.instances * (type.memoryMiB - HOST_RESERVED_MIB), tasks: plan.instances * slots };
    const used = (s: PoolService) => ({ cpu: s.tasks * s.cpu, memory: s.tasks * s.memoryMiB, tasks: s.tasks });
    const total = { cpu: 0, memory: 0, tasks: 0 };
    for (const s of services) for (const d of DIMENSIONS) total[d] += used(s)[d];
    const binding = DIMENSIONS.reduce((a, d) => (total[d] / capacity[d] > total[a] / capacity[a] ? d : a));
    const scales = services.some((s) => s.maxTasks > s.tasks);
    const why = `${plan.instances} x ${type.name} (${type.vcpus} vCPU / ${type.memoryMiB} MiB, ${slots} trunked tasks each) for the ${tasks.length} task(s) that run; `
      + (spread ? `min ${floor}: one instance in each of the ${zones} zones, as a service runs 2 or more tasks (ECS spreads a service's tasks over the zones, then binpacks); `
        : 'min 1: no service runs 2 or more tasks; ')
      + `max ${maxInstances}: room for ${scales ? 'every service at its autoscaling maximum and ' : ''}a rolling deployment of the largest service `
      + `(${largest?.maxTasks ?? 0} task(s) once more) at maximumPercent 200 / minimumHealthyPercent 100; managed scaling sets the size in between.`;
    return {
      instanceType: type.name, instances: plan.instances, minInstances: floor, maxInstances, zones, tasksPerInstance: plan.tasksPerInstance,
      utilization: Math.round((total[binding] / capacity[binding]) * 1000) / 1000, binding, why,
      shares: services.map((s) => ({ key: s.key, fraction: used(s)[binding] / capacity[binding] })),
    };
  }
}

const DIMENSIONS = ['cpu', 'memory', 'tasks'] as const;

/** One service (or tenant) whose tasks a pool holds. */
export interface PoolService {
  /** Whose tasks (a construct path). */
  readonly key: string;
  /** vCPUs of one task (ECS minimum applied). */
  readonly cpu: number;
  readonly memoryMiB: number;
  /** Tasks that run: the desired count ECS starts. */
  readonly tasks: number;
  /** Tasks it may run at most: autoscaling's maximum, else `tasks`. */
  readonly maxTasks: number;
}

/** A pool plan with each service's share of its binding dimension. */
export interface PlannedPool extends PoolSizing {
  readonly shares: ReadonlyArray<{ readonly key: string; readonly fraction: number }>;
}
