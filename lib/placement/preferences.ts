import { IsolationBoundary, PlacementTier } from './boundary';
import type { TierOffer } from './tier-offer';
import { TierProfile } from './tiers';
import { EfficiencyPriority, LoadProfile } from '../needs/enums';

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
  /** Said when a preferred candidate isolates enough but its target cannot run the workload there. */
  readonly refused: string;
}

/** Source: DESIGN.md "The decision", step 3, in its order (2026-11). */
export const PREFERENCE_RULES: readonly PreferenceRule[] = [
  {
    name: 'performance-prefers-vms',
    appliesWhen: (ctx) => ctx.priority === EfficiencyPriority.PERFORMANCE,
    keep: (c) => c.family === 'vm',
    applied: 'PERFORMANCE priority drops the container tiers: a whole VM gives predictable CPU, memory and network.',
    skipped: 'PERFORMANCE priority would prefer a VM-class tier, but this target offers none that isolates enough; containers remain.',
    refused: 'PERFORMANCE priority would prefer a VM-class tier, but none that isolates enough can run this workload here; containers remain.',
  },
  {
    name: 'spiky-prefers-per-task-billing',
    appliesWhen: (ctx) => ctx.loadProfile === LoadProfile.SPIKY && ctx.elasticBilling
      && ctx.priority !== EfficiencyPriority.PERFORMANCE,
    keep: (c) => c.tier === PlacementTier.MICROVM_CONTAINER,
    applied: 'SPIKY load on a target with per-task billing prefers a microVM container: no idle capacity is paid for between bursts.',
    skipped: 'SPIKY load would prefer a microVM container billed per task, but it is not a candidate here.',
    yielded: 'SPIKY load would prefer a microVM container, but the preference above takes precedence.',
    refused: 'SPIKY load would prefer a microVM container billed per task, but it cannot run this workload (above).',
  },
  {
    name: 'balanced-prefers-vm-for-hypervisor',
    appliesWhen: (ctx) => ctx.priority === EfficiencyPriority.BALANCED && ctx.required === IsolationBoundary.HYPERVISOR,
    keep: (c) => c.tier === PlacementTier.VM,
    applied: 'BALANCED prefers a VM over a microVM container for hypervisor isolation: the most complete isolation where competitors share infrastructure.',
    skipped: 'BALANCED would prefer a VM for hypervisor isolation, but this target offers none; the cheapest candidate that suffices is used.',
    yielded: 'BALANCED would prefer a VM for hypervisor isolation, but the preference above takes precedence.',
    refused: 'BALANCED would prefer a VM for hypervisor isolation, but it cannot run this workload (above); the cheapest candidate that suffices is used.',
  },
];

/** DESIGN.md "The decision", step 3, COST with tier costs known: the cheapest candidate, ties in table order. */
export class CostChoice {
  /** The priced offers' costs by tier (the engine has checked them). */
  public static costs(offers: Map<PlacementTier, TierOffer>): Map<PlacementTier, number> {
    const costs = new Map<PlacementTier, number>();
    for (const [tier, offer] of offers) if (offer.monthlyUsd !== undefined) costs.set(tier, offer.monthlyUsd);
    return costs;
  }

  /**
   * The cheapest remaining candidate that has a cost (ties: the first in table order), with a reason
   * saying by how much. A candidate without a cost is not compared, and not chosen while a priced one
   * remains. Undefined without any cost.
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
      reasons.push(`COST priority: ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no estimated cost, so only the priced candidates are compared.`);
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
