import { byAddress, referencedResources } from './references';
import { GuardRule, RuleFinding } from '../../rule';

/**
 * Nothing joins two tenants: a resource of tenant A that refers to a resource of tenant B, or any
 * resource (tagged or not, e.g. a security group rule) whose references reach two tenants.
 */
export const NO_CROSS_TENANT_REFERENCE: GuardRule = {
  id: 'ISO-TEN-002',
  title: 'No resource refers to resources of two tenants',
  resourceTypes: ['*'],
  fix: 'give each tenant its own copy of the resource, in the tenant\'s own construct; tenants share nothing that carries data or traffic.',
  checkStack: (resources) => {
    const index = byAddress(resources);
    const findings: RuleFinding[] = [];
    for (const r of resources) {
      const others = new Map<string, string>();
      for (const t of referencedResources(r.config, index)) {
        if (t.tenant !== undefined && t.tenant !== r.tenant && !others.has(t.tenant)) others.set(t.tenant, t.path);
      }
      const reached = r.tenant === undefined ? others.size : others.size + 1;
      if (reached < 2) continue;
      const refs = [...others].sort(([x], [y]) => x.localeCompare(y)).map(([tenant, path]) => `tenant '${tenant}' (${path})`).join(', ');
      findings.push({
        resource: r,
        problem: r.tenant !== undefined
          ? `it belongs to tenant '${r.tenant}' and refers to ${refs}.`
          : `it refers to resources of ${others.size} tenants: ${refs}.`,
      });
    }
    return findings;
  },
};
