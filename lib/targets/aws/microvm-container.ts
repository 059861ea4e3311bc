// MICROVM_CONTAINER on AWS: ECS on Fargate, each task in its own Firecracker microVM. Why a workload
// gets it: a hypervisor boundary without an own kernel (lib/placement/boundary-rules.ts) at the
// cheapest, elastic price (lib/placement/preferences.ts).
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { Construct } from 'constructs';
import { clusterName, WorkloadBoundary } from './boundary';
import { AwsEnv } from './context';
import { EcsServiceRequest } from './ecs-service';
import type { TierContext } from './tiers';

/**
 * A tenant's Fargate task: its own ECS cluster (container insights on, Fargate ephemeral storage
 * encrypted with the tenant key) in the tenant's network, behind its own load balancer if it has one.
 */
export function fargateTenantTask(scope: Construct, _env: AwsEnv, b: WorkloadBoundary, ctx: TierContext): EcsServiceRequest {
  const name = clusterName(b);
  const cluster = new EcsCluster(scope, 'cluster', {
    name,
    setting: [{ name: 'containerInsights', value: 'enabled' }],
    configuration: { managedStorageConfiguration: { fargateEphemeralStorageKmsKeyId: b.keyArn } },
    tags: b.tags,
  });
  return fargateTask(b, cluster.arn, name, ctx);
}

/** A service's Fargate task, in the target's shared cluster. */
export function fargateServiceTask(_scope: Construct, _env: AwsEnv, b: WorkloadBoundary, ctx: TierContext): EcsServiceRequest {
  const dense = ctx.dense!;
  return fargateTask(b, dense.clusterArn, dense.clusterName, ctx);
}

/** The offer's Fargate size: the task definition's cpu and memory. */
function fargateTask(b: WorkloadBoundary, clusterArn: string, clusterName: string, ctx: TierContext): EcsServiceRequest {
  const { sizing } = ctx;
  return {
    boundary: b, clusterArn, clusterName, cpuUnits: sizing.taskCpuUnits!, memoryMiB: sizing.taskMemoryMiB!, loadBalancer: ctx.loadBalancer, autoscaling: ctx.autoscaling,
    notes: [b.network.note], capacity: sizing.summary,
  };
}
