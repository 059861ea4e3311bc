// The Kubernetes objects the target writes, as plain typed data: one object model that both
// deliveries serialize unchanged (TERRAFORM as `kubernetes_manifest`, GITOPS as YAML). Only the fields
// the library writes are declared, with the API's own names, so a misspelled field in a builder does
// not compile; test/kubernetes/object-types.test.ts holds every interface here to kubernetes-models'
// types (no field the API lacks, every value assignable), and the tests validate every written object
// against the OpenAPI schema. Our own interfaces rather than kubernetes-models' keep the library's
// compiled declarations free of a package consumers would otherwise have to install.

/** Labels or annotations: keys and values as the API checks them (lib/targets/kubernetes/names.ts). */
export type StringMap = Record<string, string>;

export interface ObjectMeta {
  readonly name: string;
  /** Set on every namespaced object; absent on cluster-scoped ones (Namespace, RuntimeClass). */
  readonly namespace?: string;
  readonly labels?: StringMap;
  readonly annotations?: StringMap;
}

/** What every object has: the delivery and the guards read these. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
}

export interface Namespace extends KubeObject {
  readonly apiVersion: 'v1';
  readonly kind: 'Namespace';
}

export interface ServiceAccount extends KubeObject {
  readonly apiVersion: 'v1';
  readonly kind: 'ServiceAccount';
  readonly automountServiceAccountToken: boolean;
}

/** Quantities in canonical form: cpu in millicores (`250m`), memory in Mi (`512Mi`), counts as strings. */
export type ResourceList = StringMap;

export interface ResourceQuota extends KubeObject {
  readonly apiVersion: 'v1';
  readonly kind: 'ResourceQuota';
  readonly spec: { readonly hard: ResourceList };
}

export interface LimitRangeItem {
  readonly type: 'Container' | 'Pod';
  readonly max?: ResourceList;
  readonly default?: ResourceList;
  readonly defaultRequest?: ResourceList;
}

export interface LimitRange extends KubeObject {
  readonly apiVersion: 'v1';
  readonly kind: 'LimitRange';
  readonly spec: { readonly limits: LimitRangeItem[] };
}

export interface LabelSelector {
  readonly matchLabels?: StringMap;
}

export interface IpBlock {
  readonly cidr: string;
  readonly except?: string[];
}

export interface NetworkPolicyPeer {
  readonly ipBlock?: IpBlock;
  readonly namespaceSelector?: LabelSelector;
  readonly podSelector?: LabelSelector;
}

export interface NetworkPolicyPort {
  readonly protocol: 'TCP' | 'UDP';
  readonly port: number;
}

export interface NetworkPolicyIngressRule {
  readonly from?: NetworkPolicyPeer[];
  readonly ports?: NetworkPolicyPort[];
}

export interface NetworkPolicyEgressRule {
  readonly to?: NetworkPolicyPeer[];
  readonly ports?: NetworkPolicyPort[];
}

export interface NetworkPolicy extends KubeObject {
  readonly apiVersion: 'networking.k8s.io/v1';
  readonly kind: 'NetworkPolicy';
  readonly spec: {
    readonly podSelector: LabelSelector;
    readonly policyTypes: Array<'Ingress' | 'Egress'>;
    readonly ingress?: NetworkPolicyIngressRule[];
    readonly egress?: NetworkPolicyEgressRule[];
  };
}

export interface Toleration {
  readonly key?: string;
  readonly operator?: 'Exists' | 'Equal';
  readonly value?: string;
  readonly effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  readonly tolerationSeconds?: number;
}

export interface RuntimeClass extends KubeObject {
  readonly apiVersion: 'node.k8s.io/v1';
  readonly kind: 'RuntimeClass';
  readonly handler: string;
  readonly scheduling?: { readonly nodeSelector?: StringMap; readonly tolerations?: Toleration[] };
  readonly overhead?: { readonly podFixed: ResourceList };
}

export interface SeccompProfile {
  readonly type: 'RuntimeDefault';
}

