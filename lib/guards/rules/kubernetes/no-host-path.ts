import { podRule } from './manifest';

/** A hostPath volume reaches the node's filesystem from the pod. */
export const K8S_NO_HOST_PATH = podRule({
  id: 'ISO-K8S-003',
  title: 'Pods mount no hostPath volume',
  equivalent: 'Pod Security baseline "HostPath Volumes"; kube-bench (CIS 1.10) 5.2.12; KICS aa8f7a35-9923-4cad-bd61-a19b7f6aac91',
  fix: 'remove the hostPath volume: use an emptyDir for scratch space, or a volume claim for data.',
}, (spec) => (Array.isArray(spec.volumes) ? spec.volumes : []).filter((v: any) => v?.hostPath !== undefined)
  .map((v: any) => `volume '${String(v.name)}' mounts the node's ${String(v.hostPath?.path ?? '?')}`));
