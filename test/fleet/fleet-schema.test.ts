import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { FleetTenant, PlacementError, TenantFleet } from '../../lib';
import { FakeTarget } from '../support/fake-target';

const OK = "{ image: 'ghcr.io/acme/api:1.0', cpu: 0.5, memoryMiB: 512 }";

/** Builds a fleet from YAML text written to `<tmp>/fleet.yaml`; returns the thrown error. */
function errorOf(text: string, name = 'fleet.yaml', targetProps = {}): PlacementError {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-')), name);
  fs.writeFileSync(file, text);
  const stack = new TerraformStack(Testing.app(), 'stack');
  try {
    new TenantFleet(stack, 'fleet', { target: new FakeTarget(stack, 'target', targetProps), file });
  } catch (e) {
    expect(e).toBeInstanceOf(PlacementError);
    const err = e as PlacementError;
    // Every message starts with the file as the user named it, and carries a fix.
    expect(err.message.startsWith(file)).toBe(true);
    expect(err.message).toContain(' Fix: ');
    return err;
  }
  throw new Error('expected a PlacementError');
}

/** A file with a valid first tenant and `entry` as the second (tenants[1], from line 4). */
const second = (entry: string) => `tenants:\n  - tenantId: first\n    workload: ${OK}\n${entry}`;

