// DEDICATED_HOST on AWS: the hosts. Why a tenant gets them: hardwareExclusivity TENANT requires a
// tenant-hardware boundary (lib/placement/boundary-rules.ts), which only this tier provides
// (lib/placement/tiers.ts). How many and of which family is the offer's host plan
// (PoolPlanner.planDedicatedHosts); the instances that run on them are built by vm.ts with tenancy "host".
import { Ec2Host } from '@cdktf/provider-aws/lib/ec2-host';
import { Construct } from 'constructs';
import { WorkloadBoundary } from './boundary';
import { named } from './context';
import type { HostPlan } from '../../capacity/pool-planner';

/** The hosts allocated to one workload: the host id and zone (index) of each replica. */
export interface HostAllocation {
  readonly hostIds: string[];
  readonly zoneIndexes: number[];
}

/**
 * The plan's `aws_ec2_host`s, allocated to this workload alone: host h in zone h mod zones, replica i
 * on host i mod H (at most ceil(replicas / H) <= instancesPerHost each). Auto placement is off, so only
 * instances that name the host land on it; host recovery moves them on hardware failure.
 */
export function allocateDedicatedHosts(scope: Construct, b: WorkloadBoundary, plan: HostPlan, replicas: number): HostAllocation {
  const azs = b.network.availabilityZones;
  const hosts: string[] = [];
  for (let h = 0; h < plan.hosts; h++) {
    const key = `host-${h + 1}`;
    hosts.push(new Ec2Host(scope, key, {
      availabilityZone: azs[h % azs.length], instanceType: plan.instanceType, autoPlacement: 'off', hostRecovery: 'on', tags: named(b.tags, `${b.name}-${key}`),
    }).id);
  }
  const onHost = Array.from({ length: replicas }, (_, i) => i % plan.hosts);
  return { hostIds: onHost.map((h) => hosts[h]), zoneIndexes: onHost.map((h) => h % azs.length) };
}
