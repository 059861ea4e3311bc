import { WorkloadSpec } from '../../needs/workload';

/**
 * The ECS container definition (JSON) of a workload: read-only root with a writable /tmp volume,
 * not privileged, all capabilities dropped but those declared, awslogs to the workload's log group, secrets by ARN
 * (`valueFrom`), never as plain values.
 */
export function containerDefinitions(name: string, w: WorkloadSpec, cpuUnits: number, region: string, logGroupName: string, fargate: boolean): string {
  const hc = w.healthCheck;
  const container: Record<string, unknown> = {
    name,
    image: w.image,
    essential: true,
    cpu: cpuUnits,
    memory: w.memoryMiB,
    readonlyRootFilesystem: true,
    privileged: false,
    linuxParameters: { capabilities: { drop: ['ALL'], ...(w.capabilities?.length ? { add: w.capabilities } : {}) }, initProcessEnabled: true },
    mountPoints: [{ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false }],
    portMappings: w.port === undefined ? [] : [{ containerPort: w.port, protocol: 'tcp' }],
    environment: Object.entries(w.environment ?? {}).map(([k, v]) => ({ name: k, value: v })),
    secrets: Object.entries(w.secrets ?? {}).map(([k, arn]) => ({ name: k, valueFrom: arn })),
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': logGroupName, 'awslogs-region': region, 'awslogs-stream-prefix': name },
    },
  };
  if (!fargate) container.dockerSecurityOptions = ['no-new-privileges'];
  if (w.command) container.command = w.command;
  if (hc) {
    container.healthCheck = {
      command: hc.command, interval: hc.intervalSeconds ?? 30, timeout: hc.timeoutSeconds ?? 5,
      retries: hc.retries ?? 3, startPeriod: hc.startPeriodSeconds ?? 0,
    };
  }
  return JSON.stringify([container]);
}
