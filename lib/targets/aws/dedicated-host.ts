// DEDICATED_HOST on AWS: the hosts. Why a tenant gets them: hardwareExclusivity TENANT requires a
// tenant-hardware boundary (lib/placement/boundary-rules.ts), which only this tier provides
// (lib/placement/tiers.ts). The instances that run on them are built by vm.ts with tenancy "host".
import { Ec2Host } from '@cdktf/provider-aws/lib/ec2-host';
import { Construct } from 'constructs';
import { WorkloadBoundary } from './boundary';
import { named } from './context';

/** The hosts allocated to one workload: the host id of each replica, and what to tell the user. */
export interface HostAllocation {
  readonly hostIds: string[];
  readonly note: string;
}

/**
 * One or more `aws_ec2_host` per zone used, allocated to this workload alone: replicas are spread over
 * the zones, and a host takes as many replicas as its vCPUs hold. Auto placement is off, so only
 * instances that name the host land on it; host recovery moves them to a new host on hardware failure.
 */
export function allocateDedicatedHosts(scope: Construct, b: WorkloadBoundary, typeName: string, typeVcpus: number,
  hostVcpus: number, replicas: number): HostAllocation {
  const perHost = Math.max(1, Math.floor(hostVcpus / typeVcpus));
  const azs = b.network.availabilityZones;
  const hostIds: string[] = [];
  const hosts = new Map<string, string>();
  for (let i = 0; i < replicas; i++) {
    const zone = i % azs.length;
    const slot = Math.floor(Math.floor(i / azs.length) / perHost);
    const key = `host-${zone + 1}-${slot + 1}`;
    let id = hosts.get(key);
    if (id === undefined) {
      const host = new Ec2Host(scope, key, {
        availabilityZone: azs[zone], instanceType: typeName, autoPlacement: 'off', hostRecovery: 'on', tags: named(b.tags, `${b.name}-${key}`),
      });
      id = host.id;
      hosts.set(key, id);
    }
    hostIds.push(id);
  }
  return {
    hostIds,
    note: `dedicated-host: ${hosts.size} Dedicated Host(s) for ${typeName} (up to ${perHost} per host), auto placement off, host recovery on; hosts are billed whole, whatever runs on them.`,
  };
}
