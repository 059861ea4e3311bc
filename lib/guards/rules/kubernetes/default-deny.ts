import { KUBE_LABEL } from '../../../labels';
import { GuardRule, RuleFinding } from '../../rule';
import { K8S_TYPES } from './manifest';
import { kubernetesObjects } from './objects';

/** A tenant namespace without a policy that selects every pod and allows nothing is open to the whole cluster. */
export const K8S_TENANT_DEFAULT_DENY: GuardRule = {
  id: 'ISO-K8S-010',
  title: 'Every tenant namespace has a default-deny NetworkPolicy for ingress and egress',
  equivalent: 'kube-bench (CIS 1.10) 5.3.2; KICS 0401f71b-9c1e-4821-ab15-a955caa621be',
  resourceTypes: K8S_TYPES,
  fix: 'add a NetworkPolicy in the namespace with podSelector {}, policyTypes [Ingress, Egress] and no rules (the library writes `default-deny`).',
  checkStack: (resources) => {
    const objects = kubernetesObjects(resources);
    const denying = new Set(objects.filter(({ object: o }) => o.kind === 'NetworkPolicy' && denyAll(o.spec)).map(({ object: o }) => o.metadata?.namespace));
    const findings: RuleFinding[] = [];
    for (const { resource, object } of objects) {
      if (object.kind !== 'Namespace' || object.metadata?.labels?.[KUBE_LABEL.tenant] === undefined) continue;
      if (!denying.has(object.metadata.name)) {
        findings.push({ resource, problem: `tenant namespace '${String(object.metadata.name)}' has no NetworkPolicy denying all ingress and egress by default.` });
      }
    }
    return findings;
  },
};

function denyAll(spec: any): boolean {
  const types: unknown[] = Array.isArray(spec?.policyTypes) ? spec.policyTypes : [];
  const selector = spec?.podSelector ?? {};
  const selectsAll = Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
  return selectsAll && types.includes('Ingress') && types.includes('Egress') && !(spec.ingress?.length) && !(spec.egress?.length);
}
