#!/usr/bin/env node
// Summarises a .cpuprofile (node --cpu-prof): self time by function and by file, top entries.
//   node bench/profile-summary.js CPU.*.cpuprofile [top]
'use strict';
const fs = require('fs');

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
// timeDeltas[i] is the time before samples[i]: attribute it to that sample's node.
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fns = new Map();
const files = new Map();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const shortUrl = (url || '(native)').replace(/^file:\/\//, '').replace(/.*node_modules\//, '');
  const fn = `${functionName || '(anonymous)'} ${shortUrl}:${lineNumber + 1}`;
  fns.set(fn, (fns.get(fn) ?? 0) + us);
  files.set(shortUrl, (files.get(shortUrl) ?? 0) + us);
}
const show = (title, map) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
  }
};
// Inclusive: every function on a sample's stack (counted once per sample) gets the sample's time.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (id) => {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  return `${functionName || '(anonymous)'} ${(url || '(native)').replace(/^file:\/\//, '').replace(/.*node_modules\//, '')}:${lineNumber + 1}`;
};
const inclusive = new Map();
for (const [id, us] of self) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) seen.add(label(at));
  for (const fn of seen) inclusive.set(fn, (inclusive.get(fn) ?? 0) + us);
}
show('self time by function', fns);
if (process.env.INCLUSIVE) show(`inclusive time by function matching ${process.env.INCLUSIVE}`, new Map([...inclusive].filter(([k]) => k.includes(process.env.INCLUSIVE))));
show('self time by file', files);
