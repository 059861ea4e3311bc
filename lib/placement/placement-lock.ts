import { PlacementTier } from './boundary';
import { TIER_TABLE } from './tiers';
import { PlacementError } from '../placement-error';
import { requireStructs } from '../needs/input-check';
import { shown } from '../needs/show';

/**
 * Accepts one change of a workload's tier against the placement lock (a replacement of its compute):
 * the change to `to`, for `reason`. It approves that change only: left in code once the lock records it,
 * it approves no later change to another tier.
 */
export interface PlacementChangeAcceptance {
  /** The tier the workload moves to, as the refusal names it. */
  readonly to: PlacementTier;
  /** Why the replacement is intended, e.g. a ticket: recorded in the lock file with the change. */
  readonly reason: string;
}

/** One workload's placement as this synth decided it. */
export interface WorkloadPlacement {
  /** A stable key: the construct path (stack and workload ids), never a position in a list. */
  readonly key: string;
  /** The tier decided now. */
  readonly tier: PlacementTier;
  /**
   * The change of this workload's tier that is intended.
   * @default - a tier change is refused
   */
  readonly acceptPlacementChange?: PlacementChangeAcceptance;
}

/** A tier change the lock accepted, as the lock file records it. */
export interface AcceptedPlacementChange {
  /** The workload's key. */
  readonly workload: string;
  /** The tier it was locked to. */
  readonly from: PlacementTier;
  /** The tier it moved to. */
  readonly to: PlacementTier;
  /** Its acceptPlacementChange reason. */
  readonly reason: string;
  /** The UTC date (YYYY-MM-DD) of the synth that accepted it. */
  readonly when: string;
}

/** What a lock file holds. */
export interface LockContent {
  /** Key → locked tier. */
  readonly workloads: { readonly [key: string]: PlacementTier };
  /** Every accepted change of the workloads still locked, by workload, oldest first. */
  readonly acceptedChanges: readonly AcceptedPlacementChange[];
}

/** What changed against the lock. */
export enum PlacementChangeKind {
  /** Not in the lock yet: added. */
  NEW = 'new',
  /** In the lock, not placed now: dropped. */
  REMOVED = 'removed',
  /** Placed on another tier than the lock says. */
  CHANGED = 'changed',
}

/** One difference between the lock and this synth. */
export interface PlacementChange {
  readonly key: string;
  readonly kind: PlacementChangeKind;
  /**
   * The tier in the lock.
   * @default - none (a new workload)
   */
  readonly lockedTier?: PlacementTier;
  /**
   * The tier decided now.
   * @default - none (a removed workload)
   */
  readonly tier?: PlacementTier;
  /** New and removed workloads are always accepted; a changed one only with an acceptance naming its new tier. */
  readonly accepted: boolean;
  /**
   * The reason of an accepted tier change.
   * @default - none
   */
  readonly reason?: string;
}

/** The comparison of a synth's placements with the lock. */
export interface LockComparison {
  /** Every difference, by key. */
  readonly changes: PlacementChange[];
  /** One error text per refused tier change (empty when nothing is refused). */
  readonly refusals: string[];
  /** The lock file's new content: stable key order, one line per workload and per accepted change, refused changes kept at the locked tier. */
  readonly lockText: string;
  /** The lock's content changed (write lockText back); a lock that only reads differently (an older version, other spacing) is left alone. */
  readonly changed: boolean;
}

/** The lock file's format version; version 1 (workloads only, no accepted changes) is still read. */
const VERSION = 2;
const READABLE_VERSIONS = [1, 2];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIERS: readonly string[] = TIER_TABLE.map((p) => p.tier);

/**
 * The placement lock (DESIGN.md "Placement lock"), pure: the file's format, the comparison of new
 * placements against it, and its updated content. The file is JSON, keys sorted, one line per
 * workload and per accepted change, so a change diffs as a line or two:
 * `{ "version": 2, "workloads": { "<construct path>": "<tier>", ... }, "acceptedChanges": [ { "workload",
 * "from", "to", "reason", "when" }, ... ] }`.
 */
