import { Annotations, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AWS_HARDENING, DOCKER_HARDENING, KUBERNETES_HARDENING, TENANT_BOUNDARY } from './packs';
import { blocks, Config, GuardedResource, GuardRule, RuleFinding, tagsOf } from './rule';
import { KUBE_LABEL, LABEL, TAG } from '../labels';
import { PlacementError } from '../placement-error';
import { StackRegistry } from '../registry';
import { GitOpsManifest } from '../targets/kubernetes/gitops-delivery';

/** The rule packs {@link IsolationGuards} can apply. */
export enum GuardPack {
  /** AWS hardened defaults: IMDSv2, encrypted volumes, no key pairs, no open or SSH ingress, KMS rotation, log groups, IAM, ECS containers, dedicated tenancy (ISO-AWS-*). */
  AWS_HARDENING = 'aws-hardening',
  /** Docker hardened defaults: unprivileged, capabilities dropped, no-new-privileges, read-only root, no host namespaces, no Docker socket, memory limits (ISO-DKR-*). */
  DOCKER_HARDENING = 'docker-hardening',
  /**
   * Kubernetes objects of either delivery: unprivileged, no host namespaces or hostPath, limits = requests, read-only root,
   * no privilege escalation, capabilities, non-root with seccomp, no ServiceAccount token, tenant namespaces with default-deny
   * policies and Pod Security restricted, sandbox tiers on their RuntimeClass (ISO-K8S-*).
   */
  KUBERNETES_HARDENING = 'kubernetes-hardening',
  /** Tenant boundaries: no peering into a tenant VPC, no resource joining two tenants, no NetworkPolicy between tenant namespaces (ISO-TEN-*). */
  TENANT_BOUNDARY = 'tenant-boundary',
}

const PACKS: Record<GuardPack, readonly GuardRule[]> = {
  [GuardPack.AWS_HARDENING]: AWS_HARDENING,
  [GuardPack.DOCKER_HARDENING]: DOCKER_HARDENING,
  [GuardPack.KUBERNETES_HARDENING]: KUBERNETES_HARDENING,
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
  /**
   * The equivalent control of other tools (Pod Security Standards, kube-bench, KICS), where the rule names one.
   * @default - none named
   */
  readonly equivalent?: string;
}

/**
 * Opt-in guards, modelled on cdk-nag: an Aspect that checks the finished stack against rule packs
 * and stops synthesis with one PlacementError listing every finding (rule id, construct path,
 * problem, fix) before any Terraform is written. The check is a node validation: `app.synth()` and
 * `cdktf synth` run it, and so does `Testing.synth(stack, true)` (cdktf's `runValidations`).
 * Suppressed findings are kept in `suppressedFindings` and annotated (info) on their resource. A rule
 * that throws becomes a finding of that rule rather than breaking synthesis.
 *
 * `Aspects.of(stack).add(new IsolationGuards())` — add it to a stack or to any construct in it
 * (then only that subtree is checked).
 */
export class IsolationGuards implements IAspect {
  /** Every rule of the given packs (all packs by default), for documentation and reports. */
  public static rules(packs?: GuardPack[]): GuardRuleInfo[] {
    return checkPacks(packs ?? Object.values(GuardPack)).flatMap((pack) => PACKS[pack].map((r) => ({
      id: r.id, title: r.title, pack, resourceTypes: [...r.resourceTypes], fix: r.fix, ...(r.equivalent ? { equivalent: r.equivalent } : {}),
    })));
  }

  /** The packs applied. */
  public readonly packs: GuardPack[];
  private readonly suppressions: GuardSuppression[];
  private readonly ruleList: readonly GuardRule[];
  /** Suppressed findings of the last check of each subtree, by the subtree's path. */
  private readonly suppressedByScope = new Map<string, GuardFinding[]>();

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

  /** Findings the suppressions accepted at the last check of every subtree these guards check (empty before synthesis). */
  public get suppressedFindings(): GuardFinding[] {
    return [...this.suppressedByScope.values()].flat();
  }

