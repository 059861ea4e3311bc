// Helpers for the Kubernetes target's tests: stacks, the objects of both deliveries, and the offline
// checks every written object must pass (the OpenAPI schema through kubernetes-models 4.5, which
// accepts any name, so names, label keys and values and RuntimeClass references are checked here).
import * as fs from 'fs';
import * as path from 'path';
import { App, Testing, TerraformStack } from 'cdktf';
import { parseAllDocuments } from 'yaml';
import { KubernetesDelivery, KubernetesRuntimeClasses, KubernetesTarget, KubernetesTargetProps } from '../../lib';
import { isDnsLabel, isDnsSubdomain, isLabelKey, isLabelValue } from '../../lib/targets/kubernetes/names';

export { refusal } from '../support';

export type Obj = Record<string, any>;

/** gVisor and Kata as a cluster with labelled sandbox nodes declares them. */
export const RUNTIME_CLASSES: KubernetesRuntimeClasses = {
  gvisor: { name: 'gvisor', handler: 'runsc', nodeSelector: { 'sandbox.example.com/gvisor': 'true' } },
  kata: {
    name: 'kata-qemu', nodeSelector: { 'katacontainers.io/kata-runtime': 'true' },
    tolerations: [{ key: 'sandbox.example.com/kata', operator: 'Exists', effect: 'NoSchedule' }], overhead: { cpu: 0.25, memoryMiB: 160 },
  },
};
export const CLUSTER_CIDRS = ['10.244.0.0/16', '10.96.0.0/12'];

/** A fresh stack with a KubernetesTarget in it. */
export function k8sStack(props: KubernetesTargetProps = { runtimeClasses: RUNTIME_CLASSES, clusterCidrs: CLUSTER_CIDRS }, id = 'stack'):
{ app: App; stack: TerraformStack; target: KubernetesTarget } {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  const target = new KubernetesTarget(stack, 'k8s', props);
  return { app, stack, target };
}

/** The `kubernetes_manifest` resources of a synthesized stack, by Terraform name. */
export function manifests(json: Obj): Record<string, Obj> {
  return Object.fromEntries(Object.entries<Obj>(json.resource?.kubernetes_manifest ?? {}).map(([name, r]) => [name, r.manifest]));
}

/** Synthesizes the app (which writes GitOps files) and returns the target's files by name. */
export function gitopsFiles(app: App, stack: TerraformStack, targetId = 'k8s'): Record<string, string> {
  app.synth();
  const dir = path.join(app.outdir, 'stacks', stack.node.id, 'kubernetes', targetId);
  return Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

/** The objects of GitOps files (the kustomization excluded), by file. */
export function gitopsObjects(files: Record<string, string>): Record<string, Obj[]> {
  return Object.fromEntries(Object.entries(files).filter(([f]) => f !== 'kustomization.yaml')
    .map(([f, text]) => [f, parseAllDocuments(text).map((d) => d.toJS() as Obj)]));
}

/** The kubernetes-models class of an object's apiVersion and kind (CommonJS, loaded on demand). */
function modelOf(o: Obj): new (data: Obj) => { validate(): void } {
  const group = o.apiVersion === 'v1' ? 'v1' : o.apiVersion;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`kubernetes-models/${group}/${o.kind}`)[o.kind];
}

/**
 * Every problem of one object, empty when it passes: the Kubernetes OpenAPI schema, then what the
 * schema does not check (names, namespaces, label keys and values, port names).
 */
export function objectProblems(o: Obj): string[] {
  const problems: string[] = [];
  const at = `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
  try {
    new (modelOf(o))(o).validate();
  } catch (e) {
    problems.push(`${at}: schema: ${(e as Error).message}`);
  }
  const nameOk = o.kind === 'RuntimeClass' ? isDnsSubdomain(o.metadata?.name) : isDnsLabel(o.metadata?.name);
  if (!nameOk) problems.push(`${at}: name is not a DNS-1123 ${o.kind === 'RuntimeClass' ? 'subdomain' : 'label'}`);
  if (o.metadata?.namespace !== undefined && !isDnsLabel(o.metadata.namespace)) problems.push(`${at}: namespace is not a DNS-1123 label`);
  const labelMaps: Obj[] = [o.metadata?.labels ?? {}, o.spec?.template?.metadata?.labels ?? {}, o.spec?.selector?.matchLabels ?? {},
    o.kind === 'Service' ? o.spec?.selector ?? {} : {}, o.scheduling?.nodeSelector ?? {}];
  for (const labels of labelMaps) {
    for (const [k, v] of Object.entries(labels)) {
      if (typeof v !== 'string') continue;
      if (!isLabelKey(k)) problems.push(`${at}: label key ${k}`);
      if (!isLabelValue(v)) problems.push(`${at}: label value ${v}`);
    }
  }
  for (const p of [...(o.spec?.ports ?? []), ...(o.spec?.template?.spec?.containers ?? []).flatMap((c: Obj) => c.ports ?? [])]) {
    // IANA_SVC_NAME: at most 15 of [a-z0-9-], at least one letter, no '-' at either end.
    if (p.name !== undefined && !(p.name.length <= 15 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(p.name) && /[a-z]/.test(p.name))) problems.push(`${at}: port name ${p.name}`);
  }
  return problems;
}

/** Every problem of a set of objects, with the pods' RuntimeClass references held to the declared names. */
export function objectsProblems(objects: readonly Obj[], runtimeClassNames: readonly string[]): string[] {
  const problems = objects.flatMap(objectProblems);
  for (const o of objects) {
    const rc = o.spec?.template?.spec?.runtimeClassName;
    if (rc !== undefined && !runtimeClassNames.includes(rc)) problems.push(`${o.kind}/${o.metadata?.name}: RuntimeClass ${rc} is not declared`);
  }
  return problems;
}

/** The declared RuntimeClass names of a target's props. */
export function declaredRuntimeClasses(props: KubernetesTargetProps): string[] {
  return [props.runtimeClasses?.gvisor?.name, props.runtimeClasses?.kata?.name].filter((n): n is string => n !== undefined);
}

export const GITOPS = KubernetesDelivery.GITOPS;
