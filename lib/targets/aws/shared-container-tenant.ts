import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import { Construct } from 'constructs';
import { WorkloadBoundary } from './boundary';
import { AwsEnv } from './context';
import { createEcsService, ec2TaskCpu } from './ecs-service';
import { createPool } from './shared-cluster';
import { PlacementTier } from '../../placement/boundary';
import { RealizedWorkload } from '../target';

/**
 * SHARED_CONTAINER for a tenant (TRUSTED or INTERNAL co-tenancy): containers on EC2 capacity that
 * only this tenant's tasks use — its own cluster and pool in its own VPC — packed with binpack.
 */
export function realizeSharedContainerTenant(scope: Construct, env: AwsEnv, b: WorkloadBoundary): RealizedWorkload {
  const w = b.workload;
  const cluster = new EcsCluster(scope, 'cluster', { name: b.name, setting: [{ name: 'containerInsights', value: 'enabled' }], tags: b.tags });
  const clusterArn = cluster.arn;
  const pool = createPool(new Construct(scope, 'pool'), env, {
    clusterName: b.name, clusterArn, network: b.network, keyArn: b.keyArn, label: 'tenant',
    tags: { 'isolation:tenant': b.name, 'isolation:tier': PlacementTier.SHARED_CONTAINER },
  });
  const association = new EcsClusterCapacityProviders(scope, 'capacity-providers', { clusterName: cluster.name, capacityProviders: [pool.providerNameToken] });
  const replicas = w.replicas ?? 1;
  const { cpuUnits, notes } = ec2TaskCpu(w.cpu);
  return createEcsService(scope, env, {
    boundary: b, clusterArn, clusterName: b.name, cpuUnits, memoryMiB: w.memoryMiB,
    capacityProvider: pool.capacityProvider, dependsOn: [association],
    notes: [...notes, pool.add(b.where, cpuUnits / 1024, w.memoryMiB, replicas), b.network.note],
    capacity: `${cpuUnits / 1024} vCPU / ${w.memoryMiB} MiB x${replicas} on pool ${pool.capacityProvider}`,
  });
}
