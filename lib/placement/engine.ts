import { IsolationBoundary, PlacementTier } from './boundary';
import { BOUNDARY_RULES, BoundaryRule } from './boundary-rules';
import { ChoiceContext, CostChoice, PREFERENCE_RULES } from './preferences';
import { TierCost } from './tier-cost';
import { boundaryStrength, TIER_TABLE, TierProfile, tierProfile } from './tiers';
import { EfficiencyPriority, HardwareExclusivity, LoadProfile } from '../needs/enums';
import { EfficiencyNeeds, IsolationNeeds } from '../needs/needs';
import { NeedsValidation } from '../needs/validation';
import { PlacementError } from '../placement-error';

export { TierCost } from './tier-cost';

/**
 * What the engine is asked to place.
 */
export interface PlacementRequest {
  /** How strongly the workload must be isolated. */
  readonly isolation: IsolationNeeds;
  /**
   * How much cost and density matter.
   * @default - priority BALANCED, load STEADY
   */
  readonly efficiency?: EfficiencyNeeds;
  /** The tiers the target can realize. */
  readonly availableTiers: PlacementTier[];
  /**
   * The target bills per task, so idle capacity costs nothing (AWS Fargate yes, Docker no).
   * @default false
   */
  readonly elasticBilling?: boolean;
  /**
   * Force this tier instead of choosing one.
   * @default - the engine chooses
   */
  readonly pin?: PlacementTier;
  /**
   * Why a pinned tier weaker than the needs require is acceptable. Required, non-empty, to pin weaker.
   * @default - a weaker pin is refused
   */
  readonly acknowledgeWeakerIsolation?: string;
  /**
   * Estimated monthly cost per tier that can run the workload (CostEstimator.alternatives). With
   * priority COST the cheapest priced candidate wins (ties in table order); a candidate without a cost
   * is taken as unable to run the workload as sized and is not chosen.
   * @default - no costs: table order decides
   */
  readonly tierCosts?: TierCost[];
  /**
   * Where the request comes from (a construct path), used in error messages.
   * @default 'workload'
   */
  readonly where?: string;
}

/**
 * The engine's answer, with its reasons.
 */
export interface PlacementDecision {
  /** Where the workload runs. */
  readonly tier: PlacementTier;
  /** The boundary the chosen tier provides. */
  readonly boundary: IsolationBoundary;
  /** The boundary the declared needs require. */
  readonly requiredBoundary: IsolationBoundary;
  /** Plain-word reasons: which need required which boundary, and why this tier won. */
  readonly reasons: string[];
  /** The tier was forced by `pin`. */
  readonly pinned: boolean;
}

/**
 * Turns declared isolation and efficiency needs into a placement tier (DESIGN.md "The decision").
 * Pure: no cdktf, no I/O; the same request always gives the same decision.
 */
export class PlacementEngine {
  /**
   * Decides where a workload runs, or throws {@link PlacementError} when the target cannot isolate it enough.
   */
  public static decide(request: PlacementRequest): PlacementDecision {
    const where = request.where ?? 'workload';
    NeedsValidation.isolation(where, request.isolation);
    NeedsValidation.efficiency(where, request.efficiency);
    const available = availableProfiles(where, request.availableTiers);

    const drivers = PlacementEngine.boundaryDrivers(request.isolation);
    const required = drivers[0].requires;
    // The need(s) that set the bar; defaults (no exclusivity, shared kernel) go unsaid.
    const reasons = drivers.filter((rule) => rule.requires === required && !rule.isDefault).map(describeRule);
    const ownKernel = request.isolation.ownKernel === true;

    if (request.pin !== undefined) {
      return decidePinned(where, request, available, required, ownKernel, reasons);
    }

    const candidates = available.filter((p) => boundaryStrength(p.provides) >= boundaryStrength(required)
      && !(ownKernel && p.family === 'container'));
    if (candidates.length === 0) throw refusal(where, required, reasons, available, ownKernel);

    const ctx: ChoiceContext = {
      priority: request.efficiency?.priority ?? EfficiencyPriority.BALANCED,
      loadProfile: request.efficiency?.loadProfile ?? LoadProfile.STEADY,
      elasticBilling: request.elasticBilling ?? false,
      required,
    };
    let remaining = candidates;
    let preferred = false;
    for (const rule of PREFERENCE_RULES) {
      if (!rule.appliesWhen(ctx)) continue;
      const kept = remaining.filter(rule.keep);
      preferred ||= kept.length > 0;
      if (kept.length > 0) reasons.push(rule.applied);
      else reasons.push((candidates.some(rule.keep) ? rule.yielded : undefined) ?? rule.skipped);
      remaining = kept.length > 0 ? kept : remaining;
    }
    const costs = CostChoice.costs(where, request.tierCosts);
    const byCost = ctx.priority === EfficiencyPriority.COST ? CostChoice.cheapest(remaining, costs, reasons) : undefined;
    const chosen = byCost ?? remaining[0];
    const others = candidates.filter((c) => c !== chosen).map((c) => c.tier);
    const why = byCost ? 'cheapest estimated' : preferred ? 'preferred' : 'cheapest';
    reasons.push(`Chose ${chosen.tier} (${chosen.describe}): the ${why} tier `
      + `providing at least ${article(required)} boundary${others.length ? `; other candidates: ${others.join(', ')}` : ''}.`);
    return { tier: chosen.tier, boundary: chosen.provides, requiredBoundary: required, reasons, pinned: false };
  }

  /** The boundary a tier provides. */
  public static boundaryOf(tier: PlacementTier): IsolationBoundary {
    return tierProfile(tier).provides;
  }

