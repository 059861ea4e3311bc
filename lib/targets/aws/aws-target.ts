import { Annotations, Fn, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { WorkloadBoundary } from './boundary';
import { AwsEnv, named, workloadTags } from './context';
import { ecrRepository } from './policies';
import { priceAwsTiers } from './pricing';
import type { SharedDense } from './shared-cluster';
import type { AwsTier, AwsTierRow, TierContext } from './tiers';
import { CostEstimator } from '../../capacity/cost-estimator';
import { LoadProfile } from '../../needs/enums';
import { IsolationNeeds } from '../../needs/needs';
import { PlacementTier } from '../../placement/boundary';
import { PlacementError } from '../../placement-error';
import { AWS_PROVIDER_PACKAGE, loadRealization } from '../provider-package';
import { IPlacementTarget, RealizedWorkload, ServiceRealization, TenantRealization, TierPrice, TierPriceRequest } from '../target';

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
   * Tenants expected to share the target's tenant network and the Dedicated Instances region fee: each
   * tenant's estimate carries 1/expectedTenants of them (the report's costs; the COST choice).
   * @default 1 - each tenant is priced as if alone, which never understates its cost
   */
  readonly expectedTenants?: number;
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const AMI = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;
const ACCOUNT = /^\d{12}$/;
// CloudWatch Logs' accepted retention values (PutRetentionPolicy), checked 2026-11.
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
const AL2023_AMI = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const ECS_AL2023_AMI = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';
/** The tiers AWS offers, in table order; each has a row in AWS_TIERS (lib/targets/aws/tiers.ts). */
const OFFERED: AwsTier[] = [PlacementTier.SHARED_CONTAINER, PlacementTier.MICROVM_CONTAINER, PlacementTier.VM, PlacementTier.DEDICATED_VM, PlacementTier.DEDICATED_HOST];

