import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AwsSaasStack } from '../../examples/aws-saas/main';
import { DockerLocalStack } from '../../examples/docker-local/main';
import { FleetFromFileStack } from '../../examples/fleet-from-file/main';
import { KubernetesSaasStack } from '../../examples/kubernetes/main';
import { AwsTarget, CoTenancy, DenseService, HardwareExclusivity, IsolatedTenant, PlacementReport } from '../../lib';
import { Billing, RESOURCE_BILLING } from '../../lib/capacity/billable-resources';
import { mixedStack, OFFLINE, WEB } from '../support/aws-stacks';

type Item = { what: string; monthlyUsd: number; resourceType?: string; quantity?: number; estimate?: string };
const cents = (n: number) => Math.round(n * 100);

/** A fleet with everything the library bills: every tier, dedicated networks with and without egress, load balancers, pools. */
class MixedFleetStack extends TerraformStack {
  constructor(scope: Construct, id: string, extra = true) {
    super(scope, id);
    const target = new AwsTarget(this, 'aws', OFFLINE);
    mixedStack(this, target);
    if (!extra) return;
    new IsolatedTenant(this, 'silo', { tenantId: 'silo', target, workload: WEB, isolation: { coTenancy: CoTenancy.HOSTILE, dedicatedNetwork: true } });
    new IsolatedTenant(this, 'silo-out', {
      tenantId: 'silo-out', target, workload: { ...WEB, replicas: 2 }, egress: true, loadBalancer: { internetFacing: true },
      isolation: { coTenancy: CoTenancy.HOSTILE, dedicatedNetwork: true },
    });
    new IsolatedTenant(this, 'public', { tenantId: 'public', target, workload: WEB, egress: true, loadBalancer: { internetFacing: true, accessLogs: true } });
    new IsolatedTenant(this, 'ledger', { tenantId: 'ledger', target, workload: WEB, isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.ACCOUNT } });
    new DenseService(this, 'api', { serviceName: 'api', target, workload: { ...WEB, replicas: 3 }, efficiency: { priority: 'balanced' as never } });
  }
}

/** A second stack of the same account and region with dedicated instances: the region fee is charged once, in the first. */
class SecondRegionStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const target = new AwsTarget(this, 'aws', OFFLINE);
    new IsolatedTenant(this, 'vault', { tenantId: 'vault', target, workload: WEB, isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.ACCOUNT } });
  }
}

const app = new App({ outdir: Testing.app().outdir });
const stacks: TerraformStack[] = [
  new AwsSaasStack(app, 'aws-saas'), new FleetFromFileStack(app, 'fleet-from-file'), new DockerLocalStack(app, 'docker-local'),
  new KubernetesSaasStack(app, 'kubernetes-saas'), new MixedFleetStack(app, 'mixed'), new SecondRegionStack(app, 'second'),
];
const billed = stacks.map((stack) => ({
  stack, tf: JSON.parse(Testing.synth(stack)) as { resource?: Record<string, Record<string, Record<string, unknown>>> },
  report: JSON.parse(PlacementReport.json(stack)),
}));
const itemsOf = (report: any): Item[] => [...report.workloads.flatMap((w: any) => w.cost?.items ?? []), ...(report.shared?.items ?? [])];

describe('the bill adds up: every billable resource the library creates is in exactly one cost item (issue 21)', () => {
  test.each(billed.map((b) => [b.stack.node.id, b] as const))('%s: every resource type it emits has a billing in the table', (_id, { tf }) => {
    const unknown = Object.keys(tf.resource ?? {}).filter((type) => RESOURCE_BILLING[type] === undefined);
    expect(unknown).toEqual([]);
  });

  test.each(billed.map((b) => [b.stack.node.id, b] as const))('%s: the items of each priced type price exactly its units, and nothing else', (_id, { tf, report }) => {
    const items = itemsOf(report);
    for (const [type, billing] of Object.entries(RESOURCE_BILLING).filter(([, b]) => b.billing === Billing.PRICED)) {
      const units = Object.values(tf.resource?.[type] ?? {}).reduce((n, body) => n + billing.units!(body), 0);
      const priced = items.filter((i) => i.resourceType === type).reduce((n, i) => n + i.quantity!, 0);
      expect([type, priced]).toEqual([type, expect.closeTo(units, 9)]);
    }
    for (const item of items.filter((i) => i.resourceType !== undefined)) expect(RESOURCE_BILLING[item.resourceType!]?.billing).toBe(Billing.PRICED);
  });

  test.each(billed.map((b) => [b.stack.node.id, b] as const))('%s: the total is the sum of every item, workloads and shared', (_id, { report }) => {
    if (report.totalMonthlyUsd === undefined) {
      expect(itemsOf(report)).toEqual([]); // Docker and Kubernetes: nothing priced
      return;
    }
    expect(cents(report.totalMonthlyUsd)).toBe(itemsOf(report).reduce((s, i) => s + cents(i.monthlyUsd), 0));
    expect(cents(report.totalMonthlyUsd)).toBe(cents(report.workloadsMonthlyUsd) + cents(report.shared.monthlyUsd));
    for (const w of report.workloads.filter((x: any) => x.cost)) expect(cents(w.cost.monthlyUsd)).toBe(w.cost.items.reduce((s: number, i: Item) => s + cents(i.monthlyUsd), 0));
  });

  test('the Dedicated Instances region fee is charged once per account and region, to the stack of the first dedicated workload', () => {
    const fees = billed.flatMap(({ stack, report }) => itemsOf(report).filter((i) => i.what.startsWith('Dedicated Instances region fee')).map((i) => ({ stack: stack.node.id, i })));
    // fleet-from-file is in eu-west-1; mixed and second share eu-central-1 and account 123456789012.
    expect(fees.map((f) => [f.stack, f.i.monthlyUsd])).toEqual([['fleet-from-file', 1460], ['mixed', 1460]]);
    expect(fees[1].i.what).toMatch(/3 dedicated workload\(s\) of this app, mixed\/dedicated-vm-tenant, mixed\/ledger, second\/vault/);
    for (const { report } of billed) {
      for (const w of report.workloads) expect(w.cost?.items.some((i: Item) => /region fee/.test(i.what)) ?? false).toBe(false);
    }
  });

  test('a shared pool\'s cost is its services\' shares and its slack, exactly', () => {
    for (const { report } of billed) {
      for (const pool of report.pools.filter((p: any) => p.slackMonthlyUsd !== undefined)) {
        const parts = itemsOf(report).filter((i) => i.what.includes(`pool ${pool.name} `) || i.what.startsWith(`pool ${pool.name}:`));
        expect(parts.reduce((s, i) => s + cents(i.monthlyUsd), 0)).toBe(cents(pool.monthlyUsd));
      }
    }
  });

  test('estimates say what they rest on', () => {
    const items = billed.flatMap(({ report }) => itemsOf(report));
    expect(items.find((i) => i.resourceType === 'aws_ec2_host')!.estimate).toMatch(/^Dedicated Host hour = 1\.1 x/);
    expect(items.find((i) => i.resourceType === 'aws_lb')!.estimate).toMatch(/assumed: 1 capacity unit\(s\) an hour/);
    // eu-central-1 rows were not re-checked against a public page.
    expect(items.find((i) => i.resourceType === 'aws_nat_gateway')!.estimate).toBe('a list price not re-checked against a public page (AWS Price List as last seen)');
  });
});
