import { execFileSync } from 'child_process';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import type { PlacementError } from '../lib';

const ROOT = path.join(__dirname, '..');

/** The provider modules a fresh process loads after requiring lib/index (and constructing a target). */
function providerModulesLoaded(build?: 'aws' | 'docker' | 'kubernetes'): string[] {
  const out = execFileSync('node', [path.join(__dirname, 'support', 'require-probe.js'), path.join(ROOT, 'lib', 'index.ts'), ...(build ? [build] : [])],
    { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

test('requiring the library loads no provider module; a target loads only its own provider', () => {
  expect(providerModulesLoaded()).toEqual([]);
  const docker = providerModulesLoaded('docker');
  expect(docker.length).toBeGreaterThan(0);
  expect(docker.every((m) => m.startsWith('@cdktf/provider-docker/'))).toBe(true);
  const aws = providerModulesLoaded('aws');
  expect(aws.length).toBeGreaterThan(0);
  expect(aws.every((m) => m.startsWith('@cdktf/provider-aws/'))).toBe(true);
  // kubernetes_manifest is a plain cdktf resource: no provider binding, and kubernetes-models is for tests only.
  expect(providerModulesLoaded('kubernetes')).toEqual([]);
});

describe('a target whose provider package is not installed', () => {
  afterEach(() => jest.resetModules());

  test.each([
    ['AwsTarget', '@cdktf/provider-aws', '^20.1.0', 'aws'],
    ['DockerTarget', '@cdktf/provider-docker', '^12.0.3', 'docker'],
  ])('%s names its construct path and the package to install', (kind, pkg, range, dir) => {
    let error: unknown;
    jest.isolateModules(() => {
      // The realization module is the one that requires the provider: make that require fail as Node does.
      jest.doMock(`../lib/targets/${dir}/realization`, () => {
        throw Object.assign(new Error(`Cannot find module '${pkg}/lib/provider'`), { code: 'MODULE_NOT_FOUND' });
      });
      const lib = require('../lib');
      const stack = new TerraformStack(Testing.app(), 'stack');
      try {
        if (dir === 'aws') new lib.AwsTarget(stack, 'aws', { region: 'eu-central-1' });
        else new lib.DockerTarget(stack, 'docker');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(lib.PlacementError);
    });
    const err = error as PlacementError;
    expect(err.where).toBe(`stack/${dir}`);
    expect(err.problem).toBe(`${kind} needs the provider package ${pkg}, which is not installed.`);
    expect(err.fix).toBe(`npm install ${pkg}@${range}`);
  });

  test('a failure other than the missing package itself is not disguised', () => {
    jest.isolateModules(() => {
      jest.doMock('../lib/targets/aws/realization', () => {
        throw Object.assign(new Error("Cannot find module './some-internal-file'"), { code: 'MODULE_NOT_FOUND' });
      });
      const lib = require('../lib');
      const stack = new TerraformStack(Testing.app(), 'stack');
      expect(() => new lib.AwsTarget(stack, 'aws', { region: 'eu-central-1' })).toThrow("Cannot find module './some-internal-file'");
    });
  });
});
