// Names that targets write and guards read: AWS tag keys, Docker label keys, the instance tenancy
// each VM tier promises. Neutral on purpose: no cdktf, no provider, so guards and targets both
// import it without importing each other.

/** AWS tag keys every workload resource carries. */
export const TAG = {
  tenant: 'isolation:tenant',
  service: 'isolation:service',
  tier: 'isolation:tier',
  pool: 'isolation:pool',
  /** `none` on a tenant security group without declared egress (the guards' ISO-AWS-013 holds it to that). */
  egress: 'isolation:egress',
  /** Marks an ingress rule from anywhere as declared public (the guards' ISO-AWS-004 admits only these). */
  publicPorts: 'isolation:public-ports',
};

/** Docker label keys, namespaced so they never collide with an image's own labels. */
export const LABEL = {
  /** The stack (as its Docker name prefix): stacks share an engine. */
  stack: 'cdktf-isolation.stack',
  tenant: 'cdktf-isolation.tenant',
  service: 'cdktf-isolation.service',
  tier: 'cdktf-isolation.tier',
  coTenancy: 'cdktf-isolation.co-tenancy',
  /** A shared network's DenseService group. */
  group: 'cdktf-isolation.group',
  replica: 'cdktf-isolation.replica',
};

/**
 * EC2 tenancies, weakest first: `host` is stricter than `dedicated`, which is stricter than `default`.
 * Source: EC2 RunInstances `Placement.Tenancy` (2026-11).
 */
export const TENANCY_ORDER: readonly string[] = ['default', 'dedicated', 'host'];

/**
 * The EC2 tenancy each VM tier's instances run with (DESIGN.md tier table). The AWS tier table
 * realizes it; the guards' ISO-AWS-010 expects it, or a stricter one, of whatever carries the tier tag.
 * Keys are PlacementTier values.
 */
export const TIER_TENANCY: Readonly<Record<string, string>> = {
  'vm': 'default',
  'dedicated-vm': 'dedicated',
  'dedicated-host': 'host',
};

/** The tenancies an instance of `tier` may run with (its own or a stricter one); undefined when the tier runs no instances. */
export function tenanciesAllowed(tier: string): string[] | undefined {
  const tenancy = TIER_TENANCY[tier];
  return tenancy === undefined ? undefined : TENANCY_ORDER.slice(TENANCY_ORDER.indexOf(tenancy));
}

/**
 * Kubernetes label and annotation keys (a DNS-subdomain prefix of our own, as the API expects of
 * labels not set by Kubernetes itself). Every object the Kubernetes target writes carries the stack,
 * and the tenant or service and tier where it belongs to one.
 */
export const KUBE_LABEL = {
  stack: 'cdktf-isolation/stack',
  tenant: 'cdktf-isolation/tenant',
  service: 'cdktf-isolation/service',
  tier: 'cdktf-isolation/tier',
  coTenancy: 'cdktf-isolation/co-tenancy',
  /** The Deployment a pod belongs to: selectors match on it. */
  workload: 'cdktf-isolation/workload',
  managedBy: 'app.kubernetes.io/managed-by',
  /** Set by Kubernetes on every namespace (1.22+): what namespace selectors can rely on. */
  namespaceName: 'kubernetes.io/metadata.name',
  /** Annotation on a tenant namespace: the cluster's pod and service CIDRs its policies except (the cross-tenant check reads it). */
  clusterCidrs: 'cdktf-isolation/cluster-cidrs',
};

/**
 * The IMDSv2 PUT response hop limit of a VM tier's instances: 2, so the one container the instance runs
 * (the workload) reaches the instance role across Docker's bridge (EC2 User Guide, "Configure the
 * Instance Metadata Service options": in a container environment a hop limit of 1 does not reach the
 * container; checked 2026-12). Everything else keeps 1; the guards' ISO-AWS-001 holds both.
 */
export const VM_METADATA_HOP_LIMIT = 2;
