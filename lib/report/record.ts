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
 * One EC2 capacity pool of the stack as planned (PoolPlanner): what the report shows under `pools`.
 */
export interface PoolRecord {
  /** The pool's name (its capacity provider). */
  readonly name: string;
  /** The planned instance type. */
  readonly instanceType: string;
  /** Instances the registered tasks need at once. */
  readonly instances: number;
  /** The most tasks on one instance. */
  readonly tasksPerInstance: number;
  /** The busier dimension's share of the pool's capacity the tasks reserve (0..1). */
  readonly utilization: number;
  /** The pool's instances per month at list price. */
  readonly monthlyUsd: number;
}