export class PlacementLock {
  /** The lock's content from the file's text; an absent file (undefined) is an empty lock. Reads versions 1 and 2. */
  public static parse(where: string, text?: string): LockContent {
    if (text === undefined || text.trim() === '') return { workloads: {}, acceptedChanges: [] };
    const fix = 'restore the file from version control, or delete it to lock the current placements afresh.';
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new PlacementError(where, `the placement lock is not valid JSON (${(e as Error).message}).`, fix);
    }
    const file = data as { version?: unknown; workloads?: unknown; acceptedChanges?: unknown };
    if (typeof file !== 'object' || file === null || !READABLE_VERSIONS.includes(file.version as number)
      || typeof file.workloads !== 'object' || file.workloads === null) {
      throw new PlacementError(where, `the placement lock is not a version ${READABLE_VERSIONS.join(' or ')} lock `
        + `({ "version": ${VERSION}, "workloads": { ... }, "acceptedChanges": [ ... ] }).`,
      `${typeof file?.version === 'number' && file.version > VERSION ? 'a newer cdktf-isolation wrote it: upgrade this project\'s cdktf-isolation, or ' : ''}${fix}`);
    }
    const workloads: { [key: string]: PlacementTier } = {};
    for (const [key, tier] of Object.entries(file.workloads as Record<string, unknown>)) {
      if (typeof tier !== 'string' || !TIERS.includes(tier)) {
        throw new PlacementError(where, `the placement lock gives workload '${key}' the tier ${JSON.stringify(tier)}, which is not a placement tier.`,
          `use one of ${TIERS.map((t) => `'${t}'`).join(', ')}, or delete the entry to lock the current placement.`);
      }
      workloads[key] = tier as PlacementTier;
    }
    const accepted = file.version === 1 ? [] : file.acceptedChanges ?? [];
    if (!Array.isArray(accepted)) {
      throw new PlacementError(where, `the placement lock's acceptedChanges is ${shown(accepted)}, not a list.`, fix);
    }
    return { workloads, acceptedChanges: accepted.map((entry, i) => acceptedChange(where, entry, i)) };
  }

  /** The file's text: keys sorted, one line per workload and per accepted change (by workload, oldest first). */
  public static render(content: LockContent): string {
    const keys = Object.keys(content.workloads).sort();
    const lines = keys.map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(content.workloads[k])}`);
    const changes = [...content.acceptedChanges].sort((a, b) => compareKeys(a.workload, b.workload)).map((c) => '    { '
      + `"workload": ${JSON.stringify(c.workload)}, "from": ${JSON.stringify(c.from)}, "to": ${JSON.stringify(c.to)}, `
      + `"reason": ${JSON.stringify(c.reason)}, "when": ${JSON.stringify(c.when)} }`);
    const block = (open: string, items: string[], close: string) => (items.length ? `${open}\n${items.join(',\n')}\n  ${close}` : `${open}${close}`);
    return `{\n  "version": ${VERSION},\n  ${block('"workloads": {', lines, '}')},\n  ${block('"acceptedChanges": [', changes, ']')}\n}\n`;
  }

  /**
   * Compares this synth's placements with the lock's text `current` (undefined: no lock yet). `lockPath`
   * names the file in errors and fixes; `when` (YYYY-MM-DD) dates the changes accepted now.
   */
  public static compare(lockPath: string, placements: WorkloadPlacement[], current: string | undefined, when: string): LockComparison {
    requireStructs(lockPath, 'placements', placements, "{ key: 'app/acme', tier: 'vm' }");
    if (typeof when !== 'string' || !DATE.test(when)) throw new PlacementError(lockPath, `the date ${shown(when)} is not YYYY-MM-DD.`, 'pass the UTC date of the synth.');
    const locked = PlacementLock.parse(lockPath, current);
    const next: { [key: string]: PlacementTier } = {};
    const acceptedNow: AcceptedPlacementChange[] = [];
    const changes: PlacementChange[] = [];
    const refusals: string[] = [];
    const seen = new Set<string>();
    for (const p of placements) {
      if (typeof p.key !== 'string' || p.key === '') throw new PlacementError(lockPath, 'a workload placement has no key.', 'give each workload its construct path as key.');
      if (seen.has(p.key)) throw new PlacementError(p.key, `two workloads share the lock key '${p.key}'.`, 'give every workload a unique construct path.');
      seen.add(p.key);
      const old = locked.workloads[p.key];
      if (old === undefined) {
        changes.push({ key: p.key, kind: PlacementChangeKind.NEW, tier: p.tier, accepted: true });
        next[p.key] = p.tier;
      } else if (old === p.tier) {
        next[p.key] = p.tier;
      } else {
        const a = p.acceptPlacementChange;
        const reason = typeof a?.reason === 'string' ? a.reason.trim() : '';
        const accepted = a?.to === p.tier && reason !== '';
        changes.push({ key: p.key, kind: PlacementChangeKind.CHANGED, lockedTier: old, tier: p.tier, accepted, reason: accepted ? reason : undefined });
        if (accepted) {
          next[p.key] = p.tier;
          acceptedNow.push({ workload: p.key, from: old, to: p.tier, reason, when });
        } else {
          next[p.key] = old;
          refusals.push(refusalText(p.key, old, p.tier, lockPath, a));
        }
      }
    }
    for (const key of Object.keys(locked.workloads).sort()) {
      if (!seen.has(key)) changes.push({ key, kind: PlacementChangeKind.REMOVED, lockedTier: locked.workloads[key], accepted: true });
    }
    changes.sort((a, b) => compareKeys(a.key, b.key));
    // A removed workload's history goes with it; the rest keep theirs, oldest first.
    const content: LockContent = { workloads: next, acceptedChanges: [...locked.acceptedChanges.filter((c) => seen.has(c.workload)), ...acceptedNow] };
    const lockText = PlacementLock.render(content);
    return { changes, refusals, lockText, changed: current === undefined || lockText !== PlacementLock.render(locked) };
  }

  /** Throws a PlacementError for the first refused change (all of them in the message), or returns. */
  public static enforce(comparison: LockComparison, lockPath: string): void {
    if (comparison.refusals.length === 0) return;
    throw new PlacementError(lockPath, comparison.refusals.join(' '),
      'for each workload either set acceptPlacementChange to { to: <its new tier>, reason: <why the replacement is intended> } as each refusal says, or delete its entry from the lock file.');
  }

  /** The exact acceptance to write for a move to `tier`: TypeScript, and a fleet file's YAML. */
  public static acceptanceFor(tier: PlacementTier, reason = '<why the replacement is intended>'): string {
    const member = Object.entries(PlacementTier).find(([, value]) => value === tier)?.[0] ?? tier;
    const quoted = `'${reason.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    return `acceptPlacementChange: { to: PlacementTier.${member}, reason: ${quoted} } `
      + `(in a fleet file: acceptPlacementChange: { to: ${tier}, reason: ${JSON.stringify(reason)} })`;
  }
}

