import { containersOf, named, podRule } from './manifest';

/** Without limits one pod can take its node's CPU and memory from the others; requests = limits keeps it to what it reserved. */
export const K8S_LIMITS = podRule({
  id: 'ISO-K8S-004',
  title: 'Containers have CPU and memory limits equal to their requests',
  equivalent: 'KICS b14d1bc4-a208-45db-92f0-e21f8e2588e9 (memory limits), 4ac0e2b7-d2d2-4af7-8799-e8de6721ccda (CPU limits); no Pod Security control',
  fix: 'set resources.limits.cpu and .memory, and the same values as requests (Guaranteed QoS), as the library does from the workload\'s cpu and memoryMiB.',
}, (spec) => containersOf(spec).flatMap((c) => ['cpu', 'memory'].flatMap((r) => {
  const limit = c.resources?.limits?.[r];
  if (limit === undefined) return [`${named(c)} has no ${r} limit`];
  const request = c.resources?.requests?.[r];
  return request !== undefined && String(request) !== String(limit) ? [`${named(c)} requests ${String(request)} ${r} but is limited to ${String(limit)}`] : [];
})));
