// SHARED_CONTAINER on AWS: ECS tasks on EC2 capacity, packed with binpack. Why a workload gets it:
// TRUSTED or INTERNAL co-tenancy needs only a process boundary (lib/placement/boundary-rules.ts),
// and this is the cheapest tier (lib/placement/tiers.ts).
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import { Construct } from 'constructs';
import { clusterName, WorkloadBoundary } from './boundary';
import { AwsEnv } from './context';
import { EcsServiceRequest } from './ecs-service';
import { createPool } from './shared-cluster';
import type { TierContext } from './tiers';
import { TAG } from '../../labels';
import { PlacementTier } from '../../placement/boundary';

/**
 * A tenant's containers on EC2 capacity that only its tasks use: its own cluster and pool in the tenant's network.
 */
export function sharedContainerTenantTask(scope: Construct, env: AwsEnv, b: WorkloadBoundary, ctx: TierContext): EcsServiceRequest {
  const { sizing } = ctx;
  const name = clusterName(b);
  const cluster = new EcsCluster(scope, 'cluster', { name, setting: [{ name: 'containerInsights', value: 'enabled' }], tags: b.tags });
  const clusterArn = cluster.arn;
  const pool = createPool(new Construct(scope, 'pool'), env, {
    clusterName: name, owner: b, clusterArn, network: b.network, keyArn: b.keyArn, label: 'tenant',
    tags: { [TAG.tenant]: b.name, [TAG.tier]: PlacementTier.SHARED_CONTAINER }, own: sizing.pool,
  });
  const association = new EcsClusterCapacityProviders(scope, 'capacity-providers', { clusterName: cluster.name, capacityProviders: [pool.providerNameToken] });
  return {
    boundary: b, clusterArn, clusterName: name, cpuUnits: sizing.taskCpuUnits!, memoryMiB: sizing.taskMemoryMiB!,
    capacityProvider: pool.capacityProvider, dependsOn: [association], loadBalancer: ctx.loadBalancer,
    notes: [`shared-container: a pool of its own, ${sizing.pool!.why}`, b.network.note],
    capacity: `${sizing.summary} on pool ${pool.capacityProvider} (${sizing.pool!.instances} x ${sizing.pool!.instanceType})`,
  };
}

/** A service's containers on the shared cluster's EC2 pool for its co-tenancy: services of different co-tenancy never share capacity. */
export function sharedContainerServiceTask(_scope: Construct, _env: AwsEnv, b: WorkloadBoundary, ctx: TierContext): EcsServiceRequest {
  const { sizing } = ctx;
  const dense = ctx.dense!;
  const pool = dense.pool(ctx.coTenancy);
  const cpuUnits = sizing.taskCpuUnits!;
  const note = pool.add({
    key: b.where, cpu: cpuUnits / 1024, memoryMiB: sizing.taskMemoryMiB!, tasks: sizing.replicas, maxTasks: Math.max(sizing.replicas, ctx.autoscaling?.maxReplicas ?? 0),
  });
  return {
    boundary: b, clusterArn: dense.clusterArn, clusterName: dense.clusterName, cpuUnits, memoryMiB: sizing.taskMemoryMiB!,
    capacityProvider: pool.capacityProvider, dependsOn: [pool.association], loadBalancer: ctx.loadBalancer, autoscaling: ctx.autoscaling,
    notes: [note], capacity: `${sizing.summary} on pool ${pool.capacityProvider}`,
  };
}
