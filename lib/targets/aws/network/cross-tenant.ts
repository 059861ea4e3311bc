import { overlaps, parseCidr } from './cidr-pool';
import { TAG } from '../../../labels';

// A check over a whole synthesized stack (cdk.tf.json): no security group rule admits one tenant's
// traffic to another tenant. Groups belong to the tenant of their `isolation:tenant` tag (the tenant's
// own group and its load balancer's). A rule is a violation when it
// - references a group of another tenant (ingress source or egress destination), or
// - admits (ingress), by CIDR, addresses of a VPC that holds another tenant's group (the shared
//   network). Egress by CIDR opens nothing by itself: the other tenant's ingress would have to admit it.
//   Ingress from 0.0.0.0/0 marked declared-public (an internet-facing load balancer) is the internet's,
//   other tenants included, by the tenant's own declaration.
// Pure, so it runs over the stacks of tests, examples and users' own hand-added rules alike.

type Body = Record<string, any>;

const REF = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z_]+\}$/;

function ref(value: unknown): string | undefined {
  const m = typeof value === 'string' ? REF.exec(value) : null;
  return m ? m[1] : undefined;
}

/** One rule that opens a path between two tenants. */
export interface CrossTenantRule {
  /** The rule's `type.name`. */
  readonly rule: string;
  /** The tenant whose group the rule belongs to. */
  readonly tenant: string;
  /** The other tenant it admits or reaches. */
  readonly other: string;
  readonly reason: string;
}

/** The rules of a stack that admit one tenant's traffic to another (empty when tenants are apart). */
export function crossTenantRules(stackJson: any): CrossTenantRule[] {
  const resources: Record<string, Record<string, Body>> = stackJson?.resource ?? {};
  const groups = new Map<string, { tenant?: string; vpc?: string }>();
  for (const [name, body] of Object.entries(resources.aws_security_group ?? {})) {
    groups.set(`aws_security_group.${name}`, { tenant: body.tags?.['isolation:tenant'], vpc: ref(body.vpc_id) });
  }
  const vpcCidr = new Map<string, string>(Object.entries(resources.aws_vpc ?? {}).map(([name, b]) => [`aws_vpc.${name}`, String(b.cidr_block)]));
  // Tenants with a group in each VPC.
  const tenantsIn = new Map<string, Set<string>>();
  for (const g of groups.values()) {
    if (g.tenant && g.vpc) tenantsIn.set(g.vpc, (tenantsIn.get(g.vpc) ?? new Set()).add(g.tenant));
  }

  const rules: Array<{ rule: string; group?: string; peer?: string; cidr?: unknown; inbound: boolean }> = [];
  for (const [type, inbound] of [['aws_vpc_security_group_ingress_rule', true], ['aws_vpc_security_group_egress_rule', false]] as const) {
    for (const [name, b] of Object.entries(resources[type] ?? {})) {
      const declaredPublic = b.cidr_ipv4 === '0.0.0.0/0' && b.tags?.[TAG.publicPorts] !== undefined;
      rules.push({ rule: `${type}.${name}`, group: ref(b.security_group_id), peer: ref(b.referenced_security_group_id), cidr: declaredPublic ? undefined : b.cidr_ipv4, inbound });
    }
  }
  for (const [name, b] of Object.entries(resources.aws_security_group_rule ?? {})) {
    for (const cidr of b.cidr_blocks ?? [undefined]) {
      rules.push({ rule: `aws_security_group_rule.${name}`, group: ref(b.security_group_id), peer: ref(b.source_security_group_id), cidr, inbound: b.type === 'ingress' });
    }
  }
  for (const [name, b] of Object.entries(resources.aws_security_group ?? {})) {
    const group = `aws_security_group.${name}`;
    for (const [field, inbound] of [['ingress', true], ['egress', false]] as const) {
      for (const block of (b[field] ?? []) as Body[]) {
        for (const peer of block.security_groups ?? []) rules.push({ rule: group, group, peer: ref(peer), inbound });
        for (const cidr of block.cidr_blocks ?? []) rules.push({ rule: group, group, cidr, inbound });
      }
    }
  }

  const found: CrossTenantRule[] = [];
  for (const r of rules) {
    const owner = r.group ? groups.get(r.group) : undefined;
    const tenant = owner?.tenant;
    if (!tenant) continue;
    const peerTenant = r.peer ? groups.get(r.peer)?.tenant : undefined;
    if (peerTenant && peerTenant !== tenant) {
      found.push({ rule: r.rule, tenant, other: peerTenant, reason: `references ${r.peer}, a group of tenant ${peerTenant}` });
    }
    const cidr = owner.vpc ? vpcCidr.get(owner.vpc) : undefined;
    if (r.inbound && typeof r.cidr === 'string' && cidr && /^\d/.test(cidr)) {
      const others = [...(tenantsIn.get(owner.vpc!) ?? [])].filter((t) => t !== tenant);
      if (others.length && overlaps(parseCidr(r.rule, r.cidr), parseCidr(owner.vpc!, cidr))) {
        found.push({ rule: r.rule, tenant, other: others.sort().join(', '), reason: `admits ${r.cidr}, which overlaps ${cidr} of ${owner.vpc}, where other tenants run` });
      }
    }
  }
  return found;
}
