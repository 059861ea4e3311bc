import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { PlacementError } from '../../../lib/placement-error';
import { CidrPool, DEFAULT_DEDICATED_POOL } from '../../../lib/targets/aws/network/cidr-pool';
import { QuotaValidation } from '../../../lib/targets/aws/network/quota-validation';
import { TenantNetwork } from '../../../lib/targets/aws/network/tenant-network';
import { addTenant, ENV, networkStack } from './network-stack';

/** The shared network plus `silos` dedicated networks in eu-central-1, and one dedicated network in eu-west-1 (another provider). */
function fleet(silos: number, enforce?: boolean): { stack: ReturnType<typeof networkStack>['stack']; check: QuotaValidation } {
  const { stack } = networkStack();
  const pool = new CidrPool(stack.node.path, DEFAULT_DEDICATED_POOL, 20);
  for (let i = 0; i < silos; i++) {
    TenantNetwork.dedicated(new Construct(stack, `silo-${i}`), 'network', { env: ENV, stack: 'net', name: `silo-${i}`, tags: {} }, pool, `silo-${i}`);
  }
  const west = new AwsProvider(stack, 'west', { region: 'eu-west-1', alias: 'west' });
  const elsewhere = new Construct(stack, 'elsewhere');
  const other = new TenantNetwork(elsewhere, 'network', { env: { ...ENV, region: 'eu-west-1', availabilityZones: ['eu-west-1a'] }, stack: 'net', name: 'west', tags: {} });
  for (const c of other.node.findAll()) if ('provider' in c) (c as unknown as { provider: AwsProvider }).provider = west;
  const check = QuotaValidation.ensure(stack, 'eu-central-1', { enforce });
  return { stack, check };
}

const warnings = (c: Construct): string[] => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));

test('counts the region\'s providers only, and warns once per finding at synth', () => {
  const { stack, check } = fleet(4);
  expect(QuotaValidation.ensure(stack, 'eu-central-1')).toBe(check);
  Testing.synth(stack, true);
  // 5 VPCs of eu-central-1 + the default VPC; the eu-west-1 VPC is not counted.
  expect(check.findings.map((f) => [f.quota, f.count])).toEqual([['VPCS_PER_REGION', 6]]);
  expect(warnings(check)).toEqual([check.findings[0].message]);
});

test('within the quotas nothing is said', () => {
  const { stack, check } = fleet(3);
  Testing.synth(stack, true);
  expect(check.findings).toEqual([]);
  expect(warnings(check)).toEqual([]);
});

test('enforce: true makes the finding a PlacementError at synth', () => {
  const { stack } = fleet(4, true);
  expect(() => Testing.synth(stack, true)).toThrow(PlacementError);
});

test('160 tenant groups on the shared network pass the check (it costs one resolution of the stack)', () => {
  const { stack, network } = networkStack({ egress: true });
  for (let i = 0; i < 160; i++) addTenant(stack, network, `tenant-${i}`);
  const check = QuotaValidation.ensure(stack, 'eu-central-1');
  const start = process.hrtime.bigint();
  check.validate();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(`quota check over 160 tenant groups: ${ms.toFixed(0)} ms\n`);
  expect(check.findings).toEqual([]);
});
