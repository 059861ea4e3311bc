// Bin-packing instances whose optimum is known: every host of the optimum is cut exactly, in cpu and
// memory (and task slots where enabled), into items; the items are then shuffled. The optimum is the
// number of hosts cut, and equals the lower bound ceil(total / capacity).
'use strict';

// The packer's own seeded generator (the compiled lib; `npm run build` first, as for the rest of the bench).
const { random } = require('../lib/capacity/packing-search');

/** Cuts `total` (in steps of `grain`) into `parts` positive pieces at random points. */
function cut(rnd, total, parts, grain) {
  const steps = total / grain;
  const points = new Set();
  while (points.size < parts - 1) points.add(1 + Math.floor(rnd() * (steps - 1)));
  const sorted = [0, ...[...points].sort((a, b) => a - b), steps];
  return sorted.slice(1).map((p, i) => (p - sorted[i]) * grain);
}

/**
 * One instance: `hosts` hosts of 8 vCPU / 32 GiB (and 6 slots when `slots`), each cut into 2..5 items.
 * cpu in vCPU (multiples of 1/16), memory in MiB (multiples of 128).
 */
function instance(seed, hosts, slots) {
  const rnd = random(seed);
  const host = { cpu: 8, memoryMiB: 32768, ...(slots ? { slots: 6 } : {}) };
  const items = [];
  for (let h = 0; h < hosts; h++) {
    const parts = 2 + Math.floor(rnd() * 4);
    const cpu = cut(rnd, 8 * 16, parts, 1);
    const mem = cut(rnd, 32768, parts, 128);
    const slot = slots ? cut(rnd, 6, parts, 1) : [];
    for (let k = 0; k < parts; k++) items.push({ cpu: cpu[k] / 16, memoryMiB: mem[k], ...(slots ? { slots: slot[k] } : {}) });
  }
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return { host, items, optimum: hosts };
}

/** A fixed set: `count` instances of 30..150 hosts, every third with task slots. */
function instances(count, seed = 1) {
  const rnd = random(seed);
  return Array.from({ length: count }, (_, k) => instance(seed * 1000 + k, 30 + Math.floor(rnd() * 121), k % 3 === 2));
}

/** Average % over the optimum of the packer and of first-fit decreasing on a set. */
function quality(packHosts, set) {
  let packer = 0;
  let ffd = 0;
  for (const inst of set) {
    const r = packHosts({ items: inst.items, host: inst.host });
    packer += (r.hosts - inst.optimum) / inst.optimum;
    ffd += (r.firstFitDecreasingHosts - inst.optimum) / inst.optimum;
  }
  return { packerPct: Math.round((10000 * packer) / set.length) / 100, ffdPct: Math.round((10000 * ffd) / set.length) / 100 };
}

module.exports = { instance, instances, quality };