function refusalText(key: string, old: PlacementTier, tier: PlacementTier, lockPath: string, a: PlacementChangeAcceptance | undefined): string {
  const why = a === undefined ? ''
    : a.to !== tier ? ` (its acceptPlacementChange accepts a move to ${a.to}, not to ${tier}: an acceptance approves only the change it names)`
      : ' (its acceptPlacementChange has a blank reason)';
  return `workload '${key}' is locked to ${old} in ${lockPath} but is now placed on ${tier}, which replaces its compute${why}; `
    + `set ${PlacementLock.acceptanceFor(tier)} on it, or delete its entry from the lock.`;
}

function acceptedChange(where: string, entry: unknown, index: number): AcceptedPlacementChange {
  const e = entry as Record<string, unknown>;
  const ok = typeof e === 'object' && e !== null && typeof e.workload === 'string' && TIERS.includes(e.from as string)
    && TIERS.includes(e.to as string) && typeof e.reason === 'string' && typeof e.when === 'string' && DATE.test(e.when);
  if (!ok) {
    throw new PlacementError(where, `the placement lock's acceptedChanges[${index}] is ${shown(entry)}, not a recorded change `
      + '{ "workload": "<key>", "from": "<tier>", "to": "<tier>", "reason": "<text>", "when": "YYYY-MM-DD" }.',
    'restore the file from version control, or delete the entry (it only records history).');
  }
  return { workload: e.workload as string, from: e.from as PlacementTier, to: e.to as PlacementTier, reason: e.reason as string, when: e.when as string };
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** YYYY-MM-DD in UTC. */
export function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
