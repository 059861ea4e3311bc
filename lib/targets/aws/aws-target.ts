import { Annotations, Aspects, Fn, TerraformProvider, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { checkProps, requireSecretArns } from './aws-target-checks';
import type { NameOwner, WorkloadBoundary } from './boundary';
import { AwsEnv, named, workloadTags } from './context';
import { CidrPool, DEFAULT_DEDICATED_POOL, DEFAULT_DEDICATED_PREFIX, DEFAULT_SHARED_CIDR } from './network/cidr-pool';
import { AwsNames, NameKind, WorkloadKind } from './network/names';
import type { TenantNetwork } from './network/tenant-network';
import { awsOffers } from './offers';
import { ecrRepository } from './policies';
import { ProviderAspect } from './provider-aspect';
import type { SharedDense } from './shared-cluster';
import type { AwsTier, AwsTierRow, TierContext } from './tiers';
import { CostEstimator } from '../../capacity/cost-estimator';
import { networkEstimate, sharedEstimate } from '../../capacity/cost-items';
import { AwsQuotasProps } from '../../capacity/quotas';
import type { TierSizing } from '../../capacity/tier-sizing';
import { LoadProfile } from '../../needs/enums';
import { PlacementTier } from '../../placement/boundary';
import { PlacementError } from '../../placement-error';
import { AppRegistry, StackRegistry } from '../../registry';
import { AWS_PROVIDER_PACKAGE, loadRealization } from '../provider-package';
import { requireStack } from '../placement-checks';
import { HandleBuilder } from '../handle-builder';
import type { WorkloadHandles } from '../handles';
import { IPlacementTarget, OfferRequest, RealizationRequest, RealizedWorkload, ServiceRealization, SizedTierOffer, TenantRealization } from '../target';

/**
 * Props of {@link AwsTarget}.
 */
export interface AwsTargetProps {
  /** The AWS region, e.g. `eu-central-1`. */
  readonly region: string;
  /**
   * Availability zones to spread subnets and replicas over, e.g. `['eu-central-1a', 'eu-central-1b']`.
   * @default - the region's first two zones, looked up at plan time (`aws_availability_zones`)
   */
  readonly availabilityZones?: string[];
  /**
   * The Amazon Linux 2023 (x86_64) AMI id for the VM tiers.
   * @default - the latest, looked up at plan time from the public SSM parameter
   */
  readonly ami?: string;
  /**
   * The ECS-optimized Amazon Linux 2023 (x86_64) AMI id for shared container capacity.
   * @default - the recommended one, looked up at plan time from the public SSM parameter
   */
  readonly ecsAmi?: string;
  /**
   * Tags every resource carries (the provider's `default_tags`).
   * @default - only `ManagedBy: cdktf-isolation`
   */
  readonly defaultTags?: { [key: string]: string };
  /**
   * The 12-digit AWS account id, used in KMS key policies and ARNs.
   * @default - looked up at plan time (`aws_caller_identity`)
   */
  readonly accountId?: string;
  /**
   * Days CloudWatch Logs keeps workload logs.
   * @default 90
   */
  readonly logRetentionDays?: number;
  /**
   * The account's quotas for this region, checked at synth against what the stack creates in it
   * (once per stack and region, however many targets share the region).
   * @default - a fresh account's defaults, findings as warnings
   */
  readonly quotas?: AwsQuotasProps;
  /**
   * The CIDR of the shared tenant network (a /16 to /23; subnets are laid out by kind and zone).
   * @default '10.0.0.0/16'
   */
  readonly tenantNetworkCidr?: string;
  /**
   * The pool the VPCs of `dedicatedNetwork` tenants take their CIDRs from: each gets a block unique
   * in the target, derived from its tenant id (so adding a tenant moves no other).
   * @default '10.64.0.0/10'
   */
  readonly dedicatedNetworkPool?: string;
  /**
   * The prefix length of each dedicated tenant VPC taken from {@link AwsTargetProps.dedicatedNetworkPool}.
   * @default 20
   */
  readonly dedicatedNetworkPrefix?: number;
}

const AL2023_AMI = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const ECS_AL2023_AMI = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';
/** The tiers AWS offers, in table order; each has a row in AWS_TIERS (lib/targets/aws/tiers.ts). */
const OFFERED: AwsTier[] = [PlacementTier.SHARED_CONTAINER, PlacementTier.MICROVM_CONTAINER, PlacementTier.VM, PlacementTier.DEDICATED_VM, PlacementTier.DEDICATED_HOST];

/**
 * AWS as a placement target: EC2 (VM, dedicated VM, Dedicated Host) and ECS (shared EC2 capacity,
 * Fargate). Creates its own aliased AWS provider, which every resource it realizes uses, so several
 * targets (regions) can share a stack. IsolatedTenants run in the target's shared tenant network, each
 * with its own security group, KMS key, IAM roles and log group (or, with `dedicatedNetwork`, in a VPC
 * of their own); DenseServices share one VPC and one ECS cluster per target, with capacity split by
 * co-tenancy.
 */
export class AwsTarget extends Construct implements IPlacementTarget {
  /** Always 'aws'. */
  public readonly targetKind: string = 'aws';
  /** Every tier but SANDBOXED_CONTAINER (AWS offers no gVisor runtime). */
  public readonly availableTiers: PlacementTier[] = [...OFFERED];
  /** Fargate bills per task. */
  public readonly elasticBilling: boolean = true;
  /** The region. */
  public readonly region: string;
  /** The AWS provider every resource of this target uses (an `AwsProvider` of @cdktf/provider-aws; typed as its base class so the declarations need no provider package). */
  public readonly provider: TerraformProvider;
  private readonly env: AwsEnv;
  /** The realization modules, loaded once the provider package is known to be installed. */
  private readonly aws: typeof import('./realization');
  private dense?: SharedDense;
  private tenantNetwork?: TenantNetwork;
  private pool?: CidrPool;
  private readonly stackId: string;
  private readonly props: AwsTargetProps;
  private readonly aspect: ProviderAspect;

  constructor(scope: Construct, id: string, props: AwsTargetProps) {
    super(scope, id);
    const where = this.node.path;
    requireStack(where, this, 'target');
    checkProps(where, props);
    const aws = this.aws = loadRealization(where, 'AwsTarget', AWS_PROVIDER_PACKAGE, (): typeof import('./realization') => require('./realization'));
    this.region = props.region;
    this.props = props;
    this.stackId = TerraformStack.of(this).node.id;
    this.provider = new aws.AwsProvider(this, 'provider', {
      region: props.region, alias: id.replace(/[^a-zA-Z0-9_-]/g, '_'),
      defaultTags: [{ tags: { ManagedBy: 'cdktf-isolation', ...props.defaultTags } }],
    });
    // Every resource and data source the target creates or realizes gets its provider (scopes added per workload).
    this.aspect = new ProviderAspect(this.provider);
    Aspects.of(this).add(this.aspect);
    aws.QuotaValidation.ensure(this, props.region, props.quotas);
    let availabilityZones = props.availabilityZones;
    if (!availabilityZones) {
      const zones = new aws.DataAwsAvailabilityZones(this, 'zones', { state: 'available', filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }] });
      const names = zones.names;
      availabilityZones = [Fn.element(names, 0), Fn.element(names, 1)];
    }
    this.env = {
      region: props.region,
      partition: props.region.startsWith('cn-') ? 'aws-cn' : props.region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws',
      accountId: props.accountId ?? new aws.DataAwsCallerIdentity(this, 'account').accountId,
      availabilityZones,
      ami: props.ami ?? new aws.DataAwsSsmParameter(this, 'ami', { name: AL2023_AMI }).value,
      ecsAmi: props.ecsAmi ?? new aws.DataAwsSsmParameter(this, 'ecs-ami', { name: ECS_AL2023_AMI }).value,
      logRetentionDays: props.logRetentionDays ?? 90,
      provider: this.provider,
    };
    const prices = CostEstimator.prices(props.region);
    if (prices.warning) Annotations.of(this).addWarning(prices.warning);
  }

  /**
   * The workload on each tier AWS offers: sized once (instance type, Dedicated Host plan, Fargate size,
   * pool) and priced with what it owns there, at the list prices of the region's table (730 hours); a
   * tier that cannot run it carries the refusal. AWS offers a tier for every isolation need, so nothing
   * is refused before the engine runs.
   */
  public offerTiers(request: OfferRequest): SizedTierOffer[] {
    const tiers = OFFERED.map((tier) => ({ tier, endpoints: this.aws.AWS_TIERS[tier].endpoints.length }));
    return awsOffers({ region: this.region, zones: this.env.availabilityZones.length, tiers }, request);
  }

  /**
   * Builds one tenant's boundary (its own security group in the shared tenant network, or its own
   * VPC with `dedicatedNetwork`; KMS key, roles, log group; its own load balancer if asked) and its
   * tier's row; at SHARED_CONTAINER the tenant gets its own cluster and EC2 capacity.
   */
  public realizeTenant(scope: Construct, t: TenantRealization): RealizedWorkload {
    const { env, aws } = this;
    Aspects.of(scope).add(this.aspect);
    requireSecretArns(t.where, t.workload.secrets);
    const tier = t.decision.tier as AwsTier;
    const name = t.tenantId;
    const row = this.row(t.where, tier);
    const tags = named(workloadTags('tenant', name, tier), name);
    const egress = t.egress === true;
    const endpoints = egress ? [] : [...row.endpoints];
    const owner: NameOwner = { stack: this.stackId, kind: WorkloadKind.TENANT, name };
    const dedicated = t.isolation.dedicatedNetwork === true;
    const tn = dedicated
      ? aws.TenantNetwork.dedicated(scope, 'network', { env, stack: this.stackId, name, tags, endpoints }, this.dedicatedPool(), name)
      : this.sharedNetwork();
    tn.addEndpoints(endpoints);
    if (t.loadBalancer?.internetFacing === true) tn.enableInternet();
    const network = tn.asNetwork(egress, endpoints);
    const logGroupName = AwsNames.of(NameKind.LOG_GROUP, this.stackId, WorkloadKind.TENANT, name);
    const logArn = aws.logGroupArn(env, logGroupName);
    const key = aws.createKey(scope, env, tags, {
      aliasName: AwsNames.of(NameKind.KMS_ALIAS, this.stackId, WorkloadKind.TENANT, name),
      logGroupPattern: logArn, fargateClusterName: row.keyGrants.fargate ? aws.clusterName(owner) : undefined, autoScaling: row.keyGrants.autoScaling,
    });
    const keyArn = key.keyArn;
    const logGroup = aws.createLogGroup(scope, env, tags, logGroupName, keyArn);
    const port = t.workload.port;
    const lb = t.loadBalancer ? aws.createLoadBalancer(scope, t.where, owner, tags, network, port, t.loadBalancer, row.instances ? 'instance' : 'ip', env, !dedicated) : undefined;
    const securityGroup = aws.tenantSecurityGroup(scope, tn, {
      where: t.where, tenantId: name, tags, port, ingress: t.ingress, loadBalancerSecurityGroupId: lb?.securityGroupId, egress,
    });
    const securityGroupId = securityGroup.securityGroupId;
    if (lb) aws.loadBalancerEgress(scope, lb, securityGroupId, tags);
    const b: WorkloadBoundary = {
      where: t.where, ...owner, tags, workload: t.workload, network, securityGroupId, keyArn, logGroupName, logGroupArn: logArn,
    };
    const ctx: TierContext = { tier, coTenancy: t.isolation.coTenancy, sizing: this.sizing(t), steady: t.efficiency.loadProfile !== LoadProfile.SPIKY, loadBalancer: lb };
    this.dedicatedFee(t);
    const built = row.ecs ? aws.createEcsService(scope, env, row.ecs.tenant(scope, env, b, ctx)) : row.instances!(scope, env, b, ctx);
    // How the offer was sized (the instance type given or chosen, Fargate rounding) leads the realization's notes.
    const realized = { ...built, notes: [...ctx.sizing.notes, ...(built.notes ?? [])] };
    const handles: WorkloadHandles = {
      ...realized.handles, securityGroup, logGroup: HandleBuilder.logGroup(logGroup),
      key: HandleBuilder.key(key.resource, { keyArn, keyId: key.keyId, shared: false }),
    };
    const image = t.workload.image;
    // A warning, not a refusal: the image may be mirrored to ECR by other means before the apply.
    if (t.egress !== true && ecrRepository(image, env.partition)?.region !== env.region) {
      const warning = `image ${image} is not in a private ECR registry in ${env.region}, and without egress the tenant cannot pull it `
        + `(ECR Public and other registries have no VPC endpoint): set egress: true, or mirror the image to ECR in ${env.region} and use that URI.`;
      Annotations.of(scope).addWarning(warning);
      return { ...realized, handles, notes: [...(realized.notes ?? []), warning] };
    }
    return { ...realized, handles };
  }

  /**
   * Builds one service in the target's shared VPC through the same rows: SHARED_CONTAINER on the
   * shared cluster's EC2 pool for its co-tenancy, MICROVM_CONTAINER on Fargate in the same cluster,
   * VM tiers as instances.
   */
  public realizeService(scope: Construct, s: ServiceRealization): RealizedWorkload {
    const { env, aws } = this;
    Aspects.of(scope).add(this.aspect);
    if (s.isolation.dedicatedNetwork === true) {
      throw new PlacementError(s.where, 'dedicatedNetwork is a tenant boundary: DenseServices share their target\'s service VPC.',
        'declare the workload as an IsolatedTenant, or drop dedicatedNetwork.');
    }
    requireSecretArns(s.where, s.workload.secrets);
    const dense = this.dense ??= new aws.SharedDense(new Construct(this, 'dense'), env, this.stackId, this.node.id.toLowerCase().replace(/[^a-z0-9-]/g, '-'));
    const tier = s.decision.tier as AwsTier;
    const row = this.row(s.where, tier);
    const name = s.serviceName;
    const w = s.workload;
    const tags = named(workloadTags('service', name, tier), name);
    const owner: NameOwner = { stack: this.stackId, kind: WorkloadKind.SERVICE, name };
    const logGroupName = AwsNames.of(NameKind.LOG_GROUP, this.stackId, WorkloadKind.SERVICE, name);
    const logGroup = aws.createLogGroup(scope, env, tags, logGroupName, dense.keyArn);
    const lb = s.loadBalancer ? aws.createLoadBalancer(scope, s.where, owner, tags, dense.network, w.port, s.loadBalancer, row.instances ? 'instance' : 'ip', env) : undefined;
    const securityGroup = aws.createWorkloadSecurityGroup(scope, s.where, dense.network.vpcId, tags, w.port, s.ingress ?? [], lb?.securityGroupId);
    const securityGroupId = securityGroup.securityGroupId;
    if (lb) aws.loadBalancerEgress(scope, lb, securityGroupId, tags);
    const b: WorkloadBoundary = {
      where: s.where, ...owner, tags, workload: w, network: dense.network, securityGroupId,
      keyArn: dense.keyArn, logGroupName, logGroupArn: aws.logGroupArn(env, logGroupName),
    };
    const ctx: TierContext = {
      tier, coTenancy: s.isolation.coTenancy, sizing: this.sizing(s), steady: s.efficiency.loadProfile !== LoadProfile.SPIKY, dense, loadBalancer: lb, autoscaling: s.autoscaling,
    };
    this.dedicatedFee(s);
    const built = row.ecs ? aws.createEcsService(scope, env, row.ecs.service(scope, env, b, ctx)) : row.instances!(scope, env, b, ctx);
    return {
      ...built, notes: [...ctx.sizing.notes, ...(built.notes ?? [])],
      handles: { ...built.handles, securityGroup, logGroup: HandleBuilder.logGroup(logGroup), key: dense.key },
    };
  }

  /** The chosen offer's sizing: what the realization builds. */
  private sizing(r: RealizationRequest): TierSizing {
    const sizing = r.offer?.sizing;
    if (sizing === undefined || r.offer.tier !== r.decision.tier) {
      throw new PlacementError(r.where, `the realization of ${r.decision.tier} received no sized offer of that tier.`,
        'pass the offer of the decided tier from this target\'s offerTiers (IsolatedTenant and DenseService do).');
    }
    return sizing;
  }

  /**
   * The Dedicated Instances region fee: charged once per account and region while any dedicated
   * instance runs, so it is one shared item of the stack of the app's first dedicated workload there.
   */
  private dedicatedFee(r: RealizationRequest): void {
    if (r.decision.tier !== PlacementTier.DEDICATED_VM) return;
    const account = this.props.accountId ?? 'the provider\'s account';
    const stack = TerraformStack.of(this);
    const fee = AppRegistry.of(this).dedicatedFee(`${account}/${this.region}`, stack.node.path, r.where);
    if (!fee.first) return;
    StackRegistry.of(this).recordShared(() => sharedEstimate(this.region, 'Dedicated Instances', 0,
      `account ${account}: ${fee.workloads.length} dedicated workload(s) of this app, ${fee.workloads.join(', ')}`));
  }

  /** The target's shared tenant network, created with the first tenant that runs in it; billed once, to the stack, as it finally is. */
  private sharedNetwork(): TenantNetwork {
    if (this.tenantNetwork) return this.tenantNetwork;
    const network = this.tenantNetwork = new this.aws.TenantNetwork(this, 'tenant-network', {
      env: this.env, stack: this.stackId, name: this.node.id.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
      tags: { 'isolation:network': this.node.id }, cidr: this.props.tenantNetworkCidr ?? DEFAULT_SHARED_CIDR,
    });
    StackRegistry.of(this).recordShared(() => networkEstimate(this.region, network.costInputs(), `tenant network '${this.node.id}'`));
    return network;
  }

  private dedicatedPool(): CidrPool {
    const p = this.props;
    return this.pool ??= new CidrPool(this.node.path, p.dedicatedNetworkPool ?? DEFAULT_DEDICATED_POOL, p.dedicatedNetworkPrefix ?? DEFAULT_DEDICATED_PREFIX,
      [p.tenantNetworkCidr ?? DEFAULT_SHARED_CIDR]);
  }

  private row(where: string, tier: AwsTier): AwsTierRow {
    const row = this.aws.AWS_TIERS[tier];
    if (!row) {
      throw new PlacementError(where, `AWS cannot realize tier ${tier}.`, `pin one of ${this.availableTiers.join(', ')}, or let the engine choose.`);
    }
    return row;
  }
}
