import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import { EcsAccountSettingDefault } from '@cdktf/provider-aws/lib/ecs-account-setting-default';
import { EcsCapacityProvider } from '@cdktf/provider-aws/lib/ecs-capacity-provider';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Lazy, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { clusterName, createInstanceProfile, createKey, createNetwork, NameOwner, Network } from './boundary';
import { AwsEnv, named } from './context';
import { createFlowLog } from './network/flow-log';
import { AwsNames, NameKind, WorkloadKind } from './network/names';
import { ecsAgentStatement, ssmAgentStatements } from './policies';
import { ecsUserData } from './user-data';
import { CostEstimator } from '../../capacity/cost-estimator';
import { networkEstimate, poolBill, ROOT_VOLUME_GIB, sharedEstimate } from '../../capacity/cost-items';
import type { PoolSizing } from '../../capacity/pool-planner';
import { AwsvpcTrunking, PlannedPool, PoolService } from '../../capacity/trunking';
import { PlacementTier } from '../../placement/boundary';
import { StackRegistry } from '../../registry';
import { HandleBuilder } from '../handle-builder';
import type { KeyHandle } from '../handles';

/** One EC2 capacity pool of the shared cluster: one per co-tenancy, so different co-tenancies never share an instance. */
export interface Pool {
  readonly capacityProvider: string;
  readonly association: EcsClusterCapacityProviders;
  /** Registers a service's tasks so the pool's type, size, floor and headroom follow them; returns a note. */
  add(service: PoolService): string;
}

/**
 * What DenseServices share on one AwsTarget, created on first use: a VPC with egress (dense
 * services are by definition not tenants), a KMS key for their volumes and logs, one ECS cluster,
 * and the EC2 capacity pools.
 */
export class SharedDense {
  public readonly network: Network;
  public readonly keyArn: string;
  /** The key's handle: every DenseService of the target shows it as its key. */
  public readonly key: KeyHandle;
  public readonly clusterName: string;
  public readonly clusterArn: string;
  /** The cluster's name attribute (a token): references order Terraform's create and destroy. */
  private readonly clusterNameRef: string;
  private readonly scope: Construct;
  private readonly env: AwsEnv;
  private readonly pools = new Map<string, Pool>();
  private readonly providers: string[] = [];
  private association?: EcsClusterCapacityProviders;

  private readonly owner: NameOwner;

  constructor(scope: Construct, env: AwsEnv, stack: string, prefix: string) {
    this.scope = scope;
    this.env = env;
    this.owner = { stack, kind: WorkloadKind.DENSE, name: prefix };
    this.clusterName = clusterName(this.owner);
    const tags = { 'isolation:service': 'shared', 'isolation:tier': PlacementTier.SHARED_CONTAINER, Name: this.clusterName };
    const networkScope = new Construct(scope, 'network');
    this.network = createNetwork(networkScope, env, tags, true, []);
    // Like every tenant network, the dense VPC records its traffic (CKV2_AWS_11, ISO-AWS-014).
    createFlowLog(networkScope, env, { stack, name: `${prefix}-dense`, vpcId: this.network.vpcId, tags });
    // What the services share is billed once, to the stack: the VPC's one NAT gateway and its address, its flow log's key, and the services' key.
    const zones = env.availabilityZones.length;
    StackRegistry.of(scope).recordShared(() => networkEstimate(env.region, { zones, interfaceEndpoints: 0, natGateways: 1, publicIpv4Addresses: 1, kmsKeys: 1 },
      `dense services' network (${prefix})`));
    StackRegistry.of(scope).recordShared(() => sharedEstimate(env.region, `dense services (${prefix}), volumes and logs`, 1));
    const key = createKey(scope, env, tags, {
      aliasName: AwsNames.of(NameKind.KMS_ALIAS, stack, WorkloadKind.DENSE, prefix),
      logGroupPattern: `arn:${env.partition}:logs:${env.region}:${env.accountId}:log-group:${AwsNames.prefix(NameKind.LOG_GROUP, stack, WorkloadKind.SERVICE)}*`, autoScaling: true,
    });
    this.keyArn = key.keyArn;
    this.key = HandleBuilder.key(key.resource, { keyArn: key.keyArn, keyId: key.keyId, shared: true });
    const cluster = new EcsCluster(scope, 'cluster', {
      name: this.clusterName, setting: [{ name: 'containerInsights', value: 'enabled' }], tags,
    });
    this.clusterArn = cluster.arn;
    this.clusterNameRef = cluster.name;
  }

