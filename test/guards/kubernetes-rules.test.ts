import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { expectFinding, findingIds, guardError } from './support';
import { GuardPack, IsolatedTenant, IsolationGuards, KubernetesDelivery, KubernetesTarget } from '../../lib';
import { GitOpsManifest } from '../../lib/targets/kubernetes/gitops-delivery';
import { KubeObject } from '../../lib/targets/kubernetes/objects';
import { KubernetesManifest } from '../../lib/targets/kubernetes/terraform-delivery';
import { CLUSTER_CIDRS, k8sStack, Obj, RUNTIME_CLASSES } from '../kubernetes/support';

// Each rule against a hand-written copy of the library's own objects with one thing broken, in both
// deliveries: a kubernetes_manifest resource, and a GitOps object. The library's output passes.
const PACKS = { packs: [GuardPack.KUBERNETES_HARDENING, GuardPack.TENANT_BOUNDARY] };
const PATH = 'stack/bad';

/** A stack with one Kata tenant, and the tenant's objects (as the delivery writes them) by kind. */
function tenantStack(delivery: KubernetesDelivery): { stack: TerraformStack; target: KubernetesTarget; objects: Record<string, Obj> } {
  const { stack, target } = k8sStack({ runtimeClasses: RUNTIME_CLASSES, clusterCidrs: CLUSTER_CIDRS, delivery });
  const tenant = new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: { image: 'nginx:1.27', cpu: 0.5, memoryMiB: 128, port: 8080 } });
  const objects: Record<string, Obj> = {};
  for (const c of tenant.node.findAll()) {
    const o = c instanceof KubernetesManifest || c instanceof GitOpsManifest ? c.manifest : undefined;
    if (o) objects[o.kind === 'NetworkPolicy' ? `NetworkPolicy/${o.metadata.name}` : o.kind] = o;
  }
  return { stack, target, objects };
}

/** Adds `object` by hand, as the delivery would write it. */
function addObject(scope: Construct, target: KubernetesTarget, id: string, object: Obj): void {
  const produce = () => object as KubeObject;
  if (target.provider) new KubernetesManifest(scope, id, produce, target.provider, []);
  else new GitOpsManifest(scope, id, 'bad.yaml', produce);
}

const clone = (o: Obj): Obj => JSON.parse(JSON.stringify(o));
const pod = (d: Obj): Obj => d.spec.template.spec;

