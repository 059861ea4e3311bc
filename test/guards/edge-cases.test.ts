import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Container } from '@cdktf/provider-docker/lib/container';
import { Aspects, TerraformStack, Testing } from 'cdktf';
import { ALL_PACKS, findingIds, guardError, resourceAt } from './support';
import { DenseService, GuardPack, IsolatedTenant, IsolationGuards, PlacementTier } from '../../lib';
import { IMDSV2_REQUIRED } from '../../lib/guards/rules/aws/imdsv2';
import { dockerStack } from '../docker/support';
import { awsStack, WEB } from '../support/aws-stacks';

/** VM tenants 'a' and 'b' on one AWS target. */
function tenants(ids = ['a', 'b']): TerraformStack {
  const { stack, target } = awsStack();
  for (const id of ids) new IsolatedTenant(stack, id, { tenantId: id, target, workload: WEB });
  return stack;
}

/** Synthesizes with the guards' validation and expects no finding. */
function passes(stack: TerraformStack, guards = new IsolationGuards({ packs: ALL_PACKS })): void {
  Aspects.of(stack).add(guards);
  expect(() => Testing.synth(stack, true)).not.toThrow();
}

test('suppressedFindings accumulates over every subtree one guards object checks', () => {
  const stack = tenants();
  for (const id of ['a', 'b']) resourceAt(stack, `test/${id}/instance-1`).addOverride('key_name', 'ops');
  const guards = new IsolationGuards({ suppressions: [{ id: 'ISO-AWS-003', reason: 'break-glass key, OPS-9' }] });
  Aspects.of(stack.node.findChild('a')).add(guards);
  Aspects.of(stack.node.findChild('b')).add(guards);
  expect(() => Testing.synth(stack, true)).not.toThrow();
  expect(guards.suppressedFindings.map((f) => f.path)).toEqual(['test/a/instance-1', 'test/b/instance-1']);
  // A second synth re-checks each subtree; it replaces, not repeats, that subtree's findings.
  Testing.synth(stack, true);
  expect(guards.suppressedFindings).toHaveLength(2);
});

test('a rule that throws becomes a finding of that rule instead of breaking synthesis', () => {
  const spy = jest.spyOn(IMDSV2_REQUIRED, 'check' as never).mockImplementation((() => {
    throw new TypeError('unexpected shape');
  }) as never);
  try {
    const err = guardError(tenants(['a']), { packs: [GuardPack.AWS_HARDENING] });
    expect(findingIds(err)).toEqual(['ISO-AWS-001']);
    expect(err.message).toContain('[ISO-AWS-001] test/a/instance-1: the rule could not check this resource: it threw unexpected shape');
  } finally {
    spy.mockRestore();
  }
});

test('the library output passes every pack without a single suppression', () => {
  passes(tenants());
});

test('ISO-AWS-001 passes an instance whose metadata service is disabled', () => {
  const stack = tenants(['a']);
  resourceAt(stack, 'test/a/instance-1').addOverride('metadata_options', { http_endpoint: 'disabled', http_tokens: 'optional' });
  passes(stack);
});

test('ISO-AWS-008 passes a narrower pattern such as ec2:Describe*, and a Deny of "*"', () => {
  const stack = tenants(['a']);
  new IamPolicy(stack, 'read-only', {
    name: 'read-only',
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['ec2:Describe*'], Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: '*' },
      ],
    }),
  });
  passes(stack);
});

test('ISO-AWS-004 passes 0.0.0.0/0 ingress declared public, and ISO-AWS-005 a port range that skips 22', () => {
  const stack = tenants(['a']);
  const sg = resourceAt(stack, 'test/a/sg');
  new VpcSecurityGroupIngressRule(stack, 'web', {
    securityGroupId: (sg as any).id, cidrIpv4: '0.0.0.0/0', ipProtocol: 'tcp', fromPort: 443, toPort: 443,
    tags: { 'isolation:tenant': 'a', 'isolation:public-ports': '443' },
  });
  new VpcSecurityGroupIngressRule(stack, 'high', {
    securityGroupId: (sg as any).id, cidrIpv4: '10.0.0.0/8', ipProtocol: 'tcp', fromPort: 23, toPort: 1024,
    tags: { 'isolation:tenant': 'a' },
  });
  passes(stack);
});

test('ISO-AWS-006 passes an asymmetric key, which KMS cannot rotate', () => {
  const stack = tenants(['a']);
  new KmsKey(stack, 'signing', { customerMasterKeySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY', enableKeyRotation: false });
  passes(stack);
});

test('ISO-AWS-010 passes a dedicated-vm instance moved to the stricter host tenancy', () => {
  const { stack, target } = awsStack();
  new IsolatedTenant(stack, 'a', { tenantId: 'a', target, workload: WEB, pin: PlacementTier.DEDICATED_VM });
  resourceAt(stack, 'test/a/instance-1').addOverride('tenancy', 'host');
  resourceAt(stack, 'test/a/instance-1').addOverride('host_id', 'h-0123456789abcdef0');
  passes(stack);
});

test('ISO-AWS-002 passes a tenant volume on a customer-managed key; ISO-AWS-007 a log group with retention and key', () => {
  const stack = tenants(['a']);
  const keyArn = resourceAt<KmsKey>(stack, 'test/a/key').arn;
  new EbsVolume(stack, 'data', { availabilityZone: 'eu-central-1a', size: 10, encrypted: true, kmsKeyId: keyArn, tags: { 'isolation:tenant': 'a' } });
  new CloudwatchLogGroup(stack, 'audit', { name: '/audit', retentionInDays: 365, kmsKeyId: keyArn });
  passes(stack);
});

test('ISO-AWS-009 passes containers that say "privileged": false outright', () => {
  const stack = tenants(['a']);
  new EcsTaskDefinition(stack, 'task', {
    family: 'x',
    containerDefinitions: JSON.stringify([{ name: 'x', image: 'x', privileged: false, readonlyRootFilesystem: true }]),
  });
  passes(stack);
});

describe('Docker rules, passing edge cases', () => {
  const DOCKER_WORKLOAD = { image: 'nginx:1.27', cpu: 0.5, memoryMiB: 128, port: 8080 };
  function webStack(): TerraformStack {
    const { stack, target } = dockerStack();
    new DenseService(stack, 'web', { target, serviceName: 'web', workload: DOCKER_WORKLOAD });
    return stack;
  }

  test('ISO-DKR-002 accepts "cap_all" spelled in any case with the CAP_ prefix', () => {
    const stack = webStack();
    resourceAt<Container>(stack, 'stack/web/web-0').putCapabilities({ drop: ['cap_all'] });
    passes(stack);
  });

  test('ISO-DKR-006 accepts a bind mount beside the socket, not containing it', () => {
    const stack = webStack();
    resourceAt<Container>(stack, 'stack/web/web-0').putMounts([{ type: 'bind', source: '/var/run/app', target: '/app', readOnly: true }]);
    passes(stack);
  });

  test('ISO-DKR-007 accepts a memory limit given as an expression', () => {
    const stack = webStack();
    resourceAt(stack, 'stack/web/web-0').addOverride('memory', '${var.memory}');
    passes(stack);
  });
});
