// One workload's objects: a Deployment of hardened pods (requests = limits, Pod Security `restricted`,
// read-only root with an emptyDir /tmp, its tier's scheduling), a Service for its ports, a
// PodDisruptionBudget when more than one pod runs, and a HorizontalPodAutoscaler for autoscaling.
import { KUBE_LABEL } from '../../labels';
import { shown } from '../../needs/show';
import { HealthCheck, WorkloadSpec } from '../../needs/workload';
import { PlacementError } from '../../placement-error';
import { AutoscalingOptions } from '../target';
import { ROLLING_UPDATE_SURGE } from './boundary';
import { isDnsSubdomain } from './names';
import {
  Container, Deployment, EnvVar, HorizontalPodAutoscaler, PodDisruptionBudget, Probe, Service, StringMap,
} from './objects';
import { cpuQuantity, memoryQuantity, millicores, PodSize } from './quantities';
import { PodScheduling } from './tiers';

/**
 * The only capability Pod Security `restricted` lets a container add back (Pod Security Standards,
 * "Capabilities (v1.22+)": drop ALL, add only NET_BIND_SERVICE; checked 2026-12).
 */
export const RESTRICTED_ADDABLE_CAPABILITIES: readonly string[] = ['NET_BIND_SERVICE'];
/** The non-root user pods run as unless the target says otherwise (distroless's `nonroot`). */
export const DEFAULT_RUN_AS_USER = 65532;
/** The writable scratch space of the read-only root, as Docker's tmpfs (64 MiB). */
export const TMP_SIZE = '64Mi';
const CONTAINER = 'workload';
const TMP_VOLUME = 'tmp';
// A Secret reference: `<secret name>/<key>`, the Secret in the workload's namespace (a DNS subdomain; a key of [-._a-zA-Z0-9]).
const SECRET_KEY = /^[-._a-zA-Z0-9]{1,253}$/;
const HEALTH_DEFAULTS = { intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 0 };

/** What the builders need of one workload. */
export interface WorkloadObjectsInput {
  readonly where: string;
  /** Deployment, Service, ServiceAccount, PDB and HPA name: the tenant id or service name. */
  readonly name: string;
  readonly namespace: string;
  readonly labels: StringMap;
  readonly workload: WorkloadSpec;
  readonly pod: PodSize;
  readonly scheduling: PodScheduling;
  readonly runAsUser: number;
  /** Ports the Service exposes and the container declares (the workload's and its ingress rules'). */
  readonly ports: readonly number[];
  readonly autoscaling?: AutoscalingOptions;
}

/** One pod's size from the workload, refusing what would not serialize to an exact quantity. */
export function podSize(where: string, workload: WorkloadSpec): PodSize {
  return { milli: millicores(where, 'workload.cpu', workload.cpu), mib: workload.memoryMiB };
}

/** Refuses what Pod Security `restricted` or a cluster would refuse of a workload, naming the fix. */
export function checkWorkloadForCluster(where: string, workload: WorkloadSpec, autoscaling: AutoscalingOptions | undefined): void {
  for (const cap of workload.capabilities ?? []) {
    if (!RESTRICTED_ADDABLE_CAPABILITIES.includes(cap)) {
      throw new PlacementError(where, `workload.capabilities adds ${cap}, and the namespace enforces Pod Security 'restricted', which admits only `
        + `${RESTRICTED_ADDABLE_CAPABILITIES.join(', ')} to be added: the pods would be refused at admission.`,
      `remove ${cap} (run the image as a non-root user that does not need it), or use another target for this workload.`);
    }
  }
  for (const [name, ref] of Object.entries(workload.secrets ?? {})) secretRef(where, name, ref);
  if (autoscaling !== undefined && autoscaling.minReplicas < 1) {
    throw new PlacementError(where, `autoscaling.minReplicas ${shown(autoscaling.minReplicas)} is below 1, which a HorizontalPodAutoscaler refuses `
      + '(scaling to zero needs the HPAScaleToZero feature gate).', 'set autoscaling.minReplicas to 1 or more.');
  }
}

/** A `secret-name/key` reference, split; an ARN or anything else is refused with the Kubernetes form. */
function secretRef(where: string, variable: string, ref: string): { name: string; key: string } {
  const slash = ref.indexOf('/');
  const name = ref.slice(0, slash);
  const key = ref.slice(slash + 1);
  if (ref.startsWith('arn:') || slash < 0 || !isDnsSubdomain(name) || !SECRET_KEY.test(key)) {
    throw new PlacementError(where, `workload.secrets.${variable} is ${shown(ref)}${ref.startsWith('arn:') ? ', an AWS ARN, which a cluster cannot resolve' : ''}; `
      + 'on Kubernetes a secret is a reference to an existing Secret in the workload\'s namespace.',
    "write it as '<secret name>/<key>' (e.g. 'db-credentials/password') and create that Secret in the namespace (kubectl, External Secrets, "
      + 'Sealed Secrets); its value never enters the Terraform state or the GitOps files.');
  }
  return { name, key };
}

