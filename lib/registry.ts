// Cross-construct state, kept in the construct tree: one registry construct per stack (claimed
// names, placement records, guard checks) and one per app (Docker engines, which span stacks).
// Found with tryFindChild, so no module-level maps and nothing hidden on other constructs.
import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { PlacementError } from './placement-error';
import type { WorkloadPlacement } from './placement/placement-lock';
import { PlacementLockFile } from './placement/placement-lock-file';
import { installPlacementReport } from './report/hook';
import { EngineClaims } from './targets/docker/claims';
import type { PlacementRecord, PoolRecord } from './report/record';

const STACK_REGISTRY_ID = 'cdktf-isolation-registry';
const APP_REGISTRY_ID = 'cdktf-isolation-app-registry';
/** The context key that enables the placement lock: the lock file's path, relative to the app's working directory. */
export const LOCK_FILE_CONTEXT = 'cdktf-isolation:lockFile';

/** One guards object's check of one subtree over the stack's synthesized JSON; returns its open findings. */
export type GuardCheck<F> = (tf: Record<string, any>) => F[];

/** The state one stack's placed workloads share. Writes the placement report when the stack synthesizes. */
export class StackRegistry extends Construct {
  /** The stack's registry, created on first use. */
  public static of(scope: IConstruct): StackRegistry {
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild(STACK_REGISTRY_ID) as StackRegistry | undefined) ?? new StackRegistry(stack);
  }

  /** The stack's registry if a workload or guard created one. */
  public static tryOf(stack: TerraformStack): StackRegistry | undefined {
    return stack.node.tryFindChild(STACK_REGISTRY_ID) as StackRegistry | undefined;
  }

  private readonly names = new Map<string, string>();
  private readonly records = new Map<IConstruct, PlacementRecord>();
  /** The stack's capacity pools, each planned when the report asks (after every task is registered). */
  private readonly poolPlans: Array<() => PoolRecord> = [];
  /**
   * The guards watching this stack, each with the subtrees (by path) it checks. The guards add one
   * node validation to this registry when the first one registers.
   */
  public readonly guardChecks = new Map<object, Map<string, GuardCheck<unknown>>>();

  private constructor(stack: TerraformStack) {
    super(stack, STACK_REGISTRY_ID);
    // The lock is checked app-wide before the first stack writes anything.
    installPlacementReport(stack, () => this.recordsUnder(stack), () => this.pools(), () => AppRegistry.of(stack).applyLock());
  }

  /** Claims `key` for the construct at `where`; returns who claimed it first, if someone did. */
  public claim(key: string, where: string): string | undefined {
    const first = this.names.get(key);
    if (first === undefined) this.names.set(key, where);
    return first;
  }

  /** Records what a placed workload became. */
  public record(workload: IConstruct, record: PlacementRecord): void {
    this.records.set(workload, record);
  }

  /** Registers a capacity pool for the report; `plan` is called at synth. */
  public recordPool(plan: () => PoolRecord): void {
    this.poolPlans.push(plan);
  }

  /** The stack's pools as planned now, in registration order. */
  public pools(): PoolRecord[] {
    return this.poolPlans.map((plan) => plan());
  }

  /** The placement records of the workloads under `scope`, in construct order. */
  public recordsUnder(scope: IConstruct): PlacementRecord[] {
    if (this.records.size === 0) return [];
    return scope.node.findAll().map((c) => this.records.get(c)).filter((r): r is PlacementRecord => r !== undefined);
  }
}

/** State that spans the stacks of one app: the Docker engines targeted, by normalised address. */
export class AppRegistry extends Construct {
  /** The app's registry (at the construct tree's root), created on first use. */
  public static of(scope: IConstruct): AppRegistry {
    const root = scope.node.root;
    return (root.node.tryFindChild(APP_REGISTRY_ID) as AppRegistry | undefined) ?? new AppRegistry(root);
  }

  private readonly engines = new Map<string, EngineClaims>();
  private readonly placements = new Map<string, WorkloadPlacement>();
  private lockApplied = false;

  private constructor(root: IConstruct) {
    super(root as Construct, APP_REGISTRY_ID);
  }

  /** The claims on the engine at `host` (a normalised address), shared by every target on it; created on first use. */
  public engine(host: string): EngineClaims {
    let claims = this.engines.get(host);
    if (claims === undefined) {
      claims = new EngineClaims(host);
      this.engines.set(host, claims);
    }
    return claims;
  }

  /** Records a workload's tier for the placement lock. */
  public placed(placement: WorkloadPlacement): void {
    this.placements.set(placement.key, placement);
  }

  /**
   * With context `cdktf-isolation:lockFile`: compares every workload of the app with the lock, throws a
   * PlacementError for a tier change no acceptPlacementChange names, else writes the updated lock (the
   * accepted changes recorded, dated today) when its content changed. Once per app.
   */
  public applyLock(): void {
    if (this.lockApplied) return;
    const file: unknown = this.node.tryGetContext(LOCK_FILE_CONTEXT);
    if (file !== undefined) {
      if (typeof file !== 'string' || file.trim() === '') {
        throw new PlacementError(LOCK_FILE_CONTEXT, `the context value ${JSON.stringify(file)} is not a file path.`,
          'set it in cdktf.json "context" to a path relative to the app\'s directory, e.g. "placement.lock.json", or remove it.');
      }
      PlacementLockFile.apply(file, [...this.placements.values()]);
    }
    this.lockApplied = true;
  }
}
