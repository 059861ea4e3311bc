import { CostEstimator, CpuArchitecture, LoadBalancerKind, PlacementCost } from '../../lib/capacity';
import { PlacementError, PlacementTier as T } from '../../lib';

const items = (e: { items: Array<{ what: string; monthlyUsd: number }> }) => Object.fromEntries(e.items.map((i) => [i.what, i.monthlyUsd]));
const sumCents = (e: { items: Array<{ monthlyUsd: number }> }) => e.items.reduce((s, i) => s + Math.round(i.monthlyUsd * 100), 0) / 100;

describe('CostEstimator.estimate: the tier sized as a target sizes it, then priced', () => {
  test('done-when prices in us-east-1: Fargate 1 vCPU / 2 GiB $36.04, m5.large $70.08, a KMS key $1.00', () => {
    const fargate = CostEstimator.estimate({ tier: T.MICROVM_CONTAINER, region: 'us-east-1', cpu: 1, memoryMiB: 2048 });
    expect(fargate.items).toEqual([
      { what: 'compute: 1 x Fargate task 1 vCPU / 2 GiB (x86)', monthlyUsd: 36.04, resourceType: 'aws_ecs_service', quantity: 1 },
      { what: 'KMS key (its own)', monthlyUsd: 1, resourceType: 'aws_kms_key', quantity: 1 },
    ]);
    expect(fargate.monthlyUsd).toBe(37.04);
    const vm = CostEstimator.estimate({ tier: T.VM, cpu: 1, memoryMiB: 1024, instanceType: 'm5.large', ownKey: false, rootVolumeGiB: 0 });
    // m5.large is confirmed in us-east-1: no estimate label.
    expect(vm.items).toEqual([{ what: 'compute: 1 x m5.large on demand', monthlyUsd: 70.08, resourceType: 'aws_instance', quantity: 1 }]);
    expect(vm).toMatchObject({ monthlyUsd: 70.08, requestedRegion: 'us-east-1', pricesRegion: 'us-east-1', warnings: [] });
  });

  test('a VM tenant with everything it owns, in eu-west-1: compute with its volumes, key, logs, its own network, an internet-facing ALB', () => {
    const e = CostEstimator.estimate({
      tier: T.VM, region: 'eu-west-1', replicas: 2, cpu: 1, memoryMiB: 2048, zones: 2, rootVolumeGiB: 10, logIngestionGiBPerMonth: 2,
      ownNetwork: { interfaceEndpoints: 7, zones: 2, natGateways: 1, publicIpv4Addresses: 1, kmsKeys: 1 },
      loadBalancer: LoadBalancerKind.APPLICATION, internetFacing: true,
    });
    expect(items(e)).toEqual({
      'compute: 2 x t3a.medium on demand, 10 GiB gp3 root volume each': 61.33, // 2 x 0.0408 x 730 + 2 x 10 x 0.088
      'KMS key (its own)': 1,
      'log group ingestion: 2 GiB': 1.14,
      'own network: 7 interface endpoint(s) x 2 zone(s) (data processed, $0.01/GB, not included)': 112.42, // 14 x 0.011 x 730
      'own network: 1 NAT gateway(s) (data processed, $0.048/GB, not included)': 35.04,
      'own network: 1 public IPv4 address(es) (Elastic IPs)': 3.65,
      'own network: 1 KMS key(s) (flow log)': 1,
      'load balancer: internet-facing ALB, 1 LCU on average, 2 public IPv4 address(es)': 31.54, // (0.0252 + 0.008 + 2 x 0.005) x 730
    });
    expect(e.monthlyUsd).toBe(sumCents(e));
    const lb = e.items.find((i) => i.resourceType === 'aws_lb')!;
    expect(lb.estimate).toMatch(/assumed: 1 capacity unit\(s\) an hour on average/);
    expect(lb.estimate).toMatch(/a list price not re-checked against a public page/);
  });

  test('dedicated VM: the uplift is an estimate and says its rule; the region fee is not a workload\'s item', () => {
    const e = CostEstimator.estimate({ tier: T.DEDICATED_VM, cpu: 2, memoryMiB: 6000, ownKey: false });
    expect(items(e)).toEqual({ 'compute: 1 x m6i.large dedicated instance (on demand +10 %), 8 GiB gp3 root volume each': 77.73 }); // 0.096 x 1.1 x 730 + 8 x 0.08
    expect(e.items[0].estimate).toContain('dedicated instance hour = on-demand + 10 %');
  });

  test('dedicated host: the family by host price, whole hosts, at least one per zone used; the host price is an estimate with its basis', () => {
    // The case: 2 replicas of 0.5 vCPU got c6i hosts (family by instance price); c5 hosts (72 vCPU) cost less.
    const one = CostEstimator.estimate({ tier: T.DEDICATED_HOST, replicas: 2, cpu: 0.5, memoryMiB: 512, ownKey: false, rootVolumeGiB: 0 });
    expect(one.items).toEqual([expect.objectContaining({ what: 'hosts: 1 x c5 Dedicated Host (72 vCPU), billed whole', monthlyUsd: 2457.18, resourceType: 'aws_ec2_host', quantity: 1 })]);
    expect(one.items[0].estimate).toContain('Dedicated Host hour = 1.1 x the on-demand rate');
    const two = CostEstimator.estimate({ tier: T.DEDICATED_HOST, replicas: 2, cpu: 0.5, memoryMiB: 512, zones: 2, ownKey: false, rootVolumeGiB: 0 });
    expect(two.monthlyUsd).toBe(4914.36);
    const given = CostEstimator.estimate({ tier: T.DEDICATED_HOST, replicas: 2, cpu: 0.5, memoryMiB: 512, instanceType: 'c6i.large', ownKey: false, rootVolumeGiB: 30 });
    expect(items(given)).toEqual({
      'hosts: 1 x c6i Dedicated Host (128 vCPU), billed whole': 4368.32, // 1.1 x 64 x 0.085 x 730
      "instances: 2 x c6i.large on the hosts (their hours are in the hosts' price), 30 GiB gp3 root volume each": 4.8,
    });
  });

  test('shared container: a pool of its own priced whole, or a share of a shared pool by what its tasks reserve', () => {
    const own = CostEstimator.estimate({ tier: T.SHARED_CONTAINER, replicas: 12, cpu: 0.25, memoryMiB: 512, ownKey: false });
    expect(own.items).toEqual([expect.objectContaining({ what: 'pool (its own): 1 x c6i.xlarge on demand, 30 GiB gp3 root volume each', monthlyUsd: 126.5, quantity: 1 })]);
    // Two or more tasks over 3 zones: an instance in each zone.
    expect(items(CostEstimator.estimate({ tier: T.SHARED_CONTAINER, replicas: 12, cpu: 0.25, memoryMiB: 512, ownKey: false, zones: 3 })))
      .toEqual({ 'pool (its own): 3 x c6i.large on demand, 30 GiB gp3 root volume each': 193.35 });
    const share = CostEstimator.estimate({ tier: T.SHARED_CONTAINER, replicas: 12, cpu: 0.25, memoryMiB: 512, ownKey: false, sharedPool: true });
    // memory binds: 12 x 512 of 8192 - 512 MiB = 80 % of the instance and its volume.
    expect(share.items).toEqual([expect.objectContaining({
      what: "compute: share of pool c6i.xlarge (as its tasks alone would need it): its tasks reserve 80 % of the 1 instance(s)' memory", monthlyUsd: 101.2,
      resourceType: 'aws_autoscaling_group', quantity: 0.8,
    })]);
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
    const input: PlacementCost = { tier: T.VM, cpu: 1, memoryMiB: 1024, loadBalancer: LoadBalancerKind.NETWORK, zones: 3, ownNetwork: { interfaceEndpoints: 5, zones: 3 } };
    expect(CostEstimator.estimate(input)).toEqual(CostEstimator.estimate({ ...input }));
  });

  test.each<[string, Partial<PlacementCost>, RegExp]>([
    ['replicas 0', { replicas: 0 }, /replicas must be a whole number of at least 1, got 0/],
    ['negative cpu', { cpu: -1 }, /cpu must be a non-negative number/],
    ['an own network with no zones', { ownNetwork: { interfaceEndpoints: 1, zones: 0 } }, /zones must be a whole number of at least 1/],
    ['an unknown type', { instanceType: 'x9.large' }, /not in the bundled catalogue/],
    ['too large for Fargate', { tier: T.MICROVM_CONTAINER, cpu: 64 }, /larger than the largest Fargate task/],
  ])('%s is a PlacementError', (_name, override, message) => {
    const run = () => CostEstimator.estimate({ tier: T.VM, cpu: 1, memoryMiB: 1024, where: 'Stack/t', ...override } as PlacementCost);
    expect(run).toThrow(PlacementError);
    expect(run).toThrow(message);
  });
});

