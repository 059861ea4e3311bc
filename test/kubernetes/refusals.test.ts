import { TerraformProvider, TerraformStack, Testing } from 'cdktf';
import { k8sStack, refusal, RUNTIME_CLASSES } from './support';
import {
  AwsTarget, CoTenancy, DenseService, HardwareExclusivity, IsolatedTenant, IsolatedTenantProps, KubernetesDelivery, KubernetesTarget,
  KubernetesTargetProps, PlacementTier,
} from '../../lib';
import { dnsLabel, isDnsLabel, isLabelValue, labelValue } from '../../lib/targets/kubernetes/names';
import { cpuQuantity, memoryQuantity } from '../../lib/targets/kubernetes/quantities';
import { OFFLINE } from '../support/aws-stacks';

const WORKLOAD = { image: 'ghcr.io/example/api:1.4.2', cpu: 0.5, memoryMiB: 512, port: 8080 };

/** A provider of another Terraform type, to hand the target by mistake. */
class OtherProvider extends TerraformProvider {
  constructor(scope: TerraformStack) {
    super(scope, 'other', { terraformResourceType: 'helm', terraformProviderSource: 'hashicorp/helm' });
  }
}

describe('KubernetesTarget props a cluster would refuse', () => {
  test.each<[string, (stack: TerraformStack) => KubernetesTargetProps, RegExp, RegExp]>([
    ['a RuntimeClass without scheduling that is not existing', () => ({ runtimeClasses: { gvisor: { name: 'gvisor', handler: 'runsc' } } }),
      /runtimeClasses\.gvisor declares the RuntimeClass 'gvisor' without scheduling and without saying it exists/, /give runtimeClasses\.gvisor\.nodeSelector .* or set runtimeClasses\.gvisor\.existing: true/],
    ['an existing RuntimeClass with scheduling', () => ({ runtimeClasses: { kata: { name: 'kata', existing: true, nodeSelector: { a: 'b' } } } }),
      /is existing and also gives nodeSelector or tolerations, which could never take effect/, /drop nodeSelector and tolerations/],
    ['Terraform\'s spelling of a taint effect', () => ({ runtimeClasses: { kata: { ...RUNTIME_CLASSES.kata!, tolerations: [{ key: 'k', operator: 'Exists', effect: 'NO_SCHEDULE' }] } } }),
      /tolerations\[0\]\.effect "NO_SCHEDULE" is not a pod toleration effect \(it is Terraform's spelling/, /write 'NoSchedule'/],
    ['a RuntimeClass name Kubernetes refuses', () => ({ runtimeClasses: { gvisor: { name: 'gVisor', nodeSelector: { a: 'b' } } } }),
      /runtimeClasses\.gvisor\.name "gVisor" is not a DNS-1123 subdomain/, /lower-case/],
    ['a node selector value Kubernetes refuses', () => ({ runtimeClasses: { gvisor: { name: 'gvisor', nodeSelector: { sandbox: 'yes please' } } } }),
      /nodeSelector\.sandbox is "yes please", which is not a Kubernetes label value/, /at most 63/],
    ['runc as a sandbox', () => ({ runtimeClasses: { gvisor: { name: 'runc', nodeSelector: { a: 'b' } } } }), /names runc, which sandboxes nothing/, /leave runtimeClasses\.gvisor out/],
    ['an unknown sandbox', () => ({ runtimeClasses: { firecracker: { name: 'fc' } } as never }), /'firecracker', which is not a sandbox this target knows/, /gvisor and\/or kata/],
    ['a namespace prefix Kubernetes refuses', () => ({ namespacePrefix: 'Prod_' }), /namespacePrefix "Prod_" cannot start a namespace name/, /lower-case/],
    ['a cluster CIDR with host bits', () => ({ clusterCidrs: ['10.244.0.1/16'] }), /clusterCidrs\[0\] "10.244.0.1\/16" has host bits set/, /10\.244\.0\.0\/16/],
    ['0.0.0.0/0 as a cluster CIDR', () => ({ clusterCidrs: ['0.0.0.0/0'] }), /would except every address/, /pod and Service CIDRs/],
    ['a Pod Security version that is not one', () => ({ podSecurityVersion: '1.33' }), /podSecurityVersion "1.33" is not a Pod Security Standards version/, /'v1.33'/],
    ['root as the pods\' user', () => ({ runAsUser: 0 }), /runAsUser 0 is not a non-root user id \(0 is root/, /101 for nginx-unprivileged/],
    ['a provider with GITOPS delivery', (stack) => ({ delivery: KubernetesDelivery.GITOPS, provider: new OtherProvider(stack) }), /could never take effect/, /remove provider/],
    ['a provider that is not the kubernetes one', (stack) => ({ provider: new OtherProvider(stack) }), /provider is a 'helm' provider, and kubernetes_manifest needs the kubernetes provider/, /KUBE_CONFIG_PATH/],
    ['an unknown delivery', () => ({ delivery: 'helm' as KubernetesDelivery }), /delivery "helm" is not a delivery/, /KubernetesDelivery\.GITOPS/],
  ])('%s', (_name, props, problem, fix) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const e = refusal(() => new KubernetesTarget(stack, 'k8s', props(stack)));
    expect(e.where).toBe('stack/k8s');
    expect(e.problem).toMatch(problem);
    expect(e.fix).toMatch(fix);
  });
});

describe('workloads a plain cluster cannot isolate or run, refused with the fix', () => {
  const tenant = (props: Partial<IsolatedTenantProps>, targetProps?: KubernetesTargetProps) => () => {
    const { stack, target } = k8sStack(targetProps);
    new IsolatedTenant(stack, 't', { tenantId: 't', target, workload: WORKLOAD, ...props });
  };
  test.each<[string, () => void, RegExp, RegExp]>([
    ['HOSTILE on a cluster without Kata', tenant({}, { runtimeClasses: { gvisor: RUNTIME_CLASSES.gvisor } }),
      /^HOSTILE co-tenancy requires a hypervisor boundary, and this KubernetesTarget declares no Kata RuntimeClass\.$/, /^declare runtimeClasses\.kata \(e\.g\. \{ name: 'kata', handler: 'kata'/],
    ['UNTRUSTED on a cluster without sandboxes', tenant({ isolation: { coTenancy: CoTenancy.UNTRUSTED } }, {}),
      /declares neither a gVisor nor a Kata RuntimeClass/, /declare runtimeClasses\.gvisor .* or runtimeClasses\.kata/],
    ['hardware exclusivity ACCOUNT', tenant({ isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.ACCOUNT } }),
      /hardwareExclusivity ACCOUNT: hardware not shared with other accounts needs dedicated-tenancy nodes/, /use an AwsTarget, which places it on DEDICATED_VM/],
    ['hardware exclusivity TENANT', tenant({ isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.TENANT } }),
      /hardwareExclusivity TENANT: hardware of the tenant's own needs nodes on its own hosts/, /DEDICATED_HOST \(TENANT\)/],
    ['an own kernel', tenant({ isolation: { coTenancy: CoTenancy.HOSTILE, ownKernel: true } }), /ownKernel needs a VM with a kernel of its own/, /use an AwsTarget \(VM tiers\)/],
    ['a pinned VM tier', tenant({ pin: PlacementTier.VM }), /pinned to vm, which this KubernetesTarget does not offer: a VM per tenant needs nodes of the tenant's own/, /pin one of shared-container, sandboxed-container, microvm-container/],
    ['a pinned gVisor tier without gVisor', tenant({ pin: PlacementTier.SANDBOXED_CONTAINER, acknowledgeWeakerIsolation: 'test' }, { runtimeClasses: { kata: RUNTIME_CLASSES.kata } }),
      /pinned to sandboxed-container, which this KubernetesTarget does not offer: no gVisor RuntimeClass is declared/, /declare runtimeClasses\.gvisor/],
    ['a capability Pod Security restricted refuses', tenant({ workload: { ...WORKLOAD, capabilities: ['CHOWN'] } }),
      /adds CHOWN, and the namespace enforces Pod Security 'restricted', which admits only NET_BIND_SERVICE/, /remove CHOWN/],
    ['an AWS ARN as a secret', tenant({ workload: { ...WORKLOAD, secrets: { DB: 'arn:aws:ssm:eu-west-1:123456789012:parameter/db' } } }),
      /an AWS ARN, which a cluster cannot resolve/, /'<secret name>\/<key>'/],
    ['a load balancer', tenant({ loadBalancer: { internetFacing: true } }), /loadBalancer is not available on a KubernetesTarget/, /declare ingress/],
    ['cpu that is no whole number of millicores', tenant({ workload: { ...WORKLOAD, cpu: 0.1234 } }), /workload\.cpu 0\.1234 is not a whole number of millicores: Kubernetes would round it to 123m/, /e\.g\. 0\.123/],
    ['ingress from inside the cluster\'s pod CIDR', tenant({ ingress: [{ cidr: '10.244.1.0/24' }] }), /admits 10\.244\.1\.0\/24, which lies inside the cluster CIDR 10\.244\.0\.0\/16/, /clients outside the cluster/],
    ['an instance type', tenant({ instanceType: 'm6i.large' }), /this target offers no VM tier/, /use an AwsTarget/],
    ['a tenant id that is a dense group\'s namespace', () => {
      const { stack, target } = k8sStack();
      new DenseService(stack, 'web', { serviceName: 'web', target, workload: WORKLOAD });
      new IsolatedTenant(stack, 'dense', { tenantId: 'dense-trusted', target, workload: WORKLOAD });
    }, /namespace 'stack-dense-trusted' is already used by stack\/web/, /another tenantId/],
    ['autoscaling to zero', () => {
      const { stack, target } = k8sStack();
      new DenseService(stack, 'web', { serviceName: 'web', target, workload: WORKLOAD, autoscaling: { minReplicas: 0, maxReplicas: 3 } });
    }, /autoscaling\.minReplicas 0 is below 1/, /set autoscaling\.minReplicas to 1/],
    ['dedicatedNetwork on a DenseService', () => {
      const { stack, target } = k8sStack();
      new DenseService(stack, 'web', { serviceName: 'web', target, workload: WORKLOAD, isolation: { coTenancy: CoTenancy.TRUSTED, dedicatedNetwork: true } });
    }, /dedicatedNetwork is a tenant boundary/, /IsolatedTenant/],
  ])('%s', (_name, build, problem, fix) => {
    const e = refusal(build);
    expect(e.problem).toMatch(problem);
    expect(e.fix).toMatch(fix);
  });

  test('AWS refuses a Kubernetes Secret reference, naming the ARN forms', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const aws = new AwsTarget(stack, 'aws', OFFLINE);
    const e = refusal(() => new IsolatedTenant(stack, 't', { tenantId: 't', target: aws, workload: { ...WORKLOAD, secrets: { DB: 'db/password' } } }));
    expect(e.problem).toMatch(/workload\.secrets\.DB is "db\/password", a Kubernetes Secret reference, and AWS reads secrets by ARN/);
  });
});

describe('names and quantities as the API server writes them', () => {
  test('names that do not fit are cut with a stable hash, and never collide', () => {
    const long = `${'tenant-'.repeat(10)}x`;
    const name = dnsLabel(long);
    expect(name).toHaveLength(63);
    expect(isDnsLabel(name)).toBe(true);
    expect(dnsLabel(long)).toBe(name);
    expect(dnsLabel(`${long}y`)).not.toBe(name);
    expect(dnsLabel('Prod_EU')).toMatch(/^prod-eu-[0-9a-f]{8}$/);
    expect(dnsLabel('prod-eu')).toBe('prod-eu');
    expect(labelValue('My Stack!')).toMatch(/^My-Stack-[0-9a-f]{8}$/);
    expect(isLabelValue(labelValue('x'.repeat(80)))).toBe(true);
  });

  test('a long stack id and tenant id still give DNS-1123 namespaces', () => {
    const { stack, target } = k8sStack(undefined, 'Customer_Facing-Production-Stack-In-Europe-West');
    const t = new IsolatedTenant(stack, 't', { tenantId: 'a-tenant-with-a-name-of-32-chars', target, workload: WORKLOAD });
    expect(isDnsLabel(t.realized.namespace)).toBe(true);
    expect(t.realized.namespace).toMatch(/^customer-facing-produ-[0-9a-f]{8}-a-tenant-with-a-name-of-32-chars$/);
  });

  test.each<[number, string]>([[10, '10m'], [250, '250m'], [1000, '1'], [1500, '1500m'], [64000, '64']])('cpu %im is %s', (milli, q) => {
    expect(cpuQuantity(milli)).toBe(q);
  });
  test.each<[number, string]>([[6, '6Mi'], [512, '512Mi'], [1024, '1Gi'], [1536, '1536Mi'], [4096, '4Gi'], [1048576, '1Ti']])('memory %i MiB is %s', (mib, q) => {
    expect(memoryQuantity(mib)).toBe(q);
  });
});