describe('schema errors name the file, line, tenant and field', () => {
  test.each<[string, string, RegExp]>([
    ['cpu of the wrong type', second(`  - tenantId: acme\n    workload: { image: nginx, cpu: two, memoryMiB: 512 }\n`),
      /fleet\.yaml:5 tenant 'acme' \(tenants\[1\]\): field 'workload\.cpu' must be a number greater than 0, got 'two'\. Fix: set workload\.cpu to a number greater than 0, e\.g\. 0\.5\./],
    ['cpu of zero', second(`  - tenantId: acme\n    workload: { image: nginx, cpu: 0, memoryMiB: 512 }\n`),
      /:5 tenant 'acme' \(tenants\[1\]\): field 'workload\.cpu' must be a number greater than 0, got 0\./],
    ['unknown tenant field, with a suggestion', second(`  - tenantId: acme\n    workload: ${OK}\n    isolaton: { coTenancy: hostile }\n`),
      /:6 tenant 'acme' \(tenants\[1\]\): field 'isolaton' is not a known field\. Fix: did you mean 'isolation'\? the fields are tenantId, workload, isolation/],
    ['unknown nested field', second(`  - tenantId: acme\n    workload: { image: nginx, cpus: 1, memoryMiB: 512 }\n`),
      /:5 tenant 'acme' \(tenants\[1\]\): field 'workload\.cpus' is not a known field\. Fix: did you mean 'cpu'\? the fields of workload are image, cpu, memoryMiB/],
    ['missing tenantId', second(`  - workload: ${OK}\n`),
      /:4 tenants\[1\]: field 'tenantId' is missing\. Fix: add tenantId: 'acme'\./],
    ['missing workload', second(`  - tenantId: acme\n`),
      /:4 tenant 'acme' \(tenants\[1\]\): field 'workload' is missing\./],
    ['tenantId not a string', second(`  - tenantId: 42\n    workload: ${OK}\n`),
      /:4 tenants\[1\]: field 'tenantId' must be a string, got 42\./],
    ['enum in the wrong case', second(`  - tenantId: acme\n    workload: ${OK}\n    isolation: { coTenancy: HOSTILE }\n`),
      /:6 tenant 'acme' \(tenants\[1\]\): field 'isolation\.coTenancy' must be one of 'trusted', 'internal', 'untrusted', 'hostile', got 'HOSTILE'\. Fix: did you mean 'hostile'\?/],
    ['unknown pin', second(`  - tenantId: acme\n    workload: ${OK}\n    pin: dedicated_vm\n`),
      /tenant 'acme' \(tenants\[1\]\): field 'pin' must be one of .*got 'dedicated_vm'\. Fix: did you mean 'dedicated-vm'\?/],
    ['acceptPlacementChange as a bare string (before acceptances named their change)', second(`  - tenantId: acme\n    workload: ${OK}\n    acceptPlacementChange: 'moved, reviewed'\n`),
      /tenant 'acme' \(tenants\[1\]\): field 'acceptPlacementChange' must be a mapping of fields, got 'moved, reviewed'\. Fix: set acceptPlacementChange to a mapping of fields, e\.g\. \{ to: microvm-container, reason: /],
    ['acceptPlacementChange without its tier', second(`  - tenantId: acme\n    workload: ${OK}\n    acceptPlacementChange: { reason: 'moved, reviewed' }\n`),
      /tenant 'acme' \(tenants\[1\]\): field 'acceptPlacementChange\.to' is missing\./],
    ['boolean as a string', second(`  - tenantId: acme\n    workload: ${OK}\n    egress: 'yes'\n`),
      /tenant 'acme' \(tenants\[1\]\): field 'egress' must be true or false, got 'yes'\./],
    ['fractional replicas', second(`  - tenantId: acme\n    workload: { image: nginx, cpu: 1, memoryMiB: 512, replicas: 1.5 }\n`),
      /tenant 'acme' \(tenants\[1\]\): field 'workload\.replicas' must be a whole number of at least 1, got 1\.5\./],
    ['command not a list', second(`  - tenantId: acme\n    workload: { image: nginx, cpu: 1, memoryMiB: 512, command: 'node x.js' }\n`),
      /tenant 'acme' \(tenants\[1\]\): field 'workload\.command' must be a list of strings, got 'node x\.js'\./],
    ['an item of a list', second(`  - tenantId: acme\n    workload: ${OK}\n    ingress:\n      - cidr: 10.0.0.0/8\n      - port: 443\n`),
      /:8 tenant 'acme' \(tenants\[1\]\): field 'ingress\[1\]\.cidr' is missing\./],
    ['environment value not a string', second(`  - tenantId: acme\n    workload: { image: nginx, cpu: 1, memoryMiB: 512, environment: { N: 3 } }\n`),
      /tenant 'acme' \(tenants\[1\]\): field 'workload\.environment\.N' must be a string, got 3\./],
    ['an entry that is not a mapping', second('  - acme\n'),
      /:4 tenants\[1\]: the entry is 'acme', not a tenant\. Fix: write each entry as a mapping/],
  ])('%s', (_name, text, message) => {
    expect(errorOf(text).message).toMatch(message);
  });
});

describe('file-level errors', () => {
  test.each<[string, string, RegExp]>([
    ['unknown top-level key', `tenant:\n  - tenantId: a\n`, /fleet\.yaml:1: field 'tenant' is not a known field\. Fix: did you mean 'tenants'\?/],
    ['tenants not a list', `tenants:\n  acme: { workload: {} }\n`, /fleet\.yaml:1: field 'tenants' must be a list, got a mapping\./],
    ['tenants missing', `# nothing yet\n`, /fleet\.yaml: field 'tenants' is missing\./],
    ['tenants empty', `tenants:\n`, /fleet\.yaml:1: field 'tenants' is empty\. Fix: set tenants: \[/],
    ['a top level that is a list', `- tenantId: a\n`, /fleet\.yaml: the file must be a mapping of fields, got a list\. Fix: write it as tenants: \.\.\./],
    ['YAML syntax error, with its line', `tenants:\n  - tenantId: a\n    workload: { cpu: 1\n  - tenantId: b\n`, /fleet\.yaml:4: .*end with a \}.*\(BAD_INDENT\)\. Fix: fix the syntax at that line/],
    ['a duplicate key in one entry', `tenants:\n  - tenantId: a\n    tenantId: b\n`, /fleet\.yaml:3: Map keys must be unique \(DUPLICATE_KEY\)/],
  ])('%s', (_name, text, message) => {
    expect(errorOf(text).message).toMatch(message);
  });

  test('JSON syntax errors name the line too', () => {
    expect(errorOf('{\n  "tenants": [\n    { "tenantId": "a", }\n  ]\n}\n', 'fleet.json').message).toMatch(/fleet\.json:3 /);
  });

  test('a duplicate tenantId names both entries', () => {
    expect(errorOf(second(`  - tenantId: first\n    workload: ${OK}\n`)).message).toMatch(
      /fleet\.yaml:4 tenant 'first' \(tenants\[1\]\): field 'tenantId': 'first' is already used by .*fleet\.yaml:2 tenant 'first' \(tenants\[0\]\)\./);
  });

  test('a file that is neither YAML nor JSON', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    expect(() => new TenantFleet(stack, 'fleet', { target: new FakeTarget(stack, 'target'), file: 'fleet.toml' }))
      .toThrow(/stack\/fleet: fleet file 'fleet\.toml' is neither YAML nor JSON\./);
  });
});

