import { GuardedResource } from '../../rule';

// `aws_vpc.acme_vpc_1A2B3C4D` or `data.aws_iam_policy_document.x` inside a `${...}` expression.
const ADDRESS = /(?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*/g;

/** The resources of `byAddress` that the expressions in `value` refer to (each once). */
export function referencedResources(value: unknown, byAddress: ReadonlyMap<string, GuardedResource>): GuardedResource[] {
  const found = new Set<GuardedResource>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (!v.includes('${')) return;
      for (const m of v.matchAll(ADDRESS)) {
        const target = byAddress.get(m[0]);
        if (target) found.add(target);
      }
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (v !== null && typeof v === 'object') {
      Object.values(v).forEach(visit);
    }
  };
  visit(value);
  return [...found];
}

/** Resources by address, for reference lookups. */
export function byAddress(resources: readonly GuardedResource[]): Map<string, GuardedResource> {
  return new Map(resources.map((r) => [r.address, r]));
}
