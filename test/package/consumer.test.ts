import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readmeBlock } from '../support/readme-blocks';
import {
  assertBuilt, AWS_PROVIDER, DOCKER_PROVIDER, eagerProviders, inScratch, packTarball, ROOT, Scratch, scratchProject, TESTED, typeCheck,
} from './scratch';

// The package as a user gets it: `npm pack`, installed into scratch projects outside the repository
// (on cdktf, Docker-only, and on CDK Terrain through an npm override), type-checked under strict
// against the installed .d.ts, synthesized, and the README's snapshot test run there verbatim.

assertBuilt();
const CDKTN = 'npm:cdktn@0.24.0';
const CDKTN_CONSTRUCTS = '~10.7.0';
// Provider packages the compiled library loads on require, whichever target a program constructs:
// none, so each project installs only the providers of the targets it uses.
const EAGER = eagerProviders();

function providers(needed: string[]): Record<string, string> {
  const version: Record<string, string> = { [AWS_PROVIDER]: TESTED.aws, [DOCKER_PROVIDER]: TESTED.docker };
  return Object.fromEntries([...needed].sort().map((p) => [p, version[p]]));
}

const AWS_STACK = `
import { App, TerraformStack } from 'cdktf';
import { AwsTarget, CoTenancy, DenseService, HardwareExclusivity, IsolatedTenant } from 'cdktf-isolation';

export function awsStack(app: App): void {
  const stack = new TerraformStack(app, 'saas');
  const aws = new AwsTarget(stack, 'aws', { region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    ami: 'ami-0123456789abcdef0', ecsAmi: 'ami-0fedcba9876543210', accountId: '123456789012' });
  const api = { image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/saas/api:1.4.2', cpu: 1, memoryMiB: 2048, port: 8080 };
  new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target: aws, workload: api });
  new IsolatedTenant(stack, 'bank', { tenantId: 'bank', target: aws, workload: api,
    isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.TENANT } });
  new DenseService(stack, 'web', { serviceName: 'web', target: aws, workload: { image: 'nginxinc/nginx-unprivileged:1.27', cpu: 0.25, memoryMiB: 512, port: 8080 } });
}
`;

const DOCKER_STACK = `
import { App, TerraformStack } from 'cdktf';
import { CoTenancy, DenseService, DockerTarget, IsolatedTenant } from 'cdktf-isolation';

export function dockerStack(app: App): void {
  const stack = new TerraformStack(app, 'local');
  const docker = new DockerTarget(stack, 'docker', { runtimes: { gvisor: 'runsc', kata: 'kata' } });
  new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target: docker, workload: { image: 'nginxinc/nginx-unprivileged:1.27', cpu: 0.5, memoryMiB: 256 } });
  new DenseService(stack, 'web', { serviceName: 'web', target: docker, isolation: { coTenancy: CoTenancy.UNTRUSTED },
    workload: { image: 'nginxinc/nginx-unprivileged:1.27', cpu: 0.25, memoryMiB: 128, replicas: 2 } });
}
`;

/** main.ts: the given stacks, a refusal read through the public API, and app.synth(). */
function mainSource(stacks: Array<'aws' | 'docker'>): string {
  return [
    "import { App, TerraformStack } from 'cdktf';",
    "import { DockerTarget, IsolatedTenant, PlacementError, PlacementProblem, PlacementProblems } from 'cdktf-isolation';",
    ...stacks.map((s) => `import { ${s}Stack } from './${s}-stack';`),
    'const app = new App();',
    ...stacks.map((s) => `${s}Stack(app);`),
    // The refusal of the docs, read with the typed API: instanceof narrows, and the struct reader agrees.
    'let found: PlacementProblem | undefined;',
    'try {',
    "  const refused = new TerraformStack(new App({ outdir: 'refused.out' }), 'refused');",
    "  new IsolatedTenant(refused, 'acme', { tenantId: 'acme', target: new DockerTarget(refused, 'docker', {}), workload: { image: 'nginx:1.27', cpu: 0.5, memoryMiB: 256 } });",
    '} catch (e) {',
    '  if (!(e instanceof PlacementError)) throw e;',
    '  const where: string = e.where;',
    '  found = PlacementProblems.fromMessage(e.message);',
    "  if (found?.where !== where || found.fix !== e.fix) throw new Error('PlacementProblems disagrees with the error');",
    '}',
    "require('fs').writeFileSync('refusal.json', JSON.stringify(found));",
    'app.synth();',
  ].join('\n');
}

/** Writes, type-checks under strict, compiles and runs the program; returns the files tsc read. */
function synthesize(project: Scratch, stacks: Array<'aws' | 'docker'>): string[] {
  const files = ['main.ts', ...stacks.map((s) => `${s}-stack.ts`)];
  if (stacks.includes('aws')) fs.writeFileSync(path.join(project.dir, 'aws-stack.ts'), AWS_STACK);
  if (stacks.includes('docker')) fs.writeFileSync(path.join(project.dir, 'docker-stack.ts'), DOCKER_STACK);
  // A `declare` for `require` keeps the consumer free of @types/node, which a cdktf project may lack.
  fs.writeFileSync(path.join(project.dir, 'main.ts'), `declare const require: (id: string) => any;\n${mainSource(stacks)}\n`);
  const read = typeCheck(project.dir, files);
  inScratch(project.dir, process.execPath, ['out/main.js']);
  return read;
}

