import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { AwsTarget, CoTenancy, DenseService, EfficiencyPriority, PlacementReport } from '../../lib';
import { OFFLINE } from '../support/aws-stacks';

const TASK = { image: 'public.ecr.aws/nginx/nginx:1.27', cpu: 0.25, memoryMiB: 512, port: 8080 };
// BALANCED: the weakest tier that suffices, a shared pool (COST would compare it with Fargate by price).
const BALANCED = { priority: EfficiencyPriority.BALANCED };
const cents = (n: number) => Math.round(n * 100);

describe('dense pools are planned by packing their tasks (issue 12 done-when, through DenseService)', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'dense-')) });
  const stack = new TerraformStack(app, 'dense');
  const target = new AwsTarget(stack, 'aws', OFFLINE);
  for (let i = 0; i < 12; i++) new DenseService(stack, `svc-${i}`, { serviceName: `svc-${i}`, target, efficiency: BALANCED, workload: TASK });
  new DenseService(stack, 'internal', { serviceName: 'internal', target, efficiency: BALANCED, isolation: { coTenancy: CoTenancy.INTERNAL }, workload: { ...TASK, replicas: 3 } });
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

  test('the ASG min, max and the launch template follow the plan; trunking is on for the account, once', () => {
    const templates = Object.values(tf.resource.aws_launch_template) as Array<{ name_prefix: string; instance_type: string }>;
    const groups = Object.values(tf.resource.aws_autoscaling_group) as Array<{ name_prefix: string; min_size: number; max_size: number }>;
    for (const pool of report.pools as Array<{ name: string; instanceType: string; minInstances: number; maxInstances: number }>) {
      // The pool's co-tenancy ends its capacity provider name and its launch template's and group's prefixes.
      const label = pool.name.split('_').pop();
      expect(templates.find((t) => t.name_prefix.endsWith(`-${label}-`))!.instance_type).toBe(pool.instanceType);
      expect(groups.find((g) => g.name_prefix.endsWith(`-${label}-`))).toMatchObject({ min_size: pool.minInstances, max_size: pool.maxInstances });
    }
    expect(report.pools.map((p: { name: string }) => p.name).sort()).toEqual(['cp_dense_dense_aws_internal', 'cp_dense_dense_aws_trusted']);
    expect(Object.values(tf.resource.aws_ecs_account_setting_default)).toEqual([{ name: 'awsvpcTrunking', value: 'enabled', provider: 'aws.aws' }]);
  });

  test('the bill: each service pays its share of its pool, the rest is the pool\'s slack, and the total is every item', () => {
    expect(report).toMatchObject({ region: 'eu-central-1', pricesRegion: 'eu-central-1' });
    expect(report.pricesAsOf).toMatch(/^\d{4}-\d{2}/);
    for (const w of report.workloads) expect(cents(w.cost.monthlyUsd)).toBe(w.cost.items.reduce((s: number, i: { monthlyUsd: number }) => s + cents(i.monthlyUsd), 0));
    for (const pool of report.pools) {
      const shares = report.workloads.flatMap((w: any) => w.cost.items).filter((i: any) => i.what.includes(`share of pool ${pool.name} `));
      const slack = report.shared.items.filter((i: any) => i.what.startsWith(`pool ${pool.name}: unreserved capacity`));
      expect(slack).toHaveLength(1);
      expect(cents(slack[0].monthlyUsd)).toBe(cents(pool.slackMonthlyUsd));
      expect([...shares, ...slack].reduce((s: number, i: any) => s + cents(i.monthlyUsd), 0)).toBe(cents(pool.monthlyUsd));
      expect([...shares, ...slack].reduce((s: number, i: any) => s + i.quantity, 0)).toBeCloseTo(1, 9);
    }
    const items = [...report.workloads.flatMap((w: any) => w.cost.items), ...report.shared.items];
    expect(cents(report.totalMonthlyUsd)).toBe(items.reduce((s: number, i: { monthlyUsd: number }) => s + cents(i.monthlyUsd), 0));
    const markdown = fs.readFileSync(path.join(app.outdir, 'stacks', 'dense', PlacementReport.MARKDOWN_FILE_NAME), 'utf8');
    expect(markdown).toContain('```mermaid\npie showData title dense:');
    expect(markdown).toContain('| Pool | Owner | Instance type | Instances (min-max) | Tasks per instance | Utilization | USD/month | Unreserved |');
    expect(markdown).toContain('## Shared by the workloads (USD a month)');
    expect(PlacementReport.summary(stack)).toMatch(/USD\/MONTH[\s\S]*total \$\d+\.\d\d a month: workloads \$\d+\.\d\d, shared \$\d+\.\d\d \(eu-central-1, prices of eu-central-1 as of /);
  });
});

