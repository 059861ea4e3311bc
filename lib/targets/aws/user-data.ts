import { WorkloadSpec } from '../../needs/workload';
import { PlacementError } from '../../placement-error';
import { ecrRepository } from './policies';

// EC2 refuses user data above 16 KB in raw form, before base64 (EC2 User Guide, "User data", checked 2026-12).
export const USER_DATA_LIMIT_BYTES = 16 * 1024;

/** Single-quotes a value for bash. */
function q(value: string): string {
  return `'${value.replace(/'/g, `'"'"'`)}'`;
}

export interface UserDataOptions {
  /** Construct path, for the error when the script outgrows EC2's limit. */
  readonly where: string;
  readonly workload: WorkloadSpec;
  readonly region: string;
  readonly partition: string;
  readonly logGroupName: string;
  /** Container and log stream name. */
  readonly name: string;
}

/**
 * The boot script of a VM-tier instance (Amazon Linux 2023): installs Docker, fetches the declared
 * secrets from SSM Parameter Store / Secrets Manager into a root-only file on tmpfs, and runs the
 * workload's image hardened: read-only root, all capabilities dropped, no new privileges, memory and
 * CPU limits, restart policy, logs to the tenant's CloudWatch log group. Pure: no tokens inside.
 */
export function vmUserData(o: UserDataOptions): string {
  const w = o.workload;
  const lines = [
    '#!/bin/bash',
    'set -euo pipefail',
    // The route out (NAT or VPC endpoints) may still be settling when the instance first boots, and
    // user data runs once: retry what needs the network instead of failing the boot for good.
    'retry() { local n; for n in 1 2 3 4 5 6; do "$@" && return 0; sleep $((n * 10)); done; return 1; }',
    'retry dnf install -y docker',
    'systemctl enable --now docker',
    'install -d -m 700 /run/workload',
    'umask 077',
    ': > /run/workload/env',
  ];
  for (const [name, value] of Object.entries(w.environment ?? {})) {
    lines.push(`printf '%s=%s\\n' ${q(name)} ${q(value)} >> /run/workload/env`);
  }
  // A Secrets Manager ARN with a JSON key suffix is fetched whole (SecretString): there is no jq on the AMI.
  // Each secret is read from its own ARN's region, into a variable first: a failed fetch then stops
  // the boot (set -e) instead of starting the workload with an empty value.
  for (const [name, arn] of Object.entries(w.secrets ?? {})) {
    const region = q(arn.split(':')[3]);
    const fetch = arn.includes(':secretsmanager:')
      ? `aws secretsmanager get-secret-value --region ${region} --secret-id ${q(arn.split(':').slice(0, 7).join(':'))} --query SecretString --output text`
      : `aws ssm get-parameter --region ${region} --with-decryption --name ${q(arn)} --query Parameter.Value --output text`;
    lines.push(`value="$(retry ${fetch})"`, `printf '%s=%s\\n' ${q(name)} "$value" >> /run/workload/env`);
  }
  if (w.secrets && Object.keys(w.secrets).length > 0) lines.push('unset value');
  const repo = ecrRepository(w.image, o.partition);
  if (repo) {
    lines.push(`ecr_login() { aws ecr get-login-password --region ${q(repo.region)} | docker login --username AWS --password-stdin ${q(repo.registry)}; }`,
      'retry ecr_login');
  }
  lines.push(`retry docker pull ${q(w.image)}`);
  const args = [
    'docker run -d', `--name ${q(o.name)}`, '--restart unless-stopped', '--read-only', '--tmpfs /tmp:rw,noexec,nosuid,size=64m',
    '--cap-drop ALL', '--security-opt no-new-privileges:true', `--memory ${w.memoryMiB}m`, `--cpus ${w.cpu}`,
    '--pids-limit 512', '--env-file /run/workload/env',
    '--log-driver awslogs', `--log-opt awslogs-region=${q(o.region)}`, `--log-opt awslogs-group=${q(o.logGroupName)}`,
    `--log-opt awslogs-stream=${q(o.name)}-"$(cat /sys/devices/virtual/dmi/id/board_asset_tag)"`,
  ];
  for (const cap of w.capabilities ?? []) args.push(`--cap-add ${cap}`);
  if (w.port !== undefined) args.push(`-p ${w.port}:${w.port}`);
  const hc = w.healthCheck;
  if (hc) {
    const cmd = hc.command[0] === 'CMD-SHELL' ? hc.command.slice(1).join(' ') : hc.command.slice(1).map(q).join(' ');
    args.push(`--health-cmd ${q(cmd)}`, `--health-interval ${hc.intervalSeconds ?? 30}s`, `--health-timeout ${hc.timeoutSeconds ?? 5}s`,
      `--health-retries ${hc.retries ?? 3}`, `--health-start-period ${hc.startPeriodSeconds ?? 0}s`);
  }
  args.push(q(w.image), ...(w.command ?? []).map(q));
  lines.push(args.join(' \\\n  '));
  const script = `${lines.join('\n')}\n`;
  const bytes = Buffer.byteLength(script, 'utf8');
  if (bytes > USER_DATA_LIMIT_BYTES) {
    throw new PlacementError(o.where, `the VM's user data is ${bytes} bytes, above EC2's limit of ${USER_DATA_LIMIT_BYTES} bytes; `
      + `workload.environment (${Object.keys(w.environment ?? {}).length} variables) and workload.command are written into it.`,
    'move large or many values to SSM Parameter Store and reference them in workload.secrets, or place the workload on a '
      + 'container tier (its environment goes into the ECS task definition instead).');
  }
  return script;
}

/** The boot script of shared ECS capacity: joins the cluster; tasks (awsvpc) cannot reach instance metadata. */
export function ecsUserData(clusterName: string, pool: string): string {
  return [
    '#!/bin/bash',
    'cat >> /etc/ecs/ecs.config <<EOF',
    `ECS_CLUSTER=${clusterName}`,
    'ECS_AWSVPC_BLOCK_IMDS=true',
    'ECS_DISABLE_PRIVILEGED=true',
    'ECS_ENABLE_TASK_IAM_ROLE=true',
    'ECS_SELINUX_CAPABLE=false',
    `ECS_INSTANCE_ATTRIBUTES={"isolation.pool":"${pool}"}`,
    'EOF',
    '',
  ].join('\n');
}
