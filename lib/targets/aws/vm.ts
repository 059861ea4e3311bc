// VM, DEDICATED_VM and DEDICATED_HOST on AWS: EC2 instances. Why a workload gets a VM tier: the boundary
// rules (lib/placement/boundary-rules.ts) and the tier table (lib/placement/tiers.ts); what differs
// between the three is the tenancy (lib/labels.ts TIER_TENANCY) and, for hosts, dedicated-host.ts.
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { Construct } from 'constructs';
import { createInstanceProfile, WorkloadBoundary } from './boundary';
import { AwsEnv, named } from './context';
import { allocateDedicatedHosts, HostAllocation } from './dedicated-host';
import { ecrPullStatements, logWriteStatement, secretStatements, ssmAgentStatements } from './policies';
import { vmUserData } from './user-data';
import type { TierContext } from './tiers';
import { InstanceCatalog } from '../../capacity/instance-catalog';
import { PoolPlanner } from '../../capacity/pool-planner';
import { TIER_TENANCY, VM_METADATA_HOP_LIMIT } from '../../labels';
import { PlacementTier } from '../../placement/boundary';
import { RealizedWorkload } from '../target';

/**
 * The one instance builder of VM, DEDICATED_VM and DEDICATED_HOST, for tenants and services alike:
 * picks the type, creates the SSM-only instance profile and one hardened instance per replica,
 * spread over the private subnets, on hosts of its own at DEDICATED_HOST, behind the service's load
 * balancer when it has one.
 */
export function realizeInstances(scope: Construct, env: AwsEnv, r: WorkloadBoundary, ctx: TierContext): RealizedWorkload {
  const w = r.workload;
  const tier = ctx.tier;
  // DEDICATED_HOST: the host family by host price (PoolPlanner), as the estimate prices it.
  const hostPlan = tier === PlacementTier.DEDICATED_HOST && r.instanceType === undefined
    ? PoolPlanner.planDedicatedHosts({ replicas: w.replicas ?? 1, cpu: w.cpu, memoryMiB: w.memoryMiB, zones: r.network.availabilityZones.length, region: env.region, where: r.where })
    : undefined;
  const choice = InstanceCatalog.select({ where: r.where, tier, cpu: w.cpu, memoryMiB: w.memoryMiB, instanceType: hostPlan?.instanceType ?? r.instanceType, steady: ctx.steady });
  const type = choice.type;
  const replicas = w.replicas ?? 1;
  const { profileName: profile, role } = createInstanceProfile(scope, r, r.tags, [
    ...ssmAgentStatements(env), logWriteStatement(r.logGroupArn), ...ecrPullStatements(w.image, env.partition),
    ...secretStatements(w.secrets, ['ssm:GetParameter']),
  ]);
  const tenancy = TIER_TENANCY[tier];
  const hosts: HostAllocation | undefined = tier === PlacementTier.DEDICATED_HOST
    ? allocateDedicatedHosts(scope, r, type.name, type.vcpus, choice.hostVcpus, replicas) : undefined;
  const userData = vmUserData({ where: r.where, workload: w, region: env.region, partition: env.partition, logGroupName: r.logGroupName, name: r.name });
  const subnets = r.network.privateSubnetIds;
  const readiness = r.network.readiness?.length ? r.network.readiness : undefined;
  const instanceIds: string[] = [];
  for (let i = 0; i < replicas; i++) {
    const instance = new Instance(scope, `instance-${i + 1}`, {
      ami: env.ami,
      instanceType: type.name,
      subnetId: subnets[hosts ? hosts.zoneIndexes[i] : i % subnets.length],
      vpcSecurityGroupIds: [r.securityGroupId],
      iamInstanceProfile: profile,
      associatePublicIpAddress: false,
      tenancy,
      // STEADY load on a burstable type given by the user: standard credits (throttled at baseline), never unlimited surcharges.
      creditSpecification: ctx.steady && type.burstable ? { cpuCredits: 'standard' } : undefined,
      hostId: hosts?.hostIds[i],
      // Hop limit 2: the instance runs one container, the workload's, whose code runs as the instance
      // role (the workload's `role` handle) and reaches IMDSv2 across Docker's bridge, one hop more.
      // Shared capacity keeps 1 and blocks tasks from the metadata service (shared-cluster.ts).
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: VM_METADATA_HOP_LIMIT, instanceMetadataTags: 'disabled' },
      rootBlockDevice: { encrypted: true, kmsKeyId: r.keyArn, volumeType: 'gp3', volumeSize: 30, deleteOnTermination: true },
      userData,
      userDataReplaceOnChange: true,
      // Boot after the endpoints and routes the user data reaches the network through.
      dependsOn: readiness,
      tags: named(r.tags, `${r.name}-${i + 1}`),
      volumeTags: r.tags,
    });
    instanceIds.push(instance.id);
  }
  const lb = ctx.loadBalancer;
  if (lb) {
    instanceIds.forEach((targetId, i) => new LbTargetGroupAttachment(scope, `lb-target-${i + 1}`, {
      targetGroupArn: lb.targetGroupArn, targetId, port: w.port,
    }));
  }
  const notes = [choice.note, r.network.note];
  if (hosts) notes.push(hosts.note);
  return {
    instanceIds, notes, capacity: `${type.name} x${replicas}${hosts ? ` on ${new Set(hosts.hostIds).size} Dedicated Host(s)` : ''}`,
    ...(lb ? { loadBalancerDnsName: lb.dnsName } : {}), handles: { role },
  };
}
