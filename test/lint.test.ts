import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const LINT = path.join(__dirname, '..', 'scripts', 'lint.js');
// Spelled in pieces so this file does not itself contain the imports it tests for.
const AWS_ROOT = ['@cdktf', 'provider-aws'].join('/');
const DOCKER_ROOT = ['@cdktf', 'provider-docker'].join('/');

function lint(files: Record<string, string>): { status: number; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  try {
    return { status: 0, output: execFileSync('node', [LINT, dir], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const err = e as { status: number; stderr: string };
    return { status: err.status, output: err.stderr };
  }
}

test('a provider package-root import fails the lint, naming file and line', () => {
  const result = lint({
    'lib/ok.ts': "import { Instance } from '@cdktf/provider-aws/lib/instance';\n",
    'examples/x/main.ts': `\n\nimport * as aws from '${AWS_ROOT}';\n`,
    'test/y.test.ts': `const docker = require('${DOCKER_ROOT}');\n`,
  });
  expect(result.status).toBe(1);
  expect(result.output).toContain("examples/x/main.ts:3: imports the package root '@cdktf/provider-aws'");
  expect(result.output).toContain("test/y.test.ts:1: imports the package root '@cdktf/provider-docker'");
  expect(result.output).not.toContain('lib/ok.ts');
});

test('submodule imports pass', () => {
  expect(lint({ 'lib/a.ts': "import { Container } from '@cdktf/provider-docker/lib/container';\n" }).status).toBe(0);
});

test('this repository passes', () => {
  expect(lint({}).status).toBe(0);
  expect(execFileSync('node', [LINT], { encoding: 'utf8' })).toContain('no provider package-root imports');
});
