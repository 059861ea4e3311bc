import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { TerraformStack } from 'cdktf';
import { expectFinding, findingIds, guardError, resourceAt } from './support';
import { CoTenancy, DenseService, HardwareExclusivity, IsolatedTenant, IsolationNeeds } from '../../lib';
import { awsStack, WEB } from '../support/aws-stacks';

/** A VM tenant 'a' (instances, key, log group, security group) at test/a. */
function tenantStack(isolation: IsolationNeeds = { coTenancy: CoTenancy.HOSTILE }): TerraformStack {
  const { stack, target } = awsStack();
  new IsolatedTenant(stack, 'a', { tenantId: 'a', target, workload: WEB, isolation });
  return stack;
}

const sgIdOf = (stack: TerraformStack) => resourceAt<SecurityGroup>(stack, 'test/a/sg').id;

test('ISO-AWS-001: an instance with IMDSv1 allowed, a launch template with hop limit 2, hop limits above a VM tier\'s 2 or on an untagged instance', () => {
  const { stack, target } = awsStack();
  new IsolatedTenant(stack, 'a', { tenantId: 'a', target, workload: WEB });
  new IsolatedTenant(stack, 'b', { tenantId: 'b', target, workload: WEB });
  new DenseService(stack, 'svc', { serviceName: 'svc', target, workload: WEB });
  resourceAt(stack, 'test/a/instance-1').addOverride('metadata_options.http_tokens', 'optional');
  resourceAt(stack, 'test/b/instance-1').addOverride('metadata_options.http_put_response_hop_limit', 3);
  resourceAt(stack, 'test/aws/dense/pool-trusted/launch-template').addOverride('metadata_options.http_put_response_hop_limit', 2);
  // Hand-written: no tier and workload tags, so no workload container to excuse the second hop.
  new Instance(stack, 'bastion', {
    ami: 'ami-0123456789abcdef0', instanceType: 't3.micro', metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 2 },
    rootBlockDevice: { encrypted: true },
  });
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-AWS-001', 'ISO-AWS-001', 'ISO-AWS-001', 'ISO-AWS-001']);
  expectFinding(err, 'ISO-AWS-001', 'test/a/instance-1', 'http_tokens is "optional", so IMDSv1 answers without a session token.');
  expectFinding(err, 'ISO-AWS-001', 'test/b/instance-1', 'http_put_response_hop_limit is 3, so containers on the instance can reach its credentials.');
  expectFinding(err, 'ISO-AWS-001', 'test/aws/dense/pool-trusted/launch-template', 'http_put_response_hop_limit is 2, so containers on the instance can reach its credentials.');
  expectFinding(err, 'ISO-AWS-001', 'test/bastion', 'http_put_response_hop_limit is 2, so containers on the instance can reach its credentials.');
});

test('ISO-AWS-002: an unencrypted root volume, and a tenant volume on the AWS-managed key', () => {
  const stack = tenantStack();
  resourceAt(stack, 'test/a/instance-1').addOverride('root_block_device.encrypted', false);
  new EbsVolume(stack, 'data', { availabilityZone: 'eu-central-1a', size: 10, encrypted: true, tags: { 'isolation:tenant': 'a' } });
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-AWS-002', 'ISO-AWS-002']);
  expectFinding(err, 'ISO-AWS-002', 'test/a/instance-1', 'the root volume is not encrypted.');
  expectFinding(err, 'ISO-AWS-002', 'test/data', "the volume of tenant 'a' is encrypted with the AWS-managed key, not a customer-managed one.");
});

test('ISO-AWS-003: an SSH key pair on an instance', () => {
  const stack = tenantStack();
  resourceAt(stack, 'test/a/instance-1').addOverride('key_name', 'ops');
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-AWS-003']);
  expectFinding(err, 'ISO-AWS-003', 'test/a/instance-1', 'key_name "ops" installs an SSH key pair.');
});

