import { Aspects, Testing, TerraformStack } from 'cdktf';
import {
  AwsTarget, CoTenancy, DenseService, DockerTarget, EfficiencyPriority, IsolatedTenant, IsolationGuards, NeedsValidation, PlacementError,
  PlacementTier as T, TenantFleet,
} from '../lib';

// Every target drops ALL capabilities and adds back only what the workload declares (DESIGN.md, Realization).
const base = { image: 'ghcr.io/acme/proxy:2.0', cpu: 0.5, memoryMiB: 512, port: 443 };
const withCaps = { ...base, capabilities: ['NET_BIND_SERVICE'] };

function aws(): { stack: TerraformStack; target: AwsTarget } {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const target = new AwsTarget(stack, 'aws', {
    region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'], ami: 'ami-0123456789abcdef0',
    ecsAmi: 'ami-0fedcba9876543210', accountId: '123456789012',
  });
  return { stack, target };
}
const resources = (stack: TerraformStack, type: string): any[] => Object.values(JSON.parse(Testing.synth(stack)).resource[type] ?? {});

describe('validation', () => {
  test.each<[string, unknown, RegExp]>([
    ['a string', 'NET_ADMIN', /must be a list of capability names/],
    ['an unknown name', ['NET_BIND'], /'NET_BIND', which is not a Linux capability name/],
    ['the CAP_ prefix', ['CAP_NET_BIND_SERVICE'], /write it as 'NET_BIND_SERVICE'/],
    ['lower case', ['chown'], /write it as 'CHOWN'/],
    ['ALL', ['ALL'], /'ALL' is never added back/],
    ['a duplicate', ['CHOWN', 'CHOWN'], /lists 'CHOWN' twice/],
  ])('%s is a PlacementError', (_name, capabilities, message) => {
    const run = () => NeedsValidation.workload('s/w', { ...base, capabilities } as never);
    expect(run).toThrow(PlacementError);
    expect(run).toThrow(message);
  });

  test('capabilities that commonly escape a container warn; ordinary ones do not', () => {
    expect(NeedsValidation.workload('s/w', { ...base, capabilities: ['CHOWN', 'SETUID', 'SETGID'] })).toEqual([]);
    const warnings = NeedsValidation.workload('s/w', { ...base, capabilities: ['SYS_ADMIN', 'NET_BIND_SERVICE'] });
    expect(warnings).toEqual([expect.stringContaining('adds SYS_ADMIN, which commonly lets a process leave its container')]);
  });
});

test('a fleet file may declare them', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const target = new DockerTarget(stack, 'docker', { runtimes: DockerTarget.defaultRuntimes() });
  const fleet = new TenantFleet(stack, 'fleet', { target, tenants: [{ tenantId: 'acme', workload: withCaps }] });
  expect(fleet.tenant('acme').placement.tier).toBe(T.MICROVM_CONTAINER);
  expect(resources(stack, 'docker_container')[0].capabilities.add).toEqual(['NET_BIND_SERVICE']);
});

describe('Docker', () => {
  test('containers drop ALL and add the declared capabilities', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const target = new DockerTarget(stack, 'docker', {});
    new DenseService(stack, 'proxy', { target, serviceName: 'proxy', workload: withCaps });
    new DenseService(stack, 'plain', { target, serviceName: 'plain', workload: base });
    const byName = Object.fromEntries(resources(stack, 'docker_container').map((c) => [c.name.replace(/^stack-/, ''), c]));
    expect(byName['proxy-0'].capabilities).toEqual({ drop: ['ALL'], add: ['NET_BIND_SERVICE'] });
    expect(byName['plain-0'].capabilities).toEqual({ drop: ['ALL'] });
  });

  test('Swarm services add them through cap_add', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const target = new DockerTarget(stack, 'docker', { swarm: true });
    new DenseService(stack, 'proxy', { target, serviceName: 'proxy', workload: withCaps });
    const spec = resources(stack, 'docker_service')[0].task_spec.container_spec;
    expect(spec).toMatchObject({ cap_drop: ['ALL'], cap_add: ['NET_BIND_SERVICE'] });
  });
});

describe('AWS', () => {
  test('ECS on EC2 capacity adds them to linuxParameters; the VM tier to docker run', () => {
    const { stack, target } = aws();
    new DenseService(stack, 'proxy', { target, serviceName: 'proxy', workload: withCaps });
    new IsolatedTenant(stack, 'acme', { target, tenantId: 'acme', workload: withCaps });
    const [definition] = JSON.parse(resources(stack, 'aws_ecs_task_definition')[0].container_definitions);
    expect(definition.linuxParameters.capabilities).toEqual({ drop: ['ALL'], add: ['NET_BIND_SERVICE'] });
    const userData: string = resources(stack, 'aws_instance')[0].user_data;
    expect(userData).toContain('--cap-drop ALL');
    expect(userData).toContain('--cap-add NET_BIND_SERVICE');
  });

  test('Fargate accepts only SYS_PTRACE: its offer refuses other capabilities, so the engine places the workload elsewhere, and a pin says why', () => {
    const { stack, target } = aws();
    const fargate = { isolation: { coTenancy: CoTenancy.HOSTILE }, efficiency: { priority: EfficiencyPriority.COST } };
    const traced = new IsolatedTenant(stack, 'debug', { target, tenantId: 'debug', workload: { ...base, capabilities: ['SYS_PTRACE'] }, ...fargate });
    expect(traced.placement.tier).toBe(T.MICROVM_CONTAINER);
    const proxy = new IsolatedTenant(stack, 'proxy', { target, tenantId: 'proxy', workload: withCaps, ...fargate });
    expect(proxy.placement.tier).toBe(T.VM);
    expect(proxy.placement.reasons).toContain('microvm-container cannot run this workload, so it is not considered: workload.capabilities adds '
      + 'NET_BIND_SERVICE, but Fargate (the microvm-container tier) can add only SYS_PTRACE.');
    expect(() => new IsolatedTenant(stack, 'pinned', { target, tenantId: 'pinned', workload: withCaps, pin: T.MICROVM_CONTAINER }))
      .toThrow(/^stack\/pinned: pin 'microvm-container' cannot run this workload: workload.capabilities adds NET_BIND_SERVICE, but Fargate .*Fix: drop those capabilities, or pin a VM tier/);
  });

  test('declared capabilities pass the guards', () => {
    const { stack, target } = aws();
    new DenseService(stack, 'proxy', { target, serviceName: 'proxy', workload: withCaps });
    Aspects.of(stack).add(new IsolationGuards());
    expect(() => Testing.synth(stack)).not.toThrow();
  });
});
