import * as fs from 'fs';
import * as path from 'path';
import { LockComparison, PlacementLock, utcDate, WorkloadPlacement } from './placement-lock';

/**
 * The placement lock's file I/O, kept beside the pure PlacementLock: read the lock, compare, refuse or
 * write the updated lock back (only when its content changed, so an unchanged synth touches nothing).
 */
export class PlacementLockFile {
  /** The lock file's text, or undefined when there is none yet. */
  public static read(file: string): string | undefined {
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  }

  /**
   * Compares the placements with the lock at `file`; throws PlacementError when a tier change is refused
   * (the file is left as it is), else writes the updated lock when its content changed, changes accepted
   * now dated today (UTC). Returns the comparison.
   */
  public static apply(file: string, placements: WorkloadPlacement[]): LockComparison {
    const comparison = PlacementLock.compare(file, placements, PlacementLockFile.read(file), utcDate(new Date()));
    PlacementLock.enforce(comparison, file);
    if (comparison.changed) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, comparison.lockText);
    }
    return comparison;
  }
}