test('done-when: a 6-replica public DenseService on two zones plans an instance in each zone and room for a rolling deployment', () => {
  const stack = new TerraformStack(Testing.app(), 'zones');
  const target = new AwsTarget(stack, 'aws', OFFLINE);
  const web = new DenseService(stack, 'web', {
    serviceName: 'web', target, efficiency: BALANCED, workload: { ...TASK, replicas: 6 },
    loadBalancer: { internetFacing: true, certificateArn: 'arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555' },
  });
  const tf = JSON.parse(Testing.synth(stack));
  const [pool] = JSON.parse(PlacementReport.json(stack)).pools;
  expect(pool).toMatchObject({ zones: 2, minInstances: 2 });
  expect(pool.instances).toBeGreaterThanOrEqual(2);
  expect(pool.maxInstances).toBeGreaterThan(pool.instances - 1);
  expect(pool.why).toMatch(/min 2: one instance in each of the 2 zones, as a service runs 2 or more tasks/);
  expect(pool.why).toMatch(/max \d+: room for a rolling deployment of the largest service \(6 task\(s\) once more\) at maximumPercent 200 \/ minimumHealthyPercent 100/);
  const [asg] = Object.values(tf.resource.aws_autoscaling_group) as Array<{ min_size: number; max_size: number; vpc_zone_identifier: string[] }>;
  expect(asg).toMatchObject({ min_size: 2, max_size: pool.maxInstances });
  expect(asg.vpc_zone_identifier).toHaveLength(2);
  const [service] = Object.values(tf.resource.aws_ecs_service) as Array<Record<string, unknown>>;
  expect(service).toMatchObject({
    desired_count: 6, deployment_maximum_percent: 200, deployment_minimum_healthy_percent: 100,
    ordered_placement_strategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
  });
  expect(web.realized.capacity).toBe('0.25 vCPU / 512 MiB x6 on pool cp_zones_dense_aws_trusted');
});

test('a region without a price table: the report names the prices used, and carries the warning synth prints', () => {
  const stack = new TerraformStack(Testing.app(), 'sa');
  const target = new AwsTarget(stack, 'aws', { ...OFFLINE, region: 'sa-east-1', availabilityZones: ['sa-east-1a', 'sa-east-1b'] });
  new DenseService(stack, 'svc', { serviceName: 'svc', target, workload: TASK });
  const report = JSON.parse(PlacementReport.json(stack));
  expect(report).toMatchObject({ region: 'sa-east-1', pricesRegion: 'us-east-1' });
  expect(report.warnings).toContainEqual({ path: 'sa/aws', message: expect.stringMatching(/^no price table for region 'sa-east-1'/) });
  expect(PlacementReport.markdown(stack)).toMatch(/for sa-east-1, with the prices of us-east-1 as of .*\n\n> \*\*Warning\*\* \(`sa\/aws`\): no price table/);
  const warnings = target.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
  expect(warnings.some((w) => /no price table for region 'sa-east-1'/.test(w))).toBe(true);
});