describe('value errors from validation, the engine and the target carry the file and tenant', () => {
  test.each<[string, string, object, RegExp]>([
    ['a bad image (NeedsValidation)', `  - tenantId: acme\n    workload: { image: 'Nginx Latest', cpu: 1, memoryMiB: 512 }\n`, {},
      /fleet\.yaml:4 tenant 'acme' \(tenants\[1\]\) at stack\/fleet\/acme: workload\.image 'Nginx Latest' is not a valid image reference/],
    ['a port out of range', `  - tenantId: acme\n    workload: { image: nginx, cpu: 1, memoryMiB: 512, port: 70000 }\n`, {},
      /fleet\.yaml:4 tenant 'acme' \(tenants\[1\]\) at stack\/fleet\/acme: workload\.port must be a whole number from 1 to 65535/],
    ['a tenantId that is not DNS-safe', `  - tenantId: Acme_Corp\n    workload: ${OK}\n`, {},
      /fleet\.yaml:4 tenant 'Acme_Corp' \(tenants\[1\]\) at stack\/fleet\/Acme_Corp: tenantId "Acme_Corp" is not DNS-safe/],
    ['a weaker pin without acknowledgement (engine)', `  - tenantId: acme\n    workload: ${OK}\n    pin: shared-container\n`, {},
      /fleet\.yaml:4 tenant 'acme' \(tenants\[1\]\) at stack\/fleet\/acme: .*shared-container/],
    ['a boundary the target cannot give (engine)', `  - tenantId: acme\n    workload: ${OK}\n    isolation: { coTenancy: hostile, hardwareExclusivity: tenant }\n`,
      { availableTiers: ['shared-container', 'vm'] }, /fleet\.yaml:4 tenant 'acme' \(tenants\[1\]\) at stack\/fleet\/acme: .*tenant-hardware/],
    ['a need the target refuses (offerTiers)', `  - tenantId: acme\n    workload: ${OK}\n    isolation: { coTenancy: untrusted }\n`,
      { refuseCoTenancy: 'untrusted' }, /fleet\.yaml:4 tenant 'acme' \(tenants\[1\]\) at stack\/fleet\/acme: the fake target refuses untrusted co-tenancy\./],
  ])('%s', (_name, entry, targetProps, message) => {
    expect(errorOf(second(entry), 'fleet.yaml', targetProps).message).toMatch(message);
  });
});

describe('array tenants get the same checks, named by the fleet path', () => {
  const build = (tenants: unknown[]) => () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new TenantFleet(stack, 'fleet', { target: new FakeTarget(stack, 'target'), tenants: tenants as FleetTenant[] });
  };
  test.each<[string, unknown[], RegExp]>([
    ['wrong type from JavaScript', [{ tenantId: 'acme', workload: { image: 'nginx', cpu: '1', memoryMiB: 512 } }],
      /^stack\/fleet tenant 'acme' \(tenants\[0\]\): field 'workload\.cpu' must be a number greater than 0, got '1'\./],
    ['unknown field', [{ tenantId: 'acme', workload: { image: 'nginx', cpu: 1, memoryMiB: 512 }, egres: true }],
      /^stack\/fleet tenant 'acme' \(tenants\[0\]\): field 'egres' is not a known field\. Fix: did you mean 'egress'\?/],
    ['a value error', [{ tenantId: 'acme', workload: { image: 'nginx', cpu: 1, memoryMiB: 512, secrets: { DB_PASSWORD: 'hunter2' } } }],
      /^stack\/fleet tenant 'acme' \(tenants\[0\]\) at stack\/fleet\/acme: workload\.secrets\.DB_PASSWORD must be an SSM parameter/],
  ])('%s', (_name, tenants, message) => {
    expect(build(tenants)).toThrow(PlacementError);
    expect(build(tenants)).toThrow(message);
  });
});

describe('odd files and props are PlacementErrors too', () => {
  test.each<[string, string, RegExp]>([
    ['an inherited object name as a field', second(`  - tenantId: acme\n    workload: ${OK}\n    constructor: x\n`),
      /:6 tenant 'acme' \(tenants\[1\]\): field 'constructor' is not a known field/],
    ['an alias bomb', `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\ntenants: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
      /cannot be read as a fleet: .*alias/i],
  ])('%s', (_name, text, message) => {
    expect(errorOf(text).message).toMatch(message);
  });

  test('YAML merge keys share a workload between tenants; an empty healthCheck key means none', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-')), 'fleet.yaml');
    const stack = new TerraformStack(Testing.app(), 'stack');
    fs.writeFileSync(file, `tenants:\n  - &a\n    tenantId: a\n    workload: { image: ghcr.io/acme/api:1.0, cpu: 0.5, memoryMiB: 512, healthCheck: }\n`
      + `  - <<: *a\n    tenantId: b\n`);
    const fleet = new TenantFleet(stack, 'fleet', { target: new FakeTarget(stack, 'target'), file });
    expect(fleet.tenants.map((t) => t.tenantId)).toEqual(['a', 'b']);
    expect(fleet.tenant('b').placement.tier).toBe(fleet.tenant('a').placement.tier);
  });

  test.each<[string, object, RegExp]>([
    ['tenants that are not a list', { tenants: { a: 1 } }, /tenants must be a list of tenants, got \{"a":1\}/],
    ['a file that is not a string', { file: 5 }, /file must be a path to a YAML or JSON fleet file, got 5/],
    ['a directory named like a fleet file', { file: fs.mkdtempSync(path.join(os.tmpdir(), 'dir-')) + '/x.yaml' }, /is not a file/],
  ])('%s', (name, props, message) => {
    if (name.startsWith('a directory')) fs.mkdirSync((props as { file: string }).file);
    const stack = new TerraformStack(Testing.app(), 'stack');
    const target = new FakeTarget(stack, 'target');
    let error: unknown;
    try {
      new TenantFleet(stack, 'fleet', { target, ...props } as never);
    } catch (e) { error = e; }
    expect(error).toBeInstanceOf(PlacementError);
    expect((error as Error).message).toMatch(message);
  });
});
