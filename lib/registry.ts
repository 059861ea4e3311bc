// Cross-construct state, kept in the construct tree: one registry construct per stack (claimed
// names, placement records, guard checks) and one per app (Docker engines, which span stacks).
// Found with tryFindChild, so no module-level maps and nothing hidden on other constructs.
import { AnnotationMetadataEntryType, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { PlacementError } from './placement-error';
import type { WorkloadPlacement } from './placement/placement-lock';
import { POOL_RESOURCE } from './capacity/cost-items';
import { PlacementLockFile } from './placement/placement-lock-file';
import { installPlacementReport } from './report/hook';
import { EngineClaims } from './targets/docker/claims';
import type { CostEstimate, CostItem } from './capacity/cost-estimator';
import type { PlacementRecord, PoolRecord } from './report/record';
import type { StackBill } from './report/render';

const STACK_REGISTRY_ID = 'cdktf-isolation-registry';
const APP_REGISTRY_ID = 'cdktf-isolation-app-registry';
/** The context key that enables the placement lock: the lock file's path, relative to the app's working directory. */
export const LOCK_FILE_CONTEXT = 'cdktf-isolation:lockFile';

/** One capacity pool of a stack, planned at synth: what the report shows, and how its cost is split. */
export interface PoolEntry {
  readonly record: PoolRecord;
  /** Each workload's share of the pool, by construct path (none when the pool is one tenant's own, priced whole in its cost). */
  readonly shares: ReadonlyArray<{ readonly path: string; readonly item: CostItem }>;
  /** The capacity no workload reserves: a shared item of the stack. */
  readonly slack?: CostItem;
}

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
  private readonly poolPlans: Array<() => PoolEntry> = [];
  /** What the stack's workloads share (networks, keys, the Dedicated Instances region fee), priced when the report asks. */
  private readonly sharedCosts: Array<() => CostEstimate> = [];
  /**
   * The guards watching this stack, each with the subtrees (by path) it checks. The guards add one
   * node validation to this registry when the first one registers.
   */
  public readonly guardChecks = new Map<object, Map<string, GuardCheck<unknown>>>();

  private constructor(stack: TerraformStack) {
    super(stack, STACK_REGISTRY_ID);
    // The lock is checked app-wide before the first stack writes anything.
    installPlacementReport(stack, () => this.bill(stack), () => AppRegistry.of(stack).applyLock());
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

  /** Registers a capacity pool for the report and the bill; `plan` is called at synth. */
  public recordPool(plan: () => PoolEntry): void {
    this.poolPlans.push(plan);
  }

  /** The stack's pools as planned now, in registration order. */
  public pools(): PoolEntry[] {
    return this.poolPlans.map((plan) => plan());
  }

  /**
   * The stack's records and bill as of now: pools planned, each workload billed its pool shares, the
   * shared items with each pool's slack, and every warning annotation under the stack.
   */
  public bill(stack: TerraformStack): { records: PlacementRecord[]; bill: StackBill } {
    const pools = this.pools();
    const warnings = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN)
      .map((m) => ({ path: c.node.path, message: String(m.data) })));
    return {
      records: this.recordsUnder(stack, pools),
      bill: { pools: pools.map((p) => p.record), shared: this.shared(), poolSlack: pools.filter((p) => p.slack !== undefined).map((p) => p.slack!), warnings },
    };
  }

  /** Registers something the stack's workloads share, priced when the report asks (the resources it counts may grow until then). */
  public recordShared(cost: () => CostEstimate): void {
    this.sharedCosts.push(cost);
  }

  /** The stack's shared costs as priced now, in registration order. */
  public shared(): CostEstimate[] {
    return this.sharedCosts.map((cost) => cost());
  }

  /**
   * The placement records of the workloads under `scope`, in construct order. A workload on a shared pool
   * is billed its share of the pool as launched, which replaces its offer's estimate of that share.
   */
  public recordsUnder(scope: IConstruct, pools: PoolEntry[] = this.pools()): PlacementRecord[] {
    if (this.records.size === 0) return [];
    const shares = new Map<string, CostItem[]>();
    for (const pool of pools) for (const { path, item } of pool.shares) shares.set(path, [...(shares.get(path) ?? []), item]);
    return scope.node.findAll().map((c) => this.records.get(c)).filter((r): r is PlacementRecord => r !== undefined)
      .map((r) => (shares.has(r.path) && r.cost ? { ...r, cost: withPoolShares(r.cost, shares.get(r.path)!) } : r));
  }
}

/** The estimate with its pool-share item replaced by the pool's real shares (a workload that shares a pool owns none). */
function withPoolShares(cost: CostEstimate, shares: CostItem[]): CostEstimate {
  const items = [...cost.items.filter((i) => i.resourceType !== POOL_RESOURCE), ...shares];
  return { ...cost, items, monthlyUsd: items.reduce((cents, i) => cents + Math.round(i.monthlyUsd * 100), 0) / 100 };
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
  /** Per account and region, the stack charged the Dedicated Instances region fee and the dedicated workloads (paths). */
  private readonly dedicatedFees = new Map<string, { readonly stack: string; readonly workloads: string[] }>();
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

  /**
   * Records a dedicated-instance workload of an account and region (`key`). The region fee is charged
   * once per account and region: in the stack of the first such workload, which this returns with the
   * app's dedicated workloads there so far (the list grows as more are placed).
   */
  public dedicatedFee(key: string, stack: string, workload: string): { readonly stack: string; readonly workloads: string[]; readonly first: boolean } {
    const existing = this.dedicatedFees.get(key);
    const entry = existing ?? { stack, workloads: [] };
    entry.workloads.push(workload);
    if (!existing) this.dedicatedFees.set(key, entry);
    return { ...entry, first: existing === undefined };
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
