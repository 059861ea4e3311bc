import { KUBE_LABEL } from '../../labels';
import { shown } from '../../needs/show';
import { PlacementTier } from '../../placement/boundary';
import { PlacementError } from '../../placement-error';
import { isLabelKey, isLabelValue, requireDnsLabel, requireDnsSubdomain, requireLabels } from './names';
import { ResourceList, RuntimeClass, StringMap, Toleration } from './objects';
import { cpuQuantity, memoryQuantity, millicores, PodSize } from './quantities';
import { KubernetesRuntimeClasses, KubernetesToleration, RuntimeClassOptions } from './tiers';

const OPERATORS = ['Equal', 'Exists'];
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
// Terraform's spelling of node group taint effects (aws_eks_node_group), refused with the pod spelling.
const TERRAFORM_EFFECTS: Record<string, string> = { NO_SCHEDULE: 'NoSchedule', PREFER_NO_SCHEDULE: 'PreferNoSchedule', NO_EXECUTE: 'NoExecute' };

/** Refuses runtimeClasses a cluster would refuse, or that would leave pods Pending or failing to start. */
export function checkRuntimeClasses(where: string, classes: unknown): KubernetesRuntimeClasses {
  if (classes === undefined || classes === null) return {};
  if (typeof classes !== 'object' || Array.isArray(classes)) {
    throw new PlacementError(where, `runtimeClasses must be an object, got ${shown(classes)}.`,
      "write it as runtimeClasses: { gvisor: { name: 'gvisor', handler: 'runsc', nodeSelector: { ... } } }.");
  }
  const given = classes as Record<string, unknown>;
  const unknown = Object.keys(given).filter((k) => k !== 'gvisor' && k !== 'kata');
  if (unknown.length) {
    throw new PlacementError(where, `runtimeClasses has ${unknown.map((k) => `'${k}'`).join(', ')}, which is not a sandbox this target knows.`,
      'declare gvisor and/or kata; runc needs no RuntimeClass.');
  }
  const out: { gvisor?: RuntimeClassOptions; kata?: RuntimeClassOptions } = {};
  for (const field of ['gvisor', 'kata'] as const) {
    if (given[field] !== undefined && given[field] !== null) out[field] = checkRuntimeClass(where, `runtimeClasses.${field}`, given[field]);
  }
  if (out.gvisor && out.kata && out.gvisor.name === out.kata.name) {
    throw new PlacementError(where, `runtimeClasses.gvisor and runtimeClasses.kata are both named '${out.gvisor.name}'.`,
      'give each sandbox the RuntimeClass name the cluster knows it by.');
  }
  return out;
}

function checkRuntimeClass(where: string, field: string, value: unknown): RuntimeClassOptions {
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new PlacementError(where, `${field} must be an object, got ${shown(value)}.`, `write it as ${field}: { name: '...', nodeSelector: { ... } }.`);
  }
  const rc = value as RuntimeClassOptions;
  const name = requireDnsSubdomain(where, `${field}.name`, rc.name, field.endsWith('gvisor') ? 'gvisor' : 'kata-qemu');
  const handler = requireDnsLabel(where, `${field}.handler`, rc.handler ?? name, field.endsWith('gvisor') ? 'runsc' : 'kata-qemu');
  if (handler === 'runc' || name === 'runc') {
    throw new PlacementError(where, `${field} names runc, which sandboxes nothing.`, `give the sandbox's RuntimeClass, or leave ${field} out.`);
  }
  if (rc.existing !== undefined && typeof rc.existing !== 'boolean') {
    throw new PlacementError(where, `${field}.existing must be true or false, got ${shown(rc.existing)}.`, 'set existing: true when the cluster already has the RuntimeClass.');
  }
  const scheduled = rc.nodeSelector !== undefined || rc.tolerations !== undefined;
  if (rc.existing === true && scheduled) {
    throw new PlacementError(where, `${field} is existing and also gives nodeSelector or tolerations, which could never take effect: `
      + 'the existing RuntimeClass keeps its own scheduling.', `drop nodeSelector and tolerations from ${field}, or drop existing to have the library write the RuntimeClass.`);
  }
  if (rc.existing !== true && rc.nodeSelector === undefined) {
    throw new PlacementError(where, `${field} declares the RuntimeClass '${name}' without scheduling and without saying it exists: its pods would `
      + `be placed on any node, and never start where handler '${handler}' is not installed.`,
    `give ${field}.nodeSelector (the labels of the nodes that have the runtime, e.g. { 'sandbox.example.com/${handler}': 'true' }), `
      + `or set ${field}.existing: true if the cluster already has the RuntimeClass.`);
  }
  const nodeSelector = rc.nodeSelector === undefined ? undefined : requireLabels(where, `${field}.nodeSelector`, rc.nodeSelector);
  if (nodeSelector !== undefined && Object.keys(nodeSelector).length === 0) {
    throw new PlacementError(where, `${field}.nodeSelector is empty, which selects every node.`, 'give the labels of the nodes that have the runtime.');
  }
  const tolerations = rc.tolerations === undefined ? undefined : checkTolerations(where, `${field}.tolerations`, rc.tolerations);
  if (rc.overhead !== undefined) overheadSize(where, `${field}.overhead`, rc);
  return { name, handler, existing: rc.existing === true, nodeSelector, tolerations, overhead: rc.overhead };
}