  /** The pool of a co-tenancy, created on first use. */
  public pool(coTenancy: string): Pool {
    const existing = this.pools.get(coTenancy);
    if (existing) return existing;
    const created = createPool(new Construct(this.scope, `pool-${coTenancy}`), this.env, {
      clusterName: this.clusterName, owner: this.owner, clusterArn: this.clusterArn, network: this.network, keyArn: this.keyArn, label: coTenancy,
      tags: { 'isolation:pool': coTenancy, 'isolation:tier': PlacementTier.SHARED_CONTAINER },
    });
    this.providers.push(created.providerNameToken);
    this.association ??= new EcsClusterCapacityProviders(this.scope, 'capacity-providers', {
      clusterName: this.clusterNameRef, capacityProviders: Lazy.listValue({ produce: () => this.providers }),
    });
    const pool: Pool = { ...created, association: this.association };
    this.pools.set(coTenancy, pool);
    return pool;
  }
}

export interface PoolOptions {
  readonly clusterName: string;
  /** Whose pool it is: its role, profile and capacity provider names carry the stack and the kind. */
  readonly owner: NameOwner;
  readonly clusterArn: string;
  readonly network: Network;
  /** Encrypts the instances' volumes; its policy must admit the Auto Scaling service-linked role. */
  readonly keyArn: string;
  /** Names the pool: the co-tenancy for shared pools, 'tenant' for a tenant's own. */
  readonly label: string;
  readonly tags: Record<string, string>;
  /**
   * A tenant's own pool, as its offer planned it (the tenant is billed the whole pool).
   * @default - a shared pool, planned at synth from every service added, each billed its share
   */
  readonly own?: PoolSizing;
}

/**
 * EC2 capacity for one ECS cluster: launch template (IMDSv2, hop limit 1, tasks blocked from
 * instance metadata, encrypted volumes), auto scaling group and capacity provider with managed scaling.
 * The plan (lib/capacity/trunking.ts) sets the type, the ASG's min (one instance per zone once a
 * service runs 2 or more tasks) and max (room for a rolling deployment at 200 %).
 */
