import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { createRole, WorkloadBoundary } from './boundary';
import { containerDefinitions } from './container-definition';
import { AwsEnv } from './context';
import { LoadBalancerResult } from './load-balancer';
import { ecrPullStatements, ecsTaskTrustCondition, logWriteStatement, secretStatements } from './policies';
import { PlacementError } from '../../placement-error';
import { checkReplicaCeiling } from '../../needs/limits';
import { HandleBuilder } from '../handle-builder';
import { AutoscalingOptions, RealizedWorkload } from '../target';

export interface EcsServiceRequest {
  readonly boundary: WorkloadBoundary;
  readonly clusterArn: string;
  readonly clusterName: string;
  readonly cpuUnits: number;
  readonly memoryMiB: number;
  /** Fargate; otherwise the EC2 capacity provider named here. */
  readonly capacityProvider?: string;
  readonly dependsOn?: ITerraformDependable[];
  /** The load balancer's security group, already admitted by the boundary's security group. */
  readonly loadBalancer?: LoadBalancerResult;
  readonly autoscaling?: AutoscalingOptions;
  readonly notes: string[];
  readonly capacity: string;
}

// Fargate's linuxParameters accept only this capability (ECS task definition parameters, checked 2026-11).
const FARGATE_CAPABILITIES = ['SYS_PTRACE'];

/**
 * One ECS service (Fargate or EC2 capacity) with its task definition, execution role limited to
 * pulling its image, writing its log group and reading its declared secrets, and optional load
 * balancer and CPU target-tracking auto scaling.
 */
