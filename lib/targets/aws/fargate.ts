import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { Construct } from 'constructs';
import { WorkloadBoundary } from './boundary';
import { AwsEnv } from './context';
import { createEcsService } from './ecs-service';
import { FargateSizes } from '../../capacity/fargate-sizes';
import { RealizedWorkload } from '../target';

/**
 * MICROVM_CONTAINER for a tenant: its own ECS cluster (container insights on, Fargate ephemeral
 * storage encrypted with the tenant key) and a Fargate service in its own VPC, each task in its own microVM.
 */
export function realizeFargateTenant(scope: Construct, env: AwsEnv, b: WorkloadBoundary): RealizedWorkload {
  const fit = FargateSizes.fit(b.where, b.workload.cpu, b.workload.memoryMiB);
  const cluster = new EcsCluster(scope, 'cluster', {
    name: b.name,
    setting: [{ name: 'containerInsights', value: 'enabled' }],
    configuration: { managedStorageConfiguration: { fargateEphemeralStorageKmsKeyId: b.keyArn } },
    tags: b.tags,
  });
  return createEcsService(scope, env, {
    boundary: b, clusterArn: cluster.arn, clusterName: b.name, cpuUnits: fit.size.cpuUnits, memoryMiB: fit.size.memoryMiB,
    notes: fargateNotes(fit.note, b), capacity: fargateCapacity(fit.size.cpuUnits, fit.size.memoryMiB, b.workload.replicas ?? 1),
  });
}

export function fargateNotes(rounding: string | undefined, b: WorkloadBoundary): string[] {
  return [...(rounding ? [rounding] : []), b.network.note];
}

export function fargateCapacity(cpuUnits: number, memoryMiB: number, replicas: number): string {
  return `Fargate ${cpuUnits / 1024} vCPU / ${memoryMiB} MiB x${replicas}`;
}
