import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import {
  CoTenancy, EfficiencyPriority, FleetTenant, IsolationBoundary, LoadProfile, PlacementError, PlacementTier, TenantFleet,
} from '../../lib';
import { FakeTarget } from '../support/fake-target';

const WORKLOAD = { image: 'ghcr.io/acme/api:1.0', cpu: 0.5, memoryMiB: 512 };

/** Writes `text` to a fresh temp dir as `name` and returns the path. */
function writeFleet(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-')), name);
  fs.writeFileSync(file, text);
  return file;
}

function fleet(props: { file?: string; tenants?: FleetTenant[] }): TenantFleet {
  const stack = new TerraformStack(Testing.app(), 'stack');
  return new TenantFleet(stack, 'fleet', { target: new FakeTarget(stack, 'target'), ...props });
}

const YAML_FLEET = `# two tenants
tenants:
  - tenantId: acme
    workload: { image: 'ghcr.io/acme/api:1.0', cpu: 0.5, memoryMiB: 512, replicas: 2 }
  - tenantId: globex
    workload:
      image: ghcr.io/globex/api:2.1
      cpu: 1
      memoryMiB: 1024
    isolation: { coTenancy: internal }
    efficiency: { priority: cost }
    ingress: [{ cidr: 10.0.0.0/8, port: 8080 }]
    egress: true
  - tenantId: initech
    workload: { image: 'initech/batch:3', cpu: 2, memoryMiB: 4096 }
    isolation: { coTenancy: hostile, hardwareExclusivity: tenant }
`;

describe('TenantFleet sources', () => {
  test('a YAML file: every entry becomes an IsolatedTenant keyed by tenantId, with its needs and defaults', () => {
    const f = fleet({ file: writeFleet('fleet.yaml', YAML_FLEET) });
    expect(f.tenants.map((t) => t.tenantId)).toEqual(['acme', 'globex', 'initech']);
    expect(f.tenants.map((t) => t.node.id)).toEqual(['acme', 'globex', 'initech']);
    // acme: construct defaults (HOSTILE, BALANCED) → VM; globex: INTERNAL + COST → shared container.
    expect(f.tenant('acme').placement.tier).toBe(PlacementTier.VM);
    expect(f.tenant('globex').placement.tier).toBe(PlacementTier.SHARED_CONTAINER);
    expect(f.tenant('initech').placement.tier).toBe(PlacementTier.DEDICATED_HOST);
    expect(f.tenant('initech').placement.boundary).toBe(IsolationBoundary.TENANT_HARDWARE);
    const synth = JSON.parse(Testing.synth(f.node.scope as TerraformStack));
    const inputs = Object.values(synth.resource.terraform_data).map((r) => (r as { input: { tenant: string; egress: boolean } }).input);
    expect(inputs.find((i) => i.tenant === 'globex')!.egress).toBe(true);
    expect(inputs.find((i) => i.tenant === 'acme')!.egress).toBe(false);
  });

  test('a JSON file gives the same placements as the same YAML', () => {
    const entries = [
      { tenantId: 'acme', workload: WORKLOAD, efficiency: { loadProfile: 'spiky' } },
      { tenantId: 'globex', workload: WORKLOAD, isolation: { coTenancy: 'trusted' }, efficiency: { priority: 'cost' } },
    ];
    const fromJson = fleet({ file: writeFleet('fleet.json', JSON.stringify({ tenants: entries }, null, 2)) });
    expect(fromJson.tenants.map((t) => [t.tenantId, t.placement.tier])).toEqual([
      ['acme', PlacementTier.MICROVM_CONTAINER], ['globex', PlacementTier.SHARED_CONTAINER],
    ]);
  });

  test('an array of FleetTenant structs', () => {
    const f = fleet({
      tenants: [
        { tenantId: 'a', workload: WORKLOAD, isolation: { coTenancy: CoTenancy.UNTRUSTED }, efficiency: { priority: EfficiencyPriority.COST, loadProfile: LoadProfile.SPIKY } },
        { tenantId: 'b', workload: WORKLOAD, pin: PlacementTier.DEDICATED_VM },
      ],
    });
    expect(f.tenants.map((t) => [t.tenantId, t.placement.tier, t.placement.pinned])).toEqual([
      ['a', PlacementTier.MICROVM_CONTAINER, false], ['b', PlacementTier.DEDICATED_VM, true],
    ]);
  });

  test('file and array together: the file first, then the array', () => {
    const f = fleet({ file: writeFleet('fleet.yaml', YAML_FLEET), tenants: [{ tenantId: 'zeta', workload: WORKLOAD }] });
    expect(f.tenants.map((t) => t.tenantId)).toEqual(['acme', 'globex', 'initech', 'zeta']);
  });

  test('a duplicate id across file and array names both places', () => {
    const file = writeFleet('fleet.yaml', YAML_FLEET);
    const run = () => fleet({ file, tenants: [{ tenantId: 'globex', workload: WORKLOAD }] });
    expect(run).toThrow(PlacementError);
    expect(run).toThrow(/stack\/fleet tenant 'globex' \(tenants\[0\]\): field 'tenantId': 'globex' is already used by .*fleet\.yaml:5 tenant 'globex' \(tenants\[1\]\)/);
  });

  test('an empty list is an empty fleet', () => {
    expect(fleet({ file: writeFleet('fleet.yaml', 'tenants: []\n') }).tenants).toEqual([]);
  });

  test('neither file nor tenants is refused', () => {
    expect(() => fleet({})).toThrow(/stack\/fleet: TenantFleet has no tenants.*Fix: pass file/);
  });

  test('a relative path resolves against the working directory', () => {
    const file = writeFleet('fleet.yml', YAML_FLEET);
    const cwd = process.cwd();
    process.chdir(path.dirname(file));
    try {
      expect(fleet({ file: 'fleet.yml' }).tenants).toHaveLength(3);
    } finally {
      process.chdir(cwd);
    }
    expect(() => fleet({ file: 'no-such-fleet.yaml' })).toThrow(new RegExp(`fleet file 'no-such-fleet.yaml' does not exist \\(looked for ${path.join(cwd, 'no-such-fleet.yaml').replace(/[/.]/g, '\\$&')}`));
  });

  test('an unknown tenant lookup names the known ids', () => {
    const f = fleet({ file: writeFleet('fleet.yaml', YAML_FLEET) });
    expect(() => f.tenant('hooli')).toThrow(/the fleet has no tenant 'hooli'.*use one of 'acme', 'globex', 'initech'/);
  });
});

