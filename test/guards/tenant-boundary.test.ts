import { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcPeeringConnection } from '@cdktf/provider-aws/lib/vpc-peering-connection';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Network } from '@cdktf/provider-docker/lib/network';
import { TerraformStack } from 'cdktf';
import { expectFinding, findingIds, guardError, resourceAt } from './support';
import { CoTenancy, GuardPack, IsolatedTenant, IsolationGuards } from '../../lib';
import { awsStack, WEB } from '../support/aws-stacks';
import { dockerStack } from '../docker/support';

/** Tenants 'a' and 'b', each a VM in its own (dedicated) VPC, at test/a and test/b. */
function twoTenants(): TerraformStack {
  const { stack, target } = awsStack();
  for (const id of ['a', 'b']) new IsolatedTenant(stack, id, { tenantId: id, target, workload: WEB, isolation: { coTenancy: CoTenancy.HOSTILE, dedicatedNetwork: true } });
  return stack;
}
const TENANT_ONLY = { packs: [GuardPack.TENANT_BOUNDARY] };

test('ISO-TEN-001: a peering connection between two tenant VPCs, and a transit gateway attachment of one', () => {
  const stack = twoTenants();
  const vpcA = resourceAt<Vpc>(stack, 'test/a/network/vpc').id;
  const vpcB = resourceAt<Vpc>(stack, 'test/b/network/vpc').id;
  new VpcPeeringConnection(stack, 'peer', { vpcId: vpcA, peerVpcId: vpcB, autoAccept: true });
  const tgw = new Ec2TransitGateway(stack, 'tgw', {});
  new Ec2TransitGatewayVpcAttachment(stack, 'attach', { transitGatewayId: tgw.id, vpcId: vpcB, subnetIds: [resourceAt<Subnet>(stack, 'test/b/network/isolated-1').id] });
  const err = guardError(stack, TENANT_ONLY);
  // The peering joins both tenants, so ISO-TEN-002 reports it too.
  expect(findingIds(err)).toEqual(['ISO-TEN-001', 'ISO-TEN-001', 'ISO-TEN-002']);
  expectFinding(err, 'ISO-TEN-001', 'test/peer', "it peers the VPC of tenant 'a' and tenant 'b', opening a route into the tenant's boundary.");
  expectFinding(err, 'ISO-TEN-001', 'test/attach', "it attaches to a transit gateway the VPC of tenant 'b', opening a route into the tenant's boundary.");
  expectFinding(err, 'ISO-TEN-002', 'test/peer', "it refers to resources of 2 tenants: tenant 'a' (test/a/network/vpc), tenant 'b' (test/b/network/vpc).");
});

test('a peering connection of two VPCs that belong to no tenant passes', () => {
  const { stack, target } = awsStack();
  const one = new Vpc(stack, 'one', { cidrBlock: '10.1.0.0/16' });
  const two = new Vpc(stack, 'two', { cidrBlock: '10.2.0.0/16' });
  new VpcPeeringConnection(stack, 'peer', { vpcId: one.id, peerVpcId: two.id });
  new IsolatedTenant(stack, 'a', { tenantId: 'a', target, workload: WEB });
  expect(new IsolationGuards(TENANT_ONLY).check(stack)).toEqual([]);
});

test('ISO-TEN-002: a resource of tenant A referring to tenant B, and an untagged rule joining both', () => {
  const stack = twoTenants();
  const sgA = resourceAt<SecurityGroup>(stack, 'test/a/sg').id;
  const sgB = resourceAt<SecurityGroup>(stack, 'test/b/sg').id;
  new VpcSecurityGroupIngressRule(stack, 'b-into-a', {
    securityGroupId: sgA, referencedSecurityGroupId: sgB, ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, tags: { 'isolation:tenant': 'a' },
  });
  new SecurityGroupRule(stack, 'bridge', { type: 'ingress', securityGroupId: sgB, sourceSecurityGroupId: sgA, protocol: 'tcp', fromPort: 8080, toPort: 8080 });
  const err = guardError(stack, TENANT_ONLY);
  expect(findingIds(err)).toEqual(['ISO-TEN-002', 'ISO-TEN-002']);
  expectFinding(err, 'ISO-TEN-002', 'test/b-into-a', "it belongs to tenant 'a' and refers to tenant 'b' (test/b/sg).");
  expectFinding(err, 'ISO-TEN-002', 'test/bridge', "it refers to resources of 2 tenants: tenant 'a' (test/a/sg), tenant 'b' (test/b/sg).");
  expect(err.where).toBe('test/b-into-a');
});

test('guards on one tenant\'s subtree still see where its references lead', () => {
  const stack = twoTenants();
  const tenantA = stack.node.findChild('a');
  new VpcSecurityGroupIngressRule(tenantA, 'from-b', {
    securityGroupId: resourceAt<SecurityGroup>(stack, 'test/a/sg').id, referencedSecurityGroupId: resourceAt<SecurityGroup>(stack, 'test/b/sg').id,
    ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, tags: { 'isolation:tenant': 'a' },
  });
  const err = guardError(tenantA, TENANT_ONLY);
  expect(findingIds(err)).toEqual(['ISO-TEN-002']);
  expectFinding(err, 'ISO-TEN-002', 'test/a/from-b', "it belongs to tenant 'a' and refers to tenant 'b' (test/b/sg).");
});

test('ISO-TEN-002 on Docker: a container of one tenant attached to another tenant\'s network (labels)', () => {
  const { stack, target } = dockerStack();
  for (const id of ['a', 'b']) new IsolatedTenant(stack, id, { tenantId: id, target, isolation: { coTenancy: CoTenancy.TRUSTED }, workload: { image: 'nginx:1.27', cpu: 0.5, memoryMiB: 128 } });
  const networkB = stack.node.findAll().find((c) => c instanceof Network && c.node.path.startsWith('stack/b/')) as Network;
  resourceAt(stack, 'stack/a/a-0').addOverride('network_mode', networkB.name);
  const err = guardError(stack, TENANT_ONLY);
  expect(findingIds(err)).toEqual(['ISO-TEN-002']);
  expectFinding(err, 'ISO-TEN-002', 'stack/a/a-0', `it belongs to tenant 'a' and refers to tenant 'b' (${networkB.node.path}).`);
});
