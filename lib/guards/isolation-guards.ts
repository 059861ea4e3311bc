import { Annotations, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AWS_HARDENING, DOCKER_HARDENING, TENANT_BOUNDARY } from './packs';
import { blocks, Config, GuardedResource, GuardRule, TAG, tagsOf } from './rule';
import { PlacementError } from '../placement-error';
import { LABEL } from '../targets/docker/hardening';

/** The rule packs {@link IsolationGuards} can apply. */
export enum GuardPack {
  /** AWS hardened defaults: IMDSv2, encrypted volumes, no key pairs, no open or SSH ingress, KMS rotation, log groups, IAM, ECS containers, dedicated tenancy (ISO-AWS-*). */
  AWS_HARDENING = 'aws-hardening',
  /** Docker hardened defaults: unprivileged, capabilities dropped, no-new-privileges, read-only root, no host namespaces, no Docker socket, memory limits (ISO-DKR-*). */
  DOCKER_HARDENING = 'docker-hardening',
  /** Tenant boundaries: no peering into a tenant VPC, no resource joining two tenants (ISO-TEN-*). */
  TENANT_BOUNDARY = 'tenant-boundary',
}

const PACKS: Record<GuardPack, readonly GuardRule[]> = {
  [GuardPack.AWS_HARDENING]: AWS_HARDENING,
  [GuardPack.DOCKER_HARDENING]: DOCKER_HARDENING,
  [GuardPack.TENANT_BOUNDARY]: TENANT_BOUNDARY,
};

/**
 * Accepts one rule's findings on purpose, as cdk-nag's suppressions do.
 */
export interface GuardSuppression {
  /** The rule id, e.g. `ISO-AWS-004`. */
  readonly id: string;
  /** Why the finding is acceptable (required, non-empty; kept with the suppressed finding). */
  readonly reason: string;
  /**
   * Only resources at or below this construct path, e.g. `my-stack/northwind` or `northwind` (below the stack).
   * @default - every resource the guards check
   */
  readonly pathPrefix?: string;
}

/**
 * Props of {@link IsolationGuards}.
 */
export interface IsolationGuardsProps {
  /**
   * The rule packs to apply. A rule checks only its own resource types, so an AWS pack on a Docker stack finds nothing.
   * @default - all packs
   */
  readonly packs?: GuardPack[];
  /**
   * Findings accepted on purpose.
   * @default - none
   */
  readonly suppressions?: GuardSuppression[];
}

/**
 * One rule's problem at one resource.
 */
export interface GuardFinding {
  /** The rule id, e.g. `ISO-AWS-001`. */
  readonly ruleId: string;
  /** The resource's construct path. */
  readonly path: string;
  /** What is wrong. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * The suppression's reason, when the finding is suppressed.
   * @default - not suppressed
   */
  readonly suppressedBecause?: string;
}

/**
 * A rule, as documentation: what it checks and how to fix a finding.
 */
export interface GuardRuleInfo {
  /** The rule id, e.g. `ISO-AWS-001`. */
  readonly id: string;
  /** What the rule requires. */
  readonly title: string;
  /** The pack it belongs to. */
  readonly pack: GuardPack;
  /** The Terraform types it reads (`data.` marks data sources; `*` every type). */
  readonly resourceTypes: string[];
  /** How to fix a finding. */
  readonly fix: string;
}

/**
 * Opt-in guards, modelled on cdk-nag: an Aspect that checks the finished stack against rule packs
 * and stops synthesis with one PlacementError listing every finding (rule id, construct path,
 * problem, fix) before any Terraform is written. Suppressed findings are kept in
 * `suppressedFindings` and annotated (info) on their resource.
 *
 * `Aspects.of(stack).add(new IsolationGuards())` — add it to a stack or to any construct in it
 * (then only that subtree is checked).
 */
export class IsolationGuards implements IAspect {
  /** Every rule of the given packs (all packs by default), for documentation and reports. */
  public static rules(packs?: GuardPack[]): GuardRuleInfo[] {
    return checkPacks(packs ?? Object.values(GuardPack)).flatMap((pack) => PACKS[pack].map((r) => ({
      id: r.id, title: r.title, pack, resourceTypes: [...r.resourceTypes], fix: r.fix,
    })));
  }

