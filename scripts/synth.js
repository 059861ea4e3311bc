#!/usr/bin/env node
// `cdktf synth` for the root cdktf.json (the default example), offline and without noise:
// no version check, and a Terraform CLI config that exists (cdktf runs terraform, which warns on a
// TF_CLI_CONFIG_FILE that points nowhere). Extra arguments pass through to cdktf.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const env = { ...process.env, CHECKPOINT_DISABLE: '1' };
const configured = env.TF_CLI_CONFIG_FILE;
if (!configured || !fs.existsSync(configured)) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-isolation-tfrc-'));
  env.TF_CLI_CONFIG_FILE = path.join(dir, 'terraform.rc');
  fs.writeFileSync(env.TF_CLI_CONFIG_FILE, '# written by scripts/synth.js: synth needs no provider installation settings\n');
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}
const cdktf = path.join(root, 'node_modules', '.bin', 'cdktf');
const result = spawnSync(cdktf, ['synth', ...process.argv.slice(2)], { cwd: process.cwd(), env, stdio: 'inherit' });
process.exitCode = result.status ?? 1;
