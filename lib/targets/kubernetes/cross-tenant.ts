// A check over the Kubernetes objects of a stack (either delivery): no NetworkPolicy admits one tenant's
// pods into another tenant's namespace, or lets one reach another's. Namespaces belong to the tenant of
// their `cdktf-isolation/tenant` label. A policy rule in tenant A's namespace is a violation when a peer
// - selects namespaces by label (namespaceSelector) and the selector matches another tenant's namespace
//   (an empty selector matches every namespace; matchExpressions are taken to match every namespace,
//   since they are not evaluated here), or
// - is an ipBlock whose CIDR covers a cluster CIDR (pod or Service addresses) that it does not except,
//   where the namespace records the cluster CIDRs (annotation `cdktf-isolation/cluster-cidrs`, written
//   when the target is given them): on CNIs that match pod IPs against ipBlocks it reaches every pod.
// A podSelector without namespaceSelector selects the policy's own namespace only.
// Pure, so it runs over the objects of tests, examples and users' hand-written manifests alike.
import { KUBE_LABEL } from '../../labels';
import { Block, overlaps, parseCidr } from '../aws/network/cidr-pool';

type Obj = Record<string, any>;

/** One policy rule that opens a path between two tenants. */
export interface CrossTenantPolicy {
  /** `<namespace>/<policy name>`. */
  readonly policy: string;
  /** The tenant whose namespace holds the policy. */
  readonly tenant: string;
  /** The other tenants it admits or reaches, or `pods of the cluster` for an ipBlock over a cluster CIDR. */
  readonly other: string;
  readonly reason: string;
}

function cidrBlock(cidr: unknown): Block | undefined {
  try {
    return typeof cidr === 'string' ? parseCidr('NetworkPolicy', cidr) : undefined;
  } catch {
    return undefined;
  }
}

/** The tenant paths the policies of the given objects open (empty when tenants are apart). */
export function crossTenantPolicies(objects: readonly Obj[]): CrossTenantPolicy[] {
  const namespaces = objects.filter((o) => o?.kind === 'Namespace' && o.metadata?.name);
  const tenantOf = new Map<string, string>();
  const labelsOf = new Map<string, Record<string, string>>();
  const clusterCidrs = new Map<string, string[]>();
  for (const ns of namespaces) {
    const name: string = ns.metadata.name;
    const labels = { ...(ns.metadata.labels ?? {}), [KUBE_LABEL.namespaceName]: name };
    labelsOf.set(name, labels);
    const tenant = labels[KUBE_LABEL.tenant];
    if (tenant) tenantOf.set(name, tenant);
    const cidrs = ns.metadata.annotations?.[KUBE_LABEL.clusterCidrs];
    if (typeof cidrs === 'string' && cidrs) clusterCidrs.set(name, cidrs.split(','));
  }
  const found: CrossTenantPolicy[] = [];
  for (const p of objects.filter((o) => o?.kind === 'NetworkPolicy')) {
    const ns: string | undefined = p.metadata?.namespace;
    const tenant = ns ? tenantOf.get(ns) : undefined;
    if (!ns || !tenant) continue;
    const policy = `${ns}/${String(p.metadata?.name)}`;
    const peers = [
      ...(p.spec?.ingress ?? []).flatMap((r: Obj) => (r?.from ?? []).map((peer: Obj) => ({ peer, verb: 'admits' }))),
      ...(p.spec?.egress ?? []).flatMap((r: Obj) => (r?.to ?? []).map((peer: Obj) => ({ peer, verb: 'reaches' }))),
    ];
    for (const { peer, verb } of peers) {
      const selector = peer?.namespaceSelector;
      if (selector !== undefined) {
        const others = [...labelsOf].filter(([name, labels]) => name !== ns && tenantOf.has(name) && tenantOf.get(name) !== tenant
          && selects(selector, labels)).map(([name]) => tenantOf.get(name)!);
        if (others.length) {
          found.push({ policy, tenant, other: [...new Set(others)].sort().join(', '), reason: `${verb} the namespaces its namespaceSelector matches, other tenants' included` });
        }
      }
      const block = cidrBlock(peer?.ipBlock?.cidr);
      if (block) {
        const excepted = (peer.ipBlock.except ?? []).map(cidrBlock).filter((b: Block | undefined): b is Block => b !== undefined);
        for (const cluster of clusterCidrs.get(ns) ?? []) {
          const c = cidrBlock(cluster);
          if (c && overlaps(block, c) && !excepted.some((e: Block) => e.prefix <= c.prefix && overlaps(e, c))) {
            found.push({ policy, tenant, other: 'pods of the cluster', reason: `${verb} ${peer.ipBlock.cidr}, which covers the cluster CIDR ${cluster} without excepting it` });
          }
        }
      }
    }
  }
  return found;
}

/** Whether a label selector matches a namespace's labels; matchExpressions (not evaluated) match everything. */
function selects(selector: Obj, labels: Record<string, string>): boolean {
  if (selector === null || typeof selector !== 'object') return true;
  if (Array.isArray(selector.matchExpressions) && selector.matchExpressions.length) return true;
  return Object.entries<string>(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}
