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
    // AWS docs, Fargate task size: 256 CPU takes 512, 1024 or 2048 MiB (no 1536); the rest are ranges.
    const range = (low: number, high: number, step: number) => Array.from({ length: (high - low) / step + 1 }, (_, i) => low + i * step);
    const documented: Array<[number, number[]]> = [
      [256, [512, 1024, 2048]],
      [512, range(1024, 4096, 1024)],
      [1024, range(2048, 8192, 1024)],
      [2048, range(4096, 16384, 1024)],
      [4096, range(8192, 30720, 1024)],
      [8192, range(16384, 61440, 4096)],
      [16384, range(32768, 122880, 8192)],
    ];
    const expected = documented.flatMap(([cpu, mems]) => mems.map((m) => `${cpu}/${m}`)).sort();
    expect(FargateSizes.all().map((s) => `${s.cpuUnits}/${s.memoryMiB}`).sort()).toEqual(expected);
  });

  test('0.25 vCPU with 1.5 GiB rounds to 2048 MiB, never the invalid 256/1536', () => {
    expect(FargateSizes.fit(W, 0.25, 1536).size).toMatchObject({ cpuUnits: 256, memoryMiB: 2048 });
  });
});
