#!/usr/bin/env node
// Synthesis benchmark: the library against hand-written L1 code building the same resources.
// Each measurement runs in its own process (so require cost, JIT warm-up and peak RSS are real);
// one warm-up run, then RUNS measured runs, median reported.
//
//   npm run bench                      # N = 10, 100, 1000; 5 runs each
//   npm run bench -- --n 10,100 --runs 3
//   npm run bench -- --suite           # also time the README's test command with/without terraform
//   npm run bench -- --packing         # only the packer's quality and time
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZES = flag('n', '10,100,1000').split(',').map(Number);
const RUNS = Number(flag('runs', '5'));
const WITH_SUITE = args.includes('--suite');
const PACKING_ONLY = args.includes('--packing');
const PACKING_INSTANCES = Number(flag('packing-instances', '60'));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs one child process and returns its own report plus the wall time seen from outside. */
function measureOnce(script, scriptArgs) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [path.join(__dirname, script), ...scriptArgs], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' }, maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) {
    throw new Error(`${script} ${scriptArgs.join(' ')} failed (${child.status}):\n${child.stderr}`);
  }
  const report = JSON.parse(child.stdout.trim().split('\n').pop());
  return { wallMs, ...report };
}

/** Medians of several runs of one program. */
function summarise(runs) {
  const last = runs[runs.length - 1];
  return {
    wallMs: Math.round(median(runs.map((r) => r.wallMs))),
    rssMb: Math.round(median(runs.map((r) => r.rssMb)) * 10) / 10,
    synthMs: Math.round(median(runs.map((r) => r.synthMs))),
    cpuMs: Math.round(median(runs.map((r) => r.cpuMs))),
    resources: last.resources,
    resourcesByType: last.resourcesByType,
    bytes: last.bytes,
  };
}

/**
 * Measures two programs: one warm-up each (file system cache), then `runs` runs each, alternating,
 * so that drift on the machine (other load, thermal) falls on both alike.
 */
function measurePair(a, b, runs) {
  measureOnce(...a);
  measureOnce(...b);
  const ra = [];
  const rb = [];
  for (let i = 0; i < runs; i++) {
    ra.push(measureOnce(...a));
    rb.push(measureOnce(...b));
  }
  return [summarise(ra), summarise(rb)];
}

