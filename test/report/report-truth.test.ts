import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { AwsTarget, CoTenancy, HardwareExclusivity, IsolatedTenant, PlacementReport } from '../../lib';
import { OFFLINE, WEB } from '../support/aws-stacks';

// Issue 21, report truth: what synth warns about is in the report; notes say given or chosen, at the region's prices.
describe('the report tells what synth printed and what was given or chosen', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'truth-')) });
  const stack = new TerraformStack(app, 'truth');
  // One Elastic IP allowed: the tenant network's two NAT gateways need two, so the quota check warns (at synth, in a validation).
  const target = new AwsTarget(stack, 'aws', { ...OFFLINE, region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'], quotas: { elasticIpsPerRegion: 1 } });
  new IsolatedTenant(stack, 'chosen', { tenantId: 'chosen', target, workload: WEB, egress: true });
  new IsolatedTenant(stack, 'given', { tenantId: 'given', target, workload: WEB, instanceType: 'm5.large' });
  new IsolatedTenant(stack, 'hosts', {
    tenantId: 'hosts', target, workload: WEB, isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.TENANT },
  });
  app.synth();
  const dir = path.join(app.outdir, 'stacks', 'truth');
  const report = JSON.parse(fs.readFileSync(path.join(dir, PlacementReport.JSON_FILE_NAME), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8'));
  const reasons = (name: string) => report.workloads.find((w: { name: string }) => w.name === name).reasons.join(' ');

  test('every warning annotation synth printed for the stack is in placement-report.json, with its construct', () => {
    const printed = manifest.stacks.truth.annotations.filter((a: { level: string }) => a.level === '@cdktf/warn')
      .map((a: { constructPath: string; message: string }) => ({ path: a.constructPath, message: a.message }));
    expect(printed.some((w: { message: string }) => /Elastic IP/i.test(w.message))).toBe(true);
    expect(report.warnings).toEqual(printed);
    expect(fs.readFileSync(path.join(dir, PlacementReport.MARKDOWN_FILE_NAME), 'utf8')).toContain('> **Warning** (`truth/quota-check-eu-west-1`): ');
  });

  test('notes say what was given and what was chosen, quoting the target region\'s price', () => {
    expect(reasons('chosen')).toMatch(/instance type c6i\.large chosen \(no instanceType given\).*\$0\.096\/h on demand in eu-west-1\)/);
    expect(reasons('given')).toMatch(/instance type m5\.large as given by instanceType \(2 vCPU \/ 8192 MiB, \$0\.107\/h on demand in eu-west-1\)/);
    expect(reasons('hosts')).toMatch(/dedicated-host: instance type c5\.large chosen \(no instanceType given\): c5 hosts give the cheapest host plan/);
    expect(JSON.stringify(report.workloads.map((w: { reasons: string[] }) => w.reasons))).not.toMatch(/on demand in us-east-1/);
  });

  test('the Dedicated Host price is labelled an estimate with its basis', () => {
    const host = report.workloads.find((w: { name: string }) => w.name === 'hosts').cost.items.find((i: { resourceType?: string }) => i.resourceType === 'aws_ec2_host');
    expect(host.estimate).toMatch(/^Dedicated Host hour = 1\.1 x the on-demand rate of the vCPUs one host of the family offers/);
  });
});
