import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { AwsTarget, CoTenancy, DenseService, PlacementReport } from '../../lib';
import { OFFLINE } from '../support/aws-stacks';

const TASK = { image: 'public.ecr.aws/nginx/nginx:1.27', cpu: 0.25, memoryMiB: 512, port: 8080 };

describe('dense pools are planned by packing their tasks (issue 12 done-when, through DenseService)', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dense-')) });
  const stack = new TerraformStack(app, 'dense');
  const target = new AwsTarget(stack, 'aws', OFFLINE);
  for (let i = 0; i < 12; i++) new DenseService(stack, `svc-${i}`, { serviceName: `svc-${i}`, target, workload: TASK });
  new DenseService(stack, 'internal', { serviceName: 'internal', target, isolation: { coTenancy: CoTenancy.INTERNAL }, workload: { ...TASK, replicas: 3 } });
  const tf = JSON.parse(Testing.synth(stack));
  app.synth();
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'dense', PlacementReport.JSON_FILE_NAME), 'utf8'));

  test('12 tasks of 0.25 vCPU / 512 MiB: at least 4 tasks per instance on at most 3 instances', () => {
    const pool = report.pools.find((p: { name: string }) => p.name === 'cp_dense_dense_aws_trusted');
    expect(pool.tasksPerInstance).toBeGreaterThanOrEqual(4);
    expect(pool.instances).toBeLessThanOrEqual(3);
    expect(pool.utilization).toBeGreaterThan(0);
    expect(pool.instanceType).not.toMatch(/^t/); // no trunking on T types
  });

  test('the ASG max and the launch template follow the plan; trunking is on for the account, once', () => {
    const templates = Object.values(tf.resource.aws_launch_template) as Array<{ name_prefix: string; instance_type: string }>;
    const groups = Object.values(tf.resource.aws_autoscaling_group) as Array<{ name_prefix: string; max_size: number }>;
    for (const pool of report.pools as Array<{ name: string; instanceType: string; instances: number }>) {
      // The pool's co-tenancy ends its capacity provider name and its launch template's and group's prefixes.
      const label = pool.name.split('_').pop();
      expect(templates.find((t) => t.name_prefix.endsWith(`-${label}-`))!.instance_type).toBe(pool.instanceType);
      expect(groups.find((g) => g.name_prefix.endsWith(`-${label}-`))!.max_size).toBe(pool.instances);
    }
    expect(report.pools.map((p: { name: string }) => p.name).sort()).toEqual(['cp_dense_dense_aws_internal', 'cp_dense_dense_aws_trusted']);
    expect(Object.values(tf.resource.aws_ecs_account_setting_default)).toEqual([{ name: 'awsvpcTrunking', value: 'enabled', provider: 'aws.aws' }]);
  });

  test('the report has the stack total, region and price date, and every workload cost sums its items', () => {
    expect(report).toMatchObject({ region: 'eu-central-1', pricesRegion: 'eu-central-1' });
    expect(report.pricesAsOf).toMatch(/^\d{4}-\d{2}/);
    const cents = (n: number) => Math.round(n * 100);
    for (const w of report.workloads) expect(cents(w.cost.monthlyUsd)).toBe(w.cost.items.reduce((s: number, i: { monthlyUsd: number }) => s + cents(i.monthlyUsd), 0));
    expect(cents(report.totalMonthlyUsd)).toBe(report.workloads.reduce((s: number, w: { cost: { monthlyUsd: number } }) => s + cents(w.cost.monthlyUsd), 0));
    const markdown = fs.readFileSync(path.join(app.outdir, 'stacks', 'dense', PlacementReport.MARKDOWN_FILE_NAME), 'utf8');
    expect(markdown).toContain('```mermaid\npie showData title dense:');
    expect(markdown).toContain('| Pool | Instance type | Instances | Tasks per instance | Utilization | USD/month |');
    expect(PlacementReport.summary(stack)).toMatch(/USD\/MONTH[\s\S]*total \$\d+\.\d\d a month \(eu-central-1, prices of eu-central-1 as of /);
  });
});

test('a region without a price table: the report names the prices used, with a warning annotation', () => {
  const stack = new TerraformStack(Testing.app(), 'sa');
  const target = new AwsTarget(stack, 'aws', { ...OFFLINE, region: 'sa-east-1', availabilityZones: ['sa-east-1a', 'sa-east-1b'] });
  new DenseService(stack, 'svc', { serviceName: 'svc', target, workload: TASK });
  const report = JSON.parse(PlacementReport.json(stack));
  expect(report).toMatchObject({ region: 'sa-east-1', pricesRegion: 'us-east-1' });
  expect(report.warnings[0]).toMatch(/no price table for region 'sa-east-1'/);
  expect(PlacementReport.markdown(stack)).toMatch(/for sa-east-1, with the prices of us-east-1 as of .*\n\n> \*\*Warning:\*\* no price table/);
  const warnings = target.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
  expect(warnings.some((w) => /no price table for region 'sa-east-1'/.test(w))).toBe(true);
});
