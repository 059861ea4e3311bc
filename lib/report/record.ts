import type { CostEstimate, TierAlternative } from '../capacity/cost-estimator';
import type { PoolSizing } from '../capacity/pool-planner';
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
 * One EC2 capacity pool of the stack as planned (lib/capacity/trunking.ts): what the report shows under
 * `pools`, its plan and what it costs.
 */
export interface PoolRecord extends PoolSizing {
  /** The pool's name (its capacity provider). */
  readonly name: string;
  /** Whose tasks it holds: a tenant's own pool, or the services of one co-tenancy. */
  readonly owner: string;
  /** The pool's instances and root volumes per month at list price. */
  readonly monthlyUsd: number;
  /**
   * The part no workload reserves (a shared item of the stack's bill).
   * @default - none: a tenant's own pool, billed whole to the tenant
   */
  readonly slackMonthlyUsd?: number;
}
