import { CoTenancy, EfficiencyPriority, HardwareExclusivity, LoadProfile } from './enums';
import { LINUX_CAPABILITIES } from './capabilities';
import { EfficiencyNeeds, IsolationNeeds } from './needs';
import { checkReplicaCeiling, WORKLOAD_LIMITS } from './limits';
import { shown } from './show';
import { WorkloadSpec } from './workload';
import { PlacementError } from '../placement-error';

// Docker's reference grammar (distribution/reference), without the rarely used IPv6 registry form.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REFERENCE = new RegExp(
  '^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?'
  + `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`
  + '(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?'
  + '(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$',
);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_ARN = /^arn:aws[a-z-]*:(?:ssm:[a-z0-9-]+:\d{12}:parameter\/.+|secretsmanager:[a-z0-9-]+:\d{12}:secret:.+)$/;
// A Kubernetes Secret in the workload's namespace and one of its keys: `<DNS-1123 subdomain>/<key>`
// (the Kubernetes target's form; the AWS target refuses it, the Kubernetes target refuses ARNs).
const SECRET_REF = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[-._a-zA-Z0-9]+$/;
// Names and values that usually mean a credential was pasted into plain environment.
const SECRET_LOOKING_NAME = /pass(?:word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential/i;
const SECRET_LOOKING_VALUE = /^AKIA[0-9A-Z]{16}$|-----BEGIN [A-Z ]*PRIVATE KEY-----/;
// Unresolved cdktf tokens and Terraform interpolations are checked by Terraform, not here.
const UNRESOLVED = /\$\{/;
// A line break would let a value start a second variable in an env file (the VM tiers' --env-file,
// read line by line); NUL cannot be in a process environment at all. Refused on every target, so a
// workload stays portable between them.
const ENV_VALUE_FORBIDDEN = /[\n\r\0]/;

/**
 * Checks declared needs and workloads before the engine or any target sees them.
 * Every refusal is a {@link PlacementError} naming the field and the fix.
 */
export class NeedsValidation {
  /**
   * Refuses unknown enum values (easy to pass from JavaScript, YAML or JSON).
   * @param where construct path or file used in the error message
   */
  public static isolation(where: string, needs: IsolationNeeds | undefined): void {
    if (needs === undefined || needs === null || typeof needs !== 'object') {
      throw new PlacementError(where, 'isolation needs are missing.',
        `pass isolation: { coTenancy: ${enumList(CoTenancy)} }.`);
    }
    checkEnum(where, 'isolation.coTenancy', needs.coTenancy, CoTenancy, true);
    checkEnum(where, 'isolation.hardwareExclusivity', needs.hardwareExclusivity, HardwareExclusivity, false);
    if (needs.ownKernel !== undefined && typeof needs.ownKernel !== 'boolean') {
      throw new PlacementError(where, `isolation.ownKernel must be true or false, got ${show(needs.ownKernel)}.`,
        'set ownKernel to true when the workload needs its own kernel, or leave it out.');
    }
    if (needs.dedicatedNetwork !== undefined && typeof needs.dedicatedNetwork !== 'boolean') {
      throw new PlacementError(where, `isolation.dedicatedNetwork must be true or false, got ${show(needs.dedicatedNetwork)}.`,
        'set dedicatedNetwork to true when the tenant needs a network of its own, or leave it out.');
    }
  }

  /** Refuses unknown efficiency values. */
  public static efficiency(where: string, needs: EfficiencyNeeds | undefined): void {
    if (needs === undefined) return;
    checkEnum(where, 'efficiency.priority', needs.priority, EfficiencyPriority, false);
    checkEnum(where, 'efficiency.loadProfile', needs.loadProfile, LoadProfile, false);
  }

  /**
   * Validates a workload and returns warnings that should not stop synthesis
   * (secret-looking plain environment values).
   * @param where construct path or file used in the error message
   */
  public static workload(where: string, workload: WorkloadSpec | undefined): string[] {
    // null (from JavaScript, or an empty YAML key) means "not given", as undefined does.
    if (workload !== null && typeof workload === 'object') workload = NeedsValidation.withoutNulls(workload);
    if (workload === undefined || workload === null || typeof workload !== 'object') {
      throw new PlacementError(where, 'workload is missing.',
        "pass workload: { image: 'repo/name:tag', cpu: 0.5, memoryMiB: 512 }.");
    }
    const fail = (problem: string, fix: string): never => { throw new PlacementError(where, problem, fix); };

    const image = workload.image;
    if (typeof image !== 'string' || image.trim() === '') {
      fail('workload.image is empty.', "give a container image reference such as 'public.ecr.aws/nginx/nginx:1.27'.");
    } else if (!UNRESOLVED.test(image) && !IMAGE_REFERENCE.test(image)) {
      fail(`workload.image ${show(image)} is not a valid image reference.`,
        "use [registry/]name[:tag][@sha256:digest] with a lower-case name, e.g. 'ghcr.io/acme/api:1.4.2'.");
    }
    if (!isPositive(workload.cpu)) {
      fail(`workload.cpu must be a number of vCPUs greater than 0, got ${show(workload.cpu)}.`,
        'set cpu to the vCPUs one replica needs, e.g. 0.25, 1 or 4.');
    }
    if (workload.cpu < WORKLOAD_LIMITS.minCpu) {
      fail(`workload.cpu ${workload.cpu} is below the minimum of ${WORKLOAD_LIMITS.minCpu} vCPU that Docker and ECS accept `
        + '(a CFS quota under 1 ms per 100 ms period is refused by the kernel).',
        `set cpu to at least ${WORKLOAD_LIMITS.minCpu}.`);
    }
    if (!isPositive(workload.memoryMiB) || !Number.isInteger(workload.memoryMiB)) {
      fail(`workload.memoryMiB must be a whole number of MiB greater than 0, got ${show(workload.memoryMiB)}.`,
        'set memoryMiB to the memory one replica needs, e.g. 512 (ECS and Docker take whole MiB).');
    }
    if (workload.memoryMiB < WORKLOAD_LIMITS.minMemoryMiB) {
      fail(`workload.memoryMiB ${workload.memoryMiB} is below the minimum of ${WORKLOAD_LIMITS.minMemoryMiB} MiB that Docker and ECS accept `
        + 'for a container.', `set memoryMiB to at least ${WORKLOAD_LIMITS.minMemoryMiB}.`);
    }
    if (workload.replicas !== undefined && !(Number.isInteger(workload.replicas) && workload.replicas >= 1)) {
      fail(`workload.replicas must be a whole number of at least 1, got ${show(workload.replicas)}.`,
        'set replicas to 1 or more, or leave it out for 1.');
    }
    if (workload.replicas !== undefined) checkReplicaCeiling(where, 'workload.replicas', workload.replicas);
    if (workload.port !== undefined && !(Number.isInteger(workload.port) && workload.port >= 1 && workload.port <= 65535)) {
      fail(`workload.port must be a whole number from 1 to 65535, got ${show(workload.port)}.`,
        'set port to the TCP port the container listens on, or leave it out.');
    }
    if (workload.command !== undefined && !(Array.isArray(workload.command) && workload.command.every(isString))) {
      fail('workload.command must be a list of strings.', "write it as ['node', 'server.js'].");
    }

    const warnings: string[] = checkCapabilities(where, workload.capabilities);
    for (const field of ['environment', 'secrets'] as const) {
      const value: unknown = workload[field];
      if (value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
        fail(`workload.${field} must be an object of variable names to ${field === 'secrets' ? 'ARNs' : 'strings'}, got ${show(value)}.`,
          `write it as ${field}: { LOG_LEVEL: '${field === 'secrets' ? 'arn:aws:ssm:<region>:<account>:parameter/<name>' : 'info'}' }.`);
      }
    }
    const environment = workload.environment ?? {};
    for (const [name, value] of Object.entries(environment)) {
      checkEnvName(where, 'environment', name);
      if (!isString(value)) {
        fail(`workload.environment.${name} must be a string, got ${show(value)}.`, 'quote the value.');
      }
      if (ENV_VALUE_FORBIDDEN.test(value)) {
        fail(`workload.environment.${name} contains a line break or NUL character; in the VM tiers' env file it would `
          + 'start a second variable.', 'give the value on one line (encode multi-line values, e.g. as base64), '
          + 'or pass it as a file or through workload.secrets.');
      }
      if (looksSecret(name, value)) {
        warnings.push(`workload.environment.${name} looks like a secret in plain text; it would be written into `
          + 'Terraform state. Move it to workload.secrets as an SSM Parameter Store or Secrets Manager ARN.');
      }
    }
    for (const [name, arn] of Object.entries(workload.secrets ?? {})) {
      checkEnvName(where, 'secrets', name);
      if (name in environment) {
        fail(`${name} is both in workload.environment and in workload.secrets.`, 'keep it in one of them.');
      }
      if (!isString(arn) || (!UNRESOLVED.test(arn) && !SECRET_ARN.test(arn) && !SECRET_REF.test(arn))) {
        fail(`workload.secrets.${name} must be an SSM parameter or Secrets Manager secret ARN (AWS), or a Kubernetes Secret reference `
          + `'<secret name>/<key>' (Kubernetes), got ${show(arn)}.`,
          "use 'arn:aws:ssm:<region>:<account>:parameter/<name>' or "
          + "'arn:aws:secretsmanager:<region>:<account>:secret:<name>' on AWS, 'db-credentials/password' on Kubernetes; never the secret value itself.");
      }
    }
    if (workload.healthCheck !== undefined) checkHealthCheck(where, workload);
    return warnings;
  }

  /**
   * The workload with null optional fields removed (JavaScript callers and empty YAML keys pass
   * null for "not given"); what the constructs hand to the targets.
   */
  public static withoutNulls(workload: WorkloadSpec): WorkloadSpec {
    const spec = withoutNullFields(workload);
    return spec.healthCheck ? { ...spec, healthCheck: withoutNullFields(spec.healthCheck) } : spec;
  }
}

function withoutNullFields<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as T;
}

/** Refuses unknown or repeated capabilities; returns warnings for those that commonly escape a container. */
function checkCapabilities(where: string, capabilities: unknown): string[] {
  if (capabilities === undefined) return [];
  if (!Array.isArray(capabilities)) {
    throw new PlacementError(where, 'workload.capabilities must be a list of capability names.', "write it as ['NET_BIND_SERVICE'].");
  }
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const cap of capabilities) {
    const known = LINUX_CAPABILITIES.find((c) => c.name === cap);
    if (!known) {
      const bare = typeof cap === 'string' ? cap.toUpperCase().replace(/^CAP_/, '') : '';
      throw new PlacementError(where, `workload.capabilities has ${show(cap)}, which is not a Linux capability name.`,
        LINUX_CAPABILITIES.some((c) => c.name === bare)
          ? `write it as '${bare}' (upper case, without the CAP_ prefix).`
          : "use names from capabilities(7) without the CAP_ prefix, e.g. 'NET_BIND_SERVICE'; 'ALL' is never added back.");
    }
    if (seen.has(cap)) {
      throw new PlacementError(where, `workload.capabilities lists '${cap}' twice.`, 'list each capability once.');
    }
    seen.add(cap);
    if (known.escalates) {
      warnings.push(`workload.capabilities adds ${cap}, which commonly lets a process leave its container; `
        + 'keep it only if the workload cannot run without it.');
    }
  }
  return warnings;
}

