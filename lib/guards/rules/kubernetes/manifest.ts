import { Config, GuardRule, sentence } from '../../rule';

/** The Terraform type of a Kubernetes object (GITOPS objects are checked as the same type). */
export const K8S_TYPES = ['kubernetes_manifest'];

/** Where each workload kind keeps its pod template's spec. */
const POD_SPEC_PATH: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The object of a `kubernetes_manifest` resource (or GitOps object), if it is one. */
export function manifestOf(config: Config): Config | undefined {
  const m = config.manifest;
  return m !== null && typeof m === 'object' && !Array.isArray(m) ? m : undefined;
}

/** The pod spec of a workload object; undefined for other kinds. */
export function podSpecOf(manifest: Config | undefined): Config | undefined {
  const path = manifest ? POD_SPEC_PATH[manifest.kind] : undefined;
  if (!path) return undefined;
  let at: any = manifest;
  for (const key of path) at = at?.[key];
  return at !== null && typeof at === 'object' ? at : {};
}

/** Every container of a pod spec, init and ephemeral ones included, with its name for messages. */
export function containersOf(spec: Config): Config[] {
  return ['initContainers', 'containers', 'ephemeralContainers'].flatMap((k) => (Array.isArray(spec[k]) ? spec[k] : []))
    .filter((c): c is Config => c !== null && typeof c === 'object');
}

/** `container 'web'` for messages. */
export function named(c: Config): string {
  return `container '${String(c.name ?? '?')}'`;
}

/** A rule over the pod spec of every workload object: `problems` lists what is wrong, empty when it passes. */
export function podRule(rule: Omit<GuardRule, 'resourceTypes' | 'check' | 'checkStack'>,
  problems: (spec: Config, manifest: Config) => string[]): GuardRule {
  return {
    ...rule,
    resourceTypes: K8S_TYPES,
    check: (config) => {
      const manifest = manifestOf(config);
      const spec = podSpecOf(manifest);
      return spec === undefined ? undefined : sentence(problems(spec, manifest!));
    },
  };
}
