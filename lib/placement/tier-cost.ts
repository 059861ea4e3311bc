// A leaf module: the engine takes tier costs and the preferences compare them, so the type lives
// apart from both (no import cycle between engine.ts and preferences.ts).
import { PlacementTier } from './boundary';

/**
 * The estimated monthly cost of one tier for a workload (from CostEstimator.alternatives).
 */
export interface TierCost {
  readonly tier: PlacementTier;
  /** Estimated USD per month. */
  readonly monthlyUsd: number;
}
