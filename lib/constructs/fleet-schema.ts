// The fleet file's schema, as data: one table of fields, one small validator over it.
// It checks shape and types only; values (image grammar, port range, enum semantics, placement) are
// checked by NeedsValidation and the engine when each tenant is constructed.
import { CoTenancy, EfficiencyPriority, HardwareExclusivity, LoadProfile } from '../needs/enums';
import { PlacementTier } from '../placement/boundary';

type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'object' | 'list' | 'map';

/** One field of the schema. */
export interface FieldSpec {
  readonly kind: Kind;
  readonly required?: boolean;
  /** enum: the allowed values. */
  readonly values?: readonly string[];
  /** object: its fields. */
  readonly fields?: Fields;
  /** list and map: the type of each item or value. */
  readonly items?: FieldSpec;
  /** number: exclusive lower bound; integer: inclusive lower bound. */
  readonly min?: number;
  /** An example for the fix, e.g. `0.5`. */
  readonly example: string;
}
/** Field name → spec. */
export type Fields = Readonly<Record<string, FieldSpec>>;

const str = (example: string, required = false): FieldSpec => ({ kind: 'string', required, example });
const enumOf = (values: Record<string, string>, required = false): FieldSpec => ({
  kind: 'enum', values: Object.values(values), required, example: `'${Object.values(values)[0]}'`,
});
const wholeNumber = (min: number, example: string): FieldSpec => ({ kind: 'integer', min, example });
const STRINGS: FieldSpec = { kind: 'list', items: str("'x'"), example: "['node', 'server.js']" };
const STRING_MAP: FieldSpec = { kind: 'map', items: str("'value'"), example: '{ LOG_LEVEL: info }' };

/** A tenant entry: the fields of FleetTenant (lib/constructs/tenant-fleet.ts); test/fleet/fleet-schema-jsii.test.ts checks the two against the jsii assembly. */
export const TENANT_FIELDS: Fields = {
  tenantId: str("'acme'", true),
  workload: {
    kind: 'object', required: true, example: "{ image: 'nginx:1.27', cpu: 0.5, memoryMiB: 512 }",
    fields: {
      image: str("'public.ecr.aws/nginx/nginx:1.27'", true),
      cpu: { kind: 'number', min: 0, required: true, example: '0.5' },
      memoryMiB: { kind: 'number', min: 0, required: true, example: '512' },
      port: wholeNumber(1, '8080'),
      replicas: wholeNumber(1, '2'),
      command: STRINGS,
      capabilities: { ...STRINGS, example: '[NET_BIND_SERVICE]' },
      environment: STRING_MAP,
      secrets: { ...STRING_MAP, example: "{ DB_PASSWORD: 'arn:aws:secretsmanager:...' }" },
      healthCheck: {
        kind: 'object', example: "{ command: ['CMD', 'true'] }",
        fields: {
          command: { ...STRINGS, required: true, example: "['CMD-SHELL', 'curl -f http://localhost/']" },
          intervalSeconds: wholeNumber(1, '30'),
          timeoutSeconds: wholeNumber(1, '5'),
          retries: wholeNumber(1, '3'),
          startPeriodSeconds: wholeNumber(0, '0'),
        },
      },
    },
  },
  isolation: {
    kind: 'object', example: "{ coTenancy: 'hostile' }",
    fields: {
      coTenancy: enumOf(CoTenancy, true),
      hardwareExclusivity: enumOf(HardwareExclusivity),
      ownKernel: { kind: 'boolean', example: 'true' },
      dedicatedNetwork: { kind: 'boolean', example: 'true' },
    },
  },
  efficiency: {
    kind: 'object', example: "{ priority: 'cost', loadProfile: 'spiky' }",
    fields: { priority: enumOf(EfficiencyPriority), loadProfile: enumOf(LoadProfile) },
  },
  pin: enumOf(PlacementTier),
  acknowledgeWeakerIsolation: str("'internal tool, reviewed by security (TICKET-1)'"),
  acceptPlacementChange: {
    kind: 'object', example: "{ to: microvm-container, reason: 'moved to Fargate for cost, replacement reviewed (TICKET-2)' }",
    fields: { to: enumOf(PlacementTier, true), reason: str("'moved to Fargate for cost, replacement reviewed (TICKET-2)'", true) },
  },
  ingress: {
    kind: 'list', example: "[{ cidr: '10.0.0.0/8' }]",
    items: {
      kind: 'object', example: "{ cidr: '10.0.0.0/8', port: 443 }",
      fields: { cidr: str("'10.0.0.0/8'", true), port: wholeNumber(1, '443'), description: str("'office VPN'") },
    },
  },
  egress: { kind: 'boolean', example: 'true' },
  loadBalancer: {
    kind: 'object', example: '{ internetFacing: true }',
    fields: {
      internetFacing: { kind: 'boolean', example: 'true' },
      allowedCidrs: { ...STRINGS, example: "['203.0.113.0/24']" },
      certificateArn: str("'arn:aws:acm:eu-central-1:123456789012:certificate/...'"),
      listenerPort: wholeNumber(1, '80'),
      healthCheckPath: str("'/healthz'"),
      accessLogs: { kind: 'boolean', example: 'true' },
      accessLogRetentionDays: wholeNumber(1, '365'),
      deletionProtection: { kind: 'boolean', example: 'true' },
      webAclArn: str("'arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/web/...'"),
    },
  },
  instanceType: str("'m6i.large'"),
};

