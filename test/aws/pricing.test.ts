import { TerraformStack, Testing } from 'cdktf';
import {
  CoTenancy, DenseService, DockerTarget, EfficiencyPriority, HardwareExclusivity, IsolatedTenant, LoadProfile, PlacementReport,
  PlacementTier, PlacementTier as T,
} from '../../lib';
import { awsStack, OFFLINE, WEB } from '../support/aws-stacks';

const US_EAST = { ...OFFLINE, region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] };
const itemsOf = (t: IsolatedTenant | DenseService) => Object.fromEntries(PlacementReport.records(t.node.scopes[1] as TerraformStack)
  .find((r) => r.path === t.node.path)!.cost!.items.map((i) => [i.what, i.monthlyUsd]));
const recordOf = (t: IsolatedTenant | DenseService) => PlacementReport.records(t.node.scopes[1] as TerraformStack).find((r) => r.path === t.node.path)!;

describe('AwsTarget prices every placement (issue 12 done-when, through the constructs)', () => {
  test('us-east-1: Fargate 1 vCPU / 2 GiB $36.04 of compute, an m5.large $70.08, a KMS key $1.00', () => {
    const { stack, target } = awsStack(US_EAST);
    const fargate = new IsolatedTenant(stack, 'fargate', { tenantId: 'f', target, pin: T.MICROVM_CONTAINER, workload: { ...WEB, cpu: 1, memoryMiB: 2048 } });
    const vm = new IsolatedTenant(stack, 'vm', { tenantId: 'v', target, instanceType: 'm5.large', workload: { ...WEB, cpu: 1, memoryMiB: 2048 } });
    expect(itemsOf(fargate)).toMatchObject({ 'compute: 1 x Fargate task 1 vCPU / 2 GiB (x86)': 36.04, 'KMS key (its own)': 1 });
    expect(itemsOf(vm)).toMatchObject({ 'compute: 1 x m5.large on demand': 70.08, 'KMS key (its own)': 1, 'storage: 1 x 30 GiB gp3 root volume': 2.4 });
    for (const t of [fargate, vm]) {
      const cost = recordOf(t).cost!;
      expect(cost.monthlyUsd).toBe(cost.items.reduce((s, i) => s + Math.round(i.monthlyUsd * 100), 0) / 100);
      expect(cost).toMatchObject({ pricesRegion: 'us-east-1', warnings: [] });
    }
  });

  test('every COST workload is on the cheapest alternative that meets its needs; the premium is over the cheapest tier', () => {
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
      const meeting = r.alternatives!.filter((a) => a.meetsNeeds);
      const cheapest = Math.min(...meeting.map((a) => a.monthlyUsd));
      expect([w.node.id, r.cost!.monthlyUsd]).toEqual([w.node.id, cheapest]);
      expect(r.alternatives!.find((a) => a.tier === r.decision.tier)!.meetsNeeds).toBe(true);
      expect(r.isolationPremiumUsd).toBe(Math.round((cheapest - Math.min(...r.alternatives!.map((a) => a.monthlyUsd))) * 100) / 100);
    }
    // The choice is by cost, not table order: a HOSTILE tenant with a large task goes where it is cheapest.
    expect(new Set(placed.map((w) => recordOf(w).decision.tier)).size).toBeGreaterThan(2);
  });

  test('BALANCED keeps its rule (a VM for hypervisor isolation) and still reports cost and alternatives', () => {
    const { stack, target } = awsStack();
    const t = new IsolatedTenant(stack, 'tenant', { tenantId: 'acme', target, workload: WEB });
    const r = recordOf(t);
    expect(r.decision.tier).toBe(PlacementTier.VM);
    expect(r.alternatives!.map((a) => a.tier)).toEqual([T.SHARED_CONTAINER, T.MICROVM_CONTAINER, T.VM, T.DEDICATED_VM, T.DEDICATED_HOST]);
    expect(r.alternatives!.map((a) => a.meetsNeeds)).toEqual([false, true, true, true, true]);
    expect(r.isolationPremiumUsd).toBeGreaterThan(0);
  });

  test('DEDICATED_HOST builds the hosts it is priced with: family by host price, as few hosts as the zones allow', () => {
    const { stack, target } = awsStack(US_EAST);
    const t = new IsolatedTenant(stack, 'tenant', {
      tenantId: 'initech', target, isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.TENANT }, workload: { ...WEB, replicas: 2 },
    });
    const hosts = Object.values(JSON.parse(Testing.synth(stack)).resource.aws_ec2_host) as Array<{ instance_type: string; availability_zone: string }>;
    expect(hosts.map((h) => h.availability_zone)).toEqual(['us-east-1a', 'us-east-1b']);
    const item = recordOf(t).cost!.items.find((i) => i.what.startsWith('hosts:'))!;
    expect(item.what).toMatch(new RegExp(`^hosts: 2 x ${hosts[0].instance_type.split('.')[0]} Dedicated Host`));
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

  test('Docker is not priced: the engine keeps table order and the record has no cost', () => {
    const stack = new TerraformStack(Testing.app(), 'docker');
    const target = new DockerTarget(stack, 'docker', {});
    const t = new DenseService(stack, 'svc', { serviceName: 'svc', target, workload: WEB });
    expect(recordOf(t).cost).toBeUndefined();
    expect(target.priceTiers({ where: 'x', workload: WEB, efficiency: {} })).toEqual([]);
  });
});