function checkTolerations(where: string, field: string, value: unknown): KubernetesToleration[] {
  if (!Array.isArray(value)) {
    throw new PlacementError(where, `${field} must be a list, got ${shown(value)}.`, `write it as ${field}: [{ key: 'sandbox', operator: 'Exists', effect: 'NoSchedule' }].`);
  }
  return value.map((t: KubernetesToleration, i) => {
    const at = `${field}[${i}]`;
    if (!t || typeof t !== 'object') throw new PlacementError(where, `${at} is ${shown(t)}, not a toleration.`, "write it as { key: 'sandbox', operator: 'Exists', effect: 'NoSchedule' }.");
    const operator = t.operator ?? 'Equal';
    if (!OPERATORS.includes(operator)) {
      throw new PlacementError(where, `${at}.operator ${shown(t.operator)} is not a toleration operator.`, "use 'Equal' or 'Exists'.");
    }
    if (t.key !== undefined && !isLabelKey(t.key)) {
      throw new PlacementError(where, `${at}.key ${shown(t.key)} is not a taint key.`, 'use a label key such as sandbox.example.com/runtime.');
    }
    if (t.key === undefined && operator !== 'Exists') {
      throw new PlacementError(where, `${at} has no key, which only operator Exists accepts (it then tolerates every taint).`, 'give the taint key, or set operator: \'Exists\'.');
    }
    if (operator === 'Exists' && t.value !== undefined) {
      throw new PlacementError(where, `${at} has operator Exists and a value, which Kubernetes refuses.`, "drop the value, or use operator 'Equal'.");
    }
    if (t.value !== undefined && !isLabelValue(t.value)) {
      throw new PlacementError(where, `${at}.value ${shown(t.value)} is not a taint value.`, "use at most 63 letters, digits, '-', '_' and '.'.");
    }
    if (t.effect !== undefined && !EFFECTS.includes(t.effect)) {
      const pod = TERRAFORM_EFFECTS[t.effect];
      throw new PlacementError(where, `${at}.effect ${shown(t.effect)} is not a pod toleration effect${pod ? ' (it is Terraform\'s spelling of a node group taint)' : ''}.`,
        pod ? `write '${pod}'.` : `use one of ${EFFECTS.map((e) => `'${e}'`).join(', ')}, or leave it out for every effect.`);
    }
    if (t.tolerationSeconds !== undefined && (t.effect !== 'NoExecute' || !Number.isInteger(t.tolerationSeconds) || t.tolerationSeconds < 0)) {
      throw new PlacementError(where, `${at}.tolerationSeconds ${shown(t.tolerationSeconds)} needs effect NoExecute and a whole number of seconds.`,
        "set effect: 'NoExecute' with a whole number of seconds, or leave tolerationSeconds out.");
    }
    return { key: t.key, operator, value: t.value, effect: t.effect, tolerationSeconds: t.tolerationSeconds };
  });
}

/** A RuntimeClass's overhead per pod, checked; zero when none is declared. */
export function overheadSize(where: string, field: string, rc: RuntimeClassOptions | undefined): PodSize {
  const o = rc?.overhead;
  if (o === undefined) return { milli: 0, mib: 0 };
  if (o === null || typeof o !== 'object') throw new PlacementError(where, `${field} must be an object, got ${shown(o)}.`, `write it as ${field}: { cpu: 0.25, memoryMiB: 160 }.`);
  const cpu = o.cpu ?? 0;
  const mib = o.memoryMiB ?? 0;
  if (typeof cpu !== 'number' || !Number.isFinite(cpu) || cpu < 0) {
    throw new PlacementError(where, `${field}.cpu must be a number of vCPUs of at least 0, got ${shown(o.cpu)}.`, 'e.g. 0.25.');
  }
  if (!Number.isInteger(mib) || mib < 0) {
    throw new PlacementError(where, `${field}.memoryMiB must be a whole number of MiB of at least 0, got ${shown(o.memoryMiB)}.`, 'e.g. 160.');
  }
  return { milli: millicores(where, `${field}.cpu`, cpu), mib };
}

/** The RuntimeClass object the target writes for a declared, non-existing class. */
export function runtimeClassObject(rc: RuntimeClassOptions, tier: PlacementTier, labels: StringMap): RuntimeClass {
  const overhead = overheadSize('RuntimeClass', rc.name, rc);
  const podFixed: ResourceList = {};
  if (overhead.milli > 0) podFixed.cpu = cpuQuantity(overhead.milli);
  if (overhead.mib > 0) podFixed.memory = memoryQuantity(overhead.mib);
  const tolerations: Toleration[] | undefined = rc.tolerations?.map((t) => withoutUndefined({
    key: t.key, operator: t.operator as Toleration['operator'], value: t.value, effect: t.effect as Toleration['effect'], tolerationSeconds: t.tolerationSeconds,
  }));
  return {
    apiVersion: 'node.k8s.io/v1',
    kind: 'RuntimeClass',
    metadata: { name: rc.name, labels: { ...labels, [KUBE_LABEL.tier]: tier } },
    handler: rc.handler ?? rc.name,
    scheduling: { nodeSelector: rc.nodeSelector, ...(tolerations?.length ? { tolerations } : {}) },
    ...(Object.keys(podFixed).length ? { overhead: { podFixed } } : {}),
  };
}

/** The object without its undefined fields (YAML and Terraform would otherwise write them as null). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
