// DEDICATED_HOST on AWS: the hosts. Why a tenant gets them: hardwareExclusivity TENANT requires a
// tenant-hardware boundary (lib/placement/boundary-rules.ts), which only this tier provides
// (lib/placement/tiers.ts). The instances that run on them are built by vm.ts with tenancy "host".
import { Ec2Host } from '@cdktf/provider-aws/lib/ec2-host';
import { Construct } from 'constructs';
import { WorkloadBoundary } from './boundary';
import { named } from './context';

/** The hosts allocated to one workload: the host id and zone (index) of each replica, and what to tell the user. */
export interface HostAllocation {
  readonly hostIds: string[];
  readonly zoneIndexes: number[];
  readonly note: string;
}

/**
 * As few `aws_ec2_host` as the replicas and zones allow, allocated to this workload alone: H = max(
 * ceil(replicas / perHost), min(replicas, zones)) hosts (what CostEstimator prices), host h in zone
 * h mod zones, replica i on host i mod H (at most ceil(replicas / H) <= perHost each). Auto placement is
 * off, so only instances that name the host land on it; host recovery moves them on hardware failure.
 */
export function allocateDedicatedHosts(scope: Construct, b: WorkloadBoundary, typeName: string, typeVcpus: number,
  hostVcpus: number, replicas: number): HostAllocation {
  const perHost = Math.max(1, Math.floor(hostVcpus / typeVcpus));
  const azs = b.network.availabilityZones;
  const count = Math.max(Math.ceil(replicas / perHost), Math.min(replicas, azs.length));
  const hosts: string[] = [];
  for (let h = 0; h < count; h++) {
    const key = `host-${h + 1}`;
    hosts.push(new Ec2Host(scope, key, {
      availabilityZone: azs[h % azs.length], instanceType: typeName, autoPlacement: 'off', hostRecovery: 'on', tags: named(b.tags, `${b.name}-${key}`),
    }).id);
  }
  const onHost = Array.from({ length: replicas }, (_, i) => i % count);
  return {
    hostIds: onHost.map((h) => hosts[h]),
    zoneIndexes: onHost.map((h) => h % azs.length),
    note: `dedicated-host: ${count} Dedicated Host(s) for ${typeName} (up to ${perHost} per host; family by host price), auto placement off, host recovery on; hosts are billed whole, whatever runs on them.`,
  };
}
