import { HOST_RESERVED_MIB, InstanceCatalog } from '../../lib/capacity';
import { PlacementError, PlacementTier as T } from '../../lib';

const W = 'Stack/tenant';

describe('InstanceCatalog.select picks the cheapest type that fits the tier', () => {
  test.each<[T, number, number, string]>([
    [T.VM, 0.25, 256, 't3a.micro'],
    [T.VM, 0.5, 512, 't3a.micro'],
    [T.VM, 1, 1536, 't3a.small'],
    [T.VM, 2, 4096, 't3a.large'],
    [T.VM, 4, 8192, 't3a.xlarge'],
    [T.VM, 8, 16384, 't3a.2xlarge'],
    [T.DEDICATED_VM, 8, 15000, 'c6i.2xlarge'],
    [T.VM, 2, 12000, 'r6i.large'],
    [T.DEDICATED_VM, 0.25, 256, 'c6i.large'],
    [T.DEDICATED_VM, 2, 6000, 'm6i.large'],
    [T.DEDICATED_VM, 100, 1000, 'c6i.32xlarge'],
    [T.DEDICATED_VM, 64, 900000, 'r6i.32xlarge'],
    [T.DEDICATED_HOST, 0.5, 512, 'c6i.large'],
    [T.DEDICATED_HOST, 2, 15000, 'r6i.large'],
  ])('%s %d vCPU / %d MiB -> %s', (tier, cpu, memoryMiB, expected) => {
    const choice = InstanceCatalog.select({ where: W, tier, cpu, memoryMiB });
    expect(choice.type.name).toBe(expected);
    expect(choice.type.vcpus).toBeGreaterThanOrEqual(cpu);
    expect(choice.type.memoryMiB).toBeGreaterThanOrEqual(memoryMiB + HOST_RESERVED_MIB);
    expect(choice.note).toContain(expected);
  });

  test('dedicated tiers never get a burstable type; the host tier always a host family', () => {
    for (const cpu of [0.25, 1, 2, 4, 8]) {
      for (const memoryMiB of [256, 1024, 4096, 16384]) {
        const vm = InstanceCatalog.select({ where: W, tier: T.DEDICATED_VM, cpu, memoryMiB });
        expect(vm.type.burstable).toBe(false);
        const host = InstanceCatalog.select({ where: W, tier: T.DEDICATED_HOST, cpu, memoryMiB });
        expect(host.type.burstable).toBe(false);
        expect(host.hostVcpus).toBeGreaterThan(0);
      }
    }
  });

  test.each<[T, number, number, RegExp]>([
    [T.VM, 256, 1024, /larger than any catalogue type for vm; the largest is r7i\.48xlarge/],
    [T.DEDICATED_VM, 2, 2_000_000, /the largest is r7i\.48xlarge/],
  ])('%s %d vCPU / %d MiB is refused', (tier, cpu, memoryMiB, message) => {
    expect(() => InstanceCatalog.select({ where: W, tier, cpu, memoryMiB })).toThrow(PlacementError);
    expect(() => InstanceCatalog.select({ where: W, tier, cpu, memoryMiB })).toThrow(message);
    expect(() => InstanceCatalog.select({ where: W, tier, cpu, memoryMiB })).toThrow(/Fix: .*replicas/);
  });

  test.each<[T, string, number, number, RegExp | undefined]>([
    [T.VM, 't3.small', 1, 1024, undefined],
    [T.VM, 'm6i.large', 1, 1024, undefined],
    [T.DEDICATED_VM, 't3.large', 1, 1024, /burstable.*Fix: use 'c6i.large'/],
    [T.DEDICATED_HOST, 't3a.large', 1, 1024, /burstable/],
    [T.VM, 'x9.huge', 1, 1024, /not in the bundled catalogue/],
    [T.VM, 't3.nano', 1, 1024, /too small/],
  ])('%s with instanceType %s', (tier, instanceType, cpu, memoryMiB, refusal) => {
    const run = () => InstanceCatalog.select({ where: W, tier, cpu, memoryMiB, instanceType });
    if (refusal) {
      expect(run).toThrow(PlacementError);
      expect(run).toThrow(refusal);
    } else {
      expect(run().type.name).toBe(instanceType);
    }
  });

  test('the catalogue is sorted by price and every row is consistent', () => {
    const all = InstanceCatalog.all();
    expect(all.length).toBeGreaterThan(60);
    for (let i = 1; i < all.length; i++) expect(all[i].hourlyUsd).toBeGreaterThanOrEqual(all[i - 1].hourlyUsd);
    for (const t of all) {
      expect(t.name.startsWith(`${t.family}.`)).toBe(true);
      expect(t.burstable).toBe(t.family.startsWith('t'));
      expect(t.vcpus).toBeGreaterThan(0);
      expect(t.memoryMiB).toBeGreaterThanOrEqual(512);
    }
  });
});

test('DEDICATED_HOST refuses a type larger than its family\'s host (it could never be placed)', () => {
  expect(() => InstanceCatalog.select({ where: 'w', tier: T.DEDICATED_HOST, cpu: 1, memoryMiB: 512, instanceType: 'c5.24xlarge' }))
    .toThrow(/instanceType 'c5.24xlarge' has 96 vCPUs, more than the 72 of a c5 Dedicated Host/);
});
