import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { IsolationBoundary, PlacementTier, TenantFleet } from '../../lib';
import { FakeTarget } from '../support/fake-target';

// examples/fleet-from-file/tenants.yaml on a fake target with AwsTarget's tiers and billing
// (DESIGN.md: all but SANDBOXED_CONTAINER, elasticBilling true). The AWS realization itself is
// tested with the example once AwsTarget is merged.
const FILE = path.join(__dirname, '..', '..', 'examples', 'fleet-from-file', 'tenants.yaml');

function build(): { app: App; fleet: TenantFleet } {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'example-')) });
  const stack = new TerraformStack(app, 'fleet-from-file');
  const fleet = new TenantFleet(stack, 'fleet', { target: new FakeTarget(stack, 'aws-like'), file: FILE });
  return { app, fleet };
}

test('every tenant of the example file is placed, each where its needs say', () => {
  const { fleet } = build();
  expect(Object.fromEntries(fleet.tenants.map((t) => [t.tenantId, t.placement.tier]))).toEqual({
    acme: PlacementTier.VM,
    globex: PlacementTier.DEDICATED_VM,
    initech: PlacementTier.DEDICATED_HOST,
    umbrella: PlacementTier.MICROVM_CONTAINER,
    hooli: PlacementTier.MICROVM_CONTAINER,
    stark: PlacementTier.SHARED_CONTAINER,
    wayne: PlacementTier.SHARED_CONTAINER,
    wonka: PlacementTier.VM,
    tyrell: PlacementTier.VM,
    cyberdyne: PlacementTier.DEDICATED_VM,
    soylent: PlacementTier.SHARED_CONTAINER,
    oscorp: PlacementTier.MICROVM_CONTAINER,
    aperture: PlacementTier.DEDICATED_VM,
    nakatomi: PlacementTier.SHARED_CONTAINER,
  });
  expect(fleet.tenants.length).toBeGreaterThanOrEqual(12);
  // Only the acknowledged pin sits below its required boundary, and the reason is kept.
  const strength = (b: IsolationBoundary) => Object.values(IsolationBoundary).indexOf(b);
  const weaker = fleet.tenants.filter((t) => strength(t.placement.boundary) < strength(t.placement.requiredBoundary));
  expect(weaker.map((t) => t.tenantId)).toEqual(['soylent']);
  expect(fleet.tenant('soylent').placement.reasons.join(' ')).toContain('approved in SEC-142');
  expect(fleet.tenant('cyberdyne').placement.pinned).toBe(true);
});

test('synthesizing the example writes its placement report', () => {
  const { app, fleet } = build();
  app.synth();
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'fleet-from-file', 'placement-report.json'), 'utf8'));
  expect(report.workloads.map((w: { name: string; tier: string }) => [w.name, w.tier]))
    .toEqual(fleet.tenants.map((t) => [t.tenantId, t.placement.tier]));
});
