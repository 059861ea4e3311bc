#!/usr/bin/env node
// How many tokens a scenario creates and how deep the stack is at each: cdktf captures (and keeps)
// a complete stack trace per token, so tokens x frames is what the stack traces cost in time and memory.
//   node bench/token-stats.js library 100 [--sites]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const stackTrace = require('cdktf/lib/tokens/private/stack-trace');

const [program, n, sitesFlag] = process.argv.slice(2);
const capture = stackTrace.captureStackTrace;
let tokens = 0;
let frames = 0;
const sites = new Map();
// cdktf calls it through the module's exports object, so replacing the export counts every call.
stackTrace.captureStackTrace = function counted(below) {
  const trace = capture(below || counted);
  tokens++;
  frames += trace.length;
  const site = trace.find((l) => /\/lib\/(targets|constructs|report)\/|scenarios\//.test(l)) ?? trace[0];
  sites.set(site, (sites.get(site) ?? 0) + 1);
  return trace;
};
const { App } = require('cdktf');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-stats-'));
const app = new App({ outdir });
require(`./scenarios/${program}`).build(app, Number(n));
const built = { tokens, frames };
app.synth();
fs.rmSync(outdir, { recursive: true, force: true });
console.log(`${program} N=${n}: building created ${built.tokens} tokens, ${(built.frames / built.tokens).toFixed(1)} frames each; `
  + `synthesis ${tokens - built.tokens} more`);
if (sitesFlag === '--sites') {
  for (const [site, count] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(count).padStart(7), site);
}
