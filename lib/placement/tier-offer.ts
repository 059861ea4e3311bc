// A leaf module: the engine takes offers and the preferences compare them, so the type lives apart
// from both (no import cycle between engine.ts and preferences.ts).
import { PlacementTier } from './boundary';

/**
 * What a target offers one workload on one of its tiers: whether the tier can run it (and if not, why),
 * and what it would cost. Targets return richer offers (`SizedTierOffer`: the sizing and the cost's
 * items); the engine reads these fields.
 */
export interface TierOffer {
  /** The tier offered. */
  readonly tier: PlacementTier;
  /**
   * Why the tier cannot run the workload (e.g. larger than the largest Fargate task).
   * A tier with a refusal is never chosen, whatever the priority, and a pin to it is refused.
   * @default - the tier can run the workload
   */
  readonly refusal?: string;
  /**
   * What would let the tier run the workload (with a refusal), e.g. smaller replicas and more of them.
   * @default - none said
   */
  readonly remedy?: string;
  /**
   * Estimated USD per month on this tier. With priority COST the cheapest priced candidate wins.
   * @default - unpriced (e.g. a Docker target: the engine's hosts are yours)
   */
  readonly monthlyUsd?: number;
}
