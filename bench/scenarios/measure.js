// Shared by the scenario scripts: synthesize an app into a temp dir, report one JSON line, clean up.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Builds the app with `build(app)`, synthesizes it and prints {synthMs, rssMb, cpuMs, resources, bytes}. */
function synthAndReport(build) {
  const { App } = require('cdktf');
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const started = process.hrtime.bigint();
  const app = new App({ outdir });
  build(app);
  app.synth();
  const synthMs = Number(process.hrtime.bigint() - started) / 1e6;
  let resources = 0;
  let bytes = 0;
  const resourcesByType = {};
  const stacksDir = path.join(outdir, 'stacks');
  for (const stack of fs.readdirSync(stacksDir)) {
    const file = path.join(stacksDir, stack, 'cdk.tf.json');
    const text = fs.readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    for (const [type, byName] of Object.entries(JSON.parse(text).resource ?? {})) {
      const count = Object.keys(byName).length;
      resourcesByType[type] = (resourcesByType[type] ?? 0) + count;
      resources += count;
    }
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  report({ synthMs, resources, resourcesByType, bytes });
}

/** Prints the fields plus peak RSS and the process's CPU time (less disturbed than wall time by other load). */
function report(fields) {
  const usage = process.resourceUsage();
  const rssMb = usage.maxRSS / 1024;
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(`${JSON.stringify({ ...fields, rssMb, cpuMs })}\n`);
}

module.exports = { synthAndReport, report };
