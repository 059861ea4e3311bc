import { PlacementTier } from './boundary';
import { TIER_TABLE } from './tiers';
import { PlacementError } from '../placement-error';
import { requireStructs } from '../needs/input-check';

/** One workload's placement as this synth decided it. */
export interface WorkloadPlacement {
  /** A stable key: the construct path (stack and workload ids), never a position in a list. */
  readonly key: string;
  /** The tier decided now. */
  readonly tier: PlacementTier;
  /**
   * Why a tier change of this workload (a replacement of its compute) is intended. Non-empty to accept one.
   * @default - a tier change is refused
   */
  readonly acceptPlacementChange?: string;
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
  /** New and removed workloads are always accepted; a changed one only with acceptPlacementChange. */
  readonly accepted: boolean;
  /**
   * The acceptPlacementChange reason of an accepted tier change.
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
  /** The lock file's new content: stable key order, one line per workload, refused changes kept at the locked tier. */
  readonly lockText: string;
  /** lockText differs from the lock's text given (write it back). */
  readonly changed: boolean;
}

/** The lock file's format version. */
const VERSION = 1;

/**
 * The placement lock (DESIGN.md "Placement lock"), pure: the file's format, the comparison of new
 * placements against it, and its updated content. The file is JSON:
 * `{ "version": 1, "workloads": { "<construct path>": "<tier>", ... } }`, keys sorted.
 */
export class PlacementLock {
  /** The lock's workloads (key → tier) from the file's text; an absent file (undefined) is an empty lock. */
  public static parse(where: string, text?: string): { [key: string]: PlacementTier } {
    if (text === undefined || text.trim() === '') return {};
    const fix = 'restore the file from version control, or delete it to lock the current placements afresh.';
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new PlacementError(where, `the placement lock is not valid JSON (${(e as Error).message}).`, fix);
    }
    const file = data as { version?: unknown; workloads?: unknown };
    if (typeof file !== 'object' || file === null || file.version !== VERSION || typeof file.workloads !== 'object' || file.workloads === null) {
      throw new PlacementError(where, `the placement lock is not a version ${VERSION} lock ({ "version": ${VERSION}, "workloads": { ... } }).`, fix);
    }
    const tiers = TIER_TABLE.map((p) => p.tier as string);
    const out: { [key: string]: PlacementTier } = {};
    for (const [key, tier] of Object.entries(file.workloads as Record<string, unknown>)) {
      if (typeof tier !== 'string' || !tiers.includes(tier)) {
        throw new PlacementError(where, `the placement lock gives workload '${key}' the tier ${JSON.stringify(tier)}, which is not a placement tier.`,
          `use one of ${tiers.map((t) => `'${t}'`).join(', ')}, or delete the entry to lock the current placement.`);
      }
      out[key] = tier as PlacementTier;
    }
    return out;
  }

  /** The file's text for a set of workloads: keys sorted, one line each, so a change diffs as one line. */
  public static render(workloads: { [key: string]: PlacementTier }): string {
    const keys = Object.keys(workloads).sort();
    const lines = keys.map((k, i) => `    ${JSON.stringify(k)}: ${JSON.stringify(workloads[k])}${i < keys.length - 1 ? ',' : ''}`);
    return `{\n  "version": ${VERSION},\n  "workloads": {${lines.length ? `\n${lines.join('\n')}\n  ` : ''}}\n}\n`;
  }

  /**
   * Compares this synth's placements with the lock's text `current` (undefined: no lock yet). `lockPath`
   * names the file in errors and fixes.
   */
  public static compare(lockPath: string, placements: WorkloadPlacement[], current?: string): LockComparison {
    requireStructs(lockPath, 'placements', placements, "{ key: 'app/acme', tier: 'vm' }");
    const locked = PlacementLock.parse(lockPath, current);
    const next: { [key: string]: PlacementTier } = {};
    const changes: PlacementChange[] = [];
    const refusals: string[] = [];
    const seen = new Set<string>();
    for (const p of placements) {
      if (typeof p.key !== 'string' || p.key === '') throw new PlacementError(lockPath, 'a workload placement has no key.', 'give each workload its construct path as key.');
      if (seen.has(p.key)) throw new PlacementError(p.key, `two workloads share the lock key '${p.key}'.`, 'give every workload a unique construct path.');
      seen.add(p.key);
      const old = locked[p.key];
      if (old === undefined) {
        changes.push({ key: p.key, kind: PlacementChangeKind.NEW, tier: p.tier, accepted: true });
        next[p.key] = p.tier;
      } else if (old === p.tier) {
        next[p.key] = p.tier;
      } else {
        const reason = typeof p.acceptPlacementChange === 'string' ? p.acceptPlacementChange.trim() : '';
        changes.push({ key: p.key, kind: PlacementChangeKind.CHANGED, lockedTier: old, tier: p.tier, accepted: reason !== '', reason: reason || undefined });
        if (reason) next[p.key] = p.tier;
        else {
          next[p.key] = old;
          refusals.push(refusalText(p.key, old, p.tier, lockPath, p.acceptPlacementChange !== undefined));
        }
      }
    }
    for (const key of Object.keys(locked).sort()) {
      if (!seen.has(key)) changes.push({ key, kind: PlacementChangeKind.REMOVED, lockedTier: locked[key], accepted: true });
    }
    changes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const lockText = PlacementLock.render(next);
    return { changes, refusals, lockText, changed: lockText !== current };
  }

  /** Throws a PlacementError for the first refused change (all of them in the message), or returns. */
  public static enforce(comparison: LockComparison, lockPath: string): void {
    if (comparison.refusals.length === 0) return;
    throw new PlacementError(lockPath, comparison.refusals.join(' '),
      'for each workload either set acceptPlacementChange to the reason the replacement is intended, or delete its entry from the lock file.');
  }
}

function refusalText(key: string, old: PlacementTier, tier: PlacementTier, lockPath: string, blank: boolean): string {
  return `workload '${key}' is locked to ${old} in ${lockPath} but is now placed on ${tier}, which replaces its compute`
    + `${blank ? ' (acceptPlacementChange is blank)' : ''}; set acceptPlacementChange: '<reason>' on it, or delete its entry from the lock.`;
}
