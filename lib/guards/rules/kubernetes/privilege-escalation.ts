import { containersOf, named, podRule } from './manifest';

/** setuid binaries and file capabilities can raise a process above its parent unless no_new_privs is set. */
export const K8S_NO_PRIVILEGE_ESCALATION = podRule({
  id: 'ISO-K8S-006',
  title: 'Containers cannot escalate privileges',
  equivalent: 'Pod Security restricted "Privilege Escalation"; kube-bench (CIS 1.10) 5.2.6; KICS 5572cc5e-1e4c-4113-92a6-7a8a3bd25e6d',
  fix: 'set securityContext.allowPrivilegeEscalation to false (unset means true).',
}, (spec) => containersOf(spec).filter((c) => c.securityContext?.allowPrivilegeEscalation !== false).map((c) => `${named(c)} may escalate privileges`));
