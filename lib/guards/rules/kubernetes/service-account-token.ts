import { podRule } from './manifest';

/** A mounted API token lets a compromised pod talk to the API server as its ServiceAccount. */
export const K8S_NO_SERVICE_ACCOUNT_TOKEN = podRule({
  id: 'ISO-K8S-009',
  title: 'Pods mount no ServiceAccount token',
  equivalent: 'kube-bench (CIS 1.10) 5.1.6; KICS 48471392-d4d0-47c0-b135-cdec95eb3eef',
  fix: 'set automountServiceAccountToken to false on the pod (and its ServiceAccount); give a token only to a workload that calls the API, with a Role of its own.',
}, (spec) => (spec.automountServiceAccountToken === false ? [] : ['the pod mounts its ServiceAccount token']));