/** The file's top level. */
export const FLEET_FIELDS: Fields = {
  // Entries are checked one by one against TENANT_FIELDS, so each error can name its tenant.
  tenants: { kind: 'list', required: true, example: "[{ tenantId: 'acme', workload: {...} }]" },
};

/** A schema violation: the path of the offending field (keys and list indexes), what is wrong, the fix. */
export interface SchemaProblem {
  readonly path: ReadonlyArray<string | number>;
  readonly problem: string;
  readonly fix: string;
}

/** Returns the first problem of one tenant entry, or undefined. */
export function checkTenant(value: unknown): SchemaProblem | undefined {
  if (!isPlainObject(value)) {
    return { path: [], problem: `the entry is ${show(value)}, not a tenant.`, fix: 'write each entry as a mapping with at least tenantId and workload.' };
  }
  return checkObject(value, TENANT_FIELDS);
}

/** Returns the first problem of `value` against `fields`, or undefined. */
export function checkObject(value: unknown, fields: Fields, path: ReadonlyArray<string | number> = []): SchemaProblem | undefined {
  if (!isPlainObject(value)) {
    return { path, problem: `${label(path)} must be a mapping of fields, got ${show(value)}.`, fix: `write it as ${Object.keys(fields).map((k) => `${k}: ...`).join(', ')}.` };
  }
  for (const key of Object.keys(value)) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) {
      const known = Object.keys(fields);
      const guess = suggest(key, known);
      return {
        path: [...path, key],
        problem: `${label([...path, key])} is not a known field.`,
        fix: `${guess ? `did you mean '${guess}'? ` : ''}the fields${path.length ? ` of ${dotted(path)}` : ''} are ${known.join(', ')}.`,
      };
    }
  }
  for (const [key, spec] of Object.entries(fields)) {
    const found = check(value[key], spec, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

function check(value: unknown, spec: FieldSpec, path: ReadonlyArray<string | number>): SchemaProblem | undefined {
  if (value === undefined || value === null) {
    return spec.required
      ? { path, problem: `${label(path)} is ${value === null ? 'empty' : 'missing'}.`, fix: `${value === null ? 'set' : 'add'} ${dotted(path)}: ${spec.example}.` }
      : undefined;
  }
  const wrong = (): SchemaProblem => ({
    path, problem: `${label(path)} must be ${describe(spec)}, got ${show(value)}.`, fix: `set ${dotted(path)} to ${describe(spec)}, e.g. ${spec.example}.`,
  });
  switch (spec.kind) {
    case 'string': return typeof value === 'string' ? undefined : wrong();
    case 'boolean': return typeof value === 'boolean' ? undefined : wrong();
    case 'number': return typeof value === 'number' && Number.isFinite(value) && value > (spec.min ?? -Infinity) ? undefined : wrong();
    case 'integer': return Number.isInteger(value) && (value as number) >= (spec.min ?? -Infinity) ? undefined : wrong();
    case 'enum': {
      if (typeof value === 'string' && spec.values!.includes(value)) return undefined;
      const guess = typeof value === 'string' ? suggest(value, spec.values!) : undefined;
      return { ...wrong(), fix: `${guess ? `did you mean '${guess}'? ` : ''}use one of ${spec.values!.map((v) => `'${v}'`).join(', ')}.` };
    }
    case 'object': return isPlainObject(value) ? checkObject(value, spec.fields!, path) : wrong();
    case 'list': {
      if (!Array.isArray(value)) return wrong();
      if (!spec.items) return undefined;
      for (let i = 0; i < value.length; i++) {
        const found = check(value[i], { ...spec.items!, required: true }, [...path, i]);
        if (found) return found;
      }
      return undefined;
    }
    case 'map': {
      if (!isPlainObject(value)) return wrong();
      for (const [key, item] of Object.entries(value)) {
        const found = check(item, { ...spec.items!, required: true }, [...path, key]);
        if (found) return found;
      }
      return undefined;
    }
  }
}

function describe(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'string': return 'a string';
    case 'boolean': return 'true or false';
    case 'number': return spec.min === undefined ? 'a number' : `a number greater than ${spec.min}`;
    case 'integer': return spec.min === undefined ? 'a whole number' : `a whole number of at least ${spec.min}`;
    case 'enum': return `one of ${spec.values!.map((v) => `'${v}'`).join(', ')}`;
    case 'object': return 'a mapping of fields';
    case 'list': return !spec.items ? 'a list' : `a list of ${spec.items.kind === 'object' ? 'mappings' : `${spec.items.kind}s`}`;
    case 'map': return `a mapping of names to ${spec.items!.kind}s`;
  }
}

/** The path as written in messages: `workload.command[0]`. */
export function dotted(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function label(path: ReadonlyArray<string | number>): string {
  return path.length === 0 ? 'the file' : `field '${dotted(path)}'`;
}

/** The closest known name (case-insensitive equal, or within 2 edits), for "did you mean". */
export function suggest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === lower ? 0 : distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

/** A mapping (not a list, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as quoted in an error message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a mapping';
  return String(value);
}
