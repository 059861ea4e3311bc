import { CapacityPlanner, PackItem, PackHost } from '../../lib/capacity';
import { PlacementError } from '../../lib';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generated = require('../../bench/packing-instances.js');

function overCapacity(items: PackItem[], host: PackHost, assignment: number[]): string[] {
  const loads = new Map<number, [number, number, number]>();
  items.forEach((item, i) => {
    const l = loads.get(assignment[i]) ?? [0, 0, 0];
    l[0] += Math.round(item.cpu * 1024); l[1] += item.memoryMiB; l[2] += item.slots ?? 1;
    loads.set(assignment[i], l);
  });
  return [...loads].filter(([, l]) => l[0] > host.cpu * 1024 || l[1] > host.memoryMiB || (host.slots !== undefined && l[2] > host.slots))
    .map(([h]) => `host ${h}`);
}

describe('CapacityPlanner.packHosts', () => {
  const set = generated.instances(12, 3);

  test('every packing is feasible, uses hosts 0..hosts-1, and is no worse than FFD nor better than the bound', () => {
    for (const inst of set) {
      const r = CapacityPlanner.packHosts({ items: inst.items, host: inst.host });
      expect(r.assignment).toHaveLength(inst.items.length);
      expect(overCapacity(inst.items, inst.host, r.assignment)).toEqual([]);
      expect(new Set(r.assignment).size).toBe(r.hosts);
      expect(Math.max(...r.assignment)).toBe(r.hosts - 1);
      expect(r.hosts).toBeLessThanOrEqual(r.firstFitDecreasingHosts);
      expect(r.lowerBound).toBe(inst.optimum); // exactly cut hosts: the bound is the optimum
      expect(r.hosts).toBeGreaterThanOrEqual(r.lowerBound);
    }
  });

  test('averages within 3 % of the optimum on a fixed generated set', () => {
    const q = generated.quality(CapacityPlanner.packHosts, set);
    expect(q.packerPct).toBeLessThanOrEqual(3);
    expect(q.packerPct).toBeLessThan(q.ffdPct);
  });

  test('is deterministic', () => {
    const inst = set[2];
    const a = CapacityPlanner.packHosts({ items: inst.items, host: inst.host });
    const b = CapacityPlanner.packHosts({ items: inst.items.map((i: PackItem) => ({ ...i })), host: { ...inst.host } });
    expect(b).toEqual(a);
  });

  // Its speed is the benchmark's to measure (`npm run bench -- --packing`), not a timed test's: the
  // search is bounded by work, not time, so the result is the same on a loaded machine.
  test('2,000 items pack no worse than first-fit decreasing', () => {
    const inst = generated.instance(11, 570, false);
    expect(inst.items.length).toBeGreaterThanOrEqual(1900);
    const r = CapacityPlanner.packHosts({ items: inst.items, host: inst.host });
    expect(r.hosts).toBeLessThanOrEqual(r.firstFitDecreasingHosts);
  });

  test.each<[string, PackItem[], PackHost, number]>([
    ['12 tasks of 0.25 vCPU / 512 MiB on 2 vCPU / 4 GiB', Array(12).fill({ cpu: 0.25, memoryMiB: 512 }), { cpu: 2, memoryMiB: 4096 }, 2],
    ['slots limit tasks per host', Array(12).fill({ cpu: 0.25, memoryMiB: 512 }), { cpu: 2, memoryMiB: 4096, slots: 4 }, 3],
    ['memory binds', [{ cpu: 0.1, memoryMiB: 3000 }, { cpu: 0.1, memoryMiB: 3000 }, { cpu: 0.1, memoryMiB: 1000 }], { cpu: 4, memoryMiB: 4096 }, 2],
    ['0.1 vCPU rounds up to 103 units: ten need more than one vCPU', Array(10).fill({ cpu: 0.1, memoryMiB: 1 }), { cpu: 1, memoryMiB: 1024 }, 2],
    ['nothing to pack', [], { cpu: 1, memoryMiB: 1024 }, 0],
  ])('%s', (_name, items, host, hosts) => {
    const r = CapacityPlanner.packHosts({ items, host });
    expect(r.hosts).toBe(hosts);
    expect(overCapacity(items, host, r.assignment)).toEqual([]);
  });

  test.each<[string, PackItem[], PackHost, RegExp]>([
    ['an item larger than the host', [{ cpu: 4, memoryMiB: 1024 }], { cpu: 2, memoryMiB: 8192 }, /Stack\/pool: item 0 \(4 vCPU \/ 1024 MiB\) is larger than the host \(2 vCPU \/ 8192 MiB\).*Fix: use a larger host/],
    ['too many slots', [{ cpu: 1, memoryMiB: 1, slots: 3 }], { cpu: 2, memoryMiB: 8192, slots: 2 }, /item 0 .* \/ 3 slots\) is larger than the host .* \/ 2 slots\)/],
    ['a negative size', [{ cpu: -1, memoryMiB: 1 }], { cpu: 2, memoryMiB: 8192 }, /items\[0\]\.cpu must be a non-negative number/],
    ['a host without memory', [{ cpu: 1, memoryMiB: 1 }], { cpu: 2, memoryMiB: 0 }, /host\.memoryMiB must be a positive number/],
  ])('%s is a PlacementError', (_name, items, host, message) => {
    const run = () => CapacityPlanner.packHosts({ items, host, where: 'Stack/pool' });
    expect(run).toThrow(PlacementError);
    expect(run).toThrow(message);
  });
});