/**
 * AWS as a placement target: EC2 (VM, dedicated VM, Dedicated Host) and ECS (shared EC2 capacity,
 * Fargate). Creates the AWS provider. Every IsolatedTenant gets its own VPC, security group, KMS key,
 * IAM roles and log group; DenseServices share one VPC and one ECS cluster per target, with capacity
 * split by co-tenancy.
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
  private readonly expectedTenants: number;

  constructor(scope: Construct, id: string, props: AwsTargetProps) {
    super(scope, id);
    const where = this.node.path;
    checkProps(where, props);
    const aws = this.aws = loadRealization(where, 'AwsTarget', AWS_PROVIDER_PACKAGE, (): typeof import('./realization') => require('./realization'));
    this.region = props.region;
    this.provider = new aws.AwsProvider(this, 'provider', {
      region: props.region,
      defaultTags: [{ tags: { ManagedBy: 'cdktf-isolation', ...props.defaultTags } }],
    });
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
    };
    this.expectedTenants = props.expectedTenants ?? 1;
    const prices = CostEstimator.prices(props.region);
    if (prices.warning) Annotations.of(this).addWarning(prices.warning);
  }

  /**
   * The workload's monthly cost on each tier it can run on, from the tier rows and the instance type
   * choice the realization makes (list prices of the region's table, 730 hours).
   */
  public priceTiers(request: TierPriceRequest): TierPrice[] {
    const tiers = OFFERED.map((tier) => ({ tier, endpoints: this.aws.AWS_TIERS[tier].endpoints.length }));
    return priceAwsTiers({ region: this.region, zones: this.env.availabilityZones.length, sharers: this.expectedTenants, tiers }, request);
  }

  /**
   * Nothing to refuse before the engine runs: AWS offers a tier for every isolation need
   * (HOSTILE and TENANT exclusivity included); the engine checks a pin against {@link availableTiers}.
   */
  public checkNeeds(where: string, isolation: IsolationNeeds, pin?: PlacementTier): void;
  // The signature above is the public one (IPlacementTarget's names, which jsii exports); the body reads none.
  public checkNeeds(): void {
    return;
  }

  /**
   * Builds one tenant's boundary (own VPC, security group, KMS key, roles, log group) and its tier's
   * row; at SHARED_CONTAINER the tenant gets its own cluster and EC2 capacity.
   */
  public realizeTenant(scope: Construct, t: TenantRealization): RealizedWorkload {
    const { env, aws } = this;
    const tier = t.decision.tier as AwsTier;
    const name = t.tenantId;
    const row = this.row(t.where, tier);
    const tags = named(workloadTags('tenant', name, tier), name);
    const network = aws.createNetwork(scope, env, tags, t.egress === true, row.endpoints as string[]);
    const logGroupName = `/isolation/tenant/${name}`;
    const logArn = aws.logGroupArn(env, logGroupName);
    const keyArn = aws.createKey(scope, env, tags, {
      logGroupPattern: logArn, fargateClusterName: row.keyGrants.fargate ? name : undefined, autoScaling: row.keyGrants.autoScaling,
    });
    aws.createLogGroup(scope, env, tags, logGroupName, keyArn);
    const securityGroupId = aws.createWorkloadSecurityGroup(scope, t.where, network.vpcId, tags, t.workload.port, t.ingress ?? []);
    const b: WorkloadBoundary = {
      where: t.where, name, tags, workload: t.workload, instanceType: t.instanceType, network, securityGroupId,
      keyArn, logGroupName, logGroupArn: logArn,
    };
    const ctx: TierContext = { tier, coTenancy: t.isolation.coTenancy, steady: t.efficiency.loadProfile !== LoadProfile.SPIKY };
    const realized = row.ecs ? aws.createEcsService(scope, env, row.ecs.tenant(scope, env, b, ctx)) : row.instances!(scope, env, b, ctx);
    const image = t.workload.image;
    // A warning, not a refusal: the image may be mirrored to ECR by other means before the apply.
    if (t.egress !== true && ecrRepository(image, env.partition)?.region !== env.region) {
      const warning = `image ${image} is not in a private ECR registry in ${env.region}, and without egress the tenant cannot pull it `
        + `(ECR Public and other registries have no VPC endpoint): set egress: true, or mirror the image to ECR in ${env.region} and use that URI.`;
      Annotations.of(scope).addWarning(warning);
      return { ...realized, notes: [...(realized.notes ?? []), warning] };
    }
    return realized;
  }

  /**
   * Builds one service in the target's shared VPC through the same rows: SHARED_CONTAINER on the
   * shared cluster's EC2 pool for its co-tenancy, MICROVM_CONTAINER on Fargate in the same cluster,
   * VM tiers as instances.
   */
  public realizeService(scope: Construct, s: ServiceRealization): RealizedWorkload {
    const { env, aws } = this;
    const dense = this.dense ??= new aws.SharedDense(new Construct(this, 'dense'), env, this.node.id.toLowerCase().replace(/[^a-z0-9-]/g, '-'));
    const tier = s.decision.tier as AwsTier;
    const row = this.row(s.where, tier);
    const name = s.serviceName;
    const w = s.workload;
    const tags = named(workloadTags('service', name, tier), name);
    if (row.instances && s.autoscaling) {
      throw new PlacementError(s.where, `autoscaling applies to ECS services, and this service is placed at ${tier}.`,
        'drop autoscaling and set workload.replicas, or declare needs (or a pin) that place it on a container tier.');
    }
    const logGroupName = `/isolation/service/${name}`;
    aws.createLogGroup(scope, env, tags, logGroupName, dense.keyArn);
    const lb = s.loadBalancer ? aws.createLoadBalancer(scope, s.where, tags, dense.network, w.port, s.loadBalancer, row.instances ? 'instance' : 'ip') : undefined;
    const securityGroupId = aws.createWorkloadSecurityGroup(scope, s.where, dense.network.vpcId, tags, w.port, s.ingress ?? [], lb?.securityGroupId);
    const b: WorkloadBoundary = {
      where: s.where, name, tags, workload: w, instanceType: s.instanceType, network: dense.network, securityGroupId,
      keyArn: dense.keyArn, logGroupName, logGroupArn: aws.logGroupArn(env, logGroupName),
    };
    const ctx: TierContext = { tier, coTenancy: s.isolation.coTenancy, steady: s.efficiency.loadProfile !== LoadProfile.SPIKY, dense, loadBalancer: lb, autoscaling: s.autoscaling };
    return row.ecs ? aws.createEcsService(scope, env, row.ecs.service(scope, env, b, ctx)) : row.instances!(scope, env, b, ctx);
  }

  private row(where: string, tier: AwsTier): AwsTierRow {
    const row = this.aws.AWS_TIERS[tier];
    if (!row) {
      throw new PlacementError(where, `AWS cannot realize tier ${tier}.`, `pin one of ${this.availableTiers.join(', ')}, or let the engine choose.`);
    }
    return row;
  }
}

