import type { CostEstimate, TierAlternative } from '../capacity/cost-estimator';
import { EfficiencyNeeds, IsolationNeeds } from '../needs/needs';
import { PlacementDecision } from '../placement/engine';
import { RealizedWorkload } from '../targets/target';

/**
 * What the placement report knows of one workload.
 */
export interface PlacementRecord {
  /** 'IsolatedTenant' or 'DenseService'. */
  readonly kind: string;
  /** The tenant id or service name. */
  readonly name: string;
  /** The construct path. */
  readonly path: string;
  /** The target kind ('aws' or 'docker'). */
  readonly target: string;
  /** The isolation needs, defaults applied. */
  readonly isolation: IsolationNeeds;
  /** The efficiency needs, defaults applied. */
  readonly efficiency: EfficiencyNeeds;
  /** The engine's decision. */
  readonly decision: PlacementDecision;
  /** Replicas that run. */
  readonly replicas: number;
  /** What the realization produced. */
  readonly realized: RealizedWorkload;
  /**
   * The chosen tier's monthly cost, as items.
   * @default - the target does not price (Docker) or could not price the tier
   */
  readonly cost?: CostEstimate;
  /**
   * Every tier the target priced for the workload, and whether it isolates enough.
   * @default - none (an unpriced target)
   */
  readonly alternatives?: TierAlternative[];
  /**
   * What the chosen tier costs per month over the cheapest priced tier (what the isolation costs).
   * @default - unpriced
   */
  readonly isolationPremiumUsd?: number;
}

/**
 * One EC2 capacity pool of the stack as planned (lib/capacity/trunking.ts): what the report shows under `pools`.
 */
export interface PoolRecord {
  /** The pool's name (its capacity provider). */
  readonly name: string;
  /** Whose tasks it holds: a tenant's own pool, or the services of one co-tenancy. */
  readonly owner: string;
  /** The planned instance type. */
  readonly instanceType: string;
  /** Instances planned and priced: every task at its most replicas, at least `minInstances`. */
  readonly instances: number;
  /** The auto scaling group's min_size: one instance per zone once a service runs two or more tasks. */
  readonly minInstances: number;
  /** The auto scaling group's max_size: `instances` plus room for a rolling deployment of the largest service at 200 %. */
  readonly maxInstances: number;
  /** Zones the pool spans. */
  readonly zones: number;
  /** The most tasks on one instance. */
  readonly tasksPerInstance: number;
  /** The busier dimension's share of the planned instances' capacity the tasks reserve (0..1). */
  readonly utilization: number;
  /** The dimension of `utilization` ('cpu', 'memory' or 'tasks'), by which workloads share the pool's cost. */
  readonly binding: string;
  /** The pool's instances and root volumes per month at list price. */
  readonly monthlyUsd: number;
  /**
   * The part no workload reserves (a shared item of the stack's bill).
   * @default - none: a tenant's own pool, billed whole to the tenant
   */
  readonly slackMonthlyUsd?: number;
  /** The plan in words: why this many instances, and why that min and max. */
  readonly why: string;
}