function stackOutput(project: Scratch, stack: string): { tf: any; report: any; markdown: string } {
  const dir = path.join(project.dir, 'cdktf.out', 'stacks', stack);
  return {
    tf: JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')),
    report: JSON.parse(fs.readFileSync(path.join(dir, 'placement-report.json'), 'utf8')),
    markdown: fs.readFileSync(path.join(dir, 'placement-report.md'), 'utf8'),
  };
}

const tiers = (report: any) => Object.fromEntries(report.workloads.map((w: { name: string; tier: string }) => [w.name, w.tier]));
/** The Terraform without what names the toolchain or the folder: metadata and the local backend's path. */
const terraformOf = (tf: any) => {
  const { ['//']: _metadata, terraform: { backend: _backend, ...terraform }, ...rest } = tf;
  return { ...rest, terraform };
};

const timings: Record<string, number> = {};
let cdktfAws: Scratch;
let dockerOnly: Scratch;
let cdktn: Scratch;

beforeAll(async () => {
  const started = Date.now();
  const lib = `file:${packTarball(fs.mkdtempSync(path.join(os.tmpdir(), 'package-')))}`;
  timings.pack = (Date.now() - started) / 1000;
  const base = { 'cdktf-isolation': lib, 'typescript': TESTED.typescript };
  [cdktfAws, dockerOnly, cdktn] = await Promise.all([
    scratchProject('cdktf-aws', { dependencies: { ...base, cdktf: TESTED.cdktf, constructs: TESTED.constructs, ...providers([AWS_PROVIDER]) } }),
    scratchProject('docker-only', { dependencies: { ...base, cdktf: TESTED.cdktf, constructs: TESTED.constructs, ...providers([DOCKER_PROVIDER]) } }),
    scratchProject('cdktn', {
      dependencies: { ...base, cdktf: CDKTN, constructs: CDKTN_CONSTRUCTS, ...providers([AWS_PROVIDER, DOCKER_PROVIDER]) },
      overrides: { cdktf: CDKTN },
    }),
  ]);
  timings.install = (Date.now() - started) / 1000 - timings.pack;
}, 600_000);

afterAll(() => {
  // The cost of the check, for the README's claim and the lead: seconds per step.
  console.log(`package check timings (s): ${JSON.stringify(timings)}`);
});

function timed<T>(name: string, run: () => T): T {
  const started = Date.now();
  try {
    return run();
  } finally {
    timings[name] = (Date.now() - started) / 1000;
  }
}

