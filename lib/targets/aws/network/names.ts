import { createHash } from 'crypto';
import { PlacementError } from '../../../placement-error';

// Account-global AWS names: every one carries the stack, so two stacks (prod, staging) of one account
// and region never collide, and the kind of workload, so a tenant named `dense-aws` never meets the
// dense cluster of target `aws`. Each kind has its own separator that tenant ids and service names
// (DNS labels: [a-z0-9-]) cannot contain, so the parts of a name can always be told apart; load
// balancers and target groups allow only [a-zA-Z0-9-] and 32 characters, so they always end in a hash
// of the whole name instead (and start with the workload kind's letter, so never with `internal-`).

/** The AWS resource a name is for: each has its own length limit and alphabet. */
export enum NameKind {
  /** CloudWatch Logs log group: 512 characters of [.-_/#A-Za-z0-9]. */
  LOG_GROUP = 'LOG_GROUP',
  /** KMS alias: 256 characters including `alias/`, of [a-zA-Z0-9/_-]; never `alias/aws/`. */
  KMS_ALIAS = 'KMS_ALIAS',
  /** ECS cluster: 255 characters of [a-zA-Z0-9_-]. */
  ECS_CLUSTER = 'ECS_CLUSTER',
  /** ECS capacity provider: 255 characters of [a-zA-Z0-9_-], not starting with aws, ecs or fargate. */
  CAPACITY_PROVIDER = 'CAPACITY_PROVIDER',
  /** IAM role: 64 characters of [a-zA-Z0-9+=,.@_-]. */
  IAM_ROLE = 'IAM_ROLE',
  /** IAM instance profile: 128 characters of [a-zA-Z0-9+=,.@_-]. */
  INSTANCE_PROFILE = 'INSTANCE_PROFILE',
  /** Application or network load balancer: 32 characters of [a-zA-Z0-9-], no leading `internal-`, no hyphen at either end. */
  LOAD_BALANCER = 'LOAD_BALANCER',
  /** Load balancer target group: as LOAD_BALANCER. */
  TARGET_GROUP = 'TARGET_GROUP',
}

/** What kind of workload (or shared part) a name belongs to. */
export enum WorkloadKind {
  /** An IsolatedTenant. */
  TENANT = 'tenant',
  /** A DenseService. */
  SERVICE = 'service',
  /** What the DenseServices of one target share (cluster, pools). */
  DENSE = 'dense',
  /** A network of a target (the shared tenant network, a dedicated tenant network). */
  NETWORK = 'network',
}

interface Rule {
  readonly max: number;
  readonly alphabet: RegExp;
  /** Renders the parts; `kind` is the workload kind's word (or letter, for the 32-character kinds). */
  readonly render: (stack: string, kind: string, id: string) => string;
  /** Separator before the hash when a name must be cut. */
  readonly cut: string;
  /** Load balancers and target groups: always end in the hash (their separator '-' is ambiguous). */
  readonly alwaysHash?: boolean;
}

