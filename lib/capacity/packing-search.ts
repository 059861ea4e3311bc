// The search behind CapacityPlanner.packHosts: greedy packings, then a consistent-neighbourhood search
// (after Buljubašić & Vasquez, "Consistent neighborhood search for one-dimensional bin packing and
// two-dimensional vector packing", 2016) that tries to empty one host at a time. Integers only: each
// dimension is compared against its capacity exactly; the scalar "weight" that guides the search is an
// integer too (each dimension scaled by the product of the other capacities).

/** Items and capacity in integer units, one array per dimension (cpu, memory, slots). */
export interface Problem {
  readonly size: readonly (readonly number[])[];
  readonly cap: readonly number[];
  /** Scalar size of each item: the sum of its normalized dimensions, as an integer. */
  readonly weight: readonly number[];
}

export type Assignment = number[];

/** First fit over the items in the given order; returns the host index of each item. */
export function firstFit(p: Problem, order: readonly number[]): Assignment {
  const dims = p.cap.length;
  const loads: number[][] = [];
  const out: Assignment = new Array(p.weight.length).fill(-1);
  for (const i of order) {
    let host = loads.findIndex((load) => fits(p, load, i, dims));
    if (host < 0) { host = loads.length; loads.push(new Array(dims).fill(0)); }
    for (let d = 0; d < dims; d++) loads[host][d] += p.size[d][i];
    out[i] = host;
  }
  return out;
}

/** Best fit: the fullest host (by weight) the item fits on. */
export function bestFit(p: Problem, order: readonly number[]): Assignment {
  const dims = p.cap.length;
  const loads: number[][] = [];
  const fill: number[] = [];
  const out: Assignment = new Array(p.weight.length).fill(-1);
  for (const i of order) {
    let host = -1;
    for (let h = 0; h < loads.length; h++) {
      if (fits(p, loads[h], i, dims) && (host < 0 || fill[h] > fill[host])) host = h;
    }
    if (host < 0) { host = loads.length; loads.push(new Array(dims).fill(0)); fill.push(0); }
    for (let d = 0; d < dims; d++) loads[host][d] += p.size[d][i];
    fill[host] += p.weight[i];
    out[i] = host;
  }
  return out;
}

function fits(p: Problem, load: readonly number[], i: number, dims: number): boolean {
  for (let d = 0; d < dims; d++) if (load[d] + p.size[d][i] > p.cap[d]) return false;
  return true;
}

export function hostCount(a: Assignment): number {
  return a.reduce((m, h) => Math.max(m, h + 1), 0);
}

/** A deterministic generator (mulberry32), so the search is the same on every run. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Tries to pack the items onto fewer hosts than `start` uses, down to `lowerBound`, within `budget`
 * feasibility checks. Returns the best assignment found (never more hosts than `start`).
 */
export function improve(p: Problem, start: Assignment, lowerBound: number, budget: number): Assignment {
  const dims = p.cap.length;
  let best = start;
  let bins: number[][] = Array.from({ length: hostCount(start) }, () => []);
  start.forEach((h, i) => bins[h].push(i));
  const rnd = random(0x5eed);
  let work = 0;
  while (bins.length > lowerBound && work < budget) {
    // Aim for one host fewer: the lightest host's items go to the pool.
    const lightest = argmin(bins.map((b) => sum(b, p.weight)));
    const pool = bins[lightest];
    bins = bins.filter((_, h) => h !== lightest);
    const loads = bins.map((b) => load(p, b, dims));
    const tabu = new Map<number, number>();
    let step = 0;
    let stale = 0;
    while (pool.length > 0 && work < budget) {
      step++;
      work += insertPool(p, bins, loads, pool);
      if (pool.length === 0) break;
      const moved = swapSweep(p, bins, loads, pool, tabu, step);
      work += moved.work;
      if (moved.improved) { stale = 0; continue; }
      if (++stale > 2 * bins.length) break;
      work += kick(p, bins, loads, pool, tabu, step, rnd);
    }
    if (pool.length > 0) break;
    best = fromBins(bins, p.weight.length);
  }
  return best;
}

function fromBins(bins: number[][], n: number): Assignment {
  const out: Assignment = new Array(n).fill(-1);
  bins.forEach((b, h) => b.forEach((i) => { out[i] = h; }));
  return out;
}

function load(p: Problem, items: readonly number[], dims: number): number[] {
  const l = new Array(dims).fill(0);
  for (const i of items) for (let d = 0; d < dims; d++) l[d] += p.size[d][i];
  return l;
}

function sum(items: readonly number[], weight: readonly number[]): number {
  return items.reduce((s, i) => s + weight[i], 0);
}

function argmin(values: readonly number[]): number {
  let at = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[at]) at = i;
  return at;
}