  /** The boundary the isolation needs require (DESIGN.md "The decision", step 1). */
  public static requiredBoundary(isolation: IsolationNeeds): IsolationBoundary {
    NeedsValidation.isolation('isolation', isolation);
    return PlacementEngine.boundaryDrivers(isolation)[0].requires;
  }

  /** True when `a` is at least as strong as `b`. */
  public static isAtLeast(a: IsolationBoundary, b: IsolationBoundary): boolean {
    return boundaryStrength(a) >= boundaryStrength(b);
  }

  /** The matching rule for each need, strongest requirement first. */
  private static boundaryDrivers(isolation: IsolationNeeds): BoundaryRule[] {
    const declared: Record<BoundaryRule['need'], string | boolean> = {
      coTenancy: isolation.coTenancy,
      hardwareExclusivity: isolation.hardwareExclusivity ?? HardwareExclusivity.NONE,
      ownKernel: isolation.ownKernel ?? false,
    };
    return BOUNDARY_RULES
      .filter((rule) => declared[rule.need] === rule.value)
      .sort((a, b) => boundaryStrength(b.requires) - boundaryStrength(a.requires));
  }
}

function availableProfiles(where: string, tiers: PlacementTier[] | undefined): TierProfile[] {
  const known = TIER_TABLE.map((p) => p.tier);
  if (!Array.isArray(tiers) || tiers.length === 0) {
    throw new PlacementError(where, 'the target offers no placement tiers.',
      `give availableTiers from ${known.map((t) => `'${t}'`).join(', ')} (AwsTarget and DockerTarget set them for you).`);
  }
  for (const tier of tiers) {
    if (!known.includes(tier)) {
      throw new PlacementError(where, `availableTiers contains '${String(tier)}', which is not a placement tier.`,
        `use only ${known.map((t) => `'${t}'`).join(', ')}.`);
    }
  }
  return TIER_TABLE.filter((p) => tiers.includes(p.tier));
}

function describeRule(rule: BoundaryRule): string {
  const need = rule.need === 'ownKernel'
    ? `ownKernel ${String(rule.value)}`
    : `${String(rule.value).toUpperCase()} ${rule.need === 'coTenancy' ? 'co-tenancy' : 'hardware exclusivity'}`;
  return `${need} requires ${article(rule.requires)} boundary: ${rule.because}.`;
}

function article(boundary: IsolationBoundary): string {
  return `${boundary === IsolationBoundary.ACCOUNT_HARDWARE ? 'an' : 'a'} ${boundary}`;
}

function refusal(where: string, required: IsolationBoundary, reasons: string[], available: TierProfile[],
  ownKernel: boolean): PlacementError {
  const offered = available.map((p) => `${p.tier} (${p.provides})`).join(', ');
  const stronger = TIER_TABLE.filter((p) => boundaryStrength(p.provides) >= boundaryStrength(required)
    && !(ownKernel && p.family === 'container')).map((p) => p.tier);
  return new PlacementError(where,
    `no available tier provides the required ${required} boundary${ownKernel ? ' outside a container' : ''}. `
    + `${reasons.join(' ')} This target offers: ${offered}.`,
    `use a target that offers ${stronger.join(' or ')} (for example declare a gVisor or Kata runtime on a DockerTarget, `
    + 'or use an AwsTarget), relax the isolation needs if they overstate the risk, or pin a weaker tier with '
    + 'acknowledgeWeakerIsolation giving the reason.');
}

function decidePinned(where: string, request: PlacementRequest, available: TierProfile[], required: IsolationBoundary,
  ownKernel: boolean, reasons: string[]): PlacementDecision {
  const pin = request.pin!;
  const profile = TIER_TABLE.find((p) => p.tier === pin);
  if (!profile) {
    throw new PlacementError(where, `pin '${String(pin)}' is not a placement tier.`,
      `pin one of ${TIER_TABLE.map((p) => `'${p.tier}'`).join(', ')}, or remove pin.`);
  }
  if (!available.includes(profile)) {
    throw new PlacementError(where, `pin '${pin}' is not offered by this target, which offers ${available.map((p) => p.tier).join(', ')}.`,
      'pin one of the offered tiers, remove pin to let the engine choose, or use a target that offers it.');
  }
  if (ownKernel && profile.family === 'container') {
    throw new PlacementError(where, `pin '${pin}' is a container tier, but isolation.ownKernel is true and containers do not get a kernel of their own.`,
      `pin ${TIER_TABLE.filter((p) => p.family === 'vm').map((p) => p.tier).join(', ')}, or set ownKernel to false.`);
  }
  reasons.push(`Pinned to ${pin} (${profile.describe}) by the pin prop.`);
  if (boundaryStrength(profile.provides) < boundaryStrength(required)) {
    const acknowledgement = request.acknowledgeWeakerIsolation;
    if (typeof acknowledgement !== 'string' || acknowledgement.trim() === '') {
      throw new PlacementError(where,
        `pin '${pin}' provides ${article(profile.provides)} boundary, weaker than the required ${required} boundary. ${reasons.slice(0, -1).join(' ')}`,
        'remove pin, pin a tier that provides at least that boundary, or set acknowledgeWeakerIsolation to the reason '
        + 'the weaker isolation is acceptable.');
    }
    reasons.push(`Weaker isolation than required (${profile.provides} < ${required}) acknowledged: ${acknowledgement.trim()}`);
  }
  return { tier: pin, boundary: profile.provides, requiredBoundary: required, reasons, pinned: true };
}