  /**
   * Called by cdktf for every construct at synth. At the construct the aspect was added to, it
   * registers the check with the stack's registry, whose node validation runs every check on one
   * resolution of the stack's JSON and throws one PlacementError for the open findings.
   */
  public visit(node: IConstruct): void {
    if (!Aspects.of(node).all.includes(this)) return;
    const stack = TerraformStack.of(node);
    const registry = StackRegistry.of(stack);
    if (registry.guardChecks.size === 0) registry.node.addValidation({ validate: () => enforce(stack, registry) });
    // Keyed by guards and scope: cdktf visits again on every synth, and one guards object may watch two subtrees.
    const checks = registry.guardChecks.get(this) ?? new Map();
    checks.set(node.node.path, (tf: Config) => this.evaluate(node, stack, tf).filter((f) => f.suppressedBecause === undefined));
    registry.guardChecks.set(this, checks);
  }

  /**
   * Runs the rules over the Terraform resources and data sources under `scope` and returns every
   * finding, suppressed ones included (with `suppressedBecause`). Does not throw for findings.
   */
  public check(scope: IConstruct): GuardFinding[] {
    const stack = TerraformStack.of(scope);
    return this.evaluate(scope, stack, stack.toTerraform());
  }

  private evaluate(scope: IConstruct, stack: TerraformStack, tf: Config): GuardFinding[] {
    // Stack rules see every resource (a reference may leave the subtree); findings stay in the subtree.
    const all = [...collect(tf), ...gitOpsObjects(stack)];
    const scopePath = scope.node.path;
    const inScope = (path: string) => path === scopePath || path.startsWith(`${scopePath}/`);
    const resources = all.filter((r) => inScope(r.path));
    const findings: GuardFinding[] = [];
    const suppressed: Array<{ path: string; message: string }> = [];
    for (const rule of this.ruleList) {
      const found = rule.checkStack
        ? safely(scope, () => rule.checkStack!(all).filter((f) => inScope(f.resource.path)))
        : resources.filter((r) => rule.resourceTypes.includes(r.type))
          .flatMap((resource) => safely(resource, () => {
            const problem = rule.check!(resource.config, resource);
            return problem === undefined ? [] : [{ resource, problem }];
          }));
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
    this.suppressedByScope.set(scopePath, findings.filter((f) => f.suppressedBecause !== undefined));
    return findings;
  }
}

/**
 * A rule that throws (e.g. on a resource shape it did not expect) yields one finding of that rule at
 * the resource, or at the checked scope for a stack rule, as cdk-nag reports a rule error.
 */
function safely(at: GuardedResource | IConstruct, run: () => RuleFinding[]): RuleFinding[] {
  try {
    return run();
  } catch (e) {
    const resource = 'config' in at ? at
      : { type: '*', address: at.node.path, path: at.node.path, config: {} };
    return [{ resource, problem: `the rule could not check this resource: it threw ${e instanceof Error ? e.message : String(e)}` }];
  }
}

/** One PlacementError listing every open finding of every guards object and subtree of the stack. */
function enforce(stack: TerraformStack, registry: StackRegistry): string[] {
  const tf = stack.toTerraform();
  const open = [...registry.guardChecks.values()].flatMap((byPath) => [...byPath.values()].flatMap((check) => check(tf) as GuardFinding[]));
  if (open.length === 0) return [];
  const lines = open.map((f) => `  [${f.ruleId}] ${f.path}: ${f.problem} Fix: ${f.fix}`);
  throw new PlacementError(open[0].path,
    `${open.length} isolation guard finding${open.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n`,
    'change each resource as its Fix says, or accept a finding on purpose with IsolationGuards suppressions: [{ id, reason, pathPrefix }].');
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

/**
 * The objects of the stack's GITOPS deliveries, as the `kubernetes_manifest` resources they would be:
 * the Kubernetes rules hold both deliveries to the same checks.
 */
function gitOpsObjects(stack: TerraformStack): GuardedResource[] {
  return stack.node.findAll().filter(GitOpsManifest.isGitOpsManifest).map((o) => {
    const manifest = o.manifest;
    const config = { manifest };
    const m = manifest.metadata;
    return { type: 'kubernetes_manifest', address: `gitops.${o.file}#${manifest.kind}/${m.namespace ?? ''}/${m.name}`, path: o.node.path, config, tenant: tenantOf(config) };
  });
}

function tenantOf(config: Config): string | undefined {
  return tagsOf(config)[TAG.tenant] ?? blocks(config.labels).find((l) => l.label === LABEL.tenant)?.value
    ?? config.manifest?.metadata?.labels?.[KUBE_LABEL.tenant];
}