export function createEcsService(scope: Construct, env: AwsEnv, r: EcsServiceRequest): RealizedWorkload {
  const b = r.boundary;
  const w = b.workload;
  const fargate = r.capacityProvider === undefined;
  const unsupported = fargate ? (w.capabilities ?? []).filter((cap) => !FARGATE_CAPABILITIES.includes(cap)) : [];
  if (unsupported.length > 0) {
    throw new PlacementError(b.where, `workload.capabilities adds ${unsupported.join(', ')}, but Fargate (the microvm-container tier) `
      + `can add only ${FARGATE_CAPABILITIES.join(', ')}.`,
    'drop those capabilities, or pin a VM tier (vm, dedicated-vm) where the container may add them.');
  }
  const scaling = r.autoscaling === undefined ? undefined : checkAutoscaling(b.where, r.autoscaling);
  const role = createRole(scope, 'execution-role', 'ecs-tasks.amazonaws.com', b, b.tags, [
    logWriteStatement(b.logGroupArn), ...ecrPullStatements(w.image, env.partition), ...secretStatements(w.secrets, ['ssm:GetParameters']),
  ]);
  const executionRoleArn = role.arn;
  // The role the workload's code runs as: nothing granted here, user code grants it what the workload
  // calls (the handle). Without one, tasks on EC2 capacity would have no credentials of their own.
  const taskRole = createRole(scope, 'task-role', 'ecs-tasks.amazonaws.com', b, b.tags, [], ecsTaskTrustCondition(env));
  const taskRoleArn = taskRole.arn;
  const task = new EcsTaskDefinition(scope, 'task', {
    family: b.name,
    cpu: String(r.cpuUnits),
    memory: String(r.memoryMiB),
    networkMode: 'awsvpc',
    requiresCompatibilities: [fargate ? 'FARGATE' : 'EC2'],
    executionRoleArn,
    taskRoleArn,
    containerDefinitions: containerDefinitions(b.name, w, fargate ? Math.ceil(w.cpu * 1024) : r.cpuUnits, env.region, b.logGroupName, fargate),
    volume: [{ name: 'tmp' }],
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    tags: b.tags,
  });
  const replicas = w.replicas ?? 1;
  const lb = r.loadBalancer;
  const service = new EcsService(scope, 'service', {
    name: b.name,
    cluster: r.clusterArn,
    taskDefinition: task.arn,
    desiredCount: scaling ? Math.min(Math.max(replicas, scaling.minReplicas), scaling.maxReplicas) : replicas,
    launchType: fargate ? 'FARGATE' : undefined,
    capacityProviderStrategy: fargate ? undefined : [{ capacityProvider: r.capacityProvider!, weight: 1, base: 0 }],
    // Binpack on memory: fill one instance before starting another (the dense tier's point).
    orderedPlacementStrategy: fargate ? undefined : [{ type: 'binpack', field: 'memory' }],
    networkConfiguration: { subnets: b.network.privateSubnetIds, securityGroups: [b.securityGroupId], assignPublicIp: false },
    loadBalancer: lb && w.port !== undefined ? [{ targetGroupArn: lb.targetGroupArn, containerName: b.name, containerPort: w.port }] : undefined,
    deploymentCircuitBreaker: { enable: true, rollback: true },
    propagateTags: 'SERVICE',
    enableEcsManagedTags: true,
    lifecycle: scaling ? { ignoreChanges: ['desired_count'] } : undefined,
    dependsOn: [...(r.dependsOn ?? []), ...(lb ? [lb.listener] : [])],
    tags: b.tags,
  });
  const notes = [...r.notes];
  if (scaling) {
    const target = new AppautoscalingTarget(scope, 'scaling-target', {
      serviceNamespace: 'ecs', scalableDimension: 'ecs:service:DesiredCount', resourceId: `service/${r.clusterName}/${b.name}`,
      minCapacity: scaling.minReplicas, maxCapacity: scaling.maxReplicas, dependsOn: [service], tags: b.tags,
    });
    new AppautoscalingPolicy(scope, 'scaling-cpu', {
      name: `${b.name}-cpu`, policyType: 'TargetTrackingScaling', serviceNamespace: 'ecs', scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${r.clusterName}/${b.name}`, dependsOn: [target],
      targetTrackingScalingPolicyConfiguration: {
        targetValue: scaling.targetCpuPercent, scaleInCooldown: 120, scaleOutCooldown: 60,
        predefinedMetricSpecification: { predefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      },
    });
    notes.push(`auto scaling ${scaling.minReplicas}-${scaling.maxReplicas} tasks on ${scaling.targetCpuPercent}% average CPU.`);
  }
  return {
    serviceName: b.name, loadBalancerDnsName: lb?.dnsName, notes, capacity: r.capacity,
    handles: { role: HandleBuilder.role(taskRole, { roleArn: taskRoleArn }), executionRole: HandleBuilder.role(role, { roleArn: executionRoleArn }) },
  };
}

// ECS refuses an EC2 task-level cpu below 128 units (RegisterTaskDefinition), checked 2026-11.
const EC2_TASK_MIN_CPU_UNITS = 128;

/** ECS on EC2: the task's CPU units, at least the minimum ECS accepts; a note when it rounded. */
export function ec2TaskCpu(cpu: number): { cpuUnits: number; notes: string[] } {
  const units = Math.ceil(cpu * 1024);
  if (units >= EC2_TASK_MIN_CPU_UNITS) return { cpuUnits: units, notes: [] };
  return {
    cpuUnits: EC2_TASK_MIN_CPU_UNITS,
    notes: [`ECS task CPU rounded up from ${cpu} vCPU (${units} units) to the EC2 minimum of ${EC2_TASK_MIN_CPU_UNITS} units (${EC2_TASK_MIN_CPU_UNITS / 1024} vCPU).`],
  };
}

function checkAutoscaling(where: string, a: AutoscalingOptions): Required<AutoscalingOptions> {
  const whole = (n: unknown, min: number) => typeof n === 'number' && Number.isInteger(n) && n >= min;
  if (!whole(a.minReplicas, 0) || !whole(a.maxReplicas, 1) || a.maxReplicas < a.minReplicas) {
    throw new PlacementError(where, `autoscaling needs whole numbers with 0 <= minReplicas <= maxReplicas and maxReplicas >= 1, got ${a.minReplicas}-${a.maxReplicas}.`,
      'set e.g. autoscaling: { minReplicas: 1, maxReplicas: 4 }.');
  }
  checkReplicaCeiling(where, 'autoscaling.maxReplicas', a.maxReplicas);
  const target = a.targetCpuPercent ?? 60;
  if (!(typeof target === 'number' && target >= 1 && target <= 100)) {
    throw new PlacementError(where, `autoscaling.targetCpuPercent must be between 1 and 100, got ${target}.`, 'set it to e.g. 60, or leave it out.');
  }
  return { minReplicas: a.minReplicas, maxReplicas: a.maxReplicas, targetCpuPercent: target };
}
