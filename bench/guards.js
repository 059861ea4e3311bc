#!/usr/bin/env node
// The guards' cost: app.synth() of the same stack with and without IsolationGuards (all packs), each
// run in its own process, alternating on/off, median of RUNS. Needs `npm run build` first.
//   node bench/guards.js                 # examples/fleet-from-file's stack, and N=100 (3,329 resources)
//   node bench/guards.js fleet 10 --runs 9
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 7;
const SHAPES = args.length ? args : ['fleet', '100'];

function once(shape, guards) {
  const child = spawnSync(process.execPath, [path.join(__dirname, 'scenarios', 'guards.js'), shape, guards], {
    cwd: path.join(__dirname, '..'), encoding: 'utf8', env: { ...process.env, CDKTF_ISOLATION_QUIET: '1', CHECKPOINT_DISABLE: '1' },
  });
  if (child.status !== 0) throw new Error(`guards.js ${shape} ${guards} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const shape of SHAPES) {
  const runs = { off: [], on: [] };
  once(shape, 'off'); // warm-up: file system cache
  for (let i = 0; i < RUNS; i++) {
    for (const guards of i % 2 ? ['off', 'on'] : ['on', 'off']) runs[guards].push(once(shape, guards));
  }
  const synth = (g) => Math.round(median(runs[g].map((r) => r.synthMs)));
  const rss = (g) => Math.round(median(runs[g].map((r) => r.rssMb)));
  console.log(`${shape}: ${runs.on[0].resources} resources; app.synth() ${synth('off')} ms without guards, ${synth('on')} ms with `
    + `(x${(synth('on') / synth('off')).toFixed(2)}); RSS ${rss('off')} / ${rss('on')} MB`);
}
