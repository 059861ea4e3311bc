import { Annotations, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { commonLabels, limitRangeObject, namespaceObject, QuotaMember, resourceQuotaObject, serviceAccountObject } from './boundary';
import { KubeObject, StringMap } from './objects';
import { PodSize } from './quantities';
import { DeliveredObject, KubernetesDelivery, ObjectSink } from './delivery';
import { GITOPS_FOLDER, GitOpsSink, SHARED_FILE } from './gitops-delivery';
import { dnsLabel, labelValue } from './names';
import { ingressPolicy, namespacePolicies } from './network-policies';
import { checkRuntimeClasses, overheadSize, runtimeClassObject } from './runtime-classes';
import { checkTargetProps } from './target-props';
import { KubernetesProvider, TerraformSink } from './terraform-delivery';
import { KUBERNETES_TIERS, KubernetesRuntimeClasses, KubernetesTierOffer, kubernetesOffers } from './tiers';
import {
  autoscalerObject, checkWorkloadForCluster, DEFAULT_RUN_AS_USER, deploymentObject, disruptionBudgetObject, podLabels, podSize,
  runsSeveral, serviceObject, WorkloadObjectsInput,
} from './workload';
import { KUBE_LABEL } from '../../labels';
import { CoTenancy, HardwareExclusivity } from '../../needs/enums';
import { IsolationNeeds } from '../../needs/needs';
import { PlacementTier } from '../../placement/boundary';
import { PlacementEngine } from '../../placement/engine';
import { PlacementError } from '../../placement-error';
import { StackRegistry } from '../../registry';
import { resolveIngress } from '../ingress';
import { refuseVmOnlyNeeds, requireStack } from '../placement-checks';
import { AutoscalingOptions, IngressRule, IPlacementTarget, OfferRequest, RealizationRequest, RealizedWorkload, ServiceRealization, SizedTierOffer, TenantRealization } from '../target';

/**
 * Props of {@link KubernetesTarget}.
 */
export interface KubernetesTargetProps {
  /**
   * The sandbox RuntimeClasses the cluster runs (gVisor, Kata), each with the scheduling of the nodes
   * that have it, or marked `existing`. Only declared ones are offered.
   * @default - none: only SHARED_CONTAINER (runc) is offered
   */
  readonly runtimeClasses?: KubernetesRuntimeClasses;
  /**
   * How the objects reach the cluster: `kubernetes_manifest` resources of the stack, or GitOps YAML files.
   * @default KubernetesDelivery.TERRAFORM
   */
  readonly delivery?: KubernetesDelivery;
  /**
   * The first part of every namespace the target writes (`<prefix><tenant id>`, `<prefix>dense-<co-tenancy>`),
   * so several stacks can share a cluster: lower-case letters, digits and '-', at most 40 characters.
   * @default - the stack's id and '-'
   */
  readonly namespacePrefix?: string;
  /**
   * The hashicorp/kubernetes provider the `kubernetes_manifest` resources use (TERRAFORM delivery only),
   * e.g. one configured with the cluster's endpoint and credentials.
   * @default - a provider of the target's own (aliased by its id) that reads `KUBE_CONFIG_PATH`
   */
  readonly provider?: TerraformProvider;
  /**
   * The cluster's pod and Service CIDRs (IPv4, e.g. `['10.244.0.0/16', '10.96.0.0/12']`). Excepted from
   * every NetworkPolicy ipBlock (declared ingress, egress), so that on CNIs that match pod IPs against
   * ipBlocks (Calico, most iptables-based ones) an ingress rule or egress to 0.0.0.0/0 cannot reach or
   * admit another tenant's pods; an ingress CIDR inside one of them is refused.
   * @default - none: ipBlocks are written as declared, and workloads with ingress or egress get a warning
   */
  readonly clusterCidrs?: string[];
  /**
   * The Pod Security Standards version the namespaces pin for enforce, audit and warn (`v1.<minor>`, or `latest`).
   * @default 'v1.33'
   */
  readonly podSecurityVersion?: string;
  /**
   * The user id (and group id) every pod runs as. Pod Security `restricted` requires non-root; a
   * numeric id also starts images whose own user is root or a name the kubelet cannot check.
   * @default 65532
   */
  readonly runAsUser?: number;
}

/** Where a dense group's namespace objects live and what its quota counts. */
interface GroupNamespace {
  readonly name: string;
  readonly namespace: DeliveredObject;
  readonly members: QuotaMember[];
}

/**
 * Realizes workloads on a conformant Kubernetes cluster it is given: every IsolatedTenant in a
 * namespace of its own (Pod Security `restricted`, default-deny NetworkPolicies plus its declared
 * ingress, DNS and egress, a ResourceQuota and LimitRange sized from its workload, its own
 * ServiceAccount without a token), DenseServices in one namespace per co-tenancy; pods hardened and
 * placed by tier: runc (SHARED_CONTAINER), the gVisor RuntimeClass (SANDBOXED_CONTAINER), the Kata
 * RuntimeClass (MICROVM_CONTAINER). The VM tiers, hardware exclusivity and an own kernel need nodes
 * of a tenant's own and are refused. Objects are delivered as `kubernetes_manifest` resources or as
 * GitOps YAML files; the target loads no provider package.
 */
export class KubernetesTarget extends Construct implements IPlacementTarget {
  /** The Pod Security Standards version namespaces pin when `podSecurityVersion` is not given. */
  public static readonly DEFAULT_POD_SECURITY_VERSION = 'v1.33';

  /** Always 'kubernetes'. */
  public readonly targetKind: string = 'kubernetes';
  /** SHARED_CONTAINER, plus SANDBOXED_CONTAINER with a gVisor RuntimeClass and MICROVM_CONTAINER with a Kata one. */
  public readonly availableTiers: PlacementTier[];
  /** A cluster's nodes are paid whether pods run or not: false. */
  public readonly elasticBilling: boolean = false;
  /** How the objects are delivered. */
  public readonly delivery: KubernetesDelivery;
  /**
   * The kubernetes provider of the `kubernetes_manifest` resources (typed as its base class).
   * @default - none with GITOPS delivery
   */
  public readonly provider?: TerraformProvider;
  /** The declared RuntimeClasses. */
  public readonly runtimeClasses: KubernetesRuntimeClasses;
  /** The first part of every namespace name. */
  public readonly namespacePrefix: string;

  /** Every tier, feasible or refused with why: one table the engine's choice and the realization read. */
  private readonly offers: KubernetesTierOffer[];
  private readonly sink: ObjectSink;
  private readonly stackLabel: string;
  private readonly clusterCidrs: string[];
  private readonly podSecurityVersion: string;
  private readonly runAsUser: number;
  /** Namespace names claimed, with who claimed them. */
  private readonly namespaces = new Map<string, string>();
  private readonly groups = new Map<CoTenancy, GroupNamespace>();
  /** The RuntimeClass objects written, by name: pods depend on them. */
  private readonly runtimeClassObjects = new Map<string, DeliveredObject>();

  constructor(scope: Construct, id: string, props: KubernetesTargetProps = {}) {
    super(scope, id);
    const where = this.node.path;
    const stack = requireStack(where, this, 'target');
    props = props ?? {}; // null from JavaScript
    const checked = checkTargetProps(where, props);
    this.delivery = checked.delivery;
    this.clusterCidrs = checked.clusterCidrs;
    this.podSecurityVersion = checked.podSecurityVersion ?? KubernetesTarget.DEFAULT_POD_SECURITY_VERSION;
    this.runAsUser = checked.runAsUser ?? DEFAULT_RUN_AS_USER;
    this.runtimeClasses = checkRuntimeClasses(where, props.runtimeClasses);
    this.offers = kubernetesOffers(this.runtimeClasses);
    this.availableTiers = this.offers.filter((o) => o.feasible).map((o) => o.tier);
    this.stackLabel = labelValue(stack.node.id);
    this.namespacePrefix = checked.namespacePrefix ?? `${dnsLabel(stack.node.id, 30)}-`;
    if (this.delivery === KubernetesDelivery.GITOPS) {
      const folder = `${GITOPS_FOLDER}/${dnsLabel(id)}`;
      const first = StackRegistry.of(this).claim(`kubernetes-gitops:${folder}`, where);
      if (first !== undefined) {
        throw new PlacementError(where, `the GitOps folder ${folder} is already written by ${first} in this stack.`, 'give the KubernetesTargets of a stack ids that differ in letters and digits.');
      }
      this.sink = new GitOpsSink(stack, folder);
    } else {
      this.provider = props.provider ?? new KubernetesProvider(this, 'provider', providerAlias(id));
      this.sink = new TerraformSink(this.provider);
    }
    for (const field of ['gvisor', 'kata'] as const) {
      const rc = this.runtimeClasses[field];
      if (rc === undefined || rc.existing) continue;
      const tier = field === 'gvisor' ? PlacementTier.SANDBOXED_CONTAINER : PlacementTier.MICROVM_CONTAINER;
      const labels = commonLabels(this.stackLabel, {});
      this.runtimeClassObjects.set(rc.name, this.sink.write({
        scope: this, id: `runtime-class-${field}`, file: SHARED_FILE, produce: () => runtimeClassObject(rc, tier, labels),
      }));
    }
  }

  /**
   * Every tier the cluster offers, each able to run the workload and unpriced (the cluster is already
   * paid for; the report shows what each workload reserves, its requests), sized as its pods. Refuses
   * first, naming the fix, what a cluster given to this target cannot isolate: hardware exclusivity
   * and an own kernel always (they need nodes of the tenant's own); a pinned tier the target does not
   * offer, with why; and, unpinned, HOSTILE without a Kata RuntimeClass or UNTRUSTED without gVisor or
   * Kata. A pin weaker than the needs is the engine's to check (with `acknowledgeWeakerIsolation`).
   */
  public offerTiers(request: OfferRequest): SizedTierOffer[] {
    this.refuseNeeds(request.where, request.isolation, request.pin);
    const replicas = request.workload.replicas ?? 1;
    return this.offers.filter((o) => o.feasible).map((o) => ({
      tier: o.tier, sizing: { summary: `${replicas} pod(s)${o.runtimeClass ? `, RuntimeClass ${o.runtimeClass.name}` : ''}`, replicas, notes: [] },
    }));
  }

  private refuseNeeds(where: string, isolation: IsolationNeeds, pin?: PlacementTier): void {
    refuseVmOnlyNeeds(where, isolation, {
      exclusivity: `${KUBERNETES_TIERS[isolation.hardwareExclusivity === HardwareExclusivity.ACCOUNT ? PlacementTier.DEDICATED_VM : PlacementTier.DEDICATED_HOST]
        .plainCluster!.why}; every pod shares its node with other pods.`,
      ownKernel: `${KUBERNETES_TIERS[PlacementTier.VM].plainCluster!.why}, and a pod never chooses its kernel (a Kata pod runs the guest kernel `
        + 'of the runtime\'s configuration).',
    });
    if (pin !== undefined) {
      const offer = this.offers.find((o) => o.tier === pin);
      if (offer && !offer.feasible) {
        throw new PlacementError(where, `the workload is pinned to ${pin}, which this KubernetesTarget does not offer: ${offer.why}.`, `${offer.fix}, or pin one of ${this.availableTiers.join(', ')}.`);
      }
      return;
    }
    const required = PlacementEngine.requiredBoundary(isolation);
    const meets = (o: KubernetesTierOffer) => PlacementEngine.isAtLeast(PlacementEngine.boundaryOf(o.tier), required) && KUBERNETES_TIERS[o.tier].plainCluster === undefined;
    if (this.offers.some((o) => o.feasible && meets(o))) return;
    const missing = this.offers.filter((o) => !o.feasible && meets(o)).map((o) => KUBERNETES_TIERS[o.tier]);
    throw new PlacementError(where, `${isolation.coTenancy.toUpperCase()} co-tenancy requires a ${required} boundary, and this KubernetesTarget declares `
      + `${missing.length > 1 ? `neither ${missing.map((r) => `a ${r.product}`).join(' nor ')}` : `no ${missing[0].product}`} RuntimeClass.`,
    `declare ${missing.map((r) => `runtimeClasses.${r.runtime} (e.g. { name: '${r.runtime}', handler: '${r.usualHandler}', nodeSelector: { ... } })`).join(' or ')} `
      + 'for nodes that have it, or use an AwsTarget.');
  }

  /** One tenant: its own namespace, ServiceAccount, quota, limits and policies, and its workload's objects. */
  public realizeTenant(scope: Construct, t: TenantRealization): RealizedWorkload {
    const { where, workload } = t;
    refuseLoadBalancer(where, t.loadBalancer !== undefined);
    checkWorkloadForCluster(where, workload, undefined);
    const offer = this.offer(where, t.decision.tier);
    const name = t.tenantId;
    const namespace = this.claimNamespace(where, `${this.namespacePrefix}${name}`);
    const labels = commonLabels(this.stackLabel, { [KUBE_LABEL.tenant]: name, [KUBE_LABEL.tier]: t.decision.tier, [KUBE_LABEL.coTenancy]: t.isolation.coTenancy });
    const file = `tenant-${name}.yaml`;
    const pod = podSize(where, workload);
    const member: QuotaMember = { pod, overhead: overheadSize(where, 'overhead', offer.runtimeClass), maxReplicas: workload.replicas ?? 1 };
    const annotations = this.clusterCidrs.length ? { [KUBE_LABEL.clusterCidrs]: this.clusterCidrs.join(',') } : {};
    const ns = this.sink.write({ scope, id: 'ns', file, produce: () => namespaceObject(namespace, labels, this.podSecurityVersion, annotations) });
    const inNamespace = (id: string, produce: () => KubeObject) => this.sink.write({ scope, id, file, produce, dependsOn: [ns] });
    inNamespace('quota', () => resourceQuotaObject('quota', namespace, labels, [member]));
    inNamespace('limits', () => limitRangeObject('limits', namespace, labels, [member]));
    const egress = t.egress === true;
    for (const p of namespacePolicies({ namespace, labels, egress, sameNamespace: false, clusterCidrs: this.clusterCidrs })) {
      inNamespace(`policy-${p.metadata.name}`, () => p);
    }
    const notes = this.workloadObjects(scope, t, { file, namespace, ns, labels, offer, pod, autoscaling: undefined, ingress: t.ingress, egress });
    return this.realized(namespace, name, pod, member, notes, `its own namespace ${namespace}`);
  }

  /** One service: in the namespace of its co-tenancy group, which services of other co-tenancy never share. */
  public realizeService(scope: Construct, s: ServiceRealization): RealizedWorkload {
    const { where, workload } = s;
    refuseLoadBalancer(where, s.loadBalancer !== undefined);
    if (s.isolation.dedicatedNetwork === true) {
      throw new PlacementError(where, 'dedicatedNetwork is a tenant boundary: DenseServices share their co-tenancy group\'s namespace.',
        'declare the workload as an IsolatedTenant (a namespace and policies of its own), or drop dedicatedNetwork.');
    }
    checkWorkloadForCluster(where, workload, s.autoscaling);
    const offer = this.offer(where, s.decision.tier);
    const group = this.group(where, s.isolation.coTenancy);
    const pod = podSize(where, workload);
    const member: QuotaMember = { pod, overhead: overheadSize(where, 'overhead', offer.runtimeClass), maxReplicas: s.autoscaling?.maxReplicas ?? workload.replicas ?? 1 };
    group.members.push(member);
    const labels = commonLabels(this.stackLabel, { [KUBE_LABEL.service]: s.serviceName, [KUBE_LABEL.tier]: s.decision.tier, [KUBE_LABEL.coTenancy]: s.isolation.coTenancy });
    const notes = this.workloadObjects(scope, s, {
      file: SHARED_FILE, namespace: group.name, ns: group.namespace, labels, offer, pod, autoscaling: s.autoscaling, ingress: s.ingress, egress: true,
    });
    return this.realized(group.name, s.serviceName, pod, member, notes, `the ${s.isolation.coTenancy} group's namespace ${group.name}`);
  }

  /** The workload's ServiceAccount, Deployment, Service, ingress policy, disruption budget and autoscaler. */
  private workloadObjects(scope: Construct, r: RealizationRequest & { tenantId?: string; serviceName?: string }, o: {
    file: string; namespace: string; ns: DeliveredObject; labels: StringMap; offer: KubernetesTierOffer; pod: PodSize;
    autoscaling?: AutoscalingOptions; ingress?: IngressRule[]; egress: boolean;
  }): string[] {
    const name = r.tenantId ?? r.serviceName!;
    const ingress = resolveIngress(r.where, o.ingress, r.workload.port);
    const ports = [...new Set([...(r.workload.port !== undefined ? [r.workload.port] : []), ...ingress.map((i) => i.port)])].sort((a, b) => a - b);
    const input: WorkloadObjectsInput = {
      where: r.where, name, namespace: o.namespace, labels: o.labels, workload: r.workload, pod: o.pod, scheduling: o.offer.scheduling ?? {},
      runAsUser: this.runAsUser, ports, autoscaling: o.autoscaling,
    };
    const write = (id: string, produce: () => KubeObject, dependsOn: DeliveredObject[] = []) =>
      this.sink.write({ scope, id, file: o.file, produce, dependsOn: [o.ns, ...dependsOn] });
    const sa = write('service-account', () => serviceAccountObject(name, o.namespace, o.labels));
    if (ingress.length) {
      const policy = ingressPolicy(r.where, `allow-ingress-${name}`, o.namespace, o.labels, podLabels(input), ingress, this.clusterCidrs);
      write('policy-ingress', () => policy);
    }
    const runtimeClass = o.offer.runtimeClass ? this.runtimeClassObjects.get(o.offer.runtimeClass.name) : undefined;
    write('deployment', () => deploymentObject(input), [sa, ...(runtimeClass ? [runtimeClass] : [])]);
    if (ports.length) write('service', () => serviceObject(input));
    if (runsSeveral(r.workload, o.autoscaling)) write('disruption-budget', () => disruptionBudgetObject(input));
    if (o.autoscaling) write('autoscaler', () => autoscalerObject(input, o.autoscaling!));
    const notes = [KUBERNETES_TIERS[r.decision.tier].note(o.offer.runtimeClass?.name)];
    if (this.clusterCidrs.length === 0 && (ingress.length > 0 || o.egress)) {
      const warning = 'clusterCidrs is not given, so the NetworkPolicy ipBlocks of this workload\'s declared ingress and egress do not except the '
        + 'cluster\'s pod and Service CIDRs: on CNIs that match pod IPs against ipBlocks (Calico, most iptables-based ones) they can admit or reach other '
        + 'namespaces\' pods. Give KubernetesTarget clusterCidrs.';
      Annotations.of(scope).addWarning(warning);
      notes.push(warning);
    }
    return notes;
  }

  /** What the report shows: the namespace, the notes, and what the workload reserves of the cluster. */
  private realized(namespace: string, name: string, pod: PodSize, member: QuotaMember, notes: string[], home: string): RealizedWorkload {
    const n = member.maxReplicas;
    const overhead = member.overhead.milli || member.overhead.mib ? ` + RuntimeClass overhead ${member.overhead.milli}m / ${member.overhead.mib} MiB` : '';
    return {
      namespace,
      serviceName: name,
      notes: [...notes, `pods run in ${home} with requests = limits (Guaranteed QoS), as user ${this.runAsUser}.`],
      capacity: `requests ${pod.milli}m CPU / ${pod.mib} MiB${overhead} per pod x${n}: reserves ${n * (pod.milli + member.overhead.milli)}m CPU / `
        + `${n * (pod.mib + member.overhead.mib)} MiB (one pod more during a rolling update)`,
    };
  }

  /** The namespace of a co-tenancy group of DenseServices, created with its first service; its quota counts every member at synth. */
  private group(where: string, co: CoTenancy): GroupNamespace {
    let group = this.groups.get(co);
    if (group !== undefined) return group;
    const name = this.claimNamespace(where, `${this.namespacePrefix}dense-${co}`);
    const scope = new Construct(this, `dense-${co}`);
    const labels = commonLabels(this.stackLabel, { [KUBE_LABEL.coTenancy]: co });
    const members: QuotaMember[] = [];
    const namespace = this.sink.write({ scope, id: 'namespace', file: SHARED_FILE, produce: () => namespaceObject(name, labels, this.podSecurityVersion, {}) });
    group = { name, namespace, members };
    const inNamespace = (id: string, produce: () => KubeObject) => this.sink.write({ scope, id, file: SHARED_FILE, produce, dependsOn: [namespace] });
    inNamespace('quota', () => resourceQuotaObject('quota', name, labels, members));
    inNamespace('limits', () => limitRangeObject('limits', name, labels, members));
    // Services that trust each other (TRUSTED, INTERNAL) may talk within their namespace, as on a Docker group network.
    const sameNamespace = co === CoTenancy.TRUSTED || co === CoTenancy.INTERNAL;
    for (const p of namespacePolicies({ namespace: name, labels, egress: true, sameNamespace, clusterCidrs: this.clusterCidrs })) {
      inNamespace(`policy-${p.metadata.name}`, () => p);
    }
    this.groups.set(co, group);
    return group;
  }

  private claimNamespace(where: string, wanted: string): string {
    const name = dnsLabel(wanted);
    const first = this.namespaces.get(name);
    if (first !== undefined) {
      throw new PlacementError(where, `namespace '${name}' is already used by ${first}.`,
        'give the tenant another tenantId (tenant ids share the namespace prefix with the dense groups, `dense-<co-tenancy>`), or another namespacePrefix.');
    }
    this.namespaces.set(name, where);
    return name;
  }

  private offer(where: string, tier: PlacementTier): KubernetesTierOffer {
    const offer = this.offers.find((o) => o.tier === tier && o.feasible);
    if (!offer) {
      throw new PlacementError(where, `this KubernetesTarget cannot realize tier ${tier}.`, `pin one of ${this.availableTiers.join(', ')}, or let the engine choose.`);
    }
    return offer;
  }
}

function refuseLoadBalancer(where: string, given: boolean): void {
  if (given) {
    throw new PlacementError(where, 'loadBalancer is not available on a KubernetesTarget (it creates an AWS application load balancer).',
      'remove loadBalancer, declare ingress from the clients\' CIDRs, and expose the Service through the cluster\'s own load balancer or ingress controller.');
  }
}

/** A Terraform provider alias from the target's construct id. */
function providerAlias(id: string): string {
  const alias = id.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z]/.test(alias) ? alias : `kubernetes_${alias}`;
}

