// Requires a TypeScript entry point (compiled with swc, .ts preferred over stale compiled .js) in a
// fresh process and prints, as JSON, every @cdktf/provider-* module it loaded. Used by
// test/lazy-providers.test.ts: jest's module registry is not node's require.cache.
'use strict';
const fs = require('fs');
const Module = require('module');
const { transformSync } = require('@swc/core');

Module._extensions['.ts'] = (m, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename, jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' },
  });
  m._compile(code, filename);
};
// Resolution tries extensions in insertion order: put .js last so lib/*.ts wins over lib/*.js.
const js = Module._extensions['.js'];
delete Module._extensions['.js'];
Module._extensions['.js'] = js;

const exported = require(process.argv[2]);
const build = process.argv[3];
if (build) {
  const { Testing, TerraformStack } = require('cdktf');
  const stack = new TerraformStack(Testing.app(), 'stack');
  if (build === 'docker') new exported.DockerTarget(stack, 'docker');
  if (build === 'aws') new exported.AwsTarget(stack, 'aws', { region: 'eu-central-1' });
  if (build === 'kubernetes') new exported.KubernetesTarget(stack, 'k8s');
}
const loaded = Object.keys(require.cache).filter((f) => /@cdktf[\\/]provider-(aws|docker|kubernetes)[\\/]|[\\/]kubernetes-models[\\/]/.test(f))
  .map((f) => f.replace(/^.*node_modules[\\/]/, ''));
process.stdout.write(JSON.stringify(loaded));
