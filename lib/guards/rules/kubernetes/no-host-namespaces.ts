import { podRule } from './manifest';

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'];

/** The node's network, process or IPC namespace removes the pod's boundary there. */
export const K8S_NO_HOST_NAMESPACES = podRule({
  id: 'ISO-K8S-002',
  title: 'Pods use no host network, PID or IPC namespace',
  equivalent: 'Pod Security baseline "Host Namespaces"; kube-bench (CIS 1.10) 5.2.3, 5.2.4, 5.2.5; KICS 302736f4-b16c-41b8-befe-c0baffa0bd9d, '
    + 'cd290efd-6c82-4e9d-a698-be12ae31d536, 6b6bdfb3-c3ae-44cb-88e4-7405c1ba2c8a',
  fix: 'remove hostNetwork, hostPID and hostIPC (or set them false): the pod keeps namespaces of its own.',
}, (spec) => HOST_NAMESPACES.filter((k) => spec[k] === true).map((k) => `${k} is true`));
