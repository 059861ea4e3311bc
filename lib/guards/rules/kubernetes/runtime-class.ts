import { KUBE_LABEL } from '../../../labels';
import { GuardRule, RuleFinding } from '../../rule';
import { K8S_TYPES, podSpecOf } from './manifest';
import { kubernetesObjects } from './objects';

/** Tiers whose isolation comes from a sandbox RuntimeClass: a pod of these tiers without one runs on runc, below its boundary. */
const SANDBOX_TIERS = ['sandboxed-container', 'microvm-container'];

/** A tenant's pods carry the RuntimeClass their tier requires (and, where the RuntimeClass is in the stack, one written for that tier). */
export const K8S_TIER_RUNTIME_CLASS: GuardRule = {
  id: 'ISO-K8S-012',
  title: 'Pods of a sandboxed or microVM tier name the RuntimeClass of that tier',
  equivalent: 'no scanner equivalent (the library\'s tier boundary); Pod Security has none',
  resourceTypes: K8S_TYPES,
  fix: 'set runtimeClassName to the gVisor (sandboxed-container) or Kata (microvm-container) RuntimeClass the target declares.',
  checkStack: (resources) => {
    const objects = kubernetesObjects(resources);
    const classTier = new Map<string, string | undefined>(objects.filter(({ object: o }) => o.kind === 'RuntimeClass')
      .map(({ object: o }) => [String(o.metadata?.name), o.metadata?.labels?.[KUBE_LABEL.tier]]));
    const findings: RuleFinding[] = [];
    for (const { resource, object } of objects) {
      const spec = podSpecOf(object);
      const tier = object.spec?.template?.metadata?.labels?.[KUBE_LABEL.tier] ?? object.metadata?.labels?.[KUBE_LABEL.tier];
      if (spec === undefined || !SANDBOX_TIERS.includes(tier)) continue;
      const rc = spec.runtimeClassName;
      if (typeof rc !== 'string' || rc === '') {
        findings.push({ resource, problem: `its pods are of tier ${String(tier)} but name no RuntimeClass, so they run on runc.` });
      } else if (classTier.has(rc) && classTier.get(rc) !== tier) {
        findings.push({ resource, problem: `its pods are of tier ${String(tier)} but use RuntimeClass '${rc}', written for ${String(classTier.get(rc))}.` });
      }
    }
    return findings;
  },
};
