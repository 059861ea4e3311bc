import { crossTenantPolicies } from '../../../targets/kubernetes/cross-tenant';
import { GuardRule, RuleFinding } from '../../rule';
import { kubernetesObjects } from '../kubernetes/objects';

/** No NetworkPolicy in a tenant's namespace admits or reaches another tenant's pods (by namespace selector, or by an ipBlock over the cluster's pod CIDRs). */
export const NO_CROSS_TENANT_NETWORK_POLICY: GuardRule = {
  id: 'ISO-TEN-003',
  title: 'No NetworkPolicy opens a path between two tenants\' namespaces',
  equivalent: 'no scanner equivalent (a path between namespaces is allowed by every scanner that sees one namespace at a time)',
  resourceTypes: ['kubernetes_manifest'],
  fix: 'select only the namespace\'s own pods, kube-system\'s DNS, or addresses outside the cluster (except the cluster CIDRs from every ipBlock).',
  checkStack: (resources) => {
    const objects = kubernetesObjects(resources);
    const byPolicy = new Map(objects.filter(({ object: o }) => o.kind === 'NetworkPolicy')
      .map(({ resource, object: o }) => [`${String(o.metadata?.namespace)}/${String(o.metadata?.name)}`, resource]));
    return crossTenantPolicies(objects.map((o) => o.object)).map((c): RuleFinding => ({
      resource: byPolicy.get(c.policy)!, problem: `it belongs to tenant '${c.tenant}' and ${c.reason}: ${c.other}.`,
    }));
  },
};