test('ISO-AWS-004: ingress from anywhere that no workload declared; a declared public port passes', () => {
  const stack = tenantStack();
  const sgId = sgIdOf(stack);
  new VpcSecurityGroupIngressRule(stack, 'open', { securityGroupId: sgId, cidrIpv4: '0.0.0.0/0', ipProtocol: 'tcp', fromPort: 8080, toPort: 8080 });
  new SecurityGroup(stack, 'inline', { ingress: [{ ipv6CidrBlocks: ['::/0'], protocol: 'tcp', fromPort: 443, toPort: 443 }] });
  // The marker the library writes for declared ingress: only on its port.
  new VpcSecurityGroupIngressRule(stack, 'declared', {
    securityGroupId: sgId, cidrIpv4: '0.0.0.0/0', ipProtocol: 'tcp', fromPort: 443, toPort: 443, tags: { 'isolation:public-ports': '443' },
  });
  new VpcSecurityGroupIngressRule(stack, 'declared-other-port', {
    securityGroupId: sgId, cidrIpv4: '0.0.0.0/0', ipProtocol: 'tcp', fromPort: 8443, toPort: 8443, tags: { 'isolation:public-ports': '443' },
  });
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-AWS-004', 'ISO-AWS-004', 'ISO-AWS-004']);
  expectFinding(err, 'ISO-AWS-004', 'test/open', 'the rule admits tcp/8080 from 0.0.0.0/0, and no workload declared it public.');
  expectFinding(err, 'ISO-AWS-004', 'test/inline', 'ingress block 1 admits tcp/443 from ::/0, and no workload declared it public.');
  expectFinding(err, 'ISO-AWS-004', 'test/declared-other-port', 'the rule admits tcp/8443 from 0.0.0.0/0');
  expect(err.message).not.toContain('test/declared:');
});

test('ISO-AWS-004: the internet in halves, or any public /8, is the internet too; private blocks pass', () => {
  const stack = tenantStack();
  const sgId = sgIdOf(stack);
  new SecurityGroupRule(stack, 'halves', { type: 'ingress', securityGroupId: sgId, cidrBlocks: ['0.0.0.0/1', '128.0.0.0/1'], protocol: 'tcp', fromPort: 80, toPort: 80 });
  new VpcSecurityGroupIngressRule(stack, 'public-8', { securityGroupId: sgId, cidrIpv4: '11.0.0.0/8', ipProtocol: 'tcp', fromPort: 80, toPort: 80 });
  new VpcSecurityGroupIngressRule(stack, 'v6-wide', { securityGroupId: sgId, cidrIpv6: '2000::/3', ipProtocol: 'tcp', fromPort: 80, toPort: 80 });
  new VpcSecurityGroupIngressRule(stack, 'private-8', { securityGroupId: sgId, cidrIpv4: '10.0.0.0/8', ipProtocol: 'tcp', fromPort: 80, toPort: 80 });
  new VpcSecurityGroupIngressRule(stack, 'office', { securityGroupId: sgId, cidrIpv4: '203.0.113.0/24', ipProtocol: 'tcp', fromPort: 80, toPort: 80 });
  new VpcSecurityGroupIngressRule(stack, 'ula', { securityGroupId: sgId, cidrIpv6: 'fd00::/8', ipProtocol: 'tcp', fromPort: 80, toPort: 80 });
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-AWS-004', 'ISO-AWS-004', 'ISO-AWS-004']);
  expectFinding(err, 'ISO-AWS-004', 'test/halves', 'the rule admits tcp/80 from 0.0.0.0/1 and 128.0.0.0/1, and no workload declared it public.');
  expectFinding(err, 'ISO-AWS-004', 'test/public-8', 'the rule admits tcp/80 from 11.0.0.0/8');
  expectFinding(err, 'ISO-AWS-004', 'test/v6-wide', 'the rule admits tcp/80 from 2000::/3');
  for (const ok of ['private-8', 'office', 'ula']) expect(err.message).not.toContain(`test/${ok}:`);
});

