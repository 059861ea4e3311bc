// VM, DEDICATED_VM and DEDICATED_HOST on AWS: EC2 instances. Why a workload gets a VM tier: the boundary
// rules (lib/placement/boundary-rules.ts) and the tier table (lib/placement/tiers.ts); what differs
// between the three is the tenancy (lib/labels.ts TIER_TENANCY) and, for hosts, dedicated-host.ts.
// The instance type and the host plan come with the chosen offer (lib/capacity/sizing.ts).
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { Construct } from 'constructs';
import { createInstanceProfile, WorkloadBoundary } from './boundary';
import { AwsEnv, named } from './context';
import { allocateDedicatedHosts, HostAllocation } from './dedicated-host';
import { ecrPullStatements, logWriteStatement, secretStatements, ssmAgentStatements } from './policies';
import { vmUserData } from './user-data';
import type { TierContext } from './tiers';
import { ROOT_VOLUME_GIB } from '../../capacity/cost-items';
import { InstanceCatalog } from '../../capacity/instance-catalog';
import { TIER_TENANCY, VM_METADATA_HOP_LIMIT } from '../../labels';
import { RealizedWorkload } from '../target';

/**
 * The one instance builder of VM, DEDICATED_VM and DEDICATED_HOST, for tenants and services alike:
 * creates the SSM-only instance profile and one hardened instance per replica of the offer's type,
 * spread over the private subnets, on the offer's hosts at DEDICATED_HOST, behind the service's load
 * balancer when it has one.
 */
export function realizeInstances(scope: Construct, env: AwsEnv, r: WorkloadBoundary, ctx: TierContext): RealizedWorkload {
  const w = r.workload;
  const { tier, sizing } = ctx;
  const typeName = sizing.instanceType!;
  const replicas = sizing.replicas;
  const { profileName: profile, role } = createInstanceProfile(scope, r, r.tags, [
    ...ssmAgentStatements(env), logWriteStatement(r.logGroupArn), ...ecrPullStatements(w.image, env.partition),
    ...secretStatements(w.secrets, ['ssm:GetParameter']),
  ]);
  const tenancy = TIER_TENANCY[tier];
  const hosts: HostAllocation | undefined = sizing.hostPlan ? allocateDedicatedHosts(scope, r, sizing.hostPlan, replicas) : undefined;
  const userData = vmUserData({ where: r.where, workload: w, region: env.region, partition: env.partition, logGroupName: r.logGroupName, name: r.name });
  const subnets = r.network.privateSubnetIds;
  const readiness = r.network.readiness?.length ? r.network.readiness : undefined;
  // STEADY load on a burstable type given by the user: standard credits (throttled at baseline), never unlimited surcharges.
  const standardCredits = ctx.steady && InstanceCatalog.find(typeName)?.burstable === true;
  const instanceIds: string[] = [];
  for (let i = 0; i < replicas; i++) {
    const instance = new Instance(scope, `instance-${i + 1}`, {
      ami: env.ami,
      instanceType: typeName,
      subnetId: subnets[hosts ? hosts.zoneIndexes[i] : i % subnets.length],
      vpcSecurityGroupIds: [r.securityGroupId],
      iamInstanceProfile: profile,
      associatePublicIpAddress: false,
      tenancy,
      creditSpecification: standardCredits ? { cpuCredits: 'standard' } : undefined,
      hostId: hosts?.hostIds[i],
      // Hop limit 2: the instance runs one container, the workload's, whose code runs as the instance
      // role (the workload's `role` handle) and reaches IMDSv2 across Docker's bridge, one hop more.
      // Shared capacity keeps 1 and blocks tasks from the metadata service (shared-cluster.ts).
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: VM_METADATA_HOP_LIMIT, instanceMetadataTags: 'disabled' },
      rootBlockDevice: { encrypted: true, kmsKeyId: r.keyArn, volumeType: 'gp3', volumeSize: ROOT_VOLUME_GIB, deleteOnTermination: true },
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
  const notes = [r.network.note];
  if (hosts) notes.push('dedicated-host: auto placement off (only this workload\'s instances land on its hosts), host recovery on.');
  return {
    instanceIds, notes, capacity: sizing.summary,
    ...(lb ? { loadBalancerDnsName: lb.dnsName } : {}), handles: { role },
  };
}
