import { WorkloadSpec } from '../../needs/workload';
import { PlacementError } from '../../placement-error';
import { ecrRepository } from './policies';

// EC2 refuses user data above 16 KB in raw form, before base64 (EC2 User Guide, "User data", checked 2026-12).
export const USER_DATA_LIMIT_BYTES = 16 * 1024;

/**
 * A VM's boot script reads each secret in the region its ARN names, so every ARN must be known at synth:
 * a token (e.g. a Terraform variable) is refused, and the VM tiers cannot run the workload (ECS resolves
 * tokens on the container tiers).
 */
export function checkVmSecrets(where: string, w: WorkloadSpec): void {
  for (const [name, arn] of Object.entries(w.secrets ?? {})) {
    if (!arn.split(':')[3]) {
      throw new PlacementError(where, `workload.secrets.${name} is not a literal ARN (got ${JSON.stringify(arn)}), and a VM reads its secrets `
        + 'at boot in the region the ARN names.', 'give the SSM parameter or Secrets Manager ARN as a string, or place the workload on a container tier, where ECS resolves it.');
    }
  }
}

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
 * One env-file line. Docker's --env-file has no escapes, so a line break would start a second
 * variable: values with CR, LF or NUL are refused on input (lib/needs/limits.ts); here, as defence in
 * depth, they are written as the two characters `\n`, `\r`, `\0`, so no value can ever become two lines.
 */
export function envFileValue(value: string): string {
  return value.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\0/g, '\\0');
}

const PREPARE = '/usr/local/sbin/workload-prepare';
const RUN = '/usr/local/sbin/workload-run';
const UNIT = 'workload.service';

/**
 * The boot script of a VM-tier instance (Amazon Linux 2023). It only writes files and enables one
 * systemd unit: the unit's ExecStartPre installs Docker, fetches the declared secrets from SSM
 * Parameter Store / Secrets Manager into a root-only file on tmpfs and pulls the image; its ExecStart
 * runs the image hardened in the foreground (read-only root, all capabilities dropped, no new
 * privileges, memory, CPU and pids limits, logs to the tenant's CloudWatch log group). `Restart=always`
 * with no start limit: whatever fails (the route out still settling, a registry or SSM briefly
 * unreachable, the workload crashing), systemd tries again every 10 s and never gives up.
 * Pure: no tokens inside.
 */
export function vmUserData(o: UserDataOptions): string {
  const w = o.workload;
  const prepare = [
    '#!/bin/bash',
    'set -euo pipefail',
    'retry() { local n; for n in 1 2 3; do "$@" && return 0; sleep $((n * 5)); done; return 1; }',
    'command -v docker >/dev/null || retry dnf install -y docker',
    'systemctl start docker',
    `docker rm -f ${q(o.name)} >/dev/null 2>&1 || true`,
    'install -d -m 700 /run/workload',
    'umask 077',
    ': > /run/workload/env',
  ];
  for (const [name, value] of Object.entries(w.environment ?? {})) {
    prepare.push(`printf '%s=%s\\n' ${q(name)} ${q(envFileValue(value))} >> /run/workload/env`);
  }
  // A Secrets Manager ARN with a JSON key suffix is fetched whole (SecretString): there is no jq on the AMI.
  // Each secret is read from its own ARN's region, into a variable first: a failed fetch then fails the
  // start (set -e; systemd retries) instead of starting the workload with an empty value. A fetched
  // value is escaped like the declared ones.
  checkVmSecrets(o.where, w);
  for (const [name, arn] of Object.entries(w.secrets ?? {})) {
    const region = q(arn.split(':')[3]);
    const fetch = arn.includes(':secretsmanager:')
      ? `aws secretsmanager get-secret-value --region ${region} --secret-id ${q(arn.split(':').slice(0, 7).join(':'))} --query SecretString --output text`
      : `aws ssm get-parameter --region ${region} --with-decryption --name ${q(arn)} --query Parameter.Value --output text`;
    prepare.push(`value="$(retry ${fetch})"`, 'value="${value//$\'\\r\'/\\\\r}"; value="${value//$\'\\n\'/\\\\n}"',
      `printf '%s=%s\\n' ${q(name)} "$value" >> /run/workload/env`);
  }
  if (w.secrets && Object.keys(w.secrets).length > 0) prepare.push('unset value');
  const repo = ecrRepository(w.image, o.partition);
  if (repo) {
    prepare.push(`ecr_login() { aws ecr get-login-password --region ${q(repo.region)} | docker login --username AWS --password-stdin ${q(repo.registry)}; }`,
      'retry ecr_login');
  }
  prepare.push(`retry docker pull ${q(w.image)}`);
  const args = [
    'exec docker run --rm', `--name ${q(o.name)}`, '--read-only', '--tmpfs /tmp:rw,noexec,nosuid,size=64m',
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
  const unit = [
    '[Unit]', `Description=${o.name} workload (cdktf-isolation)`, 'Wants=network-online.target', 'After=network-online.target',
    // No start limit: a unit that keeps failing is retried for ever, never left stopped.
    'StartLimitIntervalSec=0',
    '[Service]', 'Type=simple', `ExecStartPre=${PREPARE}`, `ExecStart=${RUN}`, `ExecStop=/usr/bin/docker stop ${o.name}`,
    'Restart=always', 'RestartSec=10', 'TimeoutStartSec=15min',
    '[Install]', 'WantedBy=multi-user.target',
  ];
  // Quoted heredoc delimiters: nothing inside is expanded when the files are written; every line of
  // the scripts starts with a command, so none can equal a delimiter.
  const lines = [
    '#!/bin/bash',
    'set -euo pipefail',
    `cat > ${PREPARE} <<'WORKLOAD_PREPARE'`, ...prepare, 'WORKLOAD_PREPARE',
    `cat > ${RUN} <<'WORKLOAD_RUN'`, '#!/bin/bash', args.join(' \\\n  '), 'WORKLOAD_RUN',
    `chmod 700 ${PREPARE} ${RUN}`,
    `cat > /etc/systemd/system/${UNIT} <<'WORKLOAD_UNIT'`, ...unit, 'WORKLOAD_UNIT',
    'systemctl daemon-reload',
    // --no-block: the first start may wait for the network; cloud-init need not wait with it.
    `systemctl enable --now --no-block ${UNIT}`,
  ];
  const script = `${lines.join('\n')}\n`;
  const bytes = Buffer.byteLength(script, 'utf8');
  if (bytes > USER_DATA_LIMIT_BYTES) {
    throw new PlacementError(o.where, `the VM's user data is ${bytes} bytes, above EC2's limit of ${USER_DATA_LIMIT_BYTES} bytes; `
      + `workload.environment (${Object.keys(w.environment ?? {}).length} variables) and workload.command are written into it.`,
    'move large or many values to SSM Parameter Store and reference them in workload.secrets, or place the workload on a '
      + 'container tier (its environment goes into the ECS task definition instead).');
  }
  return terraformLiteral(script);
}

/**
 * The script as a Terraform string literal: Terraform reads `${` and `%{` in any string as
 * interpolation and template directives (bash's `${value//...}`, or a value that happens to hold one),
 * so they are written `$${` and `%%{`, which Terraform turns back into the script EC2 receives. cdktf's
 * own encoded tokens (`${TfToken[...]}`) are left as they are, for cdktf to resolve.
 */
export function terraformLiteral(text: string): string {
  return text.replace(/\$\{(?!TfToken\[)/g, '$$${').replace(/%\{/g, '%%{');
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
