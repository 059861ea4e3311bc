import { CostEstimator, CpuArchitecture, LoadBalancerKind, PlacementCost } from '../../lib/capacity';
import { CoTenancy, PlacementEngine, PlacementError, PlacementTier as T } from '../../lib';

const items = (e: { items: Array<{ what: string; monthlyUsd: number }> }) => Object.fromEntries(e.items.map((i) => [i.what, i.monthlyUsd]));
const sumCents = (e: { items: Array<{ monthlyUsd: number }> }) => e.items.reduce((s, i) => s + Math.round(i.monthlyUsd * 100), 0) / 100;

describe('CostEstimator.estimate', () => {
  test('done-when prices in us-east-1: Fargate 1 vCPU / 2 GiB $36.04, m5.large $70.08, a KMS key $1.00', () => {
    const fargate = CostEstimator.estimate({ tier: T.MICROVM_CONTAINER, region: 'us-east-1', cpu: 1, memoryMiB: 2048 });
    expect(items(fargate)).toEqual({ 'compute: 1 x Fargate task 1 vCPU / 2 GiB (x86)': 36.04, 'KMS key (its own)': 1 });
    expect(fargate.monthlyUsd).toBe(37.04);
    const vm = CostEstimator.estimate({ tier: T.VM, cpu: 1, memoryMiB: 1024, instanceType: 'm5.large', ownKey: false, rootVolumeGiB: 0 });
    expect(vm.items).toEqual([{ what: 'compute: 1 x m5.large on demand', monthlyUsd: 70.08 }]);
    expect(vm.monthlyUsd).toBe(70.08);
    expect(vm).toMatchObject({ requestedRegion: 'us-east-1', pricesRegion: 'us-east-1', warnings: [] });
  });

  test('a VM tenant with everything it owns, in eu-west-1', () => {
    const e = CostEstimator.estimate({
      tier: T.VM, region: 'eu-west-1', replicas: 2, cpu: 1, memoryMiB: 2048, zones: 2, rootVolumeGiB: 10,
      ownInterfaceEndpoints: 7, ownNatGateways: 1, publicIpv4Addresses: 2, loadBalancer: LoadBalancerKind.APPLICATION,
      logIngestionGiBPerMonth: 2, shares: [{ what: 'tenant network', monthlyUsd: 300, sharers: 100 }],
    });
    expect(items(e)).toEqual({
      'compute: 2 x t3a.medium on demand': 59.57, // 2 x 0.0408 x 730
      'storage: 2 x 10 GiB gp3 root volume': 1.76,
      'KMS key (its own)': 1,
      'log group ingestion: 2 GiB': 1.14,
      'own interface endpoints: 7 x 2 zones': 112.42, // 14 x 0.011 x 730
      'own NAT gateways: 1': 35.04,
      'public IPv4 addresses: 2': 7.3,
      'load balancer: ALB with 1 LCU on average (assumed)': 24.24, // (0.0252 + 0.008) x 730
      'share of tenant network (1/100)': 3,
    });
    expect(e.monthlyUsd).toBe(sumCents(e));
  });

  test('dedicated VM: the uplift and the region fee, shared', () => {
    const e = CostEstimator.estimate({ tier: T.DEDICATED_VM, cpu: 2, memoryMiB: 6000, dedicatedFeeSharers: 4, ownKey: false });
    expect(items(e)).toEqual({
      'compute: 1 x m6i.large dedicated instance (on demand +10 %)': 77.09, // 0.096 x 1.1 x 730
      'dedicated region fee ($2/hour, 1/4 share)': 365,
      'storage: 1 x 8 GiB gp3 root volume': 0.64,
    });
  });

  test('dedicated host: the family by host price, whole hosts, at least one per zone used', () => {
    // The case: 2 replicas of 0.5 vCPU got c6i hosts (family by instance price); c5 hosts (72 vCPU) cost less.
    const one = CostEstimator.estimate({ tier: T.DEDICATED_HOST, replicas: 2, cpu: 0.5, memoryMiB: 512, ownKey: false, rootVolumeGiB: 0 });
    expect(one.items).toEqual([{ what: 'hosts: 1 x c5 Dedicated Host (72 vCPU; 2 x c5.large on them, not billed apart)', monthlyUsd: 2457.18 }]);
    const two = CostEstimator.estimate({ tier: T.DEDICATED_HOST, replicas: 2, cpu: 0.5, memoryMiB: 512, zones: 2, ownKey: false, rootVolumeGiB: 0 });
    expect(two.monthlyUsd).toBe(4914.36);
    const given = CostEstimator.estimate({ tier: T.DEDICATED_HOST, replicas: 2, cpu: 0.5, memoryMiB: 512, instanceType: 'c6i.large', ownKey: false, rootVolumeGiB: 0 });
    expect(given.monthlyUsd).toBe(4368.32); // 1.1 x 64 x 0.085 x 730
  });

  test('shared container: its share of the pool instance, by the larger of cpu and memory', () => {
    const e = CostEstimator.estimate({ tier: T.SHARED_CONTAINER, replicas: 12, cpu: 0.25, memoryMiB: 512, poolInstanceType: 'm6i.large', ownKey: false });
    // memory binds: 512 / (8192 - 512) = 6.67 % of 0.096 x 730 each
    expect(e.items).toEqual([{ what: 'compute: share of pool m6i.large for 12 x 0.25 vCPU / 512 MiB (12.5 % of an instance each)', monthlyUsd: 105.12 }]);
  });

  test('Fargate ARM is cheaper than x86; an odd size rounds to a valid one', () => {
    const arm = CostEstimator.estimate({ tier: T.MICROVM_CONTAINER, cpu: 1, memoryMiB: 2048, architecture: CpuArchitecture.ARM64, ownKey: false });
    expect(arm.monthlyUsd).toBe(28.84); // 0.03238 x 730 + 2 x 0.00356 x 730
    const odd = CostEstimator.estimate({ tier: T.MICROVM_CONTAINER, cpu: 0.3, memoryMiB: 600, ownKey: false });
    expect(odd.items[0].what).toContain('0.5 vCPU / 1 GiB');
  });

  test('a region without a table: us-east-1 prices and a warning', () => {
    const e = CostEstimator.estimate({ tier: T.VM, region: 'sa-east-1', cpu: 1, memoryMiB: 1024, instanceType: 'm5.large' });
    expect(e.pricesRegion).toBe('us-east-1');
    expect(e.warnings[0]).toMatch(/no price table for region 'sa-east-1'/);
    expect(CostEstimator.prices('sa-east-1')).toMatchObject({ requestedRegion: 'sa-east-1', pricesRegion: 'us-east-1' });
  });

  test('deterministic', () => {
    const input: PlacementCost = { tier: T.VM, cpu: 1, memoryMiB: 1024, loadBalancer: LoadBalancerKind.NETWORK, zones: 3, ownInterfaceEndpoints: 5 };
    expect(CostEstimator.estimate(input)).toEqual(CostEstimator.estimate({ ...input }));
  });

  test.each<[string, Partial<PlacementCost>, RegExp]>([
    ['replicas 0', { replicas: 0 }, /replicas must be a whole number of at least 1, got 0/],
    ['negative cpu', { cpu: -1 }, /cpu must be a non-negative number/],
    ['a share with no sharers', { shares: [{ what: 'net', monthlyUsd: 1, sharers: 0 }] }, /shares\[0\]\.sharers must be a whole number of at least 1/],
    ['an unknown type', { instanceType: 'x9.large' }, /not in the bundled catalogue/],
    ['too large for Fargate', { tier: T.MICROVM_CONTAINER, cpu: 64 }, /larger than the largest Fargate task/],
  ])('%s is a PlacementError', (_name, override, message) => {
    const run = () => CostEstimator.estimate({ tier: T.VM, cpu: 1, memoryMiB: 1024, where: 'Stack/t', ...override } as PlacementCost);
    expect(run).toThrow(PlacementError);
    expect(run).toThrow(message);
  });
});

