import { Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { dockerStack, IMAGE, refusal, synth } from './docker/support';
import { k8sStack, RUNTIME_CLASSES } from './kubernetes/support';
import { AwsTarget, CoTenancy, DenseService, DockerTargetProps, IPlacementTarget, IsolatedTenant, KubernetesTargetProps, PlacementTier as T } from '../lib';

/**
 * One program text, written against IPlacementTarget only, with the target swapped between AWS and
 * Docker variants: each either synthesizes or is refused with a clear error naming the fix.
 */
function program(scope: Construct, target: IPlacementTarget): Record<string, T> {
  const workload = { image: IMAGE, cpu: 0.5, memoryMiB: 512, port: 8080 };
  const placed = [
    new DenseService(scope, 'web', { target, serviceName: 'web', workload, ingress: [{ cidr: '0.0.0.0/0' }] }),
    new DenseService(scope, 'worker', { target, serviceName: 'worker', workload: { ...workload, port: undefined } }),
    new DenseService(scope, 'plugins', { target, serviceName: 'plugins', workload: { ...workload, port: undefined }, isolation: { coTenancy: CoTenancy.UNTRUSTED } }),
    new IsolatedTenant(scope, 'acme', { target, tenantId: 'acme', workload: { ...workload, port: undefined } }),
  ];
  return Object.fromEntries(placed.map((p) => [p.node.id, p.placement.tier]));
}

// DenseService's default priority is COST: tasks this small cost less on Fargate than their share of a pool in eu-west-1.
test('synthesizes on AWS: tenants on VMs, the services where they cost least (Fargate for tasks this small)', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const target = new AwsTarget(stack, 'aws', {
    region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'], ami: 'ami-0123456789abcdef0',
    ecsAmi: 'ami-0fedcba9876543210', accountId: '123456789012',
  });
  expect(program(stack, target)).toEqual({
    web: T.MICROVM_CONTAINER, worker: T.MICROVM_CONTAINER, plugins: T.MICROVM_CONTAINER, acme: T.VM,
  });
  const json = synth(stack).json;
  expect(Object.keys(json.resource.aws_instance)).toHaveLength(1);
  expect(Object.keys(json.resource.aws_ecs_service)).toHaveLength(3);
});

test.each<[string, DockerTargetProps, Record<string, T>]>([
  ['gVisor and Kata', { runtimes: { gvisor: 'runsc', kata: 'kata' } },
    { web: T.SHARED_CONTAINER, worker: T.SHARED_CONTAINER, plugins: T.SANDBOXED_CONTAINER, acme: T.MICROVM_CONTAINER }],
  ['Kata only (it also meets the sandbox need)', { runtimes: { kata: 'kata' } },
    { web: T.SHARED_CONTAINER, worker: T.SHARED_CONTAINER, plugins: T.MICROVM_CONTAINER, acme: T.MICROVM_CONTAINER }],
])('synthesizes on Docker with %s', (_name, props, tiers) => {
  const { stack, target } = dockerStack(props);
  expect(program(stack, target)).toEqual(tiers);
  expect(Object.keys(synth(stack).json.resource.docker_container).length).toBe(4);
});

test.each<[string, DockerTargetProps, RegExp]>([
  ['no runtimes', {}, /^stack\/plugins: UNTRUSTED co-tenancy requires a sandbox boundary, and this DockerTarget declares neither a gVisor nor a Kata runtime\..*Fix: declare runtimes.gvisor/],
  ['gVisor only', { runtimes: { gvisor: 'runsc' } }, /^stack\/acme: HOSTILE co-tenancy requires a hypervisor boundary, and this DockerTarget declares no Kata runtime\..*Fix: declare runtimes.kata/],
  ['Swarm', { swarm: true }, /^stack\/plugins: UNTRUSTED co-tenancy requires a sandbox boundary, i.e. a sandboxed tier \(gVisor or Kata\), but in Swarm mode/],
])('is refused with a clear error on Docker with %s', (_name, props, message) => {
  const { stack, target } = dockerStack(props);
  expect(refusal(() => program(stack, target)).message).toMatch(message);
});

test.each<[string, KubernetesTargetProps, Record<string, T>]>([
  ['gVisor and Kata RuntimeClasses', { runtimeClasses: RUNTIME_CLASSES },
    { web: T.SHARED_CONTAINER, worker: T.SHARED_CONTAINER, plugins: T.SANDBOXED_CONTAINER, acme: T.MICROVM_CONTAINER }],
  ['a Kata RuntimeClass only', { runtimeClasses: { kata: RUNTIME_CLASSES.kata } },
    { web: T.SHARED_CONTAINER, worker: T.SHARED_CONTAINER, plugins: T.MICROVM_CONTAINER, acme: T.MICROVM_CONTAINER }],
])('synthesizes on Kubernetes with %s', (_name, props, tiers) => {
  const { stack, target } = k8sStack(props);
  expect(program(stack, target)).toEqual(tiers);
  expect(Object.values<any>(synth(stack).json.resource.kubernetes_manifest).filter((r) => r.manifest.kind === 'Deployment')).toHaveLength(4);
});

test.each<[string, KubernetesTargetProps, RegExp]>([
  ['no RuntimeClass', {}, /^stack\/plugins: UNTRUSTED co-tenancy requires a sandbox boundary, and this KubernetesTarget declares neither a gVisor nor a Kata RuntimeClass\..*Fix: declare runtimeClasses.gvisor/],
  ['gVisor only', { runtimeClasses: { gvisor: RUNTIME_CLASSES.gvisor } }, /^stack\/acme: HOSTILE co-tenancy requires a hypervisor boundary, and this KubernetesTarget declares no Kata RuntimeClass\..*Fix: declare runtimeClasses.kata/],
])('is refused with a clear error on Kubernetes with %s', (_name, props, message) => {
  const { stack, target } = k8sStack(props);
  expect(refusal(() => program(stack, target)).message).toMatch(message);
});