describe('on cdktf', () => {
  test('require works from the installed package, not from this repository', () => {
    const out = inScratch(cdktfAws.dir, process.execPath, ['-e',
      "const m = require('cdktf-isolation'); console.log(JSON.stringify({ at: require.resolve('cdktf-isolation'), names: Object.keys(m) }))"]);
    const { at, names } = JSON.parse(out);
    expect(at).toBe(path.join(fs.realpathSync(cdktfAws.dir), 'node_modules', 'cdktf-isolation', 'lib', 'index.js'));
    expect(names).toEqual(expect.arrayContaining(['AwsTarget', 'DockerTarget', 'IsolatedTenant', 'DenseService', 'TenantFleet',
      'PlacementEngine', 'PlacementError', 'PlacementProblems', 'IsolationGuards']));
  });

  test('an AWS stack type-checks under strict against the installed .d.ts and synthesizes cdk.tf.json and the report', () => {
    const read = timed('cdktf: tsc + synth', () => synthesize(cdktfAws, ['aws']));
    expect(read).toContain('node_modules/cdktf-isolation/lib/index.d.ts');
    expect(read.filter((f) => f.startsWith('node_modules/cdktf-isolation/') && !f.endsWith('.d.ts'))).toEqual([]);
    const { tf, report, markdown } = stackOutput(cdktfAws, 'saas');
    expect(Object.keys(tf.resource)).toEqual(expect.arrayContaining(['aws_instance', 'aws_ec2_host', 'aws_ecs_service']));
    expect(tiers(report)).toEqual({ acme: 'vm', bank: 'dedicated-host', web: 'microvm-container' }); // COST: Fargate is the cheapest tier for the README's small tasks
    expect(markdown).toContain('```mermaid');
    expect(JSON.parse(fs.readFileSync(path.join(cdktfAws.dir, 'refusal.json'), 'utf8'))).toEqual({
      // This project installed no Docker provider: the DockerTarget itself is refused, naming the package.
      where: 'refused/docker', problem: expect.stringMatching(/needs the provider package @cdktf\/provider-docker, which is not installed/),
      fix: 'npm install @cdktf/provider-docker@^12.0.3',
    });
  });

  test('the README\'s snapshot test passes there exactly as the README prints it', () => {
    const sample = readmeBlock('Snapshot-testing your own stacks');
    const dir = path.join(cdktfAws.dir, 'test');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'tenant.test.ts'), sample.code);
    const config = JSON.stringify({
      rootDir: cdktfAws.dir, testEnvironment: 'node', testMatch: ['<rootDir>/test/**/*.test.ts'],
      transform: { '^.+\\.ts$': [require.resolve('@swc/jest'), { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
    });
    // jest (this repository's runner; the test's imports resolve in the scratch project) exits non-zero on a failure.
    const jest = (ci: boolean) => JSON.parse(inScratch(cdktfAws.dir, process.execPath,
      [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', config, `--ci=${ci}`, '--runInBand', '--no-cache', '--json']));
    // The first run writes the snapshot; a second, in CI mode, must match it.
    const first = timed('readme snapshot test, first run', () => jest(false));
    expect([first.numPassedTests, first.numTotalTests, first.snapshot.added]).toEqual([1, 1, 1]);
    const again = timed('readme snapshot test, CI run', () => jest(true));
    expect([again.numPassedTests, again.snapshot.matched, again.snapshot.added]).toEqual([1, 1, 0]);
    const snapshot = fs.readFileSync(path.join(dir, '__snapshots__', 'tenant.test.ts.snap'), 'utf8');
    expect(snapshot).toContain('"http_tokens": "required"');
  }, 120_000);
});

test('the compiled library loads no provider package when required', () => {
  expect(EAGER).toEqual([]);
});

test('a Docker-only project, without @cdktf/provider-aws, synthesizes a DockerTarget stack', () => {
  const project = dockerOnly;
  expect(fs.existsSync(path.join(project.dir, 'node_modules', AWS_PROVIDER))).toBe(false);
  timed('docker-only: tsc + synth', () => synthesize(project, ['docker']));
  expect(tiers(stackOutput(project, 'local').report)).toEqual({ acme: 'microvm-container', web: 'sandboxed-container' });
  // The target whose provider is missing is refused with the package to install.
  const out = inScratch(project.dir, process.execPath, ['-e', `const { App, TerraformStack } = require('cdktf');
    const { AwsTarget } = require('cdktf-isolation');
    try { new AwsTarget(new TerraformStack(new App({ outdir: 'aws.out' }), 'aws'), 'aws', { region: 'eu-west-1' }); }
    catch (e) { console.log(JSON.stringify({ name: e.name, message: e.message })); }`]);
  expect(JSON.parse(out)).toEqual({ name: 'PlacementError', message: expect.stringContaining(AWS_PROVIDER) });
});

describe('on CDK Terrain (cdktf overridden with cdktn)', () => {
  test('the project resolves cdktf to cdktn 0.24 and constructs 10.7', () => {
    const version = (name: string) => JSON.parse(fs.readFileSync(path.join(cdktn.dir, 'node_modules', name, 'package.json'), 'utf8'));
    expect([version('cdktf').name, version('cdktf').version]).toEqual(['cdktn', '0.24.0']);
    expect(version('constructs').version).toMatch(/^10\.7\./);
    // One copy of cdktf: the providers and the library share the project's.
    for (const owner of ['cdktf-isolation', AWS_PROVIDER, DOCKER_PROVIDER]) {
      expect(fs.existsSync(path.join(cdktn.dir, 'node_modules', owner, 'node_modules', 'cdktf'))).toBe(false);
    }
  });

  test('an AWS stack and a Docker stack type-check under strict and synthesize the same Terraform as on cdktf', () => {
    timed('cdktn: tsc + synth', () => synthesize(cdktn, ['aws', 'docker']));
    const aws = stackOutput(cdktn, 'saas');
    const docker = stackOutput(cdktn, 'local');
    expect(tiers(aws.report)).toEqual({ acme: 'vm', bank: 'dedicated-host', web: 'microvm-container' }); // COST: Fargate is the cheapest tier for the README's small tasks
    expect(tiers(docker.report)).toEqual({ acme: 'microvm-container', web: 'sandboxed-container' });
    expect(Object.keys(docker.tf.resource)).toEqual(expect.arrayContaining(['docker_container', 'docker_network']));
    // The cdktf project's synth of the same AWS program (the test above, or now if run alone).
    if (!fs.existsSync(path.join(cdktfAws.dir, 'cdktf.out', 'stacks', 'saas'))) synthesize(cdktfAws, ['aws']);
    expect(terraformOf(aws.tf)).toEqual(terraformOf(stackOutput(cdktfAws, 'saas').tf));
    // And of the Docker program: the Docker-only project's, or (while the library loads both providers) the AWS project's.
    const reference = dockerOnly ?? cdktfAws;
    if (!fs.existsSync(path.join(reference.dir, 'cdktf.out', 'stacks', 'local'))) synthesize(reference, reference === dockerOnly ? ['docker'] : ['aws', 'docker']);
    expect(terraformOf(docker.tf)).toEqual(terraformOf(stackOutput(reference, 'local').tf));
  });
});
