import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing, TerraformStack } from 'cdktf';
import * as ts from 'typescript';
import { AwsTarget } from '../lib';
import { ReadmeBlock, readmeBlock, readmeBlocks } from './support/readme-blocks';

// Every TypeScript block of the README must compile against the real API, and every one that can run
// here must run: so the samples cannot rot again.
const LIB = path.join(__dirname, '..', 'lib');
const TS_BLOCKS = readmeBlocks().filter((b) => b.lang === 'ts');
// Beside the tests, so jest's transform and node's resolution of cdktf and the providers apply.
const DIR = path.join(__dirname, `.readme-${process.pid}`);

type Kind = 'program' | 'jest-test' | 'fragment';

/** A program builds its own App and synthesizes; a jest test is run by the package check; the rest are fragments. */
function kindOf(block: ReadmeBlock): Kind {
  if (/\bnew App\(/.test(block.code) && /\bapp\.synth\(\)/.test(block.code)) return 'program';
  if (/^test\(/m.test(block.code)) return 'jest-test';
  return 'fragment';
}

function fileOf(block: ReadmeBlock): string {
  return path.join(DIR, `line-${block.line}.ts`);
}

const importedNames = (imports: string) => new Set([...imports.matchAll(/import\s*\{([^}]*)\}/g)]
  .flatMap((m) => m[1].split(',').map((n) => n.trim()).filter(Boolean)));

/**
 * A fragment uses `stack` and `aws` (and the library's names) as the README's first stack defines them:
 * it becomes a function of those, with the imports it does not write itself.
 */
function fragmentSource(code: string): string {
  const lines = code.split('\n');
  const imports = lines.filter((l) => l.startsWith('import ')).join('\n');
  const body = lines.filter((l) => !l.startsWith('import ')).join('\n');
  const have = importedNames(imports);
  const lib = Object.keys(require(LIB)).filter((n) => !have.has(n));
  const cdktf = ['Aspects', 'TerraformStack'].filter((n) => !have.has(n));
  return [
    imports,
    `import { ${cdktf.join(', ')} } from 'cdktf';`,
    `import { ${lib.join(', ')} } from 'cdktf-isolation';`,
    /\bpath\./.test(body) && !/import \* as path/.test(imports) ? "import * as path from 'path';" : '',
    'export function readmeFragment(stack: TerraformStack, aws: AwsTarget): void {',
    body,
    '}',
  ].join('\n');
}

function generated(block: ReadmeBlock): string {
  const code = kindOf(block) === 'fragment' ? fragmentSource(block.code) : block.code;
  return code.replace(/from 'cdktf-isolation'/g, `from ${JSON.stringify(LIB)}`);
}

beforeAll(() => {
  fs.mkdirSync(DIR, { recursive: true });
  for (const block of TS_BLOCKS) fs.writeFileSync(fileOf(block), generated(block));
  // The fleet sample reads the README's tenants.yaml from beside it.
  fs.writeFileSync(path.join(DIR, 'tenants.yaml'), readmeBlock('A fleet from one file', 'yaml').code);
});

afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

test('the README has TypeScript samples of every kind', () => {
  expect(new Set(TS_BLOCKS.map(kindOf))).toEqual(new Set<Kind>(['program', 'jest-test', 'fragment']));
});

test('every TypeScript block of the README type-checks under strict against lib', () => {
  const program = ts.createProgram(TS_BLOCKS.map(fileOf), {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS,
    types: ['node', 'jest'], skipLibCheck: true,
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(DIR, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  // Names are line-<README line>.ts; a fragment's line numbers are shifted by its added imports.
  expect(problems).toEqual([]);
}, 120_000);

/** Runs the program of a README section into a fresh outdir; the tiers its placement report gives stack `saas`'s workloads. */
function programTiers(section: string): Record<string, string> {
  const block = readmeBlock(section);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  fs.writeFileSync(fileOf(block), generated(block).replace('new App()', `new App({ outdir: ${JSON.stringify(outdir)} })`));
  require(fileOf(block));
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'saas', 'placement-report.json'), 'utf8'));
  return Object.fromEntries(report.workloads.map((w: { name: string; tier: string }) => [w.name, w.tier]));
}

test('the README\'s first stack synthesizes: a VM per tenant, a Dedicated Host for the bank, the cheapest tier (Fargate) for the COST service', () => {
  // COST: Fargate is the cheapest for 0.25 vCPU tasks here.
  expect(programTiers('A first stack')).toEqual({ acme: 'vm', bank: 'dedicated-host', web: 'microvm-container' });
});

test('the README\'s Kubernetes stack synthesizes: the HOSTILE tenant on Kata, UNTRUSTED on gVisor, the dense service on runc', () => {
  expect(programTiers('On Kubernetes: namespaces, RuntimeClasses, two deliveries'))
    .toEqual({ acme: 'microvm-container', plugins: 'sandboxed-container', web: 'shared-container' });
});

test('the README\'s first stack with a KubernetesTarget (gVisor and Kata) in place of the AwsTarget: the TENANT-exclusive bank is refused naming AwsTarget', () => {
  const block = readmeBlock('A first stack');
  const swapped = `${DIR}/first-stack-on-kubernetes.ts`;
  fs.writeFileSync(swapped, generated(block).replace("import { AwsTarget,", "import { KubernetesTarget, AwsTarget,")
    .replace("new AwsTarget(stack, 'aws', { region: 'eu-west-1' })", "new KubernetesTarget(stack, 'aws', { runtimeClasses: { gvisor: { name: 'gvisor', existing: true }, kata: { name: 'kata', existing: true } } })"));
  expect(() => require(swapped)).toThrow(/^saas\/bank: hardwareExclusivity TENANT: .* Fix: use an AwsTarget, which places it on DEDICATED_VM \(ACCOUNT\) or DEDICATED_HOST \(TENANT\)/);
});

describe('each README fragment runs in the first stack\'s context and the stack synthesizes', () => {
  const fragments = TS_BLOCKS.filter((b) => kindOf(b) === 'fragment');
  test.each(fragments.map((b) => [`${b.section} (README line ${b.line})`, b] as const))('%s', (_name, block) => {
    const app: App = Testing.app();
    const stack = new TerraformStack(app, 'readme');
    const aws = new AwsTarget(stack, 'aws', { region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      ami: 'ami-0123456789abcdef0', ecsAmi: 'ami-0fedcba9876543210', accountId: '123456789012' });
    const printed: string[] = [];
    const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { printed.push(args.join(' ')); });
    try {
      require(fileOf(block)).readmeFragment(stack, aws);
    } finally {
      error.mockRestore();
    }
    app.synth();
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'readme', 'cdk.tf.json'))).toBe(true);
    // The refusal sample prints the parts it read; the others print nothing.
    if (/PlacementProblems\.of/.test(block.code)) {
      expect(printed.join('\n')).toMatch(/^readme\/bank: pin 'shared-container' is a container tier, .*\n {2}fix: /s);
    } else {
      expect(printed).toEqual([]);
    }
  });
});
