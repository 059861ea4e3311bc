import { IsolationBoundary, PlacementTier } from './boundary';
import type { TierCost } from './tier-cost';
import { TierProfile } from './tiers';
import { EfficiencyPriority, LoadProfile } from '../needs/enums';
import { PlacementError } from '../placement-error';

export interface ChoiceContext {
  readonly priority: EfficiencyPriority;
  readonly loadProfile: LoadProfile;
  readonly elasticBilling: boolean;
  readonly required: IsolationBoundary;
}

/**
 * One preference among tiers that all isolate enough. Each narrows the candidates; a preference
 * whose narrowing would leave nothing is skipped (and says so). After them, the cheapest remaining
 * candidate in table order wins.
 */
export interface PreferenceRule {
  readonly name: string;
  readonly appliesWhen: (ctx: ChoiceContext) => boolean;
  readonly keep: (candidate: TierProfile) => boolean;
  readonly applied: string;
  /** Said when no candidate is the preferred kind. */
  readonly skipped: string;
  /** Said when a preferred candidate exists but an earlier preference already chose another (not for the first rule). */
  readonly yielded?: string;
}

/** Source: DESIGN.md "The decision", step 3, in its order (2026-11). */
export const PREFERENCE_RULES: readonly PreferenceRule[] = [
  {
    name: 'performance-prefers-vms',
    appliesWhen: (ctx) => ctx.priority === EfficiencyPriority.PERFORMANCE,
    keep: (c) => c.family === 'vm',
    applied: 'PERFORMANCE priority drops the container tiers: a whole VM gives predictable CPU, memory and network.',
    skipped: 'PERFORMANCE priority would prefer a VM-class tier, but this target offers none that isolates enough; containers remain.',
  },
  {
    name: 'spiky-prefers-per-task-billing',
    appliesWhen: (ctx) => ctx.loadProfile === LoadProfile.SPIKY && ctx.elasticBilling
      && ctx.priority !== EfficiencyPriority.PERFORMANCE,
    keep: (c) => c.tier === PlacementTier.MICROVM_CONTAINER,
    applied: 'SPIKY load on a target with per-task billing prefers a microVM container: no idle capacity is paid for between bursts.',
    skipped: 'SPIKY load would prefer a microVM container billed per task, but it is not a candidate here.',
    yielded: 'SPIKY load would prefer a microVM container, but the preference above takes precedence.',
  },
  {
    name: 'balanced-prefers-vm-for-hypervisor',
    appliesWhen: (ctx) => ctx.priority === EfficiencyPriority.BALANCED && ctx.required === IsolationBoundary.HYPERVISOR,
    keep: (c) => c.tier === PlacementTier.VM,
    applied: 'BALANCED prefers a VM over a microVM container for hypervisor isolation: the most complete isolation where competitors share infrastructure.',
    skipped: 'BALANCED would prefer a VM for hypervisor isolation, but this target offers none; the cheapest candidate that suffices is used.',
    yielded: 'BALANCED would prefer a VM for hypervisor isolation, but the preference above takes precedence.',
  },
];

/** DESIGN.md "The decision", step 3, COST with tier costs known: the cheapest candidate, ties in table order. */
export class CostChoice {
  /** The costs by tier, validated. */
  public static costs(where: string, tierCosts: TierCost[] | undefined): Map<PlacementTier, number> {
    const costs = new Map<PlacementTier, number>();
    for (const [i, entry] of (tierCosts ?? []).entries()) {
      const usd = entry?.monthlyUsd;
      if (typeof usd !== 'number' || !Number.isFinite(usd) || usd < 0) {
        throw new PlacementError(where, `tierCosts[${i}].monthlyUsd must be a non-negative number, got ${String(usd)}.`,
          'give tierCosts from CostEstimator.alternatives (or leave them out to choose in table order).');
      }
      if (costs.has(entry.tier)) {
        throw new PlacementError(where, `tierCosts lists tier '${entry.tier}' twice.`, 'give one cost per tier.');
      }
      costs.set(entry.tier, usd);
    }
    return costs;
  }

  /**
   * The cheapest remaining candidate that has a cost (ties: the first in table order), with a reason
   * saying by how much. A candidate without a cost is one the estimator could not size the workload
   * on (e.g. Fargate above 16 vCPU): it is not chosen. Undefined without any cost.
   */
  public static cheapest(remaining: readonly TierProfile[], costs: Map<PlacementTier, number>, reasons: string[]): TierProfile | undefined {
    if (costs.size === 0) return undefined;
    const priced = remaining.filter((c) => costs.has(c.tier));
    if (priced.length === 0) {
      reasons.push(`COST priority has no estimated cost for any of ${remaining.map((c) => c.tier).join(', ')}; table order decides.`);
      return undefined;
    }
    const missing = remaining.filter((c) => !costs.has(c.tier)).map((c) => c.tier);
    if (missing.length > 0) {
      reasons.push(`COST priority: ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no estimated cost (${missing.length === 1 ? 'it cannot' : 'they cannot'} run the workload as sized), so ${missing.length === 1 ? 'it is' : 'they are'} not chosen.`);
    }
    const cents = (c: TierProfile) => Math.round(costs.get(c.tier)! * 100);
    const chosen = priced.reduce((best, c) => (cents(c) < cents(best) ? c : best));
    const rest = priced.filter((c) => c !== chosen);
    if (rest.length === 0) {
      if (remaining.length === 1) return undefined; // one candidate left: an earlier preference already chose
      reasons.push(`COST priority: ${chosen.tier} is the only candidate with an estimated cost ($${usd(costs.get(chosen.tier)!)}/month).`);
      return chosen;
    }
    const next = rest.reduce((best, c) => (cents(c) < cents(best) ? c : best));
    const diff = (cents(next) - cents(chosen)) / 100;
    reasons.push(diff === 0
      ? `COST priority: ${chosen.tier} and ${next.tier} cost the same ($${usd(costs.get(chosen.tier)!)}/month); the first in table order wins.`
      : `COST priority: ${chosen.tier} is the cheapest candidate at $${usd(costs.get(chosen.tier)!)}/month, $${usd(diff)} less than `
        + `${next.tier} ($${usd(costs.get(next.tier)!)}).`);
    return chosen;
  }
}

function usd(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2);
}
