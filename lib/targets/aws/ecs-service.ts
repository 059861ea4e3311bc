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
import { HandleBuilder } from '../handle-builder';
import { checkAutoscaling } from '../placement-checks';
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


/**
 * One ECS service (Fargate or EC2 capacity) with its task definition, execution role limited to
 * pulling its image, writing its log group and reading its declared secrets, and optional load
 * balancer and CPU target-tracking auto scaling.
 */
export function createEcsService(scope: Construct, env: AwsEnv, r: EcsServiceRequest): RealizedWorkload {
  const b = r.boundary;
  const w = b.workload;
  const fargate = r.capacityProvider === undefined;
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
    // Spread over zones first (a zone's loss leaves replicas), then binpack on memory: fill an instance before starting another.
    orderedPlacementStrategy: fargate ? undefined : [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
    // A rolling deployment starts the new tasks beside the old (up to 200 %) and stops none before they are healthy (100 %):
    // a pool's max leaves room for its largest service doing so (lib/capacity/trunking.ts).
    deploymentMaximumPercent: 200,
    deploymentMinimumHealthyPercent: 100,
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
