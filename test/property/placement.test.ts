import fc from 'fast-check';
import { Testing } from 'cdktf';
import { DenseService, IsolatedTenant, PlacementError, PlacementTier } from '../../lib';
import { networkCidr } from './arbitraries';
import { build, pinIsWeaker, StackInput, stackInput, TargetKind, WorkloadInput } from './stacks';
import { GitOpsManifest } from '../../lib/targets/kubernetes/gitops-delivery';
import { KubernetesManifest } from '../../lib/targets/kubernetes/terraform-delivery';
import { declaredRuntimeClasses, objectsProblems } from '../kubernetes/support';

// Property-based: random valid workloads and needs synthesize on every target, re-synthesize byte for
// byte, a sample of the AWS ones passes terraform; random invalid ones raise a PlacementError and
// nothing else. Fixed seed and bounded runs keep the suite deterministic and fast.
const SEED = 20261201;
const run = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

/** What a workload's construct reports, or the error it threw. */
function outcome(input: StackInput): unknown {
  try {
    build(input);
    return 'built';
  } catch (e) {
    return e;
  }
}

describe.each<[TargetKind, number]>([['aws', 12], ['docker', 25], ['kubernetes', 12]])('valid inputs on %s', (target, numRuns) => {
  test('synthesize, and synthesize again byte for byte', () => {
    fc.assert(fc.property(stackInput(target), (input) => {
      const stack = build(input).stack;
      const first = Testing.synth(stack);
      const again = Testing.synth(build(input).stack);
      expect(again).toBe(first);
      const json = JSON.parse(first);
      // A GITOPS delivery writes files, no resources (their bytes are compared in test/kubernetes/target.test.ts).
      const gitops = stack.node.findAll().filter(GitOpsManifest.isGitOpsManifest);
      expect(Object.keys(json.resource ?? {}).length + gitops.length).toBeGreaterThan(0);
      // Every workload says where it runs (a pinned one at its pin), and a pin is acknowledged exactly when it is weaker.
      input.workloads.forEach((w, i) => {
        const tier = Object.entries<{ value: string }>(json.output).find(([k]) => k.startsWith(`c${i}_tier_`))?.[1].value;
        expect(tier).toBeDefined();
        if (w.pin !== undefined) expect(tier).toBe(w.pin);
        if (w.pin !== undefined) expect(w.acknowledgeWeakerIsolation !== undefined).toBe(pinIsWeaker(w));
      });
    }), run(numRuns));
  });
});

// The generators reach every tier of each target, and every Docker target variant.
test('the AWS generator reaches every AWS tier', () => {
  const tiers = new Set(fc.sample(stackInput('aws'), { seed: SEED, numRuns: 12 }).flatMap((input) => build(input).stack.node.children
    .flatMap((c) => (c instanceof IsolatedTenant || c instanceof DenseService ? [c.placement.tier] : []))));
  expect([...tiers].sort()).toEqual([PlacementTier.DEDICATED_HOST, PlacementTier.DEDICATED_VM, PlacementTier.MICROVM_CONTAINER,
    PlacementTier.SHARED_CONTAINER, PlacementTier.VM].sort());
});

test('the Docker generator covers every target variant and every Docker tier', () => {
  const samples = fc.sample(stackInput('docker'), { seed: SEED, numRuns: 60 });
  const variants = new Set(samples.map((s) => JSON.stringify(s.docker)));
  expect(variants.size).toBe(5);
  const tiers = new Set<string>();
  for (const input of samples.slice(0, 30)) {
    const { stack } = build(input);
    const outputs = JSON.parse(Testing.synth(stack)).output as Record<string, { value: string }>;
    Object.entries(outputs).filter(([k]) => k.includes('_tier_')).forEach(([, o]) => tiers.add(o.value));
  }
  expect([...tiers].sort()).toEqual([PlacementTier.MICROVM_CONTAINER, PlacementTier.SANDBOXED_CONTAINER, PlacementTier.SHARED_CONTAINER].sort());
});


test('the Kubernetes generator reaches every container tier, and every object it writes validates against the Kubernetes schema', () => {
  const tiers = new Set<string>();
  for (const input of fc.sample(stackInput('kubernetes'), { seed: SEED, numRuns: 20 })) {
    const { stack } = build(input);
    const objects = stack.node.findAll().flatMap((c) => (c instanceof KubernetesManifest || c instanceof GitOpsManifest ? [c.manifest] : []));
    expect(objectsProblems(objects, declaredRuntimeClasses(input.kubernetes!))).toEqual([]);
    stack.node.children.forEach((c) => { if (c instanceof IsolatedTenant || c instanceof DenseService) tiers.add(c.placement.tier); });
  }
  expect([...tiers].sort()).toEqual([PlacementTier.MICROVM_CONTAINER, PlacementTier.SANDBOXED_CONTAINER, PlacementTier.SHARED_CONTAINER].sort());
});


