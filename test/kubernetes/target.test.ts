import { Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  CLUSTER_CIDRS, declaredRuntimeClasses, GITOPS, gitopsFiles, gitopsObjects, k8sStack, manifests, Obj, objectsProblems, RUNTIME_CLASSES,
} from './support';
import { CoTenancy, DenseService, IsolatedTenant, KubernetesTarget, KubernetesTargetProps, PlacementReport, PlacementTier } from '../../lib';
import { crossTenantPolicies } from '../../lib/targets/kubernetes/cross-tenant';

// One fleet, synthesized once per delivery; every assertion reads these.
const API = { image: 'ghcr.io/example/api:1.4.2', cpu: 0.5, memoryMiB: 1536, port: 8080 };
function fleet(scope: Construct, target: KubernetesTarget): void {
  new IsolatedTenant(scope, 'acme', {
    tenantId: 'acme', target, ingress: [{ cidr: '203.0.113.0/24' }, { cidr: '0.0.0.0/0', port: 8443 }], egress: true,
    workload: {
      ...API, replicas: 3, command: ['serve', '--greeting=${HOME} %{x}'], environment: { TEMPLATE: 'a ${b} %{c}' },
      secrets: { DB_PASSWORD: 'acme-db/password' }, capabilities: ['NET_BIND_SERVICE'],
      healthCheck: { command: ['CMD-SHELL', 'wget -q -O- http://127.0.0.1:8080/health || exit 1'], intervalSeconds: 10 },
    },
  });
  new IsolatedTenant(scope, 'globex', { tenantId: 'globex', target, workload: API });
  new IsolatedTenant(scope, 'ci', { tenantId: 'ci', target, isolation: { coTenancy: CoTenancy.UNTRUSTED }, workload: { ...API, port: undefined } });
  new IsolatedTenant(scope, 'hooli', { tenantId: 'hooli', target, isolation: { coTenancy: CoTenancy.TRUSTED }, workload: API });
  new DenseService(scope, 'web', {
    serviceName: 'web', target, workload: { ...API, cpu: 0.25, memoryMiB: 256 }, autoscaling: { minReplicas: 2, maxReplicas: 10, targetCpuPercent: 70 },
    ingress: [{ cidr: '0.0.0.0/0' }],
  });
  new DenseService(scope, 'worker', { serviceName: 'worker', target, workload: { ...API, port: undefined, replicas: 2 } });
  new DenseService(scope, 'plugins', { serviceName: 'plugins', target, isolation: { coTenancy: CoTenancy.UNTRUSTED }, workload: { ...API, port: undefined } });
}

const PROPS: KubernetesTargetProps = { runtimeClasses: RUNTIME_CLASSES, clusterCidrs: CLUSTER_CIDRS };
const tf = k8sStack(PROPS);
fleet(tf.stack, tf.target);
const text = Testing.synth(tf.stack);
const json = JSON.parse(text);
const objects = Object.values(manifests(json));
const git = k8sStack({ ...PROPS, delivery: GITOPS });
fleet(git.stack, git.target);
const files = gitopsFiles(git.app, git.stack);
const byFile = gitopsObjects(files);
const gitops = Object.values(byFile).flat();

const find = (list: Obj[], kind: string, namespace: string | undefined, name: string) =>
  list.find((o) => o.kind === kind && o.metadata.namespace === namespace && o.metadata.name === name)!;
const deployment = (list: Obj[], ns: string, name: string) => find(list, 'Deployment', ns, name);
const policies = (list: Obj[], ns: string) => list.filter((o) => o.kind === 'NetworkPolicy' && o.metadata.namespace === ns);

test('placement: HOSTILE on Kata, UNTRUSTED on gVisor, TRUSTED and dense services on runc; unpriced, with what each reserves', () => {
  const tiers = Object.fromEntries(tf.stack.node.children.filter((c): c is IsolatedTenant | DenseService => c instanceof IsolatedTenant || c instanceof DenseService)
    .map((c) => [c.node.id, c.placement.tier]));
  expect(tiers).toEqual({
    acme: PlacementTier.MICROVM_CONTAINER, globex: PlacementTier.MICROVM_CONTAINER, ci: PlacementTier.SANDBOXED_CONTAINER, hooli: PlacementTier.SHARED_CONTAINER,
    web: PlacementTier.SHARED_CONTAINER, worker: PlacementTier.SHARED_CONTAINER, plugins: PlacementTier.SANDBOXED_CONTAINER,
  });
  const report = JSON.parse(PlacementReport.json(tf.stack));
  expect(report.totalMonthlyUsd).toBeUndefined();
  const acme = report.workloads.find((w: Obj) => w.name === 'acme');
  expect(acme.cost).toBeUndefined();
  expect(acme.capacity).toBe('requests 500m CPU / 1536 MiB + RuntimeClass overhead 250m / 160 MiB per pod x3: reserves 2250m CPU / 5088 MiB (one pod more during a rolling update)');
  expect(acme.reasons.join('\n')).toMatch(/runtimeClassName 'kata-qemu' \(Kata Containers\)/);
  expect(Object.entries<Obj>(json.output).find(([k]) => k.startsWith('acme_namespace'))![1]).toEqual({ value: 'stack-acme' });
});

