import { Config } from '../../rule';
import { containersOf, named, podRule } from './manifest';

const SECCOMP = ['RuntimeDefault', 'Localhost'];

/** Pod Security restricted: runAsNonRoot, and a seccomp profile (the runtime's default or a local one). */
export const K8S_NON_ROOT_SECCOMP = podRule({
  id: 'ISO-K8S-008',
  title: 'Pods run as non-root with a seccomp profile',
  equivalent: 'Pod Security restricted "Running as Non-root" and "Seccomp"; kube-bench (CIS 1.10) 5.2.7, 5.7.2; KICS cf34805e-3872-4c08-bf92-6ff7bb0cfadb, '
    + 'f377b83e-bd07-4f48-a591-60c82b14a78b',
  fix: 'set securityContext.runAsNonRoot to true with a non-zero runAsUser, and seccompProfile.type to RuntimeDefault, on the pod (the library\'s defaults).',
}, (spec) => {
  const pod: Config = spec.securityContext ?? {};
  return containersOf(spec).flatMap((c) => {
    const own: Config = c.securityContext ?? {};
    const out: string[] = [];
    const nonRoot = own.runAsNonRoot ?? pod.runAsNonRoot;
    const user = own.runAsUser ?? pod.runAsUser;
    if (nonRoot !== true || user === 0) out.push(`${named(c)} may run as root`);
    const seccomp = own.seccompProfile?.type ?? pod.seccompProfile?.type;
    if (!SECCOMP.includes(seccomp)) out.push(`${named(c)} has no seccomp profile`);
    return out;
  });
});
