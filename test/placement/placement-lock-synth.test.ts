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
const lockJson = () => JSON.parse(fs.readFileSync(lockFile, 'utf8'));
const locked = () => lockJson().workloads;
const today = () => new Date().toISOString().slice(0, 10);
/** The PlacementError a synth throws. */
function refusedSynth(tenants: Array<Record<string, unknown>>): PlacementError {
  let error: unknown;
  try {
    synth(tenants);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PlacementError);
  return error as PlacementError;
}

describe('the placement lock through cdktf synth (context cdktf-isolation:lockFile)', () => {
  test('the first synth writes every workload\'s tier', () => {
    synth([{ tenantId: 'acme' }, { tenantId: 'globex' }]);
    expect(locked()).toEqual({ 'saas/fleet/acme': 'vm', 'saas/fleet/globex': 'vm' });
  });

  test('a tier change of a locked workload fails synth with a PlacementError naming it, both tiers and the exact fix; the lock is kept', () => {
    const before = fs.readFileSync(lockFile, 'utf8');
    const error = refusedSynth([{ tenantId: 'acme', pin: PlacementTier.MICROVM_CONTAINER }, { tenantId: 'globex' }]);
    expect(error.message).toMatch(/workload 'saas\/fleet\/acme' is locked to vm in .*placement\.lock\.json but is now placed on microvm-container/);
    expect(error.message).toContain("set acceptPlacementChange: { to: PlacementTier.MICROVM_CONTAINER, reason: '<why the replacement is intended>' } "
      + '(in a fleet file: acceptPlacementChange: { to: microvm-container, reason: "<why the replacement is intended>" }) on it');
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(before);
  });

  test('the acceptance it names passes; the change is written back and recorded with its reason, tiers and date', () => {
    const accept = { to: PlacementTier.MICROVM_CONTAINER, reason: 'Fargate for cost, replacement reviewed' };
    synth([{ tenantId: 'acme', pin: PlacementTier.MICROVM_CONTAINER, acceptPlacementChange: accept }, { tenantId: 'globex' }]);
    expect(locked()).toEqual({ 'saas/fleet/acme': 'microvm-container', 'saas/fleet/globex': 'vm' });
    expect(lockJson().acceptedChanges).toEqual([
      { workload: 'saas/fleet/acme', from: 'vm', to: 'microvm-container', reason: 'Fargate for cost, replacement reviewed', when: today() },
    ]);
    // Accepted once, the new tier is the locked one: synthesized again, with or without the acceptance, nothing is rewritten.
    const written = fs.statSync(lockFile).mtimeMs;
    const text = fs.readFileSync(lockFile, 'utf8');
    synth([{ tenantId: 'acme', pin: PlacementTier.MICROVM_CONTAINER, acceptPlacementChange: accept }, { tenantId: 'globex' }]);
    synth([{ tenantId: 'acme', pin: PlacementTier.MICROVM_CONTAINER }, { tenantId: 'globex' }]);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(text);
    expect(fs.statSync(lockFile).mtimeMs).toBe(written);
  });

  test('an acceptance left in code does not approve a later change to another tier', () => {
    const error = refusedSynth([{
      tenantId: 'acme', pin: PlacementTier.DEDICATED_VM, acceptPlacementChange: { to: PlacementTier.MICROVM_CONTAINER, reason: 'Fargate for cost, replacement reviewed' },
    }, { tenantId: 'globex' }]);
    expect(error.message).toContain("workload 'saas/fleet/acme' is locked to microvm-container");
    expect(error.message).toContain('(its acceptPlacementChange accepts a move to microvm-container, not to dedicated-vm: an acceptance approves only the change it names)');
    expect(error.message).toContain('acceptPlacementChange: { to: PlacementTier.DEDICATED_VM,');
    expect(locked()['saas/fleet/acme']).toBe('microvm-container');
  });

  test('new workloads are added, removed ones dropped', () => {
    synth([{ tenantId: 'acme', pin: PlacementTier.MICROVM_CONTAINER }], (stack, target) => {
      new IsolatedTenant(stack, 'solo', { tenantId: 'solo', target, workload: WORKLOAD });
    });
    expect(locked()).toEqual({ 'saas/fleet/acme': 'microvm-container', 'saas/solo': 'vm' });
  });

  test('a lock written by the previous version (version 1) is read, and left as it is while nothing changes', () => {
    const v1 = '{\n  "version": 1,\n  "workloads": {\n    "saas/fleet/acme": "microvm-container",\n    "saas/solo": "vm"\n  }\n}\n';
    fs.writeFileSync(lockFile, v1);
    synth([{ tenantId: 'acme', pin: PlacementTier.MICROVM_CONTAINER }], (stack, target) => {
      new IsolatedTenant(stack, 'solo', { tenantId: 'solo', target, workload: WORKLOAD });
    });
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(v1);
    const error = refusedSynth([{ tenantId: 'acme', pin: PlacementTier.VM }]);
    expect(error.message).toContain("workload 'saas/fleet/acme' is locked to microvm-container");
  });

  test('a bare string acceptance (the form before acceptances named their change) is refused with the acceptance to write', () => {
    const stack = new TerraformStack(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'lock-out-')) }), 'saas');
    const target = new FakeTarget(stack, 'target');
    let n = 0;
    const problem = (acceptPlacementChange: unknown) => {
      const id = `t${++n}`;
      try {
        new IsolatedTenant(stack, id, { tenantId: id, target, workload: WORKLOAD, acceptPlacementChange: acceptPlacementChange as any });
      } catch (e) {
        expect(e).toBeInstanceOf(PlacementError);
        return `${(e as PlacementError).problem} Fix: ${(e as PlacementError).fix}`;
      }
      throw new Error('not refused');
    };
    expect(problem('tenant moved, reviewed')).toBe("acceptPlacementChange is a string (\"tenant moved, reviewed\"), but an acceptance names the change it accepts, "
      + 'so that left in code it approves no later change: the tier the workload moves to, and the reason. '
      + "Fix: write acceptPlacementChange: { to: PlacementTier.VM, reason: 'tenant moved, reviewed' } "
      + '(in a fleet file: acceptPlacementChange: { to: vm, reason: "tenant moved, reviewed" }).');
    expect(problem({ to: 'mainframe', reason: 'x' })).toMatch(/^acceptPlacementChange.to is "mainframe", not a placement tier/);
    expect(problem({ to: PlacementTier.VM, reason: ' ' })).toMatch(/^acceptPlacementChange.reason is " ": an accepted change records why/);
    expect(problem({ to: PlacementTier.VM, reason: 'x', from: 'vm' })).toMatch(/^acceptPlacementChange has 'from', which it does not know/);
    expect(problem(['vm'])).toMatch(/^acceptPlacementChange must be \{ to, reason \}, got \["vm"\]/);
  });

  test('without the context key nothing is read or written', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'lock-out-')) });
    const stack = new TerraformStack(app, 'saas');
    new IsolatedTenant(stack, 'x', { tenantId: 'x', target: new FakeTarget(stack, 'target'), workload: WORKLOAD, pin: PlacementTier.DEDICATED_HOST });
    app.synth();
    expect(locked()).not.toHaveProperty('saas/x');
  });
});
