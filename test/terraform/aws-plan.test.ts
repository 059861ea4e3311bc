import { Testing } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AwsTarget, DenseService, IsolatedTenant } from '../../lib';
import { awsStack, mixedStack, OFFLINE, WEB } from '../support/aws-stacks';
import { fleetStack } from '../support/fleet-stack';
import { grantOwnResources } from '../support/user-grants';
import { awsExamples, cdktfSynth, initValidatePlan, terraformBinary } from '../support/terraform';

// The terraform tier: every AWS example (synthesized with `cdktf synth` as a user would) and a
// stack with a workload on every tier pass `terraform init`, `validate` and `plan` offline against
// the provider mirror. Credentials and endpoints are overridden for the plan only.
const ROOT = path.join(__dirname, '..', '..');
const terraform = terraformBinary();
const started = Date.now();

// CDKTF_ISOLATION_SKIP_TERRAFORM=1 skips the tier on purpose (the benchmark times the suite without it).
const skipReason = process.env.CDKTF_ISOLATION_SKIP_TERRAFORM === '1' ? 'CDKTF_ISOLATION_SKIP_TERRAFORM=1 is set'
  : !terraform ? 'terraform is not on PATH' : undefined;

if (skipReason) {
  // Written directly, not through jest's console, so it stays one line.
  process.stdout.write(`terraform tier SKIPPED: ${skipReason}, so no AWS stack was init/validate/plan-checked.\n`);
  test(`terraform tier skipped (${skipReason})`, () => {
    expect(skipReason).toBeDefined();
  });
} else {
  afterAll(() => {
    process.stdout.write(`terraform tier: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });

  test('a stack with a workload on every AWS tier, and user code granting each its own bucket and database through its handles, plans offline', () => {
    const { stack, target } = awsStack();
    for (const workload of mixedStack(stack, target)) grantOwnResources(stack, workload, target.provider);
    const result = initValidatePlan(path.join(Testing.fullSynth(stack), 'stacks', 'test'));
    expect(result.planOutput).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
    for (const type of ['aws_ec2_host', 'aws_instance', 'aws_ecs_service', 'aws_autoscaling_group', 'aws_lb', 'aws_kms_key', 'aws_iam_role_policy', 'aws_s3_bucket']) {
      expect(result.planOutput).toContain(`# ${type}.`);
    }
  }, 240_000);

  test('two AwsTargets (regions) in one stack plan offline, each with its aliased provider', () => {
    const { stack, target: eu } = awsStack();
    const us = new AwsTarget(stack, 'us', { ...OFFLINE, region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] });
    for (const [target, prefix] of [[eu, 'eu'], [us, 'us']] as const) {
      new IsolatedTenant(stack, `${prefix}-tenant`, { tenantId: `${prefix}-acme`, target, workload: WEB, egress: true, loadBalancer: { internetFacing: true } });
      new DenseService(stack, `${prefix}-web`, { serviceName: `${prefix}-web`, target, workload: WEB });
    }
    const result = initValidatePlan(path.join(Testing.fullSynth(stack), 'stacks', 'test'));
    expect(result.planOutput).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
  }, 240_000);

  test('the 160-tenant fleet plans offline', () => {
    const { stack } = fleetStack();
    const result = initValidatePlan(path.join(Testing.fullSynth(stack), 'stacks', 'fleet'));
    expect(result.planOutput).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
  }, 600_000);

  const examples = awsExamples(ROOT);
  test('there is at least one AWS example', () => {
    expect(examples.length).toBeGreaterThan(0);
  });
  test.each(examples.map((e) => [path.basename(e), e]))('example %s synthesizes with cdktf and plans offline', (_, dir) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'example-'));
    const stacks = cdktfSynth(dir, out, ROOT);
    expect(stacks.length).toBeGreaterThan(0);
    for (const stackDir of stacks) {
      const planned = fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8');
      // The example itself carries no credentials and no endpoint overrides.
      expect(planned).not.toMatch(/access_key|secret_key|skip_credentials_validation|127\.0\.0\.1/);
      expect(initValidatePlan(stackDir).planOutput).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
    }
  }, 240_000);
}