/** The pod's labels: the common ones and the workload's, which the Deployment selects on. */
export function podLabels(input: WorkloadObjectsInput): StringMap {
  return { ...input.labels, [KUBE_LABEL.workload]: input.name };
}

export function deploymentObject(input: WorkloadObjectsInput): Deployment {
  const w = input.workload;
  const selector = { [KUBE_LABEL.workload]: input.name };
  const s = input.scheduling;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: input.name, namespace: input.namespace, labels: input.labels },
    spec: {
      // An autoscaler owns the count; a replicas field would reset it on every apply.
      ...(input.autoscaling ? {} : { replicas: w.replicas ?? 1 }),
      selector: { matchLabels: selector },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: ROLLING_UPDATE_SURGE } },
      template: {
        metadata: { labels: podLabels(input) },
        spec: {
          serviceAccountName: input.name,
          automountServiceAccountToken: false,
          // No environment variables describing the namespace's other Services.
          enableServiceLinks: false,
          ...(s.runtimeClassName ? { runtimeClassName: s.runtimeClassName } : {}),
          ...(s.nodeSelector ? { nodeSelector: s.nodeSelector } : {}),
          ...(s.tolerations?.length ? { tolerations: s.tolerations } : {}),
          securityContext: { runAsNonRoot: true, runAsUser: input.runAsUser, runAsGroup: input.runAsUser, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [container(input)],
          volumes: [{ name: TMP_VOLUME, emptyDir: { sizeLimit: TMP_SIZE } }],
        },
      },
    },
  };
}

function container(input: WorkloadObjectsInput): Container {
  const w = input.workload;
  const size = { cpu: cpuQuantity(input.pod.milli), memory: memoryQuantity(input.pod.mib) };
  const env: EnvVar[] = [
    ...Object.entries(w.environment ?? {}).map(([name, value]) => ({ name, value })),
    ...Object.entries(w.secrets ?? {}).map(([name, ref]) => ({ name, valueFrom: { secretKeyRef: secretRef(input.where, name, ref) } })),
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const probe = healthProbe(w.healthCheck);
  return {
    name: CONTAINER,
    image: w.image,
    // The workload's command replaces the image's CMD, as on Docker and ECS (Kubernetes' `args`; `command` would replace the ENTRYPOINT).
    ...(w.command ? { args: w.command } : {}),
    ...(env.length ? { env } : {}),
    ...(input.ports.length ? { ports: input.ports.map((port) => ({ name: portName(port), containerPort: port, protocol: 'TCP' as const })) } : {}),
    resources: { requests: size, limits: size },
    securityContext: {
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'], ...(w.capabilities?.length ? { add: [...w.capabilities] } : {}) },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumeMounts: [{ name: TMP_VOLUME, mountPath: '/tmp' }],
    ...(probe ? { livenessProbe: probe, readinessProbe: probe } : {}),
  };
}

/** The workload's health check as an exec probe: CMD runs the command, CMD-SHELL runs it with /bin/sh -c. */
function healthProbe(check: HealthCheck | undefined): Probe | undefined {
  if (check === undefined) return undefined;
  const [form, ...rest] = check.command;
  return {
    exec: { command: form === 'CMD-SHELL' ? ['/bin/sh', '-c', rest.join(' ')] : rest },
    periodSeconds: check.intervalSeconds ?? HEALTH_DEFAULTS.intervalSeconds,
    timeoutSeconds: check.timeoutSeconds ?? HEALTH_DEFAULTS.timeoutSeconds,
    failureThreshold: check.retries ?? HEALTH_DEFAULTS.retries,
    initialDelaySeconds: check.startPeriodSeconds ?? HEALTH_DEFAULTS.startPeriodSeconds,
  };
}

/** A port name: an IANA_SVC_NAME (at most 15 characters, a letter): `tcp-<port>` is at most 9. */
function portName(port: number): string {
  return `tcp-${port}`;
}

export function serviceObject(input: WorkloadObjectsInput): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: input.name, namespace: input.namespace, labels: input.labels },
    spec: {
      type: 'ClusterIP',
      selector: { [KUBE_LABEL.workload]: input.name },
      ports: input.ports.map((port) => ({ name: portName(port), port, targetPort: port, protocol: 'TCP' as const })),
    },
  };
}

/** At most one pod away at a time for voluntary disruptions (node drains): only when more than one runs. */
export function disruptionBudgetObject(input: WorkloadObjectsInput): PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: input.name, namespace: input.namespace, labels: input.labels },
    spec: { maxUnavailable: 1, selector: { matchLabels: { [KUBE_LABEL.workload]: input.name } } },
  };
}

export function autoscalerObject(input: WorkloadObjectsInput, a: AutoscalingOptions): HorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: input.name, namespace: input.namespace, labels: input.labels },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: input.name },
      minReplicas: a.minReplicas,
      maxReplicas: a.maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: a.targetCpuPercent ?? 60 } } }],
    },
  };
}

/** Whether more than one pod runs at a time, so a disruption budget can keep one serving. */
export function runsSeveral(workload: WorkloadSpec, autoscaling: AutoscalingOptions | undefined): boolean {
  return autoscaling ? autoscaling.minReplicas > 1 : (workload.replicas ?? 1) > 1;
}