const RULES: Record<NameKind, Rule> = {
  [NameKind.LOG_GROUP]: { max: 512, alphabet: /^[.\-_/#A-Za-z0-9]+$/, render: (s, k, id) => `/isolation/${s}/${k}/${id}`, cut: '/' },
  [NameKind.KMS_ALIAS]: { max: 256, alphabet: /^alias\/[a-zA-Z0-9/_-]+$/, render: (s, k, id) => `alias/isolation/${s}/${k}/${id}`, cut: '/' },
  [NameKind.ECS_CLUSTER]: { max: 255, alphabet: /^[a-zA-Z0-9_-]+$/, render: (s, k, id) => `iso_${s}_${k}_${id}`, cut: '_' },
  [NameKind.CAPACITY_PROVIDER]: { max: 255, alphabet: /^[a-zA-Z0-9_-]+$/, render: (s, k, id) => `cp_${s}_${k}_${id}`, cut: '_' },
  [NameKind.IAM_ROLE]: { max: 64, alphabet: /^[a-zA-Z0-9+=,.@_-]+$/, render: (s, k, id) => `iso_${s}_${k}_${id}`, cut: '_' },
  [NameKind.INSTANCE_PROFILE]: { max: 128, alphabet: /^[a-zA-Z0-9+=,.@_-]+$/, render: (s, k, id) => `iso_${s}_${k}_${id}`, cut: '_' },
  [NameKind.LOAD_BALANCER]: { max: 32, alphabet: /^[a-zA-Z0-9-]+$/, render: (s, k, id) => `${k}-${s}-${id}`, cut: '-', alwaysHash: true },
  [NameKind.TARGET_GROUP]: { max: 32, alphabet: /^[a-zA-Z0-9-]+$/, render: (s, k, id) => `${k}-${s}-${id}`, cut: '-', alwaysHash: true },
};

const HASH_CHARS = 6;
// Purposes (role of `instance`, pool `internal`, ...) follow the id with a separator of the kind.
const PART = /^[a-z0-9][a-z0-9-]*$/;

/** Builds account-global AWS names that carry the stack and stay within AWS's limits. */
export class AwsNames {
  /**
   * The name of one resource. Deterministic: the same inputs always give the same name, and different
   * inputs give different names (cut names end in a hash of the uncut name).
   * @param kind the AWS resource the name is for
   * @param stack the stack's id (any characters; lower-cased, and hashed when that loses information)
   * @param workload the kind of workload the resource belongs to
   * @param id the tenant id, service name or target id ([a-z0-9-])
   * @param purpose what the resource is for within the workload, e.g. `instance` for a role
   */
  public static of(kind: NameKind, stack: string, workload: WorkloadKind, id: string, purpose?: string): string {
    const rule = RULES[kind];
    for (const [field, value] of [['id', id], ['purpose', purpose]] as const) {
      if (value !== undefined && !PART.test(value)) {
        throw new PlacementError(`${kind} name in stack ${stack}`, `${field} ${JSON.stringify(value)} is not lower-case letters, digits and hyphens.`,
          'use a DNS label such as acme or web-1 (tenant ids and service names already are).');
      }
    }
    const short = rule.alwaysHash === true;
    const tail = purpose === undefined ? id : `${id}${rule.cut}${purpose}`;
    const full = rule.render(stackSegment(stack), short ? workload.charAt(0) : workload, tail);
    let name = full;
    if (short || full.length > rule.max) {
      const hash = createHash('sha256').update(`${kind}\u0000${stack}\u0000${workload}\u0000${tail}`).digest('hex').slice(0, HASH_CHARS);
      const keep = rule.max - HASH_CHARS - rule.cut.length;
      name = `${trimEnd(full.slice(0, keep), rule.cut)}${rule.cut}${hash}`;
    }
    if (!rule.alphabet.test(name)) {
      // Unreachable for ids that pass PART: a guard against a rule table edited out of step.
      throw new PlacementError(`${kind} name in stack ${stack}`, `${name} is not a valid ${kind} name.`, 'report this as a bug of cdktf-isolation.');
    }
    return name;
  }

  /** What every (uncut) name of one kind of workload in a stack starts with, e.g. `/isolation/prod/service/` for policy patterns. */
  public static prefix(kind: NameKind, stack: string, workload: WorkloadKind): string {
    return RULES[kind].render(stackSegment(stack), workload, '');
  }

  /** The longest name AWS accepts for the kind. */
  public static maxLength(kind: NameKind): number {
    return RULES[kind].max;
  }
}

/** The stack as [a-z0-9-]; when that changes it (upper case, other characters), a hash of the original keeps stacks apart. */
function stackSegment(stack: string): string {
  const clean = stack.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'stack';
  if (clean === stack) return clean;
  return `${clean}-${createHash('sha256').update(stack).digest('hex').slice(0, 4)}`;
}

function trimEnd(text: string, separator: string): string {
  let out = text;
  while (out.endsWith(separator) || out.endsWith('-')) out = out.slice(0, -1);
  return out;
}
