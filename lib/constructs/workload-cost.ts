// A placed workload's cost for the report: the chosen tier's estimate, the alternatives the target
// priced, and what the isolation costs over the cheapest tier that would run it.
import type { CostEstimate, TierAlternative } from '../capacity/cost-estimator';
import { IsolationNeeds } from '../needs/needs';
import { PlacementTier } from '../placement/boundary';
import { PlacementEngine, TierCost } from '../placement/engine';
import { tierProfile } from '../placement/tiers';
import { TierPrice } from '../targets/target';

/** What the report records of a workload's cost. */
export interface WorkloadCost {
  /** The chosen tier's estimate (undefined when the target priced no such tier). */
  readonly cost?: CostEstimate;
  /** Every priced tier, in table order, and whether it isolates enough. */
  readonly alternatives: TierAlternative[];
  /** The chosen tier's cost over the cheapest priced tier, isolation or not (0 when it is the cheapest). */
  readonly isolationPremiumUsd?: number;
}

/** The alternatives of a priced workload: meetsNeeds as the engine's candidates (boundary, and no container with ownKernel). */
export function alternativesOf(prices: TierPrice[], isolation: IsolationNeeds): TierAlternative[] {
  const required = PlacementEngine.requiredBoundary(isolation);
  return prices.map((p) => {
    const profile = tierProfile(p.tier);
    return {
      tier: p.tier, monthlyUsd: p.cost.monthlyUsd,
      meetsNeeds: PlacementEngine.isAtLeast(profile.provides, required) && !(isolation.ownKernel === true && profile.family === 'container'),
    };
  });
}

/** The engine's tierCosts, or undefined for an unpriced target (the engine keeps table order). */
export function tierCostsOf(alternatives: TierAlternative[]): TierCost[] | undefined {
  return alternatives.length ? alternatives.map((a) => ({ tier: a.tier, monthlyUsd: a.monthlyUsd })) : undefined;
}

/** The chosen tier's cost and premium. */
export function workloadCost(prices: TierPrice[], alternatives: TierAlternative[], tier: PlacementTier): WorkloadCost {
  const cost = prices.find((p) => p.tier === tier)?.cost;
  if (cost === undefined) return { alternatives };
  const cheapest = Math.min(...alternatives.map((a) => Math.round(a.monthlyUsd * 100)));
  return { cost, alternatives, isolationPremiumUsd: (Math.round(cost.monthlyUsd * 100) - cheapest) / 100 };
}
