import { Aspects, TerraformStack, Testing } from 'cdktf';
import { AwsSaasStack } from '../../examples/aws-saas/main';
import { DockerLocalStack } from '../../examples/docker-local/main';
import { FleetFromFileStack } from '../../examples/fleet-from-file/main';
import { KubernetesSaasStack } from '../../examples/kubernetes/main';
import { CoTenancy, DenseService, GuardPack, IsolatedTenant, IsolationGuards, KubernetesDelivery } from '../../lib';
import { awsStack, mixedStack } from '../support/aws-stacks';
import { dockerStack } from '../docker/support';

// The library obeys its own guards: every example, the mixed stack of every AWS tier, and a Swarm.
const STACKS: Array<[string, () => TerraformStack]> = [
  ['examples/aws-saas', () => new AwsSaasStack(Testing.app(), 'aws-saas')],
  ['examples/docker-local', () => new DockerLocalStack(Testing.app(), 'docker-local')],
  ['examples/fleet-from-file', () => new FleetFromFileStack(Testing.app(), 'fleet-from-file')],
  ['examples/kubernetes', () => new KubernetesSaasStack(Testing.app(), 'kubernetes-saas')],
  ['examples/kubernetes, GITOPS delivery', () => new KubernetesSaasStack(Testing.app(), 'kubernetes-saas', KubernetesDelivery.GITOPS)],
  ['every AWS tier (test/support mixedStack)', () => {
    const { stack, target } = awsStack();
    mixedStack(stack, target);
    return stack;
  }],
  ['Docker Swarm', () => {
    const { stack, target } = dockerStack({ swarm: true });
    new DenseService(stack, 'web', { target, serviceName: 'web', workload: { image: 'nginx:1.27', cpu: 0.5, memoryMiB: 128, port: 8080 }, ingress: [{ cidr: '0.0.0.0/0' }] });
    new IsolatedTenant(stack, 'acme', { target, tenantId: 'acme', isolation: { coTenancy: CoTenancy.TRUSTED }, workload: { image: 'nginx:1.27', cpu: 0.5, memoryMiB: 128 } });
    return stack;
  }],
];

describe.each(STACKS)('%s', (_name, build) => {
  test('passes every pack: synthesis with the aspect succeeds, nothing suppressed', () => {
    const stack = build();
    const guards = new IsolationGuards();
    expect(guards.packs).toEqual([GuardPack.AWS_HARDENING, GuardPack.DOCKER_HARDENING, GuardPack.KUBERNETES_HARDENING, GuardPack.TENANT_BOUNDARY]);
    Aspects.of(stack).add(guards);
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(guards.suppressedFindings).toEqual([]);
  });
});

test('the rule catalogue: ids unique and stable, every rule with a title, types and a fix', () => {
  const rules = IsolationGuards.rules();
  expect(rules.map((r) => r.id)).toEqual([
    'ISO-AWS-001', 'ISO-AWS-002', 'ISO-AWS-003', 'ISO-AWS-004', 'ISO-AWS-005', 'ISO-AWS-006', 'ISO-AWS-007', 'ISO-AWS-008', 'ISO-AWS-009', 'ISO-AWS-010',
    'ISO-AWS-011', 'ISO-AWS-012', 'ISO-AWS-013', 'ISO-AWS-014',
    'ISO-DKR-001', 'ISO-DKR-002', 'ISO-DKR-003', 'ISO-DKR-004', 'ISO-DKR-005', 'ISO-DKR-006', 'ISO-DKR-007',
    'ISO-K8S-001', 'ISO-K8S-002', 'ISO-K8S-003', 'ISO-K8S-004', 'ISO-K8S-005', 'ISO-K8S-006', 'ISO-K8S-007', 'ISO-K8S-008', 'ISO-K8S-009',
    'ISO-K8S-010', 'ISO-K8S-011', 'ISO-K8S-012',
    'ISO-TEN-001', 'ISO-TEN-002', 'ISO-TEN-003',
  ]);
  for (const r of rules) {
    expect(r.title.length).toBeGreaterThan(10);
    expect(r.fix.length).toBeGreaterThan(10);
    expect(r.resourceTypes.length).toBeGreaterThan(0);
    const pack = { AWS: GuardPack.AWS_HARDENING, DKR: GuardPack.DOCKER_HARDENING, K8S: GuardPack.KUBERNETES_HARDENING, TEN: GuardPack.TENANT_BOUNDARY };
    expect(r.pack).toBe(pack[r.id.split('-')[1] as keyof typeof pack]);
  }
  expect(IsolationGuards.rules([GuardPack.TENANT_BOUNDARY]).map((r) => r.id)).toEqual(['ISO-TEN-001', 'ISO-TEN-002', 'ISO-TEN-003']);
});
