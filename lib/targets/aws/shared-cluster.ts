import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import { EcsCapacityProvider } from '@cdktf/provider-aws/lib/ecs-capacity-provider';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { clusterName, createInstanceProfile, createKey, createNetwork, NameOwner, Network } from './boundary';
import { AwsEnv, named } from './context';
import { createFlowLog } from './network/flow-log';
import { AwsNames, NameKind, WorkloadKind } from './network/names';
import { ecsAgentStatement, ssmAgentStatements } from './policies';
import { ecsUserData } from './user-data';
import { InstanceCatalog } from '../../capacity/instance-catalog';
import { PlacementTier } from '../../placement/boundary';

/** One EC2 capacity pool of the shared cluster: one per co-tenancy, so different co-tenancies never share an instance. */
export interface Pool {
  readonly capacityProvider: string;
  readonly association: EcsClusterCapacityProviders;
  /** Registers a task so the pool's instance type and size grow to fit it; returns a note. */
  add(where: string, cpu: number, memoryMiB: number, maxTasks: number): string;
}

/**
 * What DenseServices share on one AwsTarget, created on first use: a VPC with egress (dense
 * services are by definition not tenants), a KMS key for their volumes and logs, one ECS cluster,
 * and the EC2 capacity pools.
 */
export class SharedDense {
  public readonly network: Network;
  public readonly keyArn: string;
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
    this.keyArn = createKey(scope, env, tags, {
      aliasName: AwsNames.of(NameKind.KMS_ALIAS, stack, WorkloadKind.DENSE, prefix),
      logGroupPattern: `arn:${env.partition}:logs:${env.region}:${env.accountId}:log-group:${AwsNames.prefix(NameKind.LOG_GROUP, stack, WorkloadKind.SERVICE)}*`, autoScaling: true,
    });
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
}

/**
 * EC2 capacity for one ECS cluster: launch template (IMDSv2, hop limit 1, tasks blocked from
 * instance metadata, encrypted volumes), auto scaling group and capacity provider with managed scaling.
 */
export function createPool(scope: Construct, env: AwsEnv, o: PoolOptions): Omit<Pool, 'association'> & { providerNameToken: string } {
  const name = `${o.clusterName}-${o.label}`;
  const tags = { ...o.tags, Name: name };
  const tasks: Array<{ cpu: number; memoryMiB: number; maxTasks: number }> = [];
  // Sized at synth time to the largest task registered in the pool (tasks are added after the pool).
  const largest = () => InstanceCatalog.select({
    where: scope.node.path, tier: PlacementTier.SHARED_CONTAINER,
    cpu: Math.max(...tasks.map((t) => t.cpu)), memoryMiB: Math.max(...tasks.map((t) => t.memoryMiB)),
  });

  const sg = new SecurityGroup(scope, 'sg', {
    vpcId: o.network.vpcId, name: `${name}-instances`, description: `${name} container instances: no inbound`, tags: named(tags, `${name}-instances`),
  });
  const sgId = sg.id;
  new VpcSecurityGroupEgressRule(scope, 'egress', { securityGroupId: sgId, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1', description: 'outbound', tags: tags });
  const profile = createInstanceProfile(scope, { ...o.owner, name: `${o.owner.name}-${o.label}` }, tags, [...ssmAgentStatements(env), ...ecsAgentStatement(o.clusterArn)]);
  const template = new LaunchTemplate(scope, 'launch-template', {
    namePrefix: `${name}-`,
    imageId: env.ecsAmi,
    instanceType: Lazy.stringValue({ produce: () => largest().type.name }),
    iamInstanceProfile: { name: profile },
    vpcSecurityGroupIds: [sgId],
    // IMDSv2 with hop limit 1: a token response cannot cross the extra hop into a container.
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' },
    blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'true', kmsKeyId: o.keyArn, volumeType: 'gp3', volumeSize: 30, deleteOnTermination: 'true' } }],
    userData: Buffer.from(ecsUserData(o.clusterName, o.label)).toString('base64'),
    tagSpecifications: [{ resourceType: 'instance', tags }, { resourceType: 'volume', tags }],
    updateDefaultVersion: true,
    tags,
  });
  const asg = new AutoscalingGroup(scope, 'asg', {
    namePrefix: `${name}-`,
    minSize: 0,
    // Upper bound: one instance per task at most; managed scaling sets the desired size.
    maxSize: Lazy.numberValue({ produce: () => Math.max(1, tasks.reduce((n, t) => n + t.maxTasks, 0)) }),
    vpcZoneIdentifier: o.network.privateSubnetIds,
    launchTemplate: { id: template.id, version: '$Latest' },
    protectFromScaleIn: false,
    // Provider default_tags do not reach an auto scaling group: its tags (and its instances') are listed here.
    tag: [{ key: 'AmazonECSManaged', value: 'true', propagateAtLaunch: true },
      ...Object.entries(tags).map(([key, value]) => ({ key, value, propagateAtLaunch: true }))],
    lifecycle: { ignoreChanges: ['desired_capacity'] },
  });
  // Starts with `cp_`: ECS refuses capacity provider names starting with aws, ecs or fargate (a tenant id may).
  const providerName = AwsNames.of(NameKind.CAPACITY_PROVIDER, o.owner.stack, o.owner.kind, o.owner.name, o.label);
  const provider = new EcsCapacityProvider(scope, 'capacity-provider', {
    name: providerName,
    autoScalingGroupProvider: {
      autoScalingGroupArn: asg.arn,
      managedTerminationProtection: 'DISABLED',
      managedDraining: 'ENABLED',
      managedScaling: { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10 },
    },
    tags,
  });
  return {
    capacityProvider: providerName,
    providerNameToken: provider.name,
    add: (where, cpu, memoryMiB, maxTasks) => {
      // Fails here, at the workload, when one task cannot fit any instance type.
      InstanceCatalog.select({ where, tier: PlacementTier.SHARED_CONTAINER, cpu, memoryMiB });
      tasks.push({ cpu, memoryMiB, maxTasks });
      return `shared-container: pool '${o.label}' of cluster ${o.clusterName} (EC2 capacity sized to its largest task, binpack on memory; awsvpc tasks are also bounded by the instance's network interfaces).`;
    },
  };
}