export interface ContainerSecurityContext {
  readonly allowPrivilegeEscalation: boolean;
  readonly privileged: boolean;
  readonly readOnlyRootFilesystem: boolean;
  readonly runAsNonRoot: boolean;
  readonly capabilities: { readonly drop: string[]; readonly add?: string[] };
  readonly seccompProfile: SeccompProfile;
}

export interface PodSecurityContext {
  readonly runAsNonRoot: boolean;
  readonly runAsUser: number;
  readonly runAsGroup: number;
  readonly seccompProfile: SeccompProfile;
}

export interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: { readonly secretKeyRef: { readonly name: string; readonly key: string } };
}

export interface Probe {
  readonly exec: { readonly command: string[] };
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly failureThreshold: number;
  readonly initialDelaySeconds: number;
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly args?: string[];
  readonly env?: EnvVar[];
  readonly ports?: Array<{ readonly name: string; readonly containerPort: number; readonly protocol: 'TCP' }>;
  readonly resources: { readonly requests: ResourceList; readonly limits: ResourceList };
  readonly securityContext: ContainerSecurityContext;
  readonly volumeMounts: Array<{ readonly name: string; readonly mountPath: string }>;
  readonly livenessProbe?: Probe;
  readonly readinessProbe?: Probe;
}

export interface PodSpec {
  readonly serviceAccountName: string;
  readonly automountServiceAccountToken: boolean;
  readonly enableServiceLinks: boolean;
  readonly runtimeClassName?: string;
  readonly nodeSelector?: StringMap;
  readonly tolerations?: Toleration[];
  readonly securityContext: PodSecurityContext;
  readonly containers: Container[];
  readonly volumes: Array<{ readonly name: string; readonly emptyDir: { readonly sizeLimit: string } }>;
}

export interface Deployment extends KubeObject {
  readonly apiVersion: 'apps/v1';
  readonly kind: 'Deployment';
  readonly spec: {
    /** Absent when a HorizontalPodAutoscaler owns the count. */
    readonly replicas?: number;
    readonly selector: { readonly matchLabels: StringMap };
    readonly strategy: { readonly type: 'RollingUpdate'; readonly rollingUpdate: { readonly maxUnavailable: number; readonly maxSurge: number } };
    readonly template: { readonly metadata: { readonly labels: StringMap }; readonly spec: PodSpec };
  };
}

export interface Service extends KubeObject {
  readonly apiVersion: 'v1';
  readonly kind: 'Service';
  readonly spec: {
    readonly type: 'ClusterIP';
    readonly selector: StringMap;
    readonly ports: Array<{ readonly name: string; readonly port: number; readonly targetPort: number; readonly protocol: 'TCP' }>;
  };
}

export interface PodDisruptionBudget extends KubeObject {
  readonly apiVersion: 'policy/v1';
  readonly kind: 'PodDisruptionBudget';
  readonly spec: { readonly maxUnavailable: number; readonly selector: { readonly matchLabels: StringMap } };
}

export interface HorizontalPodAutoscaler extends KubeObject {
  readonly apiVersion: 'autoscaling/v2';
  readonly kind: 'HorizontalPodAutoscaler';
  readonly spec: {
    readonly scaleTargetRef: { readonly apiVersion: 'apps/v1'; readonly kind: 'Deployment'; readonly name: string };
    readonly minReplicas: number;
    readonly maxReplicas: number;
    readonly metrics: Array<{
      readonly type: 'Resource';
      readonly resource: { readonly name: 'cpu'; readonly target: { readonly type: 'Utilization'; readonly averageUtilization: number } };
    }>;
  };
}

/** Every kind the target writes, in the order a delivery applies them (cluster-scoped first, workloads last). */
export const KIND_ORDER: readonly string[] = [
  'RuntimeClass', 'Namespace', 'ServiceAccount', 'ResourceQuota', 'LimitRange', 'NetworkPolicy', 'Service', 'Deployment',
  'PodDisruptionBudget', 'HorizontalPodAutoscaler',
];
