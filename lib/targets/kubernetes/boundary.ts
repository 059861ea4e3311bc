// A namespace as a tenant boundary (and as the shared home of one co-tenancy group of DenseServices):
// the Namespace with Pod Security Admission `restricted` enforced, audited and warned at a pinned
// version; the ServiceAccount its pods run as, with no token mounted; and a ResourceQuota and
// LimitRange sized from what runs there, so nothing else fits. NetworkPolicies: network-policies.ts.
import { KUBE_LABEL } from '../../labels';
import { LimitRange, Namespace, ResourceQuota, ServiceAccount, StringMap } from './objects';
import { cpuQuantity, memoryQuantity, PodSize } from './quantities';

/**
 * Extra pods a namespace's quota admits per workload: a Deployment's rolling update (maxSurge 1,
 * maxUnavailable 0) starts one new pod before it stops an old one, so at the peak of an update a
 * workload runs its replicas plus one. Nothing else is added: the quota is the workload's size.
 */
export const ROLLING_UPDATE_SURGE = 1;

/** The Pod Security Standards profile every namespace enforces, and the modes it is set in. */
const PSA_LEVEL = 'restricted';
const PSA_MODES = ['enforce', 'audit', 'warn'];

/** One workload of a namespace, as its quota counts it. */
export interface QuotaMember {
  /** Requests (= limits) of one pod's container. */
  readonly pod: PodSize;
  /** The RuntimeClass overhead per pod, which the quota counts on top. */
  readonly overhead: PodSize;
  /** The most pods it runs at once outside an update: replicas, or the autoscaler's maximum. */
  readonly maxReplicas: number;
}

export function namespaceObject(name: string, labels: StringMap, podSecurityVersion: string, annotations: StringMap): Namespace {
  const psa: StringMap = {};
  for (const mode of PSA_MODES) {
    psa[`pod-security.kubernetes.io/${mode}`] = PSA_LEVEL;
    psa[`pod-security.kubernetes.io/${mode}-version`] = podSecurityVersion;
  }
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ...labels, ...psa }, ...(Object.keys(annotations).length ? { annotations } : {}) },
  };
}

/** The ServiceAccount a workload's pods run as: its own, without an API token mounted, bound to no role. */
export function serviceAccountObject(name: string, namespace: string, labels: StringMap): ServiceAccount {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace, labels }, automountServiceAccountToken: false };
}

/**
 * Sized from the members: pods = Σ (maxReplicas + surge); cpu and memory = Σ of that times the pod's
 * requests plus its RuntimeClass overhead (requests and limits alike: requests = limits). No Service
 * may be a LoadBalancer or NodePort, no volume claim may be made: a tenant is reached only through
 * its declared ingress.
 */
export function resourceQuotaObject(name: string, namespace: string, labels: StringMap, members: readonly QuotaMember[]): ResourceQuota {
  let pods = 0;
  let milli = 0;
  let mib = 0;
  for (const m of members) {
    const n = m.maxReplicas + ROLLING_UPDATE_SURGE;
    pods += n;
    milli += n * (m.pod.milli + m.overhead.milli);
    mib += n * (m.pod.mib + m.overhead.mib);
  }
  const cpu = cpuQuantity(milli);
  const memory = memoryQuantity(mib);
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name, namespace, labels },
    spec: {
      hard: {
        'pods': String(pods),
        'requests.cpu': cpu,
        'limits.cpu': cpu,
        'requests.memory': memory,
        'limits.memory': memory,
        'services': String(members.length),
        'services.loadbalancers': '0',
        'services.nodeports': '0',
        'persistentvolumeclaims': '0',
      },
    },
  };
}

/** No container larger than the namespace's largest workload; a container without resources gets that size. */
export function limitRangeObject(name: string, namespace: string, labels: StringMap, members: readonly QuotaMember[]): LimitRange {
  const milli = Math.max(...members.map((m) => m.pod.milli));
  const mib = Math.max(...members.map((m) => m.pod.mib));
  const size = { cpu: cpuQuantity(milli), memory: memoryQuantity(mib) };
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name, namespace, labels },
    spec: { limits: [{ type: 'Container', max: size, default: size, defaultRequest: size }] },
  };
}

/** The labels every object of a namespace carries. */
export function commonLabels(stack: string, extra: StringMap): StringMap {
  return { [KUBE_LABEL.managedBy]: 'cdktf-isolation', [KUBE_LABEL.stack]: stack, ...extra };
}