describe('networks, pools, alternatives and totals', () => {
  test('network and pool', () => {
    const net = CostEstimator.network({ region: 'eu-west-1', interfaceEndpoints: 5, zones: 2, natGateways: 2, publicIpv4Addresses: 2 });
    expect(net.monthlyUsd).toBe(80.3 + 70.08 + 7.3);
    const pool = CostEstimator.pool({ instanceType: 'm6i.large', instances: 3 });
    expect(items(pool)).toEqual({ 'pool: 3 x m6i.large on demand': 210.24, 'pool storage: 3 x 30 GiB gp3': 7.2 });
  });

  test('alternatives price every tier in table order and say which meet the needs; the engine then picks the cheapest', () => {
    const input: PlacementCost = { tier: T.VM, cpu: 1, memoryMiB: 2048, region: 'eu-west-1' };
    const tiers = [T.DEDICATED_HOST, T.VM, T.SHARED_CONTAINER, T.MICROVM_CONTAINER, T.DEDICATED_VM];
    const alternatives = CostEstimator.alternatives(input, tiers, { coTenancy: CoTenancy.HOSTILE });
    expect(alternatives.map((a) => [a.tier, a.meetsNeeds])).toEqual([
      [T.SHARED_CONTAINER, false], [T.MICROVM_CONTAINER, true], [T.VM, true], [T.DEDICATED_VM, true], [T.DEDICATED_HOST, true],
    ]);
    for (const a of alternatives) expect(a.monthlyUsd).toBe(CostEstimator.estimate({ ...input, tier: a.tier }).monthlyUsd);
    const decision = PlacementEngine.decide({
      isolation: { coTenancy: CoTenancy.HOSTILE }, efficiency: { priority: 'cost' as never }, availableTiers: tiers, elasticBilling: true,
      tierCosts: CostEstimator.tierCosts(alternatives),
    });
    const cheapest = alternatives.filter((a) => a.meetsNeeds).sort((a, b) => a.monthlyUsd - b.monthlyUsd)[0];
    expect(decision.tier).toBe(cheapest.tier);
  });

  test('a tier that cannot run the workload is left out; ownKernel fails the containers', () => {
    const alternatives = CostEstimator.alternatives({ tier: T.VM, cpu: 32, memoryMiB: 4096 }, [T.MICROVM_CONTAINER, T.VM], { coTenancy: CoTenancy.TRUSTED, ownKernel: true });
    expect(alternatives.map((a) => a.tier)).toEqual([T.VM]);
    const withFargate = CostEstimator.alternatives({ tier: T.VM, cpu: 1, memoryMiB: 1024 }, [T.MICROVM_CONTAINER, T.VM], { coTenancy: CoTenancy.TRUSTED, ownKernel: true });
    expect(withFargate.find((a) => a.tier === T.MICROVM_CONTAINER)!.meetsNeeds).toBe(false);
  });

  test('alternativesOf takes one placement per tier: a Fargate tenant with 5 own endpoints against a VM with 7', () => {
    const common = { cpu: 1, memoryMiB: 2048, zones: 2, region: 'eu-west-1' };
    const alternatives = CostEstimator.alternativesOf([
      { ...common, tier: T.VM, ownInterfaceEndpoints: 7 },
      { ...common, tier: T.MICROVM_CONTAINER, ownInterfaceEndpoints: 5 },
    ], { coTenancy: CoTenancy.HOSTILE });
    expect(alternatives.map((a) => a.tier)).toEqual([T.MICROVM_CONTAINER, T.VM]);
    const endpoints = (n: number) => Math.round(n * 2 * 0.011 * 730 * 100) / 100;
    expect(alternatives[0].monthlyUsd).toBe(Math.round((CostEstimator.estimate({ ...common, tier: T.MICROVM_CONTAINER }).monthlyUsd + endpoints(5)) * 100) / 100);
    expect(() => CostEstimator.alternativesOf([{ ...common, tier: T.VM }, { ...common, tier: T.VM }], { coTenancy: CoTenancy.HOSTILE }))
      .toThrow(/alternatives list tier 'vm' twice/);
  });

  test('total is the cent-exact sum', () => {
    const a = CostEstimator.estimate({ tier: T.MICROVM_CONTAINER, cpu: 1, memoryMiB: 2048 });
    const b = CostEstimator.estimate({ tier: T.VM, cpu: 1, memoryMiB: 1024, instanceType: 'm5.large' });
    expect(CostEstimator.total([a, b, a])).toBe(Math.round((2 * a.monthlyUsd + b.monthlyUsd) * 100) / 100);
    expect(CostEstimator.total([])).toBe(0);
  });
});
