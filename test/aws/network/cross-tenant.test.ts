import { Testing } from 'cdktf';
import { crossTenantRules } from '../../../lib/targets/aws/network/cross-tenant';
import { awsStack, mixedStack } from '../../support/aws-stacks';
import { addTenant, networkStack } from './network-stack';

const vpcs = { shared: { cidr_block: '10.0.0.0/16' }, own: { cidr_block: '10.64.0.0/20' } };
const sg = (tenant: string, vpc = 'shared'): Record<string, unknown> => ({ vpc_id: `\${aws_vpc.${vpc}.id}`, tags: { 'isolation:tenant': tenant } });
const ingress = (group: string, rule: Record<string, unknown>): Record<string, unknown> => ({ security_group_id: `\${aws_security_group.${group}.id}`, ...rule });

// [case, extra resources, expected violations as "tenant->other"]
const CASES: Array<[string, Record<string, Record<string, unknown>>, string[]]> = [
  ['an ingress rule referencing another tenant\'s group', { aws_vpc_security_group_ingress_rule: { r: ingress('a', { referenced_security_group_id: '${aws_security_group.b.id}' }) } }, ['a->b']],
  ['an egress rule referencing another tenant\'s group', { aws_vpc_security_group_egress_rule: { r: ingress('a', { referenced_security_group_id: '${aws_security_group.b.id}' }) } }, ['a->b']],
  ['ingress from a CIDR covering the shared VPC', { aws_vpc_security_group_ingress_rule: { r: ingress('a', { cidr_ipv4: '10.0.0.0/8' }) } }, ['a->b']],
  ['ingress from the VPC in a VPC of one tenant', { aws_vpc_security_group_ingress_rule: { r: ingress('c', { cidr_ipv4: '10.64.0.0/20' }) } }, []],
  ['ingress from outside the VPC', { aws_vpc_security_group_ingress_rule: { r: ingress('a', { cidr_ipv4: '203.0.113.0/24' }) } }, []],
  ['egress to anywhere', { aws_vpc_security_group_egress_rule: { r: ingress('a', { cidr_ipv4: '0.0.0.0/0' }) } }, []],
  ['declared-public ingress from anywhere', { aws_vpc_security_group_ingress_rule: { r: ingress('a', { cidr_ipv4: '0.0.0.0/0', tags: { 'isolation:public-ports': '443' } }) } }, []],
  ['undeclared ingress from anywhere', { aws_vpc_security_group_ingress_rule: { r: ingress('a', { cidr_ipv4: '0.0.0.0/0' }) } }, ['a->b']],
  ['a legacy rule from another tenant\'s group', { aws_security_group_rule: { r: ingress('b', { type: 'ingress', source_security_group_id: '${aws_security_group.a.id}' }) } }, ['b->a']],
];

test.each(CASES)('%s', (_, extra, expected) => {
  const stack = { resource: { aws_vpc: vpcs, aws_security_group: { a: sg('a'), b: sg('b'), c: sg('c', 'own') }, ...extra } };
  expect(crossTenantRules(stack).map((v) => `${v.tenant}->${v.other}`)).toEqual(expected);
});

test('an inline ingress block naming another tenant\'s group is found', () => {
  const stack = { resource: { aws_vpc: vpcs, aws_security_group: { a: { ...sg('a'), ingress: [{ security_groups: ['${aws_security_group.b.id}'] }] }, b: sg('b') } } };
  expect(crossTenantRules(stack)).toEqual([{ rule: 'aws_security_group.a', tenant: 'a', other: 'b', reason: 'references aws_security_group.b, a group of tenant b' }]);
});

test('160 tenant groups in the shared network (ingress from 10.0.0.0/8 and anywhere included) admit no other tenant', () => {
  const { stack, network } = networkStack({ egress: true });
  for (let i = 0; i < 160; i++) {
    addTenant(stack, network, `tenant-${i}`, { egress: i % 2 === 0, ingress: i % 3 === 0 ? [{ cidr: '10.0.0.0/8' }, { cidr: '0.0.0.0/0', port: 443 }] : [] });
  }
  expect(crossTenantRules(JSON.parse(Testing.synth(stack)))).toEqual([]);
});

test('the mixed stack of today\'s realization admits no other tenant', () => {
  const { stack, target } = awsStack();
  mixedStack(stack, target);
  expect(crossTenantRules(JSON.parse(Testing.synth(stack)))).toEqual([]);
});
