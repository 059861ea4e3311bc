import { IsolationBoundary, PlacementTier } from './boundary';
import { BOUNDARY_RULES, BoundaryRule } from './boundary-rules';
import { ChoiceContext, CostChoice, PREFERENCE_RULES } from './preferences';
import { TierOffer } from './tier-offer';
import { boundaryStrength, TIER_TABLE, TierProfile, tierProfile } from './tiers';
import { EfficiencyPriority, HardwareExclusivity, LoadProfile } from '../needs/enums';
import { EfficiencyNeeds, IsolationNeeds } from '../needs/needs';
import { NeedsValidation } from '../needs/validation';
import { PlacementError } from '../placement-error';

export { TierOffer } from './tier-offer';

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
   * What the target offers the workload on its tiers (`IPlacementTarget.offerTiers`), at most one per
   * tier. A tier whose offer has a refusal cannot run the workload: it is dropped before any preference,
   * whatever the priority, and the reasons say why; a pin to it is refused. With priority COST the
   * cheapest priced candidate wins (ties in table order). A tier without an offer is taken as able to
   * run the workload, unpriced.
   * @default - no offers: every available tier can run it, and table order decides
   */
  readonly offers?: TierOffer[];
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
    const offers = offersByTier(where, request.offers, available);

    const drivers = PlacementEngine.boundaryDrivers(request.isolation);
    const required = drivers[0].requires;
    // The need(s) that set the bar; defaults (no exclusivity, shared kernel) go unsaid.
    const reasons = drivers.filter((rule) => rule.requires === required && !rule.isDefault).map(describeRule);
    const ownKernel = request.isolation.ownKernel === true;

    if (request.pin !== undefined) {
      return decidePinned(where, request, available, required, ownKernel, reasons, offers);
    }

    const candidates = available.filter((p) => boundaryStrength(p.provides) >= boundaryStrength(required)
      && !(ownKernel && p.family === 'container'));
    if (candidates.length === 0) throw refusal(where, required, reasons, available, ownKernel);
    // What the target cannot run goes before any preference, whatever the priority.
    const refusedHere = (p: TierProfile) => offers.get(p.tier)?.refusal;
    const feasible = candidates.filter((p) => refusedHere(p) === undefined);
    if (feasible.length === 0) throw infeasible(where, required, reasons, candidates, offers);
    for (const p of candidates) {
      if (refusedHere(p) !== undefined) reasons.push(`${p.tier} cannot run this workload, so it is not considered: ${refusedHere(p)}`);
    }

    const ctx: ChoiceContext = {
      priority: request.efficiency?.priority ?? EfficiencyPriority.BALANCED,
      loadProfile: request.efficiency?.loadProfile ?? LoadProfile.STEADY,
      elasticBilling: request.elasticBilling ?? false,
      required,
    };
    let remaining = feasible;
    let preferred = false;
    for (const rule of PREFERENCE_RULES) {
      if (!rule.appliesWhen(ctx)) continue;
      const kept = remaining.filter(rule.keep);
      preferred ||= kept.length > 0;
      if (kept.length > 0) reasons.push(rule.applied);
      else if (feasible.some(rule.keep)) reasons.push(rule.yielded ?? rule.skipped);
      else reasons.push(candidates.some(rule.keep) ? rule.refused : rule.skipped);
      remaining = kept.length > 0 ? kept : remaining;
    }
    const byCost = ctx.priority === EfficiencyPriority.COST ? CostChoice.cheapest(remaining, CostChoice.costs(offers), reasons) : undefined;
    const chosen = byCost ?? remaining[0];
    const others = feasible.filter((c) => c !== chosen).map((c) => c.tier);
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

/** The offers by tier, checked: one per tier, each for a tier the target lists, a refusal in words, a cost of at least 0. */
function offersByTier(where: string, offers: TierOffer[] | undefined, available: TierProfile[]): Map<PlacementTier, TierOffer> {
  const byTier = new Map<PlacementTier, TierOffer>();
  if (offers === undefined || offers === null) return byTier;
  if (!Array.isArray(offers)) {
    throw new PlacementError(where, `offers must be a list of tier offers, got ${typeof offers}.`, "give offers from the target's offerTiers, or leave them out.");
  }
  offers.forEach((offer, i) => {
    if (offer === null || typeof offer !== 'object') {
      throw new PlacementError(where, `offers[${i}] must be an object, got ${offer === null ? 'null' : typeof offer}.`, "give offers as [{ tier: 'vm', monthlyUsd: 70 }].");
    }
    if (!available.some((p) => p.tier === offer.tier)) {
      throw new PlacementError(where, `offers[${i}] is for tier '${String(offer.tier)}', which availableTiers does not list (${available.map((p) => p.tier).join(', ')}).`,
        'offer only the tiers the target lists in availableTiers.');
    }
    if (byTier.has(offer.tier)) throw new PlacementError(where, `offers list tier '${offer.tier}' twice.`, 'give one offer per tier.');
    const usd = offer.monthlyUsd;
    if (usd !== undefined && (typeof usd !== 'number' || !Number.isFinite(usd) || usd < 0)) {
      throw new PlacementError(where, `offers[${i}].monthlyUsd must be a non-negative number, got ${String(usd)}.`,
        'give the estimated monthly USD, or leave monthlyUsd out for an unpriced tier.');
    }
    if (offer.remedy !== undefined && typeof offer.remedy !== 'string') {
      throw new PlacementError(where, `offers[${i}].remedy must be a sentence, got ${JSON.stringify(offer.remedy)}.`, 'give what would let the tier run the workload, or leave remedy out.');
    }
    if (offer.refusal !== undefined && (typeof offer.refusal !== 'string' || offer.refusal.trim() === '')) {
      throw new PlacementError(where, `offers[${i}].refusal must say why the tier cannot run the workload, got ${JSON.stringify(offer.refusal)}.`,
        'give the reason in words, or leave refusal out when the tier can run the workload.');
    }
    byTier.set(offer.tier, offer);
  });
  return byTier;
}

function infeasible(where: string, required: IsolationBoundary, reasons: string[], candidates: TierProfile[], offers: Map<PlacementTier, TierOffer>): PlacementError {
  return new PlacementError(where,
    `no tier that provides the required ${required} boundary can run this workload. ${reasons.join(' ')} `
    + `${candidates.map((p) => `${p.tier}: ${offers.get(p.tier)!.refusal}`).join(' ')}`,
    `${remedies(candidates, offers) ?? 'change the workload so one of these tiers can run it'}; or relax the isolation needs if they overstate the risk.`);
}

/** The refused tiers' remedies, each once, as one sentence. */
function remedies(tiers: TierProfile[], offers: Map<PlacementTier, TierOffer>): string | undefined {
  const said = [...new Set(tiers.map((p) => offers.get(p.tier)?.remedy?.trim().replace(/\.$/, '')).filter((r): r is string => !!r))];
  return said.length ? said.join('; ') : undefined;
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
  ownKernel: boolean, reasons: string[], offers: Map<PlacementTier, TierOffer>): PlacementDecision {
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
  const refused = offers.get(pin)?.refusal;
  if (refused !== undefined) {
    const runnable = available.filter((p) => offers.get(p.tier)?.refusal === undefined && !(ownKernel && p.family === 'container')).map((p) => p.tier);
    throw new PlacementError(where, `pin '${pin}' cannot run this workload: ${refused}`,
      `${remedies([profile], offers) ?? 'change the workload'}; or pin a tier that can run it${runnable.length ? ` (${runnable.join(', ')})` : ''}, or remove pin.`);
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
