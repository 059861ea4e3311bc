import { containersOf, named, podRule } from './manifest';

const ADDABLE = ['NET_BIND_SERVICE'];

/** Pod Security restricted: every capability dropped, only NET_BIND_SERVICE added back. */
export const K8S_CAPABILITIES = podRule({
  id: 'ISO-K8S-007',
  title: 'Containers drop ALL capabilities and add back at most NET_BIND_SERVICE',
  equivalent: 'Pod Security restricted "Capabilities"; kube-bench (CIS 1.10) 5.2.8, 5.2.9, 5.2.10; KICS 268ca686-7fb7-4ae9-b129-955a2a89064e',
  fix: 'set securityContext.capabilities.drop to ["ALL"] and add only NET_BIND_SERVICE, if the workload binds a port below 1024.',
}, (spec) => containersOf(spec).flatMap((c) => {
  const caps = c.securityContext?.capabilities ?? {};
  const out: string[] = [];
  if (!(Array.isArray(caps.drop) && caps.drop.includes('ALL'))) out.push(`${named(c)} does not drop ALL capabilities`);
  const added = (Array.isArray(caps.add) ? caps.add : []).filter((a: unknown) => !ADDABLE.includes(String(a)));
  if (added.length) out.push(`${named(c)} adds ${added.join(', ')}`);
  return out;
}));
