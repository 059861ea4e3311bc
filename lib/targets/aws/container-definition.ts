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
  const init = fargate ? prepareTmp(w.image, container.mountPoints, container.logConfiguration) : undefined;
  if (init) container.dependsOn = [{ containerName: init.name, condition: 'COMPLETE' }];
  if (w.command) container.command = w.command;
  if (hc) {
    container.healthCheck = {
      command: hc.command, interval: hc.intervalSeconds ?? 30, timeout: hc.timeoutSeconds ?? 5,
      retries: hc.retries ?? 3, startPeriod: hc.startPeriodSeconds ?? 0,
    };
  }
  return JSON.stringify(init ? [container, init] : [container]);
}

/** The name of the init container of Fargate tasks. */
export const PREPARE_TMP = 'prepare-tmp';

/**
 * On Fargate the /tmp volume is a bind mount owned by root with mode 0755 (ECS Developer Guide, "Use bind
 * mounts with Amazon ECS", checked 2026-12), so a non-root image cannot write it; on EC2 the agent's
 * task-scoped volume works. A non-essential init container from the workload's own image (already
 * pullable, even without egress) makes the shared volume 1777 as root (the volume's owner: no
 * capability needed), and the workload waits for it with `dependsOn` COMPLETE ("Container dependency",
 * task definition parameters: COMPLETE waits for the container to exit, whatever its status; SUCCESS
 * would keep an image without /bin/sh from ever starting, where COMPLETE starts it with /tmp as before).
 */
function prepareTmp(image: string, mountPoints: unknown, logConfiguration: unknown): Record<string, unknown> {
  return {
    name: PREPARE_TMP,
    image,
    essential: false,
    user: '0',
    entryPoint: ['/bin/sh', '-c'],
    command: ['chmod 1777 /tmp'],
    readonlyRootFilesystem: true,
    privileged: false,
    linuxParameters: { capabilities: { drop: ['ALL'] } },
    // Neither the workload's environment nor its secrets: the init container needs none.
    environment: [],
    secrets: [],
    mountPoints,
    logConfiguration,
  };
}