/** Puts pool items (largest first) on the fullest host they fit on. */
function insertPool(p: Problem, bins: number[][], loads: number[][], pool: number[]): number {
  const dims = p.cap.length;
  let work = 0;
  pool.sort((a, b) => p.weight[b] - p.weight[a] || a - b);
  for (let k = 0; k < pool.length;) {
    const i = pool[k];
    let host = -1;
    let hostFill = -1;
    for (let h = 0; h < bins.length; h++) {
      work++;
      if (fits(p, loads[h], i, dims)) {
        const f = sum(bins[h], p.weight);
        if (f > hostFill) { host = h; hostFill = f; }
      }
    }
    if (host < 0) { k++; continue; }
    bins[host].push(i);
    for (let d = 0; d < dims; d++) loads[host][d] += p.size[d][i];
    pool.splice(k, 1);
  }
  return work;
}

/** Subsets of up to two positions of a list (the empty subset first when `withEmpty`). */
function subsets(length: number, withEmpty: boolean): number[][] {
  const out: number[][] = withEmpty ? [[]] : [];
  for (let a = 0; a < length; a++) {
    out.push([a]);
    for (let b = a + 1; b < length; b++) out.push([a, b]);
  }
  return out;
}

const POOL_WINDOW = 24;

/**
 * For each host, the exchange of up to two of its items with up to two pool items that raises its
 * fill the most (the pool's total weight falls). Applies the best exchange per host.
 */
function swapSweep(p: Problem, bins: number[][], loads: number[][], pool: number[], tabu: Map<number, number>,
  step: number): { improved: boolean; work: number } {
  const dims = p.cap.length;
  let work = 0;
  let improved = false;
  for (let h = 0; h < bins.length; h++) {
    const bin = bins[h];
    const window = pool.slice(0, POOL_WINDOW);
    const ins = subsets(window.length, false);
    const outs = subsets(bin.length, true);
    let bestGain = 0;
    let bestIn: number[] = [];
    let bestOut: number[] = [];
    for (const out of outs) {
      if (out.some((k) => (tabu.get(bin[k]) ?? 0) > step)) continue;
      const outWeight = out.reduce((s, k) => s + p.weight[bin[k]], 0);
      for (const inn of ins) {
        work++;
        const gain = inn.reduce((s, k) => s + p.weight[window[k]], 0) - outWeight;
        if (gain <= bestGain) continue;
        let ok = true;
        for (let d = 0; d < dims && ok; d++) {
          let l = loads[h][d];
          for (const k of out) l -= p.size[d][bin[k]];
          for (const k of inn) l += p.size[d][window[k]];
          ok = l <= p.cap[d];
        }
        if (ok) { bestGain = gain; bestIn = inn.map((k) => window[k]); bestOut = out.map((k) => bin[k]); }
      }
    }
    if (bestIn.length === 0) continue;
    exchange(p, bins, loads, pool, h, bestIn, bestOut);
    for (const i of bestIn) tabu.set(i, step + 3);
    improved = true;
  }
  return { improved, work };
}

function exchange(p: Problem, bins: number[][], loads: number[][], pool: number[], h: number, inn: number[], out: number[]): void {
  const dims = p.cap.length;
  bins[h] = bins[h].filter((i) => !out.includes(i)).concat(inn);
  for (let d = 0; d < dims; d++) {
    for (const i of out) loads[h][d] -= p.size[d][i];
    for (const i of inn) loads[h][d] += p.size[d][i];
  }
  for (const i of inn) pool.splice(pool.indexOf(i), 1);
  pool.push(...out);
}

/**
 * No exchange raises any host's fill: force a pool item onto a random host, ejecting the host's
 * items (smallest first) until it fits. The forced item is tabu for a while so it stays.
 */
function kick(p: Problem, bins: number[][], loads: number[][], pool: number[], tabu: Map<number, number>,
  step: number, rnd: () => number): number {
  const dims = p.cap.length;
  const i = pool[Math.floor(rnd() * Math.min(pool.length, 4))];
  const h = Math.floor(rnd() * bins.length);
  const order = [...bins[h]].sort((a, b) => p.weight[a] - p.weight[b] || a - b);
  const out: number[] = [];
  const l = [...loads[h]];
  for (let d = 0; d < dims; d++) l[d] += p.size[d][i];
  for (const j of order) {
    if (l.every((v, d) => v <= p.cap[d])) break;
    out.push(j);
    for (let d = 0; d < dims; d++) l[d] -= p.size[d][j];
  }
  exchange(p, bins, loads, pool, h, [i], out);
  tabu.set(i, step + 5 + Math.floor(rnd() * 5));
  return order.length;
}
