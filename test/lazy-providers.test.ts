import { execFileSync } from 'child_process';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { AwsTarget, DockerTarget, PlacementError } from '../lib';
import { packageResolver } from '../lib/targets/provider-package';

const ROOT = path.join(__dirname, '..');

/** The provider modules a fresh process loads after requiring lib/index (and constructing a target). */
function providerModulesLoaded(build?: 'aws' | 'docker'): string[] {
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
});

describe('a target whose provider package is not installed', () => {
  afterEach(() => jest.restoreAllMocks());

  test.each([
    ['AwsTarget', '@cdktf/provider-aws', '^20', (stack: TerraformStack) => new AwsTarget(stack, 'aws', { region: 'eu-central-1' })],
    ['DockerTarget', '@cdktf/provider-docker', '^12', (stack: TerraformStack) => new DockerTarget(stack, 'docker')],
  ])('%s names its construct path and the package to install', (kind, pkg, range, build) => {
    const resolve = jest.spyOn(packageResolver, 'resolve').mockImplementation((id: string) => {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
    });
    const stack = new TerraformStack(Testing.app(), 'stack');
    let error: unknown;
    try {
      build(stack);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlacementError);
    const err = error as PlacementError;
    expect(err.where).toBe(`stack/${kind === 'AwsTarget' ? 'aws' : 'docker'}`);
    expect(err.problem).toBe(`${kind} needs the provider package ${pkg}, which is not installed.`);
    expect(err.fix).toBe(`npm install ${pkg}@${range}`);
    expect(resolve).toHaveBeenCalledWith(`${pkg}/lib/provider`);
  });
});