export function createPool(scope: Construct, env: AwsEnv, o: PoolOptions): Omit<Pool, 'association'> & { providerNameToken: string } {
  const name = `${o.clusterName}-${o.label}`;
  const tags = { ...o.tags, Name: name };
  const services: PoolService[] = [];
  const zones = env.availabilityZones.length;
  // A shared pool is sized at synth time (services are added after the pool) from every service it holds.
  let planned: { count: number; plan: PlannedPool } | undefined;
  const shared = (): PlannedPool => {
    if (planned?.count !== services.length) planned = { count: services.length, plan: AwsvpcTrunking.planPool(services, zones, env.region, scope.node.path) };
    return planned.plan;
  };
  const plan = (): PoolSizing => o.own ?? shared();
  enableTrunking(scope, env);
  // Starts with `cp_`: ECS refuses capacity provider names starting with aws, ecs or fargate (a tenant id may).
  const providerName = AwsNames.of(NameKind.CAPACITY_PROVIDER, o.owner.stack, o.owner.kind, o.owner.name, o.label);
  StackRegistry.of(scope).recordPool(() => {
    const { shares: _shares, ...sizing } = o.own ? { ...o.own, shares: [] } : shared();
    const bill = o.own ? undefined : poolBill(env.region, providerName, shared());
    const monthlyUsd = bill?.monthlyUsd ?? CostEstimator.pool({ region: env.region, instanceType: sizing.instanceType, instances: sizing.instances, rootVolumeGiB: ROOT_VOLUME_GIB }).monthlyUsd;
    return {
      record: {
        name: providerName, owner: o.own ? `${o.owner.kind} ${o.owner.name}` : `services of co-tenancy ${o.label}`, ...sizing,
        monthlyUsd, ...(bill?.slack ? { slackMonthlyUsd: bill.slack.monthlyUsd } : {}),
      },
      shares: (bill?.shares ?? []).map(({ key, item }) => ({ path: key, item })),
      slack: bill?.slack,
    };
  });

  const sg = new SecurityGroup(scope, 'sg', {
    vpcId: o.network.vpcId, name: `${name}-instances`, description: `${name} container instances: no inbound`, tags: named(tags, `${name}-instances`),
  });
  const sgId = sg.id;
  new VpcSecurityGroupEgressRule(scope, 'egress', { securityGroupId: sgId, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1', description: 'outbound', tags: tags });
  const { profileName: profile } = createInstanceProfile(scope, { ...o.owner, name: `${o.owner.name}-${o.label}` }, tags, [...ssmAgentStatements(env), ...ecsAgentStatement(o.clusterArn)]);
  const template = new LaunchTemplate(scope, 'launch-template', {
    namePrefix: `${name}-`,
    imageId: env.ecsAmi,
    instanceType: Lazy.stringValue({ produce: () => plan().instanceType }),
    iamInstanceProfile: { name: profile },
    vpcSecurityGroupIds: [sgId],
    // IMDSv2 with hop limit 1: a token response cannot cross the extra hop into a container.
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' },
    blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'true', kmsKeyId: o.keyArn, volumeType: 'gp3', volumeSize: ROOT_VOLUME_GIB, deleteOnTermination: 'true' } }],
    userData: Buffer.from(ecsUserData(o.clusterName, o.label)).toString('base64'),
    tagSpecifications: [{ resourceType: 'instance', tags }, { resourceType: 'volume', tags }],
    updateDefaultVersion: true,
    tags,
  });
  const asg = new AutoscalingGroup(scope, 'asg', {
    namePrefix: `${name}-`,
    // One instance per zone once a service runs 2 or more tasks (the subnets span the zones; the ASG balances over them).
    minSize: Lazy.numberValue({ produce: () => plan().minInstances }),
    // Every task at its most replicas, plus a rolling deployment of the largest service; managed scaling sets the desired size.
    maxSize: Lazy.numberValue({ produce: () => plan().maxInstances }),
    vpcZoneIdentifier: o.network.privateSubnetIds,
    launchTemplate: { id: template.id, version: '$Latest' },
    protectFromScaleIn: false,
    // Provider default_tags do not reach an auto scaling group: its tags (and its instances') are listed here.
    tag: [{ key: 'AmazonECSManaged', value: 'true', propagateAtLaunch: true },
      ...Object.entries(tags).map(([key, value]) => ({ key, value, propagateAtLaunch: true }))],
    lifecycle: { ignoreChanges: ['desired_capacity'] },
  });
  const provider = new EcsCapacityProvider(scope, 'capacity-provider', {
    name: providerName,
    autoScalingGroupProvider: {
      autoScalingGroupArn: asg.arn,
      managedTerminationProtection: 'DISABLED',
      managedDraining: 'ENABLED',
      managedScaling: {
        status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: Lazy.numberValue({ produce: () => Math.min(10, plan().maxInstances) }),
      },
    },
    tags,
  });
  return {
    capacityProvider: providerName,
    providerNameToken: provider.name,
    add: (service) => {
      services.push(service);
      return `shared-container: pool '${o.label}' of cluster ${o.clusterName}: its type and size are planned at synth by packing every task of the pool `
        + 'onto the cheapest awsvpc-trunking type (see the report\'s pools); binpack on memory after a spread over zones.';
    },
  };
}

const TRUNKING_ID = 'cdktf-isolation-awsvpc-trunking';

/**
 * Turns on awsvpcTrunking for the account and region (once per stack): without it a small instance runs
 * only as many awsvpc tasks as it has spare network interfaces (2 on a c5.large), so a dense pool is not
 * dense. Account-wide: it affects container instances launched afterwards, and only on supported Nitro
 * types (the pools are planned on those only).
 */
function enableTrunking(scope: Construct, env: AwsEnv): void {
  const stack = TerraformStack.of(scope);
  // One per region: two targets of one region share the account setting; two regions each need theirs.
  const id = `${TRUNKING_ID}-${env.region}`;
  if (stack.node.tryFindChild(id)) return;
  new EcsAccountSettingDefault(stack, id, { name: AwsvpcTrunking.ACCOUNT_SETTING, value: 'enabled', provider: env.provider });
}