test('every object of both deliveries validates against the Kubernetes schema, with names, labels and RuntimeClass references checked', () => {
  expect(objects.length).toBe(gitops.length);
  expect(objectsProblems(objects, declaredRuntimeClasses(PROPS))).toEqual([]);
  expect(objectsProblems(gitops, declaredRuntimeClasses(PROPS))).toEqual([]);
});

test('snapshots: the Terraform and the GitOps files', () => {
  expect(text).toMatchSnapshot();
  expect(files).toMatchSnapshot();
});

test('each tenant namespace enforces restricted at a pinned version, denies all traffic by default and admits only what it declared', () => {
  for (const ns of ['stack-acme', 'stack-globex', 'stack-ci', 'stack-hooli']) {
    for (const list of [objects, gitops]) {
      const namespace = find(list, 'Namespace', undefined, ns);
      for (const mode of ['enforce', 'audit', 'warn']) {
        expect(namespace.metadata.labels[`pod-security.kubernetes.io/${mode}`]).toBe('restricted');
        expect(namespace.metadata.labels[`pod-security.kubernetes.io/${mode}-version`]).toBe('v1.33');
      }
      const byName = Object.fromEntries(policies(list, ns).map((p) => [p.metadata.name, p.spec]));
      expect(byName['default-deny']).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
      expect(byName['allow-dns'].egress[0].ports).toEqual([{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }]);
    }
  }
  const acme = Object.fromEntries(policies(objects, 'stack-acme').map((p) => [p.metadata.name, p.spec]));
  expect(Object.keys(acme).sort()).toEqual(['allow-dns', 'allow-egress', 'allow-ingress-acme', 'default-deny']);
  expect(acme['allow-ingress-acme'].ingress).toEqual([
    { from: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ protocol: 'TCP', port: 8080 }] },
    { from: [{ ipBlock: { cidr: '0.0.0.0/0', except: CLUSTER_CIDRS } }], ports: [{ protocol: 'TCP', port: 8443 }] },
  ]);
  expect(acme['allow-egress'].egress).toEqual([{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: CLUSTER_CIDRS } }] }]);
  // globex declared neither ingress nor egress: default deny and DNS only.
  expect(policies(objects, 'stack-globex').map((p) => p.metadata.name).sort()).toEqual(['allow-dns', 'default-deny']);
});

test('no tenant\'s policy admits another tenant (and the check finds one that would)', () => {
  expect(crossTenantPolicies(objects)).toEqual([]);
  expect(crossTenantPolicies(gitops)).toEqual([]);
  // No policy of the target selects another namespace except kube-system's DNS.
  for (const p of objects.filter((o) => o.kind === 'NetworkPolicy')) {
    const peers = [...(p.spec.ingress ?? []).flatMap((r: Obj) => r.from), ...(p.spec.egress ?? []).flatMap((r: Obj) => r.to)];
    for (const peer of peers.filter((x: Obj) => x.namespaceSelector)) expect(peer.namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } });
  }
  const open = (peer: Obj) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'open', namespace: 'stack-acme' },
    spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [peer] }] } });
  expect(crossTenantPolicies([...objects, open({ namespaceSelector: {} })]).map((c) => c.other)).toEqual(['ci, globex, hooli']);
  expect(crossTenantPolicies([...objects, open({ namespaceSelector: { matchLabels: { 'cdktf-isolation/tenant': 'globex' } } })]).map((c) => c.other)).toEqual(['globex']);
  expect(crossTenantPolicies([...objects, open({ ipBlock: { cidr: '10.0.0.0/8' } })]).map((c) => c.reason)).toEqual([
    'admits 10.0.0.0/8, which covers the cluster CIDR 10.244.0.0/16 without excepting it', 'admits 10.0.0.0/8, which covers the cluster CIDR 10.96.0.0/12 without excepting it',
  ]);
  expect(crossTenantPolicies([...objects, open({ podSelector: {} })])).toEqual([]);
});

