import { Ec2Host } from '@cdktf/provider-aws/lib/ec2-host';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { Construct } from 'constructs';
import { createInstanceProfile, WorkloadBoundary } from './boundary';
import { AwsEnv, named } from './context';
import { ecrPullStatements, logWriteStatement, secretStatements, SSM_AGENT_STATEMENT } from './policies';
import { vmUserData } from './user-data';
import { InstanceCatalog } from '../../capacity/instance-catalog';
import { PlacementTier } from '../../placement/boundary';
import { PlacementError } from '../../placement-error';
import { RealizedWorkload } from '../target';

interface InstancesRequest extends WorkloadBoundary {
  readonly tier: PlacementTier;
}

/** How each VM tier places instances on hardware. */
interface TenancyPlan {
  readonly tenancy: string;
  /** Dedicated Host id per replica (DEDICATED_HOST only). */
  readonly hostIds?: string[];
  readonly note?: string;
}

/**
 * The one instance builder of VM, DEDICATED_VM and DEDICATED_HOST: picks the type, creates the
 * SSM-only instance profile and one hardened instance per replica, spread over the private subnets.
 */
export function realizeInstanceTier(scope: Construct, env: AwsEnv, b: WorkloadBoundary, tier: PlacementTier): RealizedWorkload {
  const r: InstancesRequest = { ...b, tier };
  const w = r.workload;
  const choice = InstanceCatalog.select({ where: r.where, tier: r.tier, cpu: w.cpu, memoryMiB: w.memoryMiB, instanceType: r.instanceType });
  const type = choice.type;
  const replicas = w.replicas ?? 1;
  const profile = createInstanceProfile(scope, r.tags, [
    SSM_AGENT_STATEMENT, logWriteStatement(r.logGroupArn), ...ecrPullStatements(w.image, env.partition),
    ...secretStatements(w.secrets, ['ssm:GetParameter']),
  ]);
  const plan = tenancyPlan(scope, r, type.name, type.vcpus, choice.hostVcpus, replicas);
  const userData = vmUserData({ where: r.where, workload: w, region: env.region, partition: env.partition, logGroupName: r.logGroupName, name: r.name });
  const subnets = r.network.privateSubnetIds;
  const instanceIds: string[] = [];
  for (let i = 0; i < replicas; i++) {
    const instance = new Instance(scope, `instance-${i + 1}`, {
      ami: env.ami,
      instanceType: type.name,
      subnetId: subnets[i % subnets.length],
      vpcSecurityGroupIds: [r.securityGroupId],
      iamInstanceProfile: profile,
      associatePublicIpAddress: false,
      tenancy: plan.tenancy,
      hostId: plan.hostIds?.[i],
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' },
      rootBlockDevice: { encrypted: true, kmsKeyId: r.keyArn, volumeType: 'gp3', volumeSize: 30, deleteOnTermination: true },
      userData,
      userDataReplaceOnChange: true,
      tags: named(r.tags, `${r.name}-${i + 1}`),
      volumeTags: r.tags,
    });
    instanceIds.push(instance.id);
  }
  const notes = [choice.note, r.network.note];
  if (plan.note) notes.push(plan.note);
  return { instanceIds, notes, capacity: `${type.name} x${replicas}${plan.hostIds ? ` on ${new Set(plan.hostIds).size} Dedicated Host(s)` : ''}` };
}

const TENANCY: Record<string, string> = {
  [PlacementTier.VM]: 'default',
  [PlacementTier.DEDICATED_VM]: 'dedicated',
  [PlacementTier.DEDICATED_HOST]: 'host',
};

function tenancyPlan(scope: Construct, r: InstancesRequest, typeName: string, typeVcpus: number, hostVcpus: number, replicas: number): TenancyPlan {
  const tenancy = TENANCY[r.tier];
  if (tenancy === undefined) {
    throw new PlacementError(r.where, `tier ${r.tier} is not realized with EC2 instances.`, 'this is a bug in cdktf-isolation; please report it.');
  }
  if (r.tier !== PlacementTier.DEDICATED_HOST) return { tenancy };
  // One or more hosts per zone used, never shared with another tenant; auto placement off so only
  // instances that name the host land on it.
  const perHost = Math.max(1, Math.floor(hostVcpus / typeVcpus));
  const azs = r.network.availabilityZones;
  const hostIds: string[] = [];
  const hosts = new Map<string, string>();
  for (let i = 0; i < replicas; i++) {
    const zone = i % azs.length;
    const slot = Math.floor(Math.floor(i / azs.length) / perHost);
    const key = `host-${zone + 1}-${slot + 1}`;
    let id = hosts.get(key);
    if (id === undefined) {
      const host = new Ec2Host(scope, key, {
        availabilityZone: azs[zone], instanceType: typeName, autoPlacement: 'off', hostRecovery: 'on', tags: named(r.tags, `${r.name}-${key}`),
      });
      id = host.id;
      hosts.set(key, id);
    }
    hostIds.push(id);
  }
  return {
    tenancy, hostIds,
    note: `dedicated-host: ${hosts.size} Dedicated Host(s) for ${typeName} (up to ${perHost} per host), auto placement off, host recovery on; hosts are billed whole, whatever runs on them.`,
  };
}
