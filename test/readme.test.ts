import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The README's first stack must keep compiling and synthesizing against the real API.
const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

function firstStackSource(): string {
  const section = README.slice(README.indexOf('## A first stack'));
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README has no "A first stack" TypeScript block');
  return block[1];
}

test('the README\'s first stack synthesizes: a VM per tenant, a Dedicated Host for the bank, shared containers for the service', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  const source = firstStackSource()
    .replace(/from 'cdktf-isolation'/g, `from ${JSON.stringify(path.join(__dirname, '..', 'lib'))}`)
    .replace('new App()', `new App({ outdir: ${JSON.stringify(outdir)} })`);
  // Written beside the tests so jest's TypeScript transform handles it; removed afterwards.
  const file = path.join(__dirname, `.readme-first-stack-${process.pid}.ts`);
  fs.writeFileSync(file, source);
  try {
    require(file);
  } finally {
    fs.rmSync(file, { force: true });
  }
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'saas', 'placement-report.json'), 'utf8'));
  expect(Object.fromEntries(report.workloads.map((w: { name: string; tier: string }) => [w.name, w.tier])))
    .toEqual({ acme: 'vm', bank: 'dedicated-host', web: 'shared-container' });
});
