import { containersOf, named, podRule } from './manifest';

/** A privileged container holds every capability and device of its node: root on the node. */
export const K8S_NOT_PRIVILEGED = podRule({
  id: 'ISO-K8S-001',
  title: 'Containers are not privileged',
  equivalent: 'Pod Security baseline "Privileged Containers"; kube-bench (CIS 1.10) 5.2.2; KICS dd29336b-fe57-445b-a26e-e6aa867ae609',
  fix: 'set securityContext.privileged to false (the library\'s default) and add back only the capability the workload needs.',
}, (spec) => containersOf(spec).filter((c) => c.securityContext?.privileged === true).map((c) => `${named(c)} is privileged`));
