import { Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { CoTenancy, EfficiencyPriority, HardwareExclusivity, IsolatedTenant } from '../../lib';
import { crossTenantRules } from '../../lib/targets/aws/network/cross-tenant';
import { awsStack, WEB } from '../support/aws-stacks';
import { references, synthesize } from '../support';

// Three tenants on three different tiers in the target's shared tenant network: each owns its
// security group, KMS key, roles, log group, host and cluster, no resource of one tenant refers to
// another's (only to its own and to the shared network), and no rule admits one tenant to another.
const { stack, target } = awsStack();
new IsolatedTenant(stack, 'alpha', { tenantId: 'alpha', target, workload: { ...WEB, replicas: 2 } });
new IsolatedTenant(stack, 'bravo', {
  tenantId: 'bravo', target, workload: { ...WEB, replicas: 2 },
  isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.TENANT },
});
new IsolatedTenant(stack, 'charlie', { tenantId: 'charlie', target, workload: WEB, efficiency: { priority: EfficiencyPriority.COST } });
const { resources } = synthesize(stack);
const TENANTS = ['alpha', 'bravo', 'charlie'];
const OWNED = ['aws_security_group', 'aws_kms_key', 'aws_iam_role', 'aws_cloudwatch_log_group', 'aws_ec2_host', 'aws_ecs_cluster'];

const ownerOf = new Map(resources.map((r) => [r.address, r.path.split('/')[0]]));

test.each(TENANTS)('%s refers only to its own resources', (tenant) => {
  const mine = resources.filter((r) => r.path.split('/')[0] === tenant);
  expect(mine.length).toBeGreaterThan(10);
  for (const r of mine) {
    for (const ref of references(r.body)) {
      const owner = ownerOf.get(ref) === 'aws' && /^aws_(subnet|vpc|security_group|vpc_endpoint)\.aws_tenant-network_/.test(ref) ? tenant : ownerOf.get(ref);
      expect([r.address, ref, owner]).toEqual([r.address, ref, tenant]);
    }
  }
});

test('no security group rule admits one tenant to another', () => {
  expect(crossTenantRules(JSON.parse(Testing.synth(stack)))).toEqual([]);
});

test('the three tenants share no security group, key, role, log group, host or cluster', () => {
  const owned = new Map<string, Set<string>>();
  // aws/ is the target: the shared tenant network (its endpoint group, flow log key, role and group).
  for (const r of resources.filter((x) => OWNED.includes(x.type) && !x.path.startsWith('aws/tenant-network/'))) {
    const tenant = r.path.split('/')[0];
    expect(TENANTS).toContain(tenant);
    owned.set(r.type, new Set([...(owned.get(r.type) ?? []), tenant]));
  }
  // Each kind exists, and per tenant where the tier has it.
  expect([...owned.get('aws_security_group')!].sort()).toEqual(TENANTS);
  expect([...owned.get('aws_kms_key')!].sort()).toEqual(TENANTS);
  expect([...owned.get('aws_iam_role')!].sort()).toEqual(TENANTS);
  expect([...owned.get('aws_cloudwatch_log_group')!].sort()).toEqual(TENANTS);
  expect([...owned.get('aws_ec2_host')!]).toEqual(['bravo']);
  expect([...owned.get('aws_ecs_cluster')!]).toEqual(['charlie']);
  // Names AWS keeps per account or per VPC are distinct.
  const names = (type: string, field: string) => resources.filter((r) => r.type === type).map((r) => r.body[field]);
  for (const [type, field] of [['aws_cloudwatch_log_group', 'name'], ['aws_kms_alias', 'name'], ['aws_ecs_cluster', 'name']]) {
    const list = names(type, field);
    expect(new Set(list).size).toBe(list.length);
  }
  // One shared tenant network; tenant VPCs are never peered or attached to a transit gateway.
  expect(resources.filter((r) => r.type === 'aws_vpc').map((r) => r.path)).toEqual(['aws/tenant-network/vpc']);
  expect(resources.filter((r) => /peering|transit_gateway/.test(r.type))).toEqual([]);
});

test('each tenant has its own tier and the tier its own kind of compute', () => {
  const tier = (tenant: string) => resources.find((r) => r.type === 'aws_security_group' && r.path.startsWith(`${tenant}/`))!.body.tags['isolation:tier'];
  expect(TENANTS.map(tier)).toEqual(['vm', 'dedicated-host', 'microvm-container']);
});

describe('images a tenant without egress cannot pull', () => {
  const warnings = (c: IConstruct) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));

  test('an image outside ECR in the region: a warning and a note naming the fix', () => {
    const { stack, target } = awsStack();
    const cases: Array<[string, string, boolean, boolean]> = [
      ['public', 'public.ecr.aws/nginx/nginx:1.27', false, true],
      ['ghcr', 'ghcr.io/acme/app:1.0', false, true],
      ['other-region', '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0', false, true],
      ['same-region', '123456789012.dkr.ecr.eu-central-1.amazonaws.com/app:1.0', false, false],
      ['with-egress', 'ghcr.io/acme/app:1.0', true, false],
    ];
    for (const [tenantId, image, egress, warned] of cases) {
      const t = new IsolatedTenant(stack, tenantId, { tenantId, target, egress, workload: { ...WEB, image } });
      const expected = `image ${image} is not in a private ECR registry in eu-central-1, and without egress the tenant cannot pull it `
        + '(ECR Public and other registries have no VPC endpoint): set egress: true, or mirror the image to ECR in eu-central-1 and use that URI.';
      expect([tenantId, warnings(t)]).toEqual([tenantId, warned ? [expected] : []]);
      expect([tenantId, t.realized.notes!.includes(expected)]).toEqual([tenantId, warned]);
    }
  });
});