describe('networks, pools and totals', () => {
  test('network and pool, each item naming the resource type it prices', () => {
    const net = CostEstimator.network({ region: 'eu-west-1', interfaceEndpoints: 5, zones: 2, natGateways: 2, publicIpv4Addresses: 2, kmsKeys: 1 });
    expect(net.monthlyUsd).toBe(80.3 + 70.08 + 7.3 + 1);
    expect(net.items.map((i) => [i.resourceType, i.quantity])).toEqual([['aws_vpc_endpoint', 10], ['aws_nat_gateway', 2], ['aws_eip', 2], ['aws_kms_key', 1]]);
    const pool = CostEstimator.pool({ instanceType: 'm6i.large', instances: 3 });
    expect(items(pool)).toEqual({ 'pool: 3 x m6i.large on demand, 30 GiB gp3 root volume each': 217.44 }); // 3 x (0.096 x 730 + 30 x 0.08)
  });

  test('total is the cent-exact sum', () => {
    const a = CostEstimator.estimate({ tier: T.MICROVM_CONTAINER, cpu: 1, memoryMiB: 2048 });
    const b = CostEstimator.estimate({ tier: T.VM, cpu: 1, memoryMiB: 1024, instanceType: 'm5.large' });
    expect(CostEstimator.total([a, b, a])).toBe(Math.round((2 * a.monthlyUsd + b.monthlyUsd) * 100) / 100);
    expect(CostEstimator.total([])).toBe(0);
  });
});
