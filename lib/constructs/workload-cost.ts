// A placed workload's cost for the report: the chosen offer's estimate, every tier the target offered,
// and what the isolation costs over the cheapest offer that would run it.
import type { CostEstimate, TierAlternative } from '../capacity/cost-estimator';
import { IsolationNeeds } from '../needs/needs';
import { PlacementTier } from '../placement/boundary';
import { PlacementEngine } from '../placement/engine';
import { tierProfile } from '../placement/tiers';
import { SizedTierOffer } from '../targets/target';

/** What the report records of a workload's cost. */
export interface WorkloadCost {
  /** The chosen offer's estimate (undefined when the target prices nothing). */
  readonly cost?: CostEstimate;
  /** Every tier the target offered, in table order: whether it isolates enough, its price or its refusal. */
  readonly alternatives: TierAlternative[];
  /** The chosen offer's price over the cheapest priced offer, isolation or not (0 when it is the cheapest). */
  readonly isolationPremiumUsd?: number;
}

/** The chosen tier's cost, the alternatives (meetsNeeds as the engine's candidates: boundary, and no container with ownKernel) and the premium. */
export function workloadCost(offers: SizedTierOffer[], isolation: IsolationNeeds, tier: PlacementTier): WorkloadCost {
  const required = PlacementEngine.requiredBoundary(isolation);
  const alternatives = offers.map((o): TierAlternative => {
    const profile = tierProfile(o.tier);
    return {
      tier: o.tier,
      meetsNeeds: PlacementEngine.isAtLeast(profile.provides, required) && !(isolation.ownKernel === true && profile.family === 'container'),
      ...(o.monthlyUsd !== undefined ? { monthlyUsd: o.monthlyUsd } : {}),
      ...(o.refusal !== undefined ? { refusal: o.refusal } : {}),
    };
  });
  const chosen = offers.find((o) => o.tier === tier);
  if (chosen?.cost === undefined || chosen.monthlyUsd === undefined) return { alternatives };
  const cheapest = Math.min(...offers.filter((o) => o.monthlyUsd !== undefined).map((o) => Math.round(o.monthlyUsd! * 100)));
  return { cost: chosen.cost, alternatives, isolationPremiumUsd: (Math.round(chosen.monthlyUsd * 100) - cheapest) / 100 };
}
