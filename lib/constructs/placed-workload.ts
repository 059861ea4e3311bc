import { Annotations, TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { CoTenancy, EfficiencyPriority, HardwareExclusivity, LoadProfile } from '../needs/enums';
import { EfficiencyNeeds, IsolationNeeds } from '../needs/needs';
import { NeedsValidation } from '../needs/validation';
import { WorkloadSpec } from '../needs/workload';
import { PlacementTier } from '../placement/boundary';
import { PlacementDecision, PlacementEngine } from '../placement/engine';
import type { PlacementChangeAcceptance } from '../placement/placement-lock';
import { PlacementError } from '../placement-error';
import { AppRegistry, StackRegistry } from '../registry';
import { PlacementRecord } from '../report/record';
import { checkAcceptance, checkAutoscaling, checkPlacementProps, checkSameStack, placementWarnings } from '../targets/placement-checks';
import type { KeyHandle, LogGroupHandle, NetworkHandle, RoleHandle, SecurityGroupHandle, WorkloadHandles } from '../targets/handles';
import { AutoscalingOptions, IPlacementTarget, LoadBalancerOptions, RealizationRequest, RealizedWorkload } from '../targets/target';
import { WorkloadCost, workloadCost } from './workload-cost';

/**
 * What every placed workload declares, without the target (a fleet entry has no target of its own).
 */
export interface PlacementOptions {
  /** What runs. */
  readonly workload: WorkloadSpec;
  /**
   * How strongly the workload must be isolated.
   * @default - per construct: HOSTILE for IsolatedTenant, TRUSTED for DenseService
   */
  readonly isolation?: IsolationNeeds;
  /**
   * How much cost and density matter.
   * @default - per construct: BALANCED/STEADY for IsolatedTenant, COST/STEADY for DenseService
   */
  readonly efficiency?: EfficiencyNeeds;
  /**
   * Force a tier instead of letting the engine choose.
   * @default - the engine chooses
   */
  readonly pin?: PlacementTier;
  /**
   * Why a pinned tier weaker than the needs require is acceptable. Only with `pin`: without one it is refused.
   * @default - a weaker pin is refused
   */
  readonly acknowledgeWeakerIsolation?: string;
  /**
   * Accepts one change of this workload's tier against the placement lock (a replacement of its
   * compute): the move to `to`, for `reason`. Only read when the app enables the lock (context
   * `cdktf-isolation:lockFile`); the change is then accepted and recorded in the lock with its reason,
   * old and new tier and date. It approves that change only: left in code, it approves no later change
   * to another tier.
   * @default - a tier change against the lock fails synth
   */
  readonly acceptPlacementChange?: PlacementChangeAcceptance;
  /**
   * An EC2 instance type for the VM tiers. Refused on a target without VM tiers and with a pinned
   * container tier; a warning when the needs place the workload on a container tier.
   * @default - the smallest catalogue type that fits the workload and the tier
   */
  readonly instanceType?: string;
}

/**
 * Props every placed workload shares: its options and where it is realized.
 */
export interface PlacedWorkloadProps extends PlacementOptions {
  /** Where the workload is realized: an `AwsTarget`, a `DockerTarget` or a `KubernetesTarget`. */
  readonly target: IPlacementTarget;
}

const DNS_LABEL = /^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$/;
/**
 * Base of IsolatedTenant and DenseService: validates props and asks the engine. The subclass
 * constructor then asks the target itself and calls `_complete`: realizing from there rather than
 * from a callback inside this constructor keeps two frames off every stack trace cdktf captures per
 * token (DESIGN.md, Performance notes). Holds no placement or realization logic of its own.
 * @internal jsii hoists its public members into the subclasses.
 */
export abstract class PlacedWorkload extends Construct {
  /**
   * What this constructor settled, for the subclass constructor's call to its target.
   * @internal
   */
  protected readonly _request: RealizationRequest;
  private readonly kind: string;
  private readonly workloadName: string;
  private readonly target: IPlacementTarget;
  private record?: PlacementRecord;
  private readonly cost: WorkloadCost;
  private readonly acceptPlacementChange?: PlacementChangeAcceptance;

  protected constructor(scope: Construct, id: string, kind: string, name: string, props: PlacedWorkloadProps,
    defaults: { isolation: IsolationNeeds; efficiency: EfficiencyNeeds },
    owns: { egress?: boolean; loadBalancer?: LoadBalancerOptions; autoscaling?: AutoscalingOptions } = {}) {
    super(scope, id);
    const where = this.node.path;
    if (!props || typeof props !== 'object') {
      throw new PlacementError(where, `${kind} props are missing.`, `pass { target, workload, ... } to new ${kind}().`);
    }
    if (!props.target || !Array.isArray(props.target.availableTiers)) {
      throw new PlacementError(where, 'target is missing or is not a placement target.',
        'pass target: an AwsTarget, DockerTarget or KubernetesTarget created in the same stack.');
    }
    checkSameStack(where, this, props.target);
    claimName(this, where, kind, name);
    const isolation = withIsolationDefaults(where, props.isolation ?? defaults.isolation);
    const efficiency: EfficiencyNeeds = {
      priority: props.efficiency?.priority ?? defaults.efficiency.priority ?? EfficiencyPriority.BALANCED,
      loadProfile: props.efficiency?.loadProfile ?? defaults.efficiency.loadProfile ?? LoadProfile.STEADY,
    };
    NeedsValidation.efficiency(where, efficiency);
    for (const warning of NeedsValidation.workload(where, props.workload)) {
      Annotations.of(this).addWarning(warning);
    }
    const workload = NeedsValidation.withoutNulls(props.workload);
    const pin = props.pin ?? undefined;
    checkPlacementProps(where, props.target.availableTiers, pin, props.acknowledgeWeakerIsolation, props.instanceType);
    // Offers size pools for autoscaling's maximum: checked before they are asked for.
    if (owns.autoscaling !== undefined && owns.autoscaling !== null) checkAutoscaling(where, owns.autoscaling);

    // Every tier offered once, sized and priced, before the decision: the engine drops what cannot run
    // the workload and, under COST, takes the cheapest; the realization builds the chosen offer.
    const offers = props.target.offerTiers({
      where, workload, isolation, efficiency, pin, instanceType: props.instanceType, service: kind === 'DenseService', ...owns,
    });
    const decision = PlacementEngine.decide({
      where,
      isolation,
      efficiency,
      availableTiers: props.target.availableTiers,
      elasticBilling: props.target.elasticBilling,
      pin,
      acknowledgeWeakerIsolation: props.acknowledgeWeakerIsolation,
      offers,
    });
    placementWarnings(decision, workload, props.instanceType, props.acknowledgeWeakerIsolation).forEach((w) => Annotations.of(this).addWarning(w));
    this.kind = kind;
    this.workloadName = name;
    this.target = props.target;
    const offer = offers.find((o) => o.tier === decision.tier) ?? { tier: decision.tier };
    this._request = { where, workload, isolation, efficiency, decision, offer };
    this.cost = workloadCost(offers, isolation, decision.tier);
    this.acceptPlacementChange = checkAcceptance(where, props.acceptPlacementChange, decision.tier);
  }

  /** Where the workload runs and why (the engine's reasons, then the realization's notes). */
  public get placement(): PlacementDecision {
    return this.completed().decision;
  }

  /** What the target built. */
  public get realized(): RealizedWorkload {
    return this.completed().realized;
  }

  /**
   * The role the workload's code runs as, to grant it what it calls: on AWS the ECS task role
   * (container tiers) or the instance role (VM tiers). Each tenant's role is its own.
   * @default - undefined on Docker, which has no roles
   */
  public get role(): RoleHandle | undefined {
    return this.handles.role;
  }

  /**
   * The ECS task execution role (AWS container tiers): what ECS pulls the image, writes the logs and
   * reads the declared secrets with. Grant the workload's own calls to `role`, not to this.
   * @default - undefined on the VM tiers and on Docker
   */
  public get executionRole(): RoleHandle | undefined {
    return this.handles.executionRole;
  }

  /**
   * The workload's own security group (AWS), e.g. to admit it to a database's security group.
   * @default - undefined on Docker
   */
  public get securityGroup(): SecurityGroupHandle | undefined {
    return this.handles.securityGroup;
  }

  /**
   * The workload's own CloudWatch log group (AWS).
   * @default - undefined on Docker
   */
  public get logGroup(): LogGroupHandle | undefined {
    return this.handles.logGroup;
  }

  /**
   * The KMS key that encrypts the workload's volumes and logs (AWS): an IsolatedTenant's own; a
   * DenseService's is its target's, shared by the target's DenseServices (`shared` says which).
   * @default - undefined on Docker
   */
  public get key(): KeyHandle | undefined {
    return this.handles.key;
  }

  /**
   * The Docker network the workload is attached to: an IsolatedTenant's own; a DenseService's is its
   * co-tenancy group's (`shared` says which).
   * @default - undefined on AWS
   */
  public get network(): NetworkHandle | undefined {
    return this.handles.network;
  }

  private get handles(): WorkloadHandles {
    return this.completed().realized.handles ?? {};
  }

  /**
   * Records what the target built in the stack's registry (for the placement report) and emits the outputs.
   * @internal
   */
  protected _complete(realized: RealizedWorkload): void {
    const r = this._request;
    // What the realization built from the offer (the instance type given or chosen, Fargate rounding, the pool) is part of the why.
    const placement: PlacementDecision = { ...r.decision, reasons: [...r.decision.reasons, ...(realized.notes ?? [])] };
    this.record = {
      kind: this.kind, name: this.workloadName, path: r.where, target: this.target.targetKind, isolation: r.isolation,
      efficiency: r.efficiency, decision: placement, replicas: r.workload.replicas ?? 1, realized, ...this.cost,
    };
    StackRegistry.of(this).record(this, this.record);
    AppRegistry.of(this).placed({ key: r.where, tier: r.decision.tier, acceptPlacementChange: this.acceptPlacementChange });
    emitOutputs(this, placement, realized);
  }

  private completed(): PlacementRecord {
    if (this.record === undefined) {
      throw new PlacementError(this.node.path, 'the workload is read before its target realized it.', 'read placement and realized after the constructor returns.');
    }
    return this.record;
  }
}

function emitOutputs(self: Construct, placement: PlacementDecision, r: RealizedWorkload): void {
  new TerraformOutput(self, 'tier', { value: placement.tier, description: `Placement tier of ${self.node.path}` });
  if (r.instanceIds?.length) new TerraformOutput(self, 'instance-ids', { value: r.instanceIds });
  if (r.serviceName) new TerraformOutput(self, 'service-name', { value: r.serviceName });
  if (r.namespace) new TerraformOutput(self, 'namespace', { value: r.namespace });
  if (r.containerNames?.length) new TerraformOutput(self, 'container-names', { value: r.containerNames });
  if (r.loadBalancerDnsName) new TerraformOutput(self, 'load-balancer-dns-name', { value: r.loadBalancerDnsName });
}

function withIsolationDefaults(where: string, isolation: IsolationNeeds): IsolationNeeds {
  NeedsValidation.isolation(where, isolation);
  return {
    coTenancy: isolation.coTenancy,
    hardwareExclusivity: isolation.hardwareExclusivity ?? HardwareExclusivity.NONE,
    ownKernel: isolation.ownKernel ?? false,
    // Only when asked: the report records needs as declared-with-defaults, and most tenants share the network.
    ...(isolation.dedicatedNetwork === true ? { dedicatedNetwork: true } : {}),
  };
}

/** Tenant ids and service names become resource names: DNS-safe, unique per stack. */
function claimName(self: Construct, where: string, kind: string, name: string): void {
  const field = kind === 'IsolatedTenant' ? 'tenantId' : 'serviceName';
  if (typeof name !== 'string' || !DNS_LABEL.test(name)) {
    throw new PlacementError(where, `${field} ${JSON.stringify(name)} is not DNS-safe.`,
      `use 1-32 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen (e.g. 'acme-prod').`);
  }
  const first = StackRegistry.of(self).claim(`${kind}:${name}`, where);
  if (first !== undefined) {
    throw new PlacementError(where, `${field} '${name}' is already used by ${first} in this stack.`,
      `give every ${kind} in a stack its own ${field}.`);
  }
}

/** Defaults per DESIGN.md "Construct defaults". */
export const TENANT_DEFAULTS = {
  isolation: { coTenancy: CoTenancy.HOSTILE },
  efficiency: { priority: EfficiencyPriority.BALANCED, loadProfile: LoadProfile.STEADY },
};
export const SERVICE_DEFAULTS = {
  isolation: { coTenancy: CoTenancy.TRUSTED },
  efficiency: { priority: EfficiencyPriority.COST, loadProfile: LoadProfile.STEADY },
};