function timeCommand(command, env) {
  const started = Date.now();
  const child = spawnSync('bash', ['-c', command], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
  return { seconds: Math.round((Date.now() - started) / 100) / 10, status: child.status };
}

/** The packer's quality on generated instances of known optimum, against FFD, and its time on 2,000 items. */
function measurePacking() {
  const { CapacityPlanner } = require(path.join(ROOT, 'lib', 'capacity', 'capacity-planner'));
  const generated = require('./packing-instances');
  const set = generated.instances(PACKING_INSTANCES, 1);
  const started = process.hrtime.bigint();
  const { packerPct, ffdPct } = generated.quality(CapacityPlanner.packHosts, set);
  const setMs = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  const big = generated.instance(11, 570, true);
  const items = big.items.slice(0, 2000);
  const times = [];
  let hosts = 0;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    hosts = CapacityPlanner.packHosts({ items, host: big.host }).hosts;
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { instances: set.length, packerPctOverOptimum: packerPct, ffdPctOverOptimum: ffdPct, setMs,
    items2000: { ms: Math.round(median(times)), hosts } };
}

function main() {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    console.error('bench: lib/index.js is missing; run `npm run build` first.');
    process.exit(1);
  }
  const packing = measurePacking();
  if (PACKING_ONLY) {
    console.log(JSON.stringify(packing, null, 2));
    return;
  }
  const scenarios = [];
  for (const n of SIZES) {
    const [library, baseline] = measurePair(['scenarios/library.js', [String(n)]], ['scenarios/baseline.js', [String(n)]], RUNS);
    if (library.resources !== baseline.resources) {
      throw new Error(`N=${n}: library built ${library.resources} resources, baseline ${baseline.resources}`);
    }
    scenarios.push({
      n,
      library: { wallMs: library.wallMs, rssMb: library.rssMb, synthMs: library.synthMs, cpuMs: library.cpuMs },
      baseline: { wallMs: baseline.wallMs, rssMb: baseline.rssMb, synthMs: baseline.synthMs, cpuMs: baseline.cpuMs },
      ratio: { wall: round2(library.wallMs / baseline.wallMs), rss: round2(library.rssMb / baseline.rssMb), cpu: round2(library.cpuMs / baseline.cpuMs) },
      resources: library.resources,
      bytes: { library: library.bytes, baseline: baseline.bytes },
      msPerResource: { library: round2(library.wallMs / library.resources), baseline: round2(baseline.wallMs / baseline.resources) },
    });
  }
  // A require takes ~0.3 s and varies by tens of ms: three times the runs.
  const [libraryImport, baselineImport] = measurePair(['scenarios/import.js', ['library']], ['scenarios/import.js', ['baseline']], 3 * RUNS);
  const results = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: require('os').cpus().length, runs: RUNS },
    scenarios,
    packing,
    import: {
      libraryMs: libraryImport.synthMs, baselineMs: baselineImport.synthMs,
      libraryRssMb: libraryImport.rssMb, baselineRssMb: baselineImport.rssMb,
    },
  };
  if (WITH_SUITE) {
    results.testSuite = {
      withTerraform: timeCommand('npm test'),
      withoutTerraform: timeCommand('npm test', { CDKTF_ISOLATION_SKIP_TERRAFORM: '1' }),
    };
  }
  const byN = Object.fromEntries(scenarios.map((s) => [s.n, s]));
  results.targets = {
    'ratio.wall(1000) <= 1.25': byN[1000] ? byN[1000].ratio.wall <= 1.25 : null,
    'ratio.rss(1000) <= 1.25': byN[1000] ? byN[1000].ratio.rss <= 1.25 : null,
    'wall(1000)/wall(100) <= 12': byN[1000] && byN[100] ? byN[1000].library.wallMs / byN[100].library.wallMs <= 12 : null,
    'import: +50 ms and +30 MB at most': libraryImport.synthMs - baselineImport.synthMs <= 50
      && libraryImport.rssMb - baselineImport.rssMb <= 30,
    'packer: <= 3 % over optimum on average': packing.packerPctOverOptimum <= 3,
    'packer: 2,000 items in < 1 s': packing.items2000.ms < 1000,
  };
  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  print(results);
}

function round2(x) {
  return Math.round(x * 100) / 100;
}

function print(results) {
  const rows = [['N', 'resources', 'lib wall ms', 'base wall ms', 'ratio', 'lib RSS MB', 'base RSS MB', 'ratio', 'cpu ratio', 'lib ms/res', 'base ms/res', 'lib KiB', 'base KiB']];
  for (const s of results.scenarios) {
    rows.push([s.n, s.resources, s.library.wallMs, s.baseline.wallMs, s.ratio.wall, s.library.rssMb, s.baseline.rssMb,
      s.ratio.rss, s.ratio.cpu, s.msPerResource.library, s.msPerResource.baseline, Math.round(s.bytes.library / 1024), Math.round(s.bytes.baseline / 1024)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const row of rows) console.log(row.map((cell, i) => String(cell).padStart(widths[i])).join('  '));
  const imp = results.import;
  console.log(`\nrequire: library ${imp.libraryMs} ms / ${imp.libraryRssMb} MB, baseline ${imp.baselineMs} ms / ${imp.baselineRssMb} MB`);
  const pk = results.packing;
  console.log(`packHosts on ${pk.instances} instances of known optimum: ${pk.packerPctOverOptimum} % over it on average `
    + `(first-fit decreasing ${pk.ffdPctOverOptimum} %), ${pk.setMs} ms; 2,000 items: ${pk.items2000.ms} ms, ${pk.items2000.hosts} hosts`);
  if (results.testSuite) {
    console.log(`npm test: ${results.testSuite.withTerraform.seconds} s with the terraform tier, `
      + `${results.testSuite.withoutTerraform.seconds} s without`);
  }
  for (const [target, met] of Object.entries(results.targets)) console.log(`${met ? 'met ' : met === null ? 'n/a ' : 'MISS'}  ${target}`);
  console.log('\nwritten: bench/results.json');
}

main();
