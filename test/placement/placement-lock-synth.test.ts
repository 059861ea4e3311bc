import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { IsolatedTenant, PlacementError, PlacementTier, TenantFleet } from '../../lib';
import { FakeTarget } from '../support/fake-target';

const WORKLOAD = { image: 'ghcr.io/acme/api:1.0', cpu: 0.5, memoryMiB: 512 };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));
const lockFile = path.join(dir, 'placement.lock.json');

/** One synth of an app with the lock enabled; `tenants` as in a TenantFleet. */
function synth(tenants: Array<Record<string, unknown>>, extra?: (stack: TerraformStack, target: FakeTarget) => void): void {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'lock-out-')), context: { 'cdktf-isolation:lockFile': lockFile } });
  const stack = new TerraformStack(app, 'saas');
  const target = new FakeTarget(stack, 'target');
  new TenantFleet(stack, 'fleet', { target, tenants: tenants.map((t) => ({ workload: WORKLOAD, ...t })) as any });
  extra?.(stack, target);
  app.synth();
}
const locked = () => JSON.parse(fs.readFileSync(lockFile, 'utf8')).workloads;

describe('the placement lock through cdktf synth (context cdktf-isolation:lockFile)', () => {
  test('the first synth writes every workload\'s tier', () => {
    synth([{ tenantId: 'acme' }, { tenantId: 'globex' }]);
    expect(locked()).toEqual({ 'saas/fleet/acme': 'vm', 'saas/fleet/globex': 'vm' });
  });

  test('a tier change of a locked workload fails synth with a PlacementError naming it, both tiers and the fix; the lock is kept', () => {
    const before = fs.readFileSync(lockFile, 'utf8');
    let error: unknown;
    try {
      synth([{ tenantId: 'acme', pin: PlacementTier.MICROVM_CONTAINER }, { tenantId: 'globex' }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlacementError);
    expect((error as Error).message).toMatch(/workload 'saas\/fleet\/acme' is locked to vm in .*placement\.lock\.json but is now placed on microvm-container/);
    expect((error as Error).message).toMatch(/acceptPlacementChange/);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(before);
  });

  test('with acceptPlacementChange the change passes and is written back', () => {
    synth([{ tenantId: 'acme', pin: PlacementTier.MICROVM_CONTAINER, acceptPlacementChange: 'Fargate for cost, replacement reviewed' }, { tenantId: 'globex' }]);
    expect(locked()).toEqual({ 'saas/fleet/acme': 'microvm-container', 'saas/fleet/globex': 'vm' });
    // Accepted once, the new tier is the locked one: the same synth without the reason passes.
    synth([{ tenantId: 'acme', pin: PlacementTier.MICROVM_CONTAINER }, { tenantId: 'globex' }]);
  });

  test('new workloads are added, removed ones dropped', () => {
    synth([{ tenantId: 'acme', pin: PlacementTier.MICROVM_CONTAINER }], (stack, target) => {
      new IsolatedTenant(stack, 'solo', { tenantId: 'solo', target, workload: WORKLOAD });
    });
    expect(locked()).toEqual({ 'saas/fleet/acme': 'microvm-container', 'saas/solo': 'vm' });
  });

  test('without the context key nothing is read or written', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'lock-out-')) });
    const stack = new TerraformStack(app, 'saas');
    new IsolatedTenant(stack, 'x', { tenantId: 'x', target: new FakeTarget(stack, 'target'), workload: WORKLOAD, pin: PlacementTier.DEDICATED_HOST });
    app.synth();
    expect(locked()).not.toHaveProperty('saas/x');
  });
});
