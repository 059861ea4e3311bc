import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import { expectFinding, findingIds, guardError, resourceAt } from './support';
import { AwsTarget, GuardPack, IsolatedTenant, IsolationGuards, PlacementError } from '../../lib';
import { OFFLINE, WEB } from '../support/aws-stacks';
import { refusal } from '../support';

/** Tenants 'a' and 'b' whose instances both carry an SSH key pair (ISO-AWS-003). */
function keyedTenants(app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, 'test');
  const target = new AwsTarget(stack, 'aws', OFFLINE);
  for (const id of ['a', 'b']) {
    new IsolatedTenant(stack, id, { tenantId: id, target, workload: WEB });
    resourceAt(stack, `test/${id}/instance-1`).addOverride('key_name', 'ops');
  }
  return stack;
}


test('one PlacementError lists every finding: where is the first resource, each line has id, path, problem and fix', () => {
  const stack = keyedTenants();
  resourceAt(stack, 'test/b/key').addOverride('enable_key_rotation', false);
  const err = guardError(stack);
  expect(err.where).toBe('test/a/instance-1');
  expect(findingIds(err)).toEqual(['ISO-AWS-003', 'ISO-AWS-003', 'ISO-AWS-006']);
  expect(err.problem.startsWith('3 isolation guard findings:\n')).toBe(true);
  expectFinding(err, 'ISO-AWS-003', 'test/b/instance-1', 'key_name "ops" installs an SSH key pair.');
  expect(err.fix).toContain('IsolationGuards suppressions: [{ id, reason, pathPrefix }]');
  expect(err.message.startsWith('test/a/instance-1: 3 isolation guard findings:')).toBe(true);
});

test('app.synth() stops before any Terraform is written', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'guards-'));
  const app = new App({ outdir });
  Aspects.of(keyedTenants(app)).add(new IsolationGuards());
  expect(() => app.synth()).toThrow(PlacementError);
  expect(fs.existsSync(path.join(outdir, 'stacks', 'test', 'cdk.tf.json'))).toBe(false);
});

test('HCL synthesis is guarded too, and one guards object can watch two subtrees', () => {
  const hcl = keyedTenants();
  Aspects.of(hcl).add(new IsolationGuards());
  expect(() => Testing.synthHcl(hcl, true)).toThrow('[ISO-AWS-003] test/a/instance-1: key_name "ops" installs an SSH key pair.');

  const stack = keyedTenants();
  const guards = new IsolationGuards();
  Aspects.of(stack.node.findChild('a')).add(guards);
  Aspects.of(stack.node.findChild('b')).add(guards);
  const err = refusal(() => Testing.synth(stack, true));
  expect(findingIds(err)).toEqual(['ISO-AWS-003', 'ISO-AWS-003']);
  expect(err.message).toContain('[ISO-AWS-003] test/b/instance-1:');
  expect(refusal(() => IsolationGuards.rules(['nope' as GuardPack])).problem).toBe('"nope" is not a guard pack.');
});

test('a suppression with a reason, scoped by path prefix, accepts only that subtree; the finding is kept and annotated', () => {
  const scoped = keyedTenants();
  const err = guardError(scoped, { suppressions: [{ id: 'ISO-AWS-003', reason: 'break-glass key, ticket OPS-9', pathPrefix: 'a' }] });
  expect(findingIds(err)).toEqual(['ISO-AWS-003']);
  expect(err.where).toBe('test/b/instance-1');

  const stack = keyedTenants();
  const guards = new IsolationGuards({ suppressions: [{ id: 'ISO-AWS-003', reason: 'break-glass key, ticket OPS-9' }] });
  Aspects.of(stack).add(guards);
  expect(() => Testing.synth(stack, true)).not.toThrow();
  expect(guards.suppressedFindings.map((f) => [f.ruleId, f.path, f.suppressedBecause])).toEqual([
    ['ISO-AWS-003', 'test/a/instance-1', 'break-glass key, ticket OPS-9'],
    ['ISO-AWS-003', 'test/b/instance-1', 'break-glass key, ticket OPS-9'],
  ]);
  const infos = resourceAt(stack, 'test/a/instance-1').node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => m.data);
  expect(infos).toContain('[ISO-AWS-003] suppressed: break-glass key, ticket OPS-9');
});

test('a full construct path works as prefix too', () => {
  const stack = keyedTenants();
  const err = guardError(stack, { suppressions: [{ id: 'ISO-AWS-003', reason: 'ok', pathPrefix: 'test/b' }] });
  expect(err.where).toBe('test/a/instance-1');
  expect(findingIds(err)).toEqual(['ISO-AWS-003']);
});

test('a suppression without a reason, or of an unknown rule, is refused', () => {
  for (const reason of ['', '   ', undefined]) {
    const err = refusal(() => new IsolationGuards({ suppressions: [{ id: 'ISO-AWS-003', reason: reason as string }] }));
    expect(err.where).toBe('IsolationGuards suppressions[0]');
    expect(err.problem).toBe('the suppression of "ISO-AWS-003" gives no reason.');
  }
  const unknown = refusal(() => new IsolationGuards({ packs: [GuardPack.DOCKER_HARDENING], suppressions: [{ id: 'ISO-AWS-003', reason: 'x' }] }));
  expect(unknown.problem).toBe('"ISO-AWS-003" is not a rule of the applied packs (docker-hardening).');
  expect(unknown.fix).toContain('ISO-DKR-001');
  expect(refusal(() => new IsolationGuards({ packs: ['aws' as GuardPack] })).problem).toBe('"aws" is not a guard pack.');
});

test('only the chosen packs run, and an aspect on a subtree checks only that subtree', () => {
  const docker = keyedTenants();
  Aspects.of(docker).add(new IsolationGuards({ packs: [GuardPack.DOCKER_HARDENING, GuardPack.TENANT_BOUNDARY] }));
  expect(() => Testing.synth(docker, true)).not.toThrow();

  const subtree = keyedTenants();
  const err = guardError(subtree.node.findChild('b'));
  expect(findingIds(err)).toEqual(['ISO-AWS-003']);
  expect(err.where).toBe('test/b/instance-1');
});