  /** The packs applied. */
  public readonly packs: GuardPack[];
  private readonly suppressions: GuardSuppression[];
  private readonly ruleList: readonly GuardRule[];
  private suppressedLast: GuardFinding[] = [];

  constructor(props: IsolationGuardsProps = {}) {
    this.packs = checkPacks([...new Set(props.packs ?? Object.values(GuardPack))]);
    this.ruleList = this.packs.flatMap((p) => PACKS[p]);
    this.suppressions = props.suppressions ?? [];
    const ids = this.ruleList.map((r) => r.id);
    this.suppressions.forEach((s, i) => {
      const where = `IsolationGuards suppressions[${i}]`;
      if (!s || typeof s.reason !== 'string' || s.reason.trim() === '') {
        throw new PlacementError(where, `the suppression of ${JSON.stringify(s?.id)} gives no reason.`, "say why the finding is acceptable, e.g. { id: 'ISO-AWS-004', reason: 'public web, approved in SEC-7' }.");
      }
      if (!ids.includes(s.id)) {
        throw new PlacementError(where, `${JSON.stringify(s.id)} is not a rule of the applied packs (${this.packs.join(', ')}).`, `use one of ${ids.join(', ')}.`);
      }
    });
  }

  /** Findings the suppressions accepted at the last check (empty before synthesis). */
  public get suppressedFindings(): GuardFinding[] {
    return [...this.suppressedLast];
  }

  /**
   * Called by cdktf for every construct at synth. At the construct the aspect was added to, it
   * registers the check on the stack's Terraform output: the rules read the JSON that synthesis
   * resolves anyway (no second resolution), and findings throw one PlacementError before the JSON is written.
   */
  public visit(node: IConstruct): void {
    if (!Aspects.of(node).all.includes(this)) return;
    const stack = TerraformStack.of(node);
    // Keyed by guards and scope: cdktf visits again on every synth, and one guards object may watch two subtrees.
    const byScope = guardedStack(stack).checks;
    const checks = byScope.get(this) ?? new Map<string, (tf: Config) => GuardFinding[]>();
    checks.set(node.node.path, (tf) => this.evaluate(node, stack, tf).filter((f) => f.suppressedBecause === undefined));
    byScope.set(this, checks);
  }

  /**
   * Runs the rules over the Terraform resources and data sources under `scope` and returns every
   * finding, suppressed ones included (with `suppressedBecause`). Does not throw for findings.
   */
  public check(scope: IConstruct): GuardFinding[] {
    const stack = TerraformStack.of(scope);
    return this.evaluate(scope, stack, (guarded.get(stack)?.toTerraform ?? (() => stack.toTerraform()))());
  }

  private evaluate(scope: IConstruct, stack: TerraformStack, tf: Config): GuardFinding[] {
    // Stack rules see every resource (a reference may leave the subtree); findings stay in the subtree.
    const all = collect(tf);
    const scopePath = scope.node.path;
    const inScope = (path: string) => path === scopePath || path.startsWith(`${scopePath}/`);
    const resources = all.filter((r) => inScope(r.path));
    const findings: GuardFinding[] = [];
    const suppressed: Array<{ path: string; message: string }> = [];
    for (const rule of this.ruleList) {
      const found = rule.checkStack
        ? rule.checkStack(all).filter((f) => inScope(f.resource.path))
        : resources.filter((r) => rule.resourceTypes.includes(r.type))
          .flatMap((resource) => {
            const problem = rule.check!(resource.config, resource);
            return problem === undefined ? [] : [{ resource, problem }];
          });
      for (const { resource, problem } of found) {
        const suppression = this.suppressions.find((s) => s.id === rule.id && covers(s.pathPrefix, resource.path, stack.node.path));
        findings.push({ ruleId: rule.id, path: resource.path, problem, fix: rule.fix, suppressedBecause: suppression?.reason });
        if (suppression) suppressed.push({ path: resource.path, message: `[${rule.id}] suppressed: ${suppression.reason}` });
      }
    }
    if (suppressed.length) {
      const byPath = new Map(scope.node.findAll().map((c) => [c.node.path, c]));
      for (const s of suppressed) Annotations.of(byPath.get(s.path) ?? scope).addInfo(s.message);
    }
    this.suppressedLast = findings.filter((f) => f.suppressedBecause !== undefined);
    return findings;
  }
}