type Case = [string, string, (objects: Record<string, Obj>) => Obj, string];
const CASES: Case[] = [
  ['ISO-K8S-001', 'a privileged container', (o) => { const d = clone(o.Deployment); pod(d).containers[0].securityContext.privileged = true; return d; },
    "container 'workload' is privileged"],
  ['ISO-K8S-002', 'host network and PID', (o) => { const d = clone(o.Deployment); Object.assign(pod(d), { hostNetwork: true, hostPID: true }); return d; },
    'hostNetwork is true; hostPID is true'],
  ['ISO-K8S-003', 'a hostPath volume', (o) => { const d = clone(o.Deployment); pod(d).volumes.push({ name: 'docker', hostPath: { path: '/var/run/docker.sock' } }); return d; },
    "volume 'docker' mounts the node's /var/run/docker.sock"],
  ['ISO-K8S-004', 'no memory limit, and a CPU limit above the request', (o) => {
    const d = clone(o.Deployment); const r = pod(d).containers[0].resources; delete r.limits.memory; r.limits.cpu = '1'; return d;
  }, "container 'workload' requests 500m cpu but is limited to 1; container 'workload' has no memory limit"],
  ['ISO-K8S-005', 'a writable root', (o) => { const d = clone(o.Deployment); pod(d).containers[0].securityContext.readOnlyRootFilesystem = false; return d; },
    "container 'workload' has a writable root filesystem"],
  ['ISO-K8S-006', 'privilege escalation left at its default', (o) => { const d = clone(o.Deployment); delete pod(d).containers[0].securityContext.allowPrivilegeEscalation; return d; },
    "container 'workload' may escalate privileges"],
  ['ISO-K8S-007', 'SYS_ADMIN added', (o) => { const d = clone(o.Deployment); pod(d).containers[0].securityContext.capabilities.add = ['SYS_ADMIN']; return d; },
    "container 'workload' adds SYS_ADMIN"],
  ['ISO-K8S-008', 'root and no seccomp', (o) => {
    const d = clone(o.Deployment); pod(d).securityContext = { runAsUser: 0 }; delete pod(d).containers[0].securityContext.runAsNonRoot;
    delete pod(d).containers[0].securityContext.seccompProfile; return d;
  }, "container 'workload' may run as root; container 'workload' has no seccomp profile"],
  ['ISO-K8S-009', 'the token mounted', (o) => { const d = clone(o.Deployment); delete pod(d).automountServiceAccountToken; return d; },
    'the pod mounts its ServiceAccount token'],
  ['ISO-K8S-010', 'a tenant namespace without default deny', (o) => {
    const ns = clone(o.Namespace); ns.metadata.name = 'stack-other'; ns.metadata.labels['cdktf-isolation/tenant'] = 'other'; return ns;
  }, "tenant namespace 'stack-other' has no NetworkPolicy denying all ingress and egress by default."],
  ['ISO-K8S-011', 'a tenant namespace at baseline', (o) => {
    const ns = clone(o.Namespace); ns.metadata.labels['pod-security.kubernetes.io/enforce'] = 'baseline'; return ns;
  }, "tenant namespace 'stack-acme' enforces Pod Security 'baseline', not 'restricted'."],
  ['ISO-K8S-012', 'a Kata tenant on the gVisor RuntimeClass', (o) => { const d = clone(o.Deployment); pod(d).runtimeClassName = 'gvisor'; return d; },
    'its pods are of tier microvm-container but use RuntimeClass \'gvisor\', written for sandboxed-container.'],
  ['ISO-TEN-003', 'a policy admitting every namespace', (o) => {
    const p = clone(o['NetworkPolicy/default-deny']); p.metadata.name = 'open'; p.spec = { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: {} }] }] };
    return p;
  }, "it belongs to tenant 'acme' and admits the namespaces its namespaceSelector matches, other tenants' included: other."],
];

describe.each([KubernetesDelivery.TERRAFORM, KubernetesDelivery.GITOPS])('%s delivery', (delivery) => {
  test('the library\'s own objects pass every rule', () => {
    const { stack } = tenantStack(delivery);
    expect(() => guardError(stack, PACKS)).toThrow(/expected a PlacementError, but nothing was thrown/);
  });

  test.each(CASES)('%s: %s', (id, _name, broken, problem) => {
    const { stack, target, objects } = tenantStack(delivery);
    if (id === 'ISO-TEN-003') {
      const other = clone(objects.Namespace);
      other.metadata.name = 'stack-other';
      other.metadata.labels['cdktf-isolation/tenant'] = 'other';
      addObject(stack, target, 'other-namespace', other);
      const deny = clone(objects['NetworkPolicy/default-deny']);
      deny.metadata.namespace = 'stack-other';
      addObject(stack, target, 'other-deny', deny);
    }
    addObject(stack, target, 'bad', broken(objects));
    const err = guardError(stack, PACKS);
    expect(findingIds(err)).toEqual([id]);
    expectFinding(err, id, PATH, problem);
  });
});

test('every Kubernetes rule names its Pod Security, kube-bench or KICS equivalent', () => {
  const rules = IsolationGuards.rules([GuardPack.KUBERNETES_HARDENING]);
  expect(rules.map((r) => r.id)).toEqual(CASES.map(([id]) => id).filter((id) => id.startsWith('ISO-K8S')));
  for (const r of rules) expect(r.equivalent).toMatch(/Pod Security|kube-bench|KICS|no scanner/);
});
