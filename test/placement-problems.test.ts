import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing, TerraformStack } from 'cdktf';
import { DockerTarget, IsolatedTenant, PlacementError, PlacementProblem, PlacementProblems, TenantFleet } from '../lib';

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

function dockerRefusal(): unknown {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const target = new DockerTarget(stack, 'docker', {});
  return caught(() => new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: { image: 'nginx:1.27', cpu: 0.5, memoryMiB: 256 } }));
}

describe('PlacementError keeps its TypeScript shape', () => {
  test('instanceof, name, parts and the one-line message', () => {
    const e = new PlacementError('stack/acme', 'it is wrong.', 'change it.');
    expect(e).toBeInstanceOf(PlacementError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('PlacementError');
    expect([e.where, e.problem, e.fix]).toEqual(['stack/acme', 'it is wrong.', 'change it.']);
    expect(e.message).toBe('stack/acme: it is wrong. Fix: change it.');
  });
});

describe('PlacementProblems.of reads the error object', () => {
  test('a refusal of the library gives its parts', () => {
    const e = dockerRefusal() as PlacementError;
    expect(PlacementProblems.of(e)).toEqual<PlacementProblem>({ where: 'stack/acme', problem: e.problem, fix: e.fix });
    expect(e.problem).toMatch(/^HOSTILE co-tenancy requires a hypervisor boundary/);
  });

  test.each([new Error('stack/acme: looks alike. Fix: but is not.'), 'a string', undefined, { where: 'w', problem: 'p', fix: 'f' }])(
    'anything else gives undefined: %p', (value) => {
      expect(PlacementProblems.of(value)).toBeUndefined();
    });
});

describe('PlacementProblems.fromMessage reads what other languages get: the message', () => {
  test('a fleet file\'s location (file, line, entry) holds no ": ", so its message splits back exactly', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'problems-'));
    const file = path.join(dir, 'tenants.yaml');
    fs.writeFileSync(file, 'tenants:\n  - tenantId: acme\n    workload: { image: nginx:1.27, cpu: -1, memoryMiB: 256 }\n');
    const stack = new TerraformStack(Testing.app(), 'stack');
    const target = new DockerTarget(stack, 'docker', {});
    const e = caught(() => new TenantFleet(stack, 'fleet', { target, file })) as PlacementError;
    expect(e.where).toMatch(/tenants\.yaml:3 tenant 'acme' \(tenants\[0\]\)$/);
    expect(PlacementProblems.fromMessage(e.message)).toEqual({ where: e.where, problem: e.problem, fix: e.fix });
  });

  test('the prefix and JavaScript stack a jsii runtime may add are ignored', () => {
    const e = dockerRefusal() as PlacementError;
    const parts = { where: e.where, problem: e.problem, fix: e.fix };
    expect(PlacementProblems.fromMessage(`Error: ${e.message}`)).toEqual(parts);
    expect(PlacementProblems.fromMessage(String(e.stack))).toEqual(parts);
  });

  test('a message from elsewhere (a log) is split at the first ": " and the last " Fix: "', () => {
    const guards = 'stack/acme/instance: 2 isolation guard findings:\n'
      + '  [ISO-AWS-001] stack/acme/instance: IMDSv1 is on. Fix: require tokens.\n'
      + '  [ISO-AWS-002] stack/acme/volume: unencrypted. Fix: encrypt it.\n'
      + ' Fix: change each resource as its Fix says.';
    expect(PlacementProblems.fromMessage(guards)).toEqual({
      where: 'stack/acme/instance',
      problem: guards.slice('stack/acme/instance: '.length, guards.lastIndexOf(' Fix: ')),
      fix: 'change each resource as its Fix says.',
    });
  });

  test.each(['', 'TypeError: x is not a function', 'no parts at all', 'where: a problem without a fix'])(
    'text that is not a refusal gives undefined: %p', (text) => {
      expect(PlacementProblems.fromMessage(text)).toBeUndefined();
    });

  test('the parts returned are a copy', () => {
    const e = new PlacementError('w', 'p.', 'f.');
    const first = PlacementProblems.fromMessage(e.message) as { where: string };
    first.where = 'changed';
    expect(PlacementProblems.fromMessage(e.message)?.where).toBe('w');
  });
});