interface GuardedStack {
  /** The stack's own toTerraform, before the guards wrapped it. */
  readonly toTerraform: () => Config;
  /** The guards registered on this stack, each with the subtrees (by path) it checks. */
  readonly checks: Map<IsolationGuards, Map<string, (tf: Config) => GuardFinding[]>>;
}
const guarded = new WeakMap<TerraformStack, GuardedStack>();

/**
 * Wraps the stack's toTerraform once (both `app.synth()` and `Testing.synth` call it after the
 * aspects, and write nothing before it returns); toHclTerraform checks the JSON form first.
 */
function guardedStack(stack: TerraformStack): GuardedStack {
  const existing = guarded.get(stack);
  if (existing) return existing;
  const toTerraform = stack.toTerraform.bind(stack);
  const toHcl = stack.toHclTerraform.bind(stack);
  const state: GuardedStack = { toTerraform, checks: new Map() };
  // One PlacementError listing every finding not suppressed, of every guards object and subtree.
  const enforce = (tf: Config) => {
    const open = [...state.checks.values()].flatMap((byPath) => [...byPath.values()].flatMap((check) => check(tf)));
    if (open.length === 0) return;
    const lines = open.map((f) => `  [${f.ruleId}] ${f.path}: ${f.problem} Fix: ${f.fix}`);
    throw new PlacementError(open[0].path,
      `${open.length} isolation guard finding${open.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n`,
      'change each resource as its Fix says, or accept a finding on purpose with IsolationGuards suppressions: [{ id, reason, pathPrefix }].');
  };
  Object.defineProperty(stack, 'toTerraform', {
    configurable: true, writable: true, value: () => {
      const tf = toTerraform();
      enforce(tf);
      return tf;
    },
  });
  Object.defineProperty(stack, 'toHclTerraform', {
    configurable: true, writable: true, value: () => {
      if (state.checks.size > 0) enforce(toTerraform());
      return toHcl();
    },
  });
  guarded.set(stack, state);
  return state;
}

function checkPacks(packs: GuardPack[]): GuardPack[] {
  for (const pack of packs) {
    if (!PACKS[pack]) {
      throw new PlacementError('IsolationGuards packs', `${JSON.stringify(pack)} is not a guard pack.`, `use ${Object.values(GuardPack).map((p) => `'${p}'`).join(', ')} (enum GuardPack).`);
    }
  }
  return packs;
}

/** A prefix matches the path itself and everything below it, written from the root or from below the stack. */
function covers(prefix: string | undefined, path: string, stackPath: string): boolean {
  if (prefix === undefined || prefix === '') return true;
  const p = prefix.replace(/\/+$/, '');
  return [p, `${stackPath}/${p}`].some((full) => path === full || path.startsWith(`${full}/`));
}

/** The resources and data sources of the synthesized JSON, one shallow copy each (the JSON is what gets written). */
function collect(tf: Config): GuardedResource[] {
  const out: GuardedResource[] = [];
  for (const [block, prefix] of [['resource', ''], ['data', 'data.']]) {
    for (const [type, byName] of Object.entries<Record<string, Config>>(tf[block] ?? {})) {
      for (const [name, body] of Object.entries(byName)) {
        const { '//': meta, ...config } = body;
        const path: string = meta?.metadata?.path ?? `${prefix}${type}.${name}`;
        out.push({ type: `${prefix}${type}`, address: `${prefix}${type}.${name}`, path, config, tenant: tenantOf(config) });
      }
    }
  }
  return out;
}

function tenantOf(config: Config): string | undefined {
  return tagsOf(config)[TAG.tenant] ?? blocks(config.labels).find((l) => l.label === LABEL.tenant)?.value;
}
