// What a guard rule is: data with a check, modelled on cdk-nag's rules. Internal: rules take plain
// TypeScript functions, which jsii cannot export; users pick rules by pack (GuardPack) and id.

/** A resource's synthesized Terraform attributes (snake_case, tokens resolved to `${...}` expressions). */
export type Config = Record<string, any>;

/** One Terraform resource or data source of the checked scope, read once. */
export interface GuardedResource {
  /** The Terraform type; data sources are prefixed `data.` (e.g. `data.aws_iam_policy_document`). */
  readonly type: string;
  /** How expressions refer to it: `aws_vpc.acme_vpc_1A2B3C4D` or `data.aws_iam_policy_document.x`. */
  readonly address: string;
  /** The construct path. */
  readonly path: string;
  readonly config: Config;
  /** The tenant it belongs to (`isolation:tenant` tag or `cdktf-isolation.tenant` label), if any. */
  readonly tenant?: string;
}

/** A problem one rule found at one resource. */
export interface RuleFinding {
  readonly resource: GuardedResource;
  readonly problem: string;
}

/** A guard rule. Exactly one of `check` (per resource) and `checkStack` (whole scope) is set. */
export interface GuardRule {
  /** Stable id, e.g. `ISO-AWS-001`, used in messages and suppressions. */
  readonly id: string;
  readonly title: string;
  /** Terraform types the rule reads (`check` runs on these only). */
  readonly resourceTypes: readonly string[];
  /** What to change, in plain words. */
  readonly fix: string;
  /** The equivalent control of other tools (Pod Security Standards, kube-bench, KICS, checkov), where one exists. */
  readonly equivalent?: string;
  /** The problem, in one sentence without the resource path, or undefined when the resource passes. */
  readonly check?: (config: Config, resource: GuardedResource) => string | undefined;
  /** For rules that need every resource at once (references across resources). */
  readonly checkStack?: (resources: readonly GuardedResource[]) => RuleFinding[];
}


/** A nested block: cdktf renders single blocks as an object, overrides and lists as arrays. */
export function block(value: unknown): Config | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first !== null && typeof first === 'object' ? first as Config : undefined;
}

/** A repeated block (or a single one) as a list. */
export function blocks(value: unknown): Config[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((b): b is Config => b !== null && typeof b === 'object');
}

/** Terraform accepts `true` and `"true"` for booleans. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/** An AWS resource's tags (an empty map if none or unresolved). */
export function tagsOf(config: Config): Record<string, string> {
  const tags = config.tags;
  return tags !== null && typeof tags === 'object' && !Array.isArray(tags) ? tags : {};
}

/** Parses a JSON document attribute; undefined when it is an expression (e.g. `${jsonencode(...)}`) or not JSON. */
export function parseJson(value: unknown): any {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** `["a","b"]`, `"a"` or undefined as a list. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** Several problems as one sentence; undefined (the resource passes) when there are none. */
export function sentence(problems: string[]): string | undefined {
  return problems.length ? `${problems.join('; ')}.` : undefined;
}
