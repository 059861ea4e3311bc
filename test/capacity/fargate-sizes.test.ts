import { FargateSizes } from '../../lib/capacity';
import { PlacementError } from '../../lib';

const W = 'Stack/tenant';

describe('FargateSizes.fit rounds up to the cheapest valid pair', () => {
  test.each<[number, number, number, number, string | undefined]>([
    [0.25, 512, 256, 512, undefined],
    [0.3, 700, 512, 1024, 'Fargate size rounded up from 0.3 vCPU / 700 MiB to 0.5 vCPU / 1024 MiB.'],
    [0.25, 3000, 512, 3072, 'Fargate size rounded up from 0.25 vCPU / 3000 MiB to 0.5 vCPU / 3072 MiB.'],
    [1, 1024, 1024, 2048, 'Fargate size rounded up from 1 vCPU / 1024 MiB to 1 vCPU / 2048 MiB.'],
    [2, 5000, 2048, 5120, expect.any(String) as unknown as string],
    [4, 30720, 4096, 30720, undefined],
    [4, 31000, 8192, 32768, expect.any(String) as unknown as string],
    [8, 20000, 8192, 20480, expect.any(String) as unknown as string],
    [16, 122880, 16384, 122880, undefined],
  ])('%d vCPU / %d MiB -> %d units / %d MiB', (cpu, memoryMiB, units, mib, note) => {
    const choice = FargateSizes.fit(W, cpu, memoryMiB);
    expect(choice.size.cpuUnits).toBe(units);
    expect(choice.size.memoryMiB).toBe(mib);
    expect(choice.note).toEqual(note);
  });

  test.each([[17, 1024], [16, 130000]])('%d vCPU / %d MiB is too large', (cpu, memoryMiB) => {
    expect(() => FargateSizes.fit(W, cpu, memoryMiB)).toThrow(PlacementError);
    expect(() => FargateSizes.fit(W, cpu, memoryMiB)).toThrow(/largest Fargate task \(16 vCPU \/ 122880 MiB\)/);
  });

  test('the table holds exactly the documented pairs', () => {
    const all = FargateSizes.all();
    const byCpu = new Map<number, number[]>();
    for (const s of all) byCpu.set(s.cpuUnits, [...(byCpu.get(s.cpuUnits) ?? []), s.memoryMiB].sort((a, b) => a - b));
    expect(byCpu.get(256)).toEqual([512, 1024, 1536, 2048]);
    expect(byCpu.get(512)).toEqual([1024, 2048, 3072, 4096]);
    expect(byCpu.get(16384)?.length).toBe(12);
    expect(all.length).toBe(4 + 4 + 7 + 13 + 23 + 12 + 12);
  });
});