/** A CIDR with at least one host bit set below its prefix. */
const hostBitsCidr = fc.tuple(networkCidr, fc.integer({ min: 0, max: 31 })).chain(([, prefix]) => fc.tuple(
  fc.integer({ min: 0, max: 0xffffffff }), fc.constant(prefix),
)).filter(([address, prefix]) => ((address << prefix) >>> 0) !== 0)
  .map(([address, prefix]) => `${[24, 16, 8, 0].map((s) => (address >>> s) & 255).join('.')}/${prefix}`);

type Mutation = (w: WorkloadInput, bad: any) => WorkloadInput;
/** Each mutation breaks one rule; `bad` draws values that break it. */
const INVALID: Array<[string, RegExp, fc.Arbitrary<unknown>, Mutation]> = [
  ['cpu', /workload\.cpu/, fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 0.001, '1', null), (w, cpu) => ({ ...w, workload: { ...w.workload, cpu } })],
  ['memoryMiB', /workload\.memoryMiB/, fc.oneof(fc.integer({ min: -10, max: 5 }), fc.constantFrom(Number.NaN, 512.5, Number.NEGATIVE_INFINITY)), (w, memoryMiB) => ({ ...w, workload: { ...w.workload, memoryMiB } })],
  ['replicas', /workload\.replicas/, fc.oneof(fc.integer({ min: 5001, max: 1_000_000 }), fc.constantFrom(0, -3, 1.5, Number.NaN)), (w, replicas) => ({ ...w, workload: { ...w.workload, replicas } })],
  ['port', /workload\.port/, fc.oneof(fc.integer({ min: 65536, max: 1e6 }), fc.constantFrom(0, -1, 80.5)), (w, port) => ({ ...w, workload: { ...w.workload, port } })],
  ['image', /workload\.image/, fc.constantFrom('', 'Nginx', 'a b', 'x:', '/x'), (w, image) => ({ ...w, workload: { ...w.workload, image } })],
  ['environment value with a line break', /SOME_VALUE contains a line break/, fc.tuple(fc.string(), fc.constantFrom('\n', '\r', '\0'), fc.string()).map((p) => p.join('')),
    (w, value) => ({ ...w, workload: { ...w.workload, environment: { ...w.workload.environment, SOME_VALUE: value } } })],
  ['environment name', /invalid variable name/, fc.constantFrom('1X', 'A-B', 'A B', ''), (w, name) => ({ ...w, workload: { ...w.workload, environment: { [name]: 'x' } } })],
  ['capability', /capabilit/, fc.constantFrom('CAP_CHOWN', 'chown', 'ALL', 'NOPE'), (w, cap) => ({ ...w, workload: { ...w.workload, capabilities: [cap] } })],
  ['ingress with host bits', /has host bits set/, hostBitsCidr, (w, cidr) => ({ ...w, ingress: [{ cidr }], egress: true })],
  ['acknowledgement without a pin', /acknowledgeWeakerIsolation is set without a pin/, fc.string({ minLength: 1 }), (w, ack) => ({ ...w, pin: undefined, acknowledgeWeakerIsolation: ack })],
  ['tenant id', /is not DNS-safe/, fc.constantFrom('Acme', '-a', 'a_b', ''), (w, name) => ({ ...w, name })],
  ['isolation', /coTenancy/, fc.constantFrom('HOSTILE', 'paranoid', undefined), (w, coTenancy) => ({ ...w, isolation: { coTenancy } as never })],
];
const INVALID_AWS_SERVICE: Array<[string, RegExp, fc.Arbitrary<unknown>, Mutation]> = [
  ['listenerPort', /loadBalancer\.listenerPort must be/, fc.oneof(fc.integer({ min: 65536, max: 1e6 }), fc.integer({ min: -100, max: 0 })), (w, listenerPort) => ({ ...w, loadBalancer: { listenerPort } })],
  ['certificateArn', /is not an ACM or IAM server certificate ARN/, fc.string().filter((s) => !s.startsWith('arn:aws') && !s.includes('${')), (w, certificateArn) => ({ ...w, loadBalancer: { certificateArn } })],
  ['healthCheckPath', /loadBalancer\.healthCheckPath .* is not a URL path/, fc.string().filter((s) => !s.startsWith('/')), (w, healthCheckPath) => ({ ...w, loadBalancer: { healthCheckPath } })],
  ['allowedCidrs with host bits', /loadBalancer\.allowedCidrs\[0\] .* has host bits/, hostBitsCidr, (w, cidr) => ({ ...w, loadBalancer: { allowedCidrs: [cidr] } })],
  ['allowedCidrs with internetFacing', /allowedCidrs is set together with internetFacing/, networkCidr, (w, cidr) => ({ ...w, loadBalancer: { internetFacing: true, allowedCidrs: [cidr] } })],
  ['autoscaling above 5,000', /^autoscaling\.maxReplicas \d+ is above the maximum of 5000/, fc.integer({ min: 5001, max: 200_000 }), (w, maxReplicas) => ({
    ...w, pin: PlacementTier.SHARED_CONTAINER, acknowledgeWeakerIsolation: 'x', instanceType: undefined, isolation: { ...w.isolation, ownKernel: false },
    autoscaling: { minReplicas: 1, maxReplicas } })],
];