function checkHealthCheck(where: string, workload: WorkloadSpec): void {
  const check = workload.healthCheck!;
  const command = check.command;
  if (!Array.isArray(command) || command.length === 0 || !command.every(isString)
    || !['CMD', 'CMD-SHELL'].includes(command[0])) {
    throw new PlacementError(where, 'workload.healthCheck.command must be a list starting with CMD or CMD-SHELL.',
      "write it as ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'].");
  }
  if (command.length < 2) {
    throw new PlacementError(where, 'workload.healthCheck.command has no check after CMD/CMD-SHELL.',
      "add the command to run, e.g. ['CMD', 'wget', '-q', '-O-', 'http://localhost/'].");
  }
  const fields: Array<[string, number | undefined, number]> = [
    ['intervalSeconds', check.intervalSeconds, 1],
    ['timeoutSeconds', check.timeoutSeconds, 1],
    ['retries', check.retries, 1],
    ['startPeriodSeconds', check.startPeriodSeconds, 0],
  ];
  for (const [field, value, min] of fields) {
    if (value !== undefined && !(Number.isInteger(value) && value >= min)) {
      throw new PlacementError(where, `workload.healthCheck.${field} must be a whole number of at least ${min}, got ${show(value)}.`,
        `set ${field} to a whole number, or leave it out for the default.`);
    }
  }
}

function checkEnvName(where: string, field: string, name: string): void {
  if (!ENV_NAME.test(name)) {
    throw new PlacementError(where, `workload.${field} has an invalid variable name ${show(name)}.`,
      'use letters, digits and underscores, not starting with a digit (e.g. LOG_LEVEL).');
  }
}

function checkEnum(where: string, field: string, value: unknown, values: Record<string, string>, required: boolean): void {
  if (value === undefined && !required) return;
  if (!Object.values(values).includes(value as string)) {
    throw new PlacementError(where, `${field} ${value === undefined ? 'is missing' : `${show(value)} is not a known value`}.`,
      `use one of ${enumList(values)}.`);
  }
}

function enumList(values: Record<string, string>): string {
  return Object.values(values).map((v) => `'${v}'`).join(', ');
}

function looksSecret(name: string, value: string): boolean {
  return (SECRET_LOOKING_NAME.test(name) && value.length > 0) || SECRET_LOOKING_VALUE.test(value);
}

function isPositive(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : shown(value);
}