test('pods: hardened, requests = limits in canonical quantities, by tier, and rolling updates never below capacity', () => {
  for (const list of [objects, gitops]) {
    for (const d of list.filter((o) => o.kind === 'Deployment')) {
      const pod = d.spec.template.spec;
      expect(pod).toMatchObject({
        automountServiceAccountToken: false, enableServiceLinks: false, serviceAccountName: d.metadata.name,
        securityContext: { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } },
        volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
      });
      expect(pod.hostNetwork ?? pod.hostPID ?? pod.hostIPC).toBeUndefined();
      const [c] = pod.containers;
      expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true });
      expect(c.securityContext.capabilities.drop).toEqual(['ALL']);
      expect(c.resources.requests).toEqual(c.resources.limits);
      expect(c.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
      expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    }
  }
  const acme = deployment(gitops, 'stack-acme', 'acme');
  expect(acme.spec.replicas).toBe(3);
  expect(acme.spec.template.spec.runtimeClassName).toBe('kata-qemu');
  expect(acme.spec.template.spec.containers[0]).toMatchObject({
    resources: { requests: { cpu: '500m', memory: '1536Mi' } },
    securityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } },
    ports: [{ name: 'tcp-8080', containerPort: 8080, protocol: 'TCP' }, { name: 'tcp-8443', containerPort: 8443, protocol: 'TCP' }],
    env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'acme-db', key: 'password' } } }, { name: 'TEMPLATE', value: 'a ${b} %{c}' }],
    livenessProbe: { exec: { command: ['/bin/sh', '-c', 'wget -q -O- http://127.0.0.1:8080/health || exit 1'] }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
  });
  expect(deployment(gitops, 'stack-ci', 'ci').spec.template.spec.runtimeClassName).toBe('gvisor');
  expect(deployment(gitops, 'stack-hooli', 'hooli').spec.template.spec.runtimeClassName).toBeUndefined();
  expect(deployment(gitops, 'stack-dense-trusted', 'worker').spec.template.spec.containers[0].resources.limits).toEqual({ cpu: '500m', memory: '1536Mi' });
});

test('user strings reach Kubernetes as written: escaped for Terraform in the TERRAFORM delivery only', () => {
  const inTerraform = deployment(objects, 'stack-acme', 'acme').spec.template.spec.containers[0];
  expect(inTerraform.args).toEqual(['serve', '--greeting=$${HOME} %%{x}']);
  expect(inTerraform.env.find((e: Obj) => e.name === 'TEMPLATE').value).toBe('a $${b} %%{c}');
  const inGitops = deployment(gitops, 'stack-acme', 'acme').spec.template.spec.containers[0];
  expect(inGitops.args).toEqual(['serve', '--greeting=${HOME} %{x}']);
});

test('quotas and limit ranges sized from the workloads, with one pod of rolling-update surge', () => {
  // acme: 3 replicas + 1 surge, each 500m / 1536Mi plus Kata's 250m / 160Mi overhead.
  expect(find(gitops, 'ResourceQuota', 'stack-acme', 'quota').spec.hard).toEqual({
    'pods': '4', 'requests.cpu': '3', 'limits.cpu': '3', 'requests.memory': '6784Mi', 'limits.memory': '6784Mi',
    'services': '1', 'services.loadbalancers': '0', 'services.nodeports': '0', 'persistentvolumeclaims': '0',
  });
  expect(find(gitops, 'LimitRange', 'stack-acme', 'limits').spec.limits).toEqual([
    { type: 'Container', max: { cpu: '500m', memory: '1536Mi' }, default: { cpu: '500m', memory: '1536Mi' }, defaultRequest: { cpu: '500m', memory: '1536Mi' } },
  ]);
  // The trusted group: web at the autoscaler's maximum (10 + 1 of 250m / 256Mi) and worker (2 + 1 of 500m / 1536Mi).
  expect(find(objects, 'ResourceQuota', 'stack-dense-trusted', 'quota').spec.hard).toMatchObject({
    'pods': '14', 'requests.cpu': '4250m', 'requests.memory': '7424Mi', 'services': '2',
  });
});