describe('adding or removing a tenant leaves every other tenant byte-identical', () => {
  const ids = ['acme', 'globex', 'initech', 'hooli', 'umbrella'];
  const tenants = ids.map((tenantId, i): FleetTenant => ({
    tenantId, workload: { ...WORKLOAD, replicas: i + 1 },
    isolation: { coTenancy: i % 2 ? CoTenancy.HOSTILE : CoTenancy.INTERNAL },
  }));

  /** Everything the stack synthesizes for one tenant (resources and outputs, keyed by their logical ids), as JSON text. */
  function perTenant(list: FleetTenant[]): Map<string, string> {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new TenantFleet(stack, 'fleet', { target: new FakeTarget(stack, 'target'), tenants: list });
    const synth = JSON.parse(Testing.synth(stack));
    const out = new Map<string, string>();
    for (const tenantId of ids) {
      // Logical ids derive from the construct path: stack/fleet/<tenantId>/... → fleet_<tenantId>_...
      const mine = (block: Record<string, unknown>) => Object.entries(block).filter(([name]) => name.startsWith(`fleet_${tenantId}_`));
      const resources = Object.entries(synth.resource as Record<string, Record<string, unknown>>)
        .map(([type, byName]) => [type, mine(byName)]);
      const outputs = mine(synth.output);
      if (outputs.length) out.set(tenantId, JSON.stringify({ resources, outputs }));
    }
    return out;
  }

  test.each(['acme', 'initech', 'umbrella'])('without %s', (removed) => {
    const all = perTenant(tenants);
    const fewer = perTenant(tenants.filter((t) => t.tenantId !== removed));
    expect([...all.keys()]).toEqual(ids);
    for (const tenantId of ids) expect(all.get(tenantId)).toContain(`"tenant":"${tenantId}"`);
    expect(fewer.has(removed)).toBe(false);
    for (const tenantId of ids.filter((id) => id !== removed)) {
      expect(fewer.get(tenantId)).toBe(all.get(tenantId));
    }
  });

  test('reordering changes no tenant either', () => {
    const all = perTenant(tenants);
    const reversed = perTenant([...tenants].reverse());
    for (const tenantId of ids) expect(reversed.get(tenantId)).toBe(all.get(tenantId));
  });
});

test('a fleet synthesizes through a real App', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'out-')) });
  const stack = new TerraformStack(app, 'stack');
  new TenantFleet(stack, 'fleet', { target: new FakeTarget(stack, 'target'), file: writeFleet('fleet.yaml', YAML_FLEET) });
  app.synth();
  const json = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'stack', 'cdk.tf.json'), 'utf8'));
  expect(Object.keys(json.resource.terraform_data)).toHaveLength(3);
});
