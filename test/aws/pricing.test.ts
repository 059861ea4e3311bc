import { TerraformStack, Testing } from 'cdktf';
import {
  CoTenancy, DenseService, DockerTarget, EfficiencyPriority, HardwareExclusivity, IsolatedTenant, LoadProfile, PlacementError, PlacementReport,
  PlacementTier, PlacementTier as T,
} from '../../lib';
import { awsStack, OFFLINE, WEB } from '../support/aws-stacks';

const US_EAST = { ...OFFLINE, region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] };
const recordOf = (t: IsolatedTenant | DenseService) => PlacementReport.records(t.node.scopes[1] as TerraformStack).find((r) => r.path === t.node.path)!;
const itemsOf = (t: IsolatedTenant | DenseService) => Object.fromEntries(recordOf(t).cost!.items.map((i) => [i.what, i.monthlyUsd]));
const resources = (stack: TerraformStack, type: string) => Object.entries(JSON.parse(Testing.synth(stack)).resource[type] ?? {}) as Array<[string, any]>;

describe('AwsTarget offers every tier once: feasible or refused, sized, priced (issue 21)', () => {
  test('us-east-1 through the constructs: Fargate 1 vCPU / 2 GiB $36.04 of compute, an m5.large $70.08 (+ its 30 GiB volume), a KMS key $1.00', () => {
    const { stack, target } = awsStack(US_EAST);
    const fargate = new IsolatedTenant(stack, 'fargate', { tenantId: 'f', target, pin: T.MICROVM_CONTAINER, workload: { ...WEB, cpu: 1, memoryMiB: 2048 } });
    const vm = new IsolatedTenant(stack, 'vm', { tenantId: 'v', target, instanceType: 'm5.large', workload: { ...WEB, cpu: 1, memoryMiB: 2048 } });
    expect(itemsOf(fargate)).toEqual({ 'compute: 1 x Fargate task 1 vCPU / 2 GiB (x86)': 36.04, 'KMS key (its own)': 1 });
    expect(itemsOf(vm)).toEqual({ 'compute: 1 x m5.large on demand, 30 GiB gp3 root volume each': 72.48, 'KMS key (its own)': 1 });
    for (const t of [fargate, vm]) {
      const cost = recordOf(t).cost!;
      expect(cost.monthlyUsd).toBe(cost.items.reduce((s, i) => s + Math.round(i.monthlyUsd * 100), 0) / 100);
      expect(cost).toMatchObject({ pricesRegion: 'us-east-1', warnings: [] });
    }
  });

  test('offerTiers: every AWS tier in table order, each with a sizing and a cost, or a refusal saying why and what would let it', () => {
    const { target } = awsStack();
    const big = { ...WEB, cpu: 32, memoryMiB: 65536 };
    const offers = target.offerTiers({
      where: 'test/big', workload: big, isolation: { coTenancy: CoTenancy.HOSTILE }, efficiency: { priority: EfficiencyPriority.BALANCED, loadProfile: LoadProfile.SPIKY },
    });
    expect(offers.map((o) => o.tier)).toEqual(target.availableTiers);
    const fargate = offers.find((o) => o.tier === T.MICROVM_CONTAINER)!;
    expect(fargate).toEqual({
      tier: T.MICROVM_CONTAINER, refusal: expect.stringMatching(/^the workload \(32 vCPU \/ 65536 MiB\) is larger than the largest Fargate task /),
      remedy: 'lower workload.cpu / workload.memoryMiB per replica and raise workload.replicas, or pin a VM tier.',
    });
    for (const o of offers.filter((x) => x.refusal === undefined)) {
      expect(o.monthlyUsd).toBe(o.cost!.monthlyUsd);
      expect(o.sizing!.replicas).toBe(1);
    }
    const vm = offers.find((o) => o.tier === T.VM)!;
    expect(vm.sizing).toMatchObject({ instanceType: 'c5.9xlarge', instanceTypeGiven: false }); // 36 vCPU / 72 GiB: the cheapest that fits in eu-central-1
    expect(offers.find((o) => o.tier === T.DEDICATED_HOST)!.sizing!.hostPlan).toMatchObject({ hosts: 1 });
  });

  test('done-when: a HOSTILE SPIKY 32-vCPU tenant is placed on a VM under every priority, never sent to Fargate', () => {
    const { stack, target } = awsStack();
    const placed = Object.values(EfficiencyPriority).map((priority) => new IsolatedTenant(stack, `big-${priority}`, {
      tenantId: `big-${priority}`, target, isolation: { coTenancy: CoTenancy.HOSTILE }, efficiency: { priority, loadProfile: LoadProfile.SPIKY },
      workload: { ...WEB, cpu: 32, memoryMiB: 65536 },
    }));
    for (const t of placed) {
      expect([t.node.id, t.placement.tier]).toEqual([t.node.id, T.VM]);
      expect(t.placement.reasons.join(' ')).toMatch(/microvm-container cannot run this workload, so it is not considered: the workload \(32 vCPU \/ 65536 MiB\) is larger than the largest Fargate task/);
    }
    expect(resources(stack, 'aws_instance').map(([, i]) => i.instance_type)).toEqual(['c5.9xlarge', 'c5.9xlarge', 'c5.9xlarge']);
  });

  test('a given instance type no VM tier can use is the input\'s error, not a refusal; one a tier refuses is that tier\'s refusal', () => {
    const { stack, target } = awsStack();
    expect(() => new IsolatedTenant(stack, 'small', { tenantId: 'small', target, instanceType: 't3a.nano', workload: { ...WEB, memoryMiB: 2048 } }))
      .toThrow(/instanceType 't3a.nano' \(2 vCPU \/ 512 MiB\) is too small/);
    expect(() => new IsolatedTenant(stack, 'burst', {
      tenantId: 'burst', target, instanceType: 't3.large', isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.ACCOUNT }, workload: WEB,
    })).toThrow(/no tier that provides the required account-hardware boundary can run this workload\..* dedicated-vm: instanceType 't3.large' is burstable.* Fix: use 'c6i.large'/);
    let err: unknown;
    try {
      new IsolatedTenant(stack, 'pin', { tenantId: 'pin', target, pin: T.MICROVM_CONTAINER, workload: { ...WEB, cpu: 64 } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PlacementError);
    expect((err as PlacementError).problem).toMatch(/^pin 'microvm-container' cannot run this workload: the workload \(64 vCPU/);
  });

  test('the realization builds the chosen offer: instance type, hosts, Fargate size and the notes say what was given and what was chosen, at the region\'s prices', () => {
    const { stack, target } = awsStack();
    const chosen = new IsolatedTenant(stack, 'chosen', { tenantId: 'chosen', target, workload: WEB });
    const given = new IsolatedTenant(stack, 'given', { tenantId: 'given', target, workload: WEB, instanceType: 'm6i.large' });
    const hosts = new IsolatedTenant(stack, 'hosts', {
      tenantId: 'hosts', target, isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.TENANT }, workload: { ...WEB, replicas: 3 },
    });
    const fargate = new IsolatedTenant(stack, 'fargate', { tenantId: 'fargate', target, efficiency: { priority: EfficiencyPriority.COST }, workload: { ...WEB, cpu: 0.3, memoryMiB: 700 } });
    const instances = resources(stack, 'aws_instance').map(([, i]) => i.instance_type);
    const offerOf = (t: IsolatedTenant) => recordOf(t).alternatives!.find((a) => a.tier === t.placement.tier)!;
    expect(chosen.placement.reasons.join(' ')).toMatch(/vm: instance type c6i\.large chosen \(no instanceType given\): the cheapest non-burstable \(STEADY load\) catalogue type .*\$0\.097\/h on demand in eu-central-1\)/);
    expect(given.placement.reasons.join(' ')).toMatch(/vm: instance type m6i\.large as given by instanceType \(2 vCPU \/ 8192 MiB, \$0\.115\/h on demand in eu-central-1\)/);
    expect(hosts.placement.reasons.join(' ')).toMatch(/dedicated-host: instance type c5\.large chosen \(no instanceType given\): c5 hosts give the cheapest host plan/);
    expect(hosts.placement.reasons.join(' ')).not.toMatch(/as given/);
    expect(instances).toEqual(['c6i.large', 'm6i.large', 'c5.large', 'c5.large', 'c5.large']);
    const planned = hosts.placement.reasons.join(' ').match(/; (\d+) host\(s\) of 72 vCPU/)![1];
    expect(resources(stack, 'aws_ec2_host')).toHaveLength(Number(planned));
    expect(recordOf(hosts).cost!.items.find((i) => i.resourceType === 'aws_ec2_host')!.quantity).toBe(Number(planned));
    const task = resources(stack, 'aws_ecs_task_definition').find(([k]) => k.startsWith('fargate'))![1];
    expect([task.cpu, task.memory]).toEqual(['512', '1024']);
    expect(fargate.placement.reasons).toContain('Fargate size rounded up from 0.3 vCPU / 700 MiB to 0.5 vCPU / 1024 MiB.');
    for (const t of [chosen, given, hosts, fargate]) expect(recordOf(t).cost!.monthlyUsd).toBe(offerOf(t).monthlyUsd);
  });

  test('every COST workload is on the cheapest offer that meets its needs; the premium is over the cheapest offer', () => {
    const { stack, target } = awsStack();
    const isolations = [
      { coTenancy: CoTenancy.TRUSTED }, { coTenancy: CoTenancy.UNTRUSTED }, { coTenancy: CoTenancy.HOSTILE },
      { coTenancy: CoTenancy.HOSTILE, ownKernel: true }, { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.ACCOUNT },
      { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.TENANT },
    ];
    const shapes = [{ cpu: 0.25, memoryMiB: 512, replicas: 1 }, { cpu: 2, memoryMiB: 4096, replicas: 3 }, { cpu: 4, memoryMiB: 30000, replicas: 2 }];
    const placed: Array<IsolatedTenant | DenseService> = [];
    isolations.forEach((isolation, i) => shapes.forEach((shape, j) => {
      const common = { target, isolation, efficiency: { priority: EfficiencyPriority.COST, loadProfile: LoadProfile.STEADY }, workload: { ...WEB, ...shape } };
      placed.push(new IsolatedTenant(stack, `t${i}-${j}`, { ...common, tenantId: `t${i}-${j}`, egress: j === 1 }));
      if (i < 3) placed.push(new DenseService(stack, `s${i}-${j}`, { ...common, serviceName: `s${i}-${j}` }));
    }));
    for (const w of placed) {
      const r = recordOf(w);
      const meeting = r.alternatives!.filter((a) => a.meetsNeeds && a.refusal === undefined);
      const cheapest = Math.min(...meeting.map((a) => a.monthlyUsd!));
      expect([w.node.id, r.alternatives!.find((a) => a.tier === r.decision.tier)!.monthlyUsd]).toEqual([w.node.id, cheapest]);
      expect(r.isolationPremiumUsd).toBe(Math.round((cheapest - Math.min(...r.alternatives!.filter((a) => a.monthlyUsd !== undefined).map((a) => a.monthlyUsd!))) * 100) / 100);
    }
    // The choice is by cost, not table order: a HOSTILE tenant with a large task goes where it is cheapest.
    expect(new Set(placed.map((w) => recordOf(w).decision.tier)).size).toBeGreaterThan(2);
  });

  test('BALANCED keeps its rule (a VM for hypervisor isolation) and still reports cost and offers', () => {
    const { stack, target } = awsStack();
    const t = new IsolatedTenant(stack, 'tenant', { tenantId: 'acme', target, workload: WEB });
    const r = recordOf(t);
    expect(r.decision.tier).toBe(PlacementTier.VM);
    expect(r.alternatives!.map((a) => a.tier)).toEqual([T.SHARED_CONTAINER, T.MICROVM_CONTAINER, T.VM, T.DEDICATED_VM, T.DEDICATED_HOST]);
    expect(r.alternatives!.map((a) => a.meetsNeeds)).toEqual([false, true, true, true, true]);
    expect(r.isolationPremiumUsd).toBeGreaterThan(0);
  });

  test('a tenant\'s own load balancer is priced, with the public addresses of an internet-facing one', () => {
    const { stack, target } = awsStack();
    const t = new IsolatedTenant(stack, 'lb', { tenantId: 'lb', target, workload: WEB, egress: true, loadBalancer: { internetFacing: true } });
    const lb = recordOf(t).cost!.items.find((i) => i.resourceType === 'aws_lb')!;
    expect(lb).toMatchObject({ what: 'load balancer: internet-facing ALB, 1 LCU on average, 2 public IPv4 address(es)', monthlyUsd: 32.85, quantity: 1 }); // (0.027 + 0.008 + 2 x 0.005) x 730
  });

  test('STEADY VMs get non-burstable types; a burstable type given for STEADY load runs with standard credits; SPIKY may burst', () => {
    const { stack, target } = awsStack();
    new IsolatedTenant(stack, 'steady', { tenantId: 'steady', target, workload: WEB });
    new IsolatedTenant(stack, 'given', { tenantId: 'given', target, workload: WEB, instanceType: 't3a.small' });
    new IsolatedTenant(stack, 'spiky', { tenantId: 'spiky', target, workload: WEB, pin: T.VM, efficiency: { loadProfile: LoadProfile.SPIKY } });
    const instances = JSON.parse(Testing.synth(stack)).resource.aws_instance as Record<string, { instance_type: string; credit_specification?: { cpu_credits: string } }>;
    const of = (prefix: string) => Object.entries(instances).find(([k]) => k.startsWith(prefix))![1];
    expect(of('steady').instance_type).not.toMatch(/^t/);
    expect(of('steady').credit_specification).toBeUndefined();
    expect(of('given')).toMatchObject({ instance_type: 't3a.small', credit_specification: { cpu_credits: 'standard' } });
    expect(of('spiky').instance_type).toMatch(/^t/);
  });

  test('Docker offers its tiers unpriced: the engine keeps table order and the record has no cost', () => {
    const stack = new TerraformStack(Testing.app(), 'docker');
    const target = new DockerTarget(stack, 'docker', {});
    const t = new DenseService(stack, 'svc', { serviceName: 'svc', target, workload: WEB });
    expect(recordOf(t).cost).toBeUndefined();
    expect(target.offerTiers({ where: 'x', workload: WEB, isolation: { coTenancy: CoTenancy.TRUSTED }, efficiency: {} }))
      .toEqual([{ tier: T.SHARED_CONTAINER, sizing: { summary: '1 container(s), runtime runc', replicas: 1, notes: [] } }]);
    expect(() => target.offerTiers({ where: 'x', workload: WEB, isolation: { coTenancy: CoTenancy.HOSTILE }, efficiency: {} }))
      .toThrow(/HOSTILE co-tenancy requires a hypervisor boundary, and this DockerTarget declares no Kata runtime/);
  });
});