test('workload objects: Service for declared ports, PodDisruptionBudget above one pod, HPA owning the count', () => {
  expect(find(gitops, 'Service', 'stack-acme', 'acme').spec).toEqual({
    type: 'ClusterIP', selector: { 'cdktf-isolation/workload': 'acme' },
    ports: [{ name: 'tcp-8080', port: 8080, targetPort: 8080, protocol: 'TCP' }, { name: 'tcp-8443', port: 8443, targetPort: 8443, protocol: 'TCP' }],
  });
  expect(find(gitops, 'Service', 'stack-ci', 'ci')).toBeUndefined();
  expect(find(gitops, 'PodDisruptionBudget', 'stack-acme', 'acme').spec.maxUnavailable).toBe(1);
  expect(find(gitops, 'PodDisruptionBudget', 'stack-globex', 'globex')).toBeUndefined();
  const web = deployment(gitops, 'stack-dense-trusted', 'web');
  expect(web.spec.replicas).toBeUndefined();
  expect(find(gitops, 'HorizontalPodAutoscaler', 'stack-dense-trusted', 'web').spec).toEqual({
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 10,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
  });
  expect(find(gitops, 'ServiceAccount', 'stack-acme', 'acme').automountServiceAccountToken).toBe(false);
  expect(gitops.filter((o) => /Role/.test(o.kind))).toEqual([]);
});

test('dense services share one namespace per co-tenancy; only trusted groups talk within theirs', () => {
  expect(deployment(gitops, 'stack-dense-trusted', 'web')).toBeDefined();
  expect(deployment(gitops, 'stack-dense-trusted', 'worker')).toBeDefined();
  expect(deployment(gitops, 'stack-dense-untrusted', 'plugins').spec.template.spec.runtimeClassName).toBe('gvisor');
  expect(policies(gitops, 'stack-dense-trusted').map((p) => p.metadata.name).sort()).toEqual(['allow-dns', 'allow-egress', 'allow-ingress-web', 'allow-same-namespace', 'default-deny']);
  expect(policies(gitops, 'stack-dense-untrusted').map((p) => p.metadata.name).sort()).toEqual(['allow-dns', 'allow-egress', 'default-deny']);
});

test('TERRAFORM: kubernetes_manifest resources on the target\'s own provider, each after its namespace, pods after their RuntimeClass', () => {
  expect(json.terraform.required_providers.kubernetes).toEqual({ source: 'hashicorp/kubernetes', version: '>= 2.8.0, < 3.0.0' });
  expect(json.provider.kubernetes).toEqual([{ alias: 'k8s' }]);
  const resources = Object.entries<Obj>(json.resource.kubernetes_manifest);
  for (const [, r] of resources) expect(r.provider).toBe('kubernetes.k8s');
  const acmeDeployment = resources.find(([, r]) => r.manifest.kind === 'Deployment' && r.manifest.metadata.name === 'acme')![1];
  const address = (kind: string, name: string) => `kubernetes_manifest.${resources.find(([, r]) => r.manifest.kind === kind && r.manifest.metadata.name === name)![0]}`;
  expect(acmeDeployment.depends_on).toEqual([address('Namespace', 'stack-acme'), address('ServiceAccount', 'acme'), address('RuntimeClass', 'kata-qemu')]);
  expect(Object.keys(json.resource)).toEqual(['kubernetes_manifest']);
});

test('GITOPS: one file per tenant and one shared, a kustomization, nothing in the Terraform state; byte-identical on re-synth', () => {
  expect(Object.keys(files)).toEqual(['kustomization.yaml', 'shared.yaml', 'tenant-acme.yaml', 'tenant-ci.yaml', 'tenant-globex.yaml', 'tenant-hooli.yaml']);
  expect(byFile['tenant-acme.yaml'].every((o) => o.metadata.name === 'stack-acme' || o.metadata.namespace === 'stack-acme')).toBe(true);
  expect(byFile['shared.yaml'].map((o) => o.kind).slice(0, 2)).toEqual(['RuntimeClass', 'RuntimeClass']);
  const state = JSON.parse(Testing.synth(git.stack));
  expect(state.resource).toBeUndefined();
  expect(state.provider).toBeUndefined();
  const again = k8sStack({ ...PROPS, delivery: GITOPS });
  fleet(again.stack, again.target);
  expect(gitopsFiles(again.app, again.stack)).toEqual(files);
});

test('a tenant removed from the program leaves no GitOps file behind', () => {
  const { app, stack, target } = k8sStack({ ...PROPS, delivery: GITOPS });
  new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: API });
  new IsolatedTenant(stack, 'globex', { tenantId: 'globex', target, workload: API });
  expect(Object.keys(gitopsFiles(app, stack))).toContain('tenant-globex.yaml');
  const laterApp = Testing.app({ outdir: app.outdir });
  const later = new TerraformStack(laterApp, 'stack');
  const k8s = new KubernetesTarget(later, 'k8s', { ...PROPS, delivery: GITOPS });
  new IsolatedTenant(later, 'acme', { tenantId: 'acme', target: k8s, workload: API });
  expect(Object.keys(gitopsFiles(laterApp, later))).toEqual(['kustomization.yaml', 'shared.yaml', 'tenant-acme.yaml']);
});