function checkProps(where: string, props: AwsTargetProps): void {
  if (!props || typeof props !== 'object') {
    throw new PlacementError(where, 'AwsTarget props are missing.', "pass { region: 'eu-central-1' }.");
  }
  if (typeof props.region !== 'string' || !REGION.test(props.region)) {
    throw new PlacementError(where, `region ${JSON.stringify(props.region)} is not an AWS region name.`, "use a region such as 'eu-central-1' or 'us-east-1'.");
  }
  const zones = props.availabilityZones;
  if (zones !== undefined) {
    if (!Array.isArray(zones) || zones.length === 0 || zones.length > 8) {
      throw new PlacementError(where, 'availabilityZones must list 1 to 8 zones.', `list zones of ${props.region}, e.g. ['${props.region}a', '${props.region}b'], or leave it out.`);
    }
    for (const zone of zones) {
      if (typeof zone !== 'string' || !new RegExp(`^${props.region}[a-z]$`).test(zone)) {
        throw new PlacementError(where, `availability zone ${JSON.stringify(zone)} is not a zone of ${props.region}.`, `use zone names such as '${props.region}a'.`);
      }
    }
    if (new Set(zones).size !== zones.length) {
      throw new PlacementError(where, 'availabilityZones lists a zone twice.', 'list each zone once.');
    }
  }
  for (const field of ['ami', 'ecsAmi'] as const) {
    const ami = props[field];
    if (ami !== undefined && (typeof ami !== 'string' || !AMI.test(ami))) {
      throw new PlacementError(where, `${field} ${JSON.stringify(ami)} is not an AMI id.`, "use an id such as 'ami-0123456789abcdef0', or leave it out to look it up.");
    }
  }
  if (props.accountId !== undefined && (typeof props.accountId !== 'string' || !ACCOUNT.test(props.accountId))) {
    throw new PlacementError(where, `accountId ${JSON.stringify(props.accountId)} is not a 12-digit AWS account id.`, "quote it as a string of 12 digits, e.g. '123456789012'.");
  }
  if (props.logRetentionDays !== undefined && !RETENTION_DAYS.includes(props.logRetentionDays)) {
    throw new PlacementError(where, `logRetentionDays ${props.logRetentionDays} is not a value CloudWatch Logs accepts.`, `use one of ${RETENTION_DAYS.join(', ')}.`);
  }
  if (props.expectedTenants !== undefined && (!Number.isInteger(props.expectedTenants) || props.expectedTenants < 1)) {
    throw new PlacementError(where, `expectedTenants ${JSON.stringify(props.expectedTenants)} is not a whole number of at least 1.`, 'give the number of tenants you expect on this target, e.g. 100, or leave it out.');
  }
  for (const [key, value] of Object.entries(props.defaultTags ?? {})) {
    if (typeof value !== 'string') {
      throw new PlacementError(where, `defaultTags.${key} must be a string.`, 'quote the tag value.');
    }
  }
}