function invalidInput(target: TargetKind, mutations: Array<[string, RegExp, fc.Arbitrary<unknown>, Mutation]>, kind?: 'service'):
fc.Arbitrary<[RegExp, StackInput]> {
  return fc.tuple(stackInput(target), fc.constantFrom(...mutations)).chain(([input, [, problem, bad, mutate]]) => bad.map((value) => {
    const first = { ...input.workloads[0], ...(kind ? { kind } : {}) };
    return [problem, { ...input, workloads: [mutate(first, value), ...input.workloads.slice(1)] }] as [RegExp, StackInput];
  }));
}

describe.each<[string, fc.Arbitrary<[RegExp, StackInput]>, number]>([
  ['on AWS', invalidInput('aws', INVALID), 40],
  ['on Docker', invalidInput('docker', INVALID), 40],
  ['on Kubernetes', invalidInput('kubernetes', INVALID), 20],
  ['in AWS load balancer and autoscaling options', invalidInput('aws', INVALID_AWS_SERVICE, 'service'), 30],
])('random invalid inputs %s', (_where, arbitrary, numRuns) => {
  test('raise a PlacementError naming the workload and the broken rule, and nothing else', () => {
    fc.assert(fc.property(arbitrary, ([problem, input]) => {
      const e = outcome(input);
      expect(e).toBeInstanceOf(PlacementError);
      expect((e as PlacementError).where).toBe('prop/c0');
      expect((e as PlacementError).problem).toMatch(problem);
      expect((e as PlacementError).fix.length).toBeGreaterThan(0);
    }), run(numRuns));
  });
});

// Any value in any workload field: a build either succeeds or raises a PlacementError, never a TypeError.
const FIELDS = ['image', 'cpu', 'memoryMiB', 'port', 'replicas', 'command', 'environment', 'secrets', 'capabilities', 'healthCheck'];
test.each<[TargetKind]>([['aws'], ['docker'], ['kubernetes']])('arbitrary values in workload fields never fail with anything but a PlacementError (%s)', (target) => {
  fc.assert(fc.property(stackInput(target), fc.constantFrom(...FIELDS), fc.anything(), (input, field, value) => {
    const first = input.workloads[0];
    const e = outcome({ ...input, workloads: [{ ...first, workload: { ...first.workload, [field]: value } }, ...input.workloads.slice(1)] });
    if (e !== 'built') expect(e).toBeInstanceOf(PlacementError);
  }), run(40));
});

// The same for the props around the workload.
const PROPS = ['isolation', 'efficiency', 'pin', 'acknowledgeWeakerIsolation', 'instanceType', 'ingress', 'egress', 'loadBalancer', 'autoscaling'];
test.each<[TargetKind]>([['aws'], ['docker'], ['kubernetes']])('arbitrary values in placement props never fail with anything but a PlacementError (%s)', (target) => {
  fc.assert(fc.property(stackInput(target), fc.constantFrom(...PROPS), fc.anything(), (input, prop, value) => {
    const e = outcome({ ...input, workloads: [{ ...input.workloads[0], [prop]: value }, ...input.workloads.slice(1)] });
    if (e !== 'built') expect(e).toBeInstanceOf(PlacementError);
  }), run(25));
});
