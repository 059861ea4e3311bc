import { KUBE_LABEL } from '../../../labels';
import { GuardRule } from '../../rule';
import { K8S_TYPES, manifestOf } from './manifest';

/** Pod Security Admission enforces `restricted` in every tenant namespace, so no pod weaker than the library's is admitted. */
export const K8S_TENANT_POD_SECURITY: GuardRule = {
  id: 'ISO-K8S-011',
  title: 'Every tenant namespace enforces Pod Security restricted',
  equivalent: 'Pod Security Admission (pod-security.kubernetes.io/enforce: restricted); kube-bench (CIS 1.10) 5.2.1',
  resourceTypes: K8S_TYPES,
  fix: 'label the namespace pod-security.kubernetes.io/enforce: restricted (with enforce-version), as the library does.',
  check: (config) => {
    const o = manifestOf(config);
    if (o?.kind !== 'Namespace' || o.metadata?.labels?.[KUBE_LABEL.tenant] === undefined) return undefined;
    const level = o.metadata.labels['pod-security.kubernetes.io/enforce'];
    return level === 'restricted' ? undefined : `tenant namespace '${String(o.metadata.name)}' enforces Pod Security ${level === undefined ? 'nothing' : `'${String(level)}'`}, not 'restricted'.`;
  },
};
