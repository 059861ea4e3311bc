import { IsolationBoundary, PlacementTier } from './boundary';
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