test('ISO-AWS-005: SSH from a private range, and all traffic, are refused even when not public', () => {
  const stack = tenantStack();
  new SecurityGroupRule(stack, 'ssh', { type: 'ingress', securityGroupId: sgIdOf(stack), cidrBlocks: ['10.0.0.0/8'], protocol: 'tcp', fromPort: 20, toPort: 30 });
  new VpcSecurityGroupIngressRule(stack, 'all', { securityGroupId: sgIdOf(stack), cidrIpv4: '10.0.0.0/8', ipProtocol: '-1' });
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-AWS-005', 'ISO-AWS-005']);
  expectFinding(err, 'ISO-AWS-005', 'test/ssh', 'the rule admits tcp/20-30, which includes SSH on tcp/22.');
  expectFinding(err, 'ISO-AWS-005', 'test/all', 'the rule admits all traffic, which includes SSH on tcp/22.');
});

test('ISO-AWS-006: a KMS key without rotation', () => {
  const stack = tenantStack();
  resourceAt(stack, 'test/a/key').addOverride('enable_key_rotation', false);
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-AWS-006']);
  expectFinding(err, 'ISO-AWS-006', 'test/a/key', 'enable_key_rotation is not true, so the key material never changes.');
});

test('ISO-AWS-007: a log group without retention and key', () => {
  const stack = tenantStack();
  new CloudwatchLogGroup(stack, 'debug-logs', { name: '/debug' });
  resourceAt(stack, 'test/a/logs').addOverride('retention_in_days', undefined);
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-AWS-007', 'ISO-AWS-007']);
  expectFinding(err, 'ISO-AWS-007', 'test/a/logs', 'retention_in_days is not set, so logs are kept forever.');
  expectFinding(err, 'ISO-AWS-007', 'test/debug-logs',
    'retention_in_days is not set, so logs are kept forever; kms_key_id is not set, so logs are encrypted with a key CloudWatch shares across accounts.');
});

test('ISO-AWS-008: `service:*` in a policy, `*` in a policy document data source, NotAction, and an overridden role policy', () => {
  const stack = tenantStack();
  new IamPolicy(stack, 'admin-ish', {
    policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'All', Effect: 'Allow', Action: ['s3:*', 's3:GetObject'], Resource: '*' }] }),
  });
  new DataAwsIamPolicyDocument(stack, 'doc', { statement: [{ actions: ['*'], resources: ['*'] }, { effect: 'Deny', actions: ['*'], resources: ['*'] }] });
  new IamPolicy(stack, 'not-action', { policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }] }) });
  resourceAt(stack, 'test/a/instance-role-policy').addOverride('policy', JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }));
  const err = guardError(stack);
  // s3:GetObject on `*` is ISO-AWS-011's too (scopable, no condition).
  expect(findingIds(err)).toEqual(['ISO-AWS-008', 'ISO-AWS-008', 'ISO-AWS-008', 'ISO-AWS-008', 'ISO-AWS-011']);
  expectFinding(err, 'ISO-AWS-008', 'test/a/instance-role-policy', 'policy statement 1 allows "*".');
  expectFinding(err, 'ISO-AWS-008', 'test/admin-ish', 'policy statement \'All\' allows "s3:*".');
  expectFinding(err, 'ISO-AWS-008', 'test/doc', 'statement 1 allows "*".');
  expectFinding(err, 'ISO-AWS-008', 'test/not-action', 'policy statement 1 allows everything except 1 action(s) (NotAction).');
});

test('ISO-AWS-009: a privileged ECS container with a writable root', () => {
  const stack = tenantStack();
  new EcsTaskDefinition(stack, 'debug-task', {
    family: 'debug', containerDefinitions: JSON.stringify([{ name: 'shell', image: 'busybox', privileged: true }]),
  });
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-AWS-009']);
  expectFinding(err, 'ISO-AWS-009', 'test/debug-task', "container 'shell' is privileged; container 'shell' has a writable root filesystem.");
});

test('ISO-AWS-010: a dedicated-vm instance moved to default tenancy', () => {
  const stack = tenantStack({ coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.ACCOUNT });
  resourceAt(stack, 'test/a/instance-1').addOverride('tenancy', 'default');
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-AWS-010']);
  expectFinding(err, 'ISO-AWS-010', 'test/a/instance-1', 'it is tagged isolation:tier = dedicated-vm but runs with tenancy "default", on hardware other accounts share.');
});
