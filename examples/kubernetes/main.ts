// The README's first stack on a Kubernetes cluster: competitors' tenants each in a Kata microVM of their
// own, customer plugins sandboxed by gVisor, our own web service on plain runc pods; every tenant in a
// namespace of its own with Pod Security `restricted`, default-deny NetworkPolicies and a quota.
// Synthesize with `npx cdktf synth` here; `kubectl` access to the cluster is needed only to apply
// (KUBE_CONFIG_PATH for the TERRAFORM delivery, or point Argo CD / Flux at the GITOPS files).
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CoTenancy, DenseService, EfficiencyPriority, IsolatedTenant, KubernetesDelivery, KubernetesTarget } from '../../lib';

/** The example's stack; `delivery` chooses kubernetes_manifest resources (default) or GitOps files. */
export class KubernetesSaasStack extends TerraformStack {
  /** The target, for tests. */
  public readonly target: KubernetesTarget;

  constructor(scope: Construct, id: string, delivery: KubernetesDelivery = KubernetesDelivery.TERRAFORM) {
    super(scope, id);
    const k8s = this.target = new KubernetesTarget(this, 'k8s', {
      delivery,
      runtimeClasses: {
        // Nodes with gVisor's runsc shim, labelled by the platform team.
        gvisor: { name: 'gvisor', handler: 'runsc', nodeSelector: { 'sandbox.example.com/gvisor': 'true' } },
        // Bare-metal nodes with Kata (QEMU), tainted so only Kata pods land there.
        kata: {
          name: 'kata-qemu', nodeSelector: { 'katacontainers.io/kata-runtime': 'true' },
          tolerations: [{ key: 'sandbox.example.com/kata', operator: 'Exists', effect: 'NoSchedule' }],
          overhead: { cpu: 0.25, memoryMiB: 160 },
        },
      },
      // The cluster's pod and Service CIDRs: excepted from every ipBlock, so no ingress or egress rule reaches another tenant's pods.
      clusterCidrs: ['10.244.0.0/16', '10.96.0.0/12'],
    });
    const api = { image: 'ghcr.io/example/saas-api:1.4.2', cpu: 1, memoryMiB: 2048, port: 8080 };

    // Competitors share this cluster: HOSTILE (the IsolatedTenant default) puts each tenant in a Kata microVM.
    new IsolatedTenant(this, 'acme', {
      tenantId: 'acme', target: k8s, workload: { ...api, replicas: 2, secrets: { DB_PASSWORD: 'acme-db/password' } },
      ingress: [{ cidr: '203.0.113.0/24', description: 'acme office' }],
    });
    new IsolatedTenant(this, 'globex', { tenantId: 'globex', target: k8s, workload: api, egress: true });
    // Customer plugins nobody here reviewed: UNTRUSTED gets the gVisor sandbox.
    new IsolatedTenant(this, 'plugins', {
      tenantId: 'plugins', target: k8s, isolation: { coTenancy: CoTenancy.UNTRUSTED },
      workload: { image: 'ghcr.io/example/plugin-runner:2.1', cpu: 0.5, memoryMiB: 512 },
    });
    // Our own stateless web service: TRUSTED and COST, plain runc pods in the trusted group's namespace.
    new DenseService(this, 'web', {
      serviceName: 'web', target: k8s, efficiency: { priority: EfficiencyPriority.COST },
      workload: { image: 'nginxinc/nginx-unprivileged:1.27', cpu: 0.25, memoryMiB: 256, port: 8080 },
      autoscaling: { minReplicas: 2, maxReplicas: 6 }, ingress: [{ cidr: '0.0.0.0/0', description: 'public web' }],
    });
    new DenseService(this, 'reports', {
      serviceName: 'reports', target: k8s, isolation: { coTenancy: CoTenancy.INTERNAL },
      workload: { image: 'ghcr.io/example/reports:3.0', cpu: 0.5, memoryMiB: 1024, replicas: 2 },
    });
  }
}

if (require.main === module) {
  // One stack per cluster: two would both write the RuntimeClasses. KUBERNETES_DELIVERY=gitops writes files instead.
  const app = new App();
  new KubernetesSaasStack(app, 'kubernetes-saas', process.env.KUBERNETES_DELIVERY === 'gitops' ? KubernetesDelivery.GITOPS : KubernetesDelivery.TERRAFORM);
  app.synth();
}
