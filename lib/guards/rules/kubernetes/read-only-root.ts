import { containersOf, named, podRule } from './manifest';

/** A writable root filesystem lets an intruder change the image's binaries and keep tools around. */
export const K8S_READ_ONLY_ROOT = podRule({
  id: 'ISO-K8S-005',
  title: 'Containers have a read-only root filesystem',
  equivalent: 'KICS a9c2f49d-0671-4fc9-9ece-f4e261e128d0; kube-bench (CIS 1.10) 5.7.3; no Pod Security control',
  fix: 'set securityContext.readOnlyRootFilesystem to true and mount an emptyDir where the workload writes (the library mounts one at /tmp).',
}, (spec) => containersOf(spec).filter((c) => c.securityContext?.readOnlyRootFilesystem !== true).map((c) => `${named(c)} has a writable root filesystem`));
