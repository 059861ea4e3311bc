import { DenseService, LoadBalancerOptions } from '../../lib';
import { logDeliveryPrincipal } from '../../lib/targets/aws/load-balancer-logs';
import { awsStack, OFFLINE, WEB } from '../support/aws-stacks';
import { ofType, refusal, synthesize } from '../support';

const CERT = 'arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
const ACL = 'arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/web/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

function service(loadBalancer: LoadBalancerOptions, region = OFFLINE.region) {
  const { stack, target } = awsStack({ ...OFFLINE, region, availabilityZones: [`${region}a`, `${region}b`] });
  new DenseService(stack, 'web', { serviceName: 'web', target, workload: WEB, loadBalancer });
  return synthesize(stack).resources;
}

describe('access logs (CKV_AWS_91)', () => {
  const resources = service({ internetFacing: true, certificateArn: CERT });
  const [lb] = ofType(resources, 'aws_lb');
  const one = (type: string) => {
    const found = ofType(resources, type);
    expect(found).toHaveLength(1);
    return found[0].body;
  };

  test('an internet-facing load balancer writes access logs to its own bucket, after the bucket policy exists', () => {
    const bucket = ofType(resources, 'aws_s3_bucket')[0];
    expect(lb.body.access_logs).toEqual({ bucket: expect.stringMatching(/^\$\{aws_s3_bucket\.[^.]+\.id\}$/), enabled: true });
    expect(bucket.body.bucket_prefix).toMatch(/^[a-z0-9-]{1,28}-lb-logs-$/);
    expect(lb.body.depends_on).toEqual([expect.stringMatching(/^aws_s3_bucket_policy\./)]);
    expect(lb.body.enable_deletion_protection).toBe(false);
  });

  test('the bucket: SSE-S3 (the only encryption ALB logs support), public access blocked, owner-enforced, expiring after a year', () => {
    expect(one('aws_s3_bucket_server_side_encryption_configuration').rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }]);
    expect(one('aws_s3_bucket_public_access_block')).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(one('aws_s3_bucket_ownership_controls').rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
    expect(one('aws_s3_bucket_lifecycle_configuration').rule[0]).toMatchObject({ status: 'Enabled', expiration: [{ days: 365 }] });
  });

  test('the bucket policy: TLS only, and only the region\'s ELB account writes, under this account\'s prefix', () => {
    const [deny, write] = JSON.parse(one('aws_s3_bucket_policy').policy).Statement;
    expect(deny).toMatchObject({ Effect: 'Deny', Principal: '*', Action: ['s3:*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    expect(write).toMatchObject({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::054676820928:root' }, Action: ['s3:PutObject'] });
    expect(write.Resource).toMatch(/\/AWSLogs\/123456789012\/\*$/);
  });

  test('regions opened from August 2022 use the log delivery service principal', () => {
    expect(logDeliveryPrincipal('aws', 'eu-central-2')).toEqual({ Service: 'logdelivery.elasticloadbalancing.amazonaws.com' });
    expect(logDeliveryPrincipal('aws-us-gov', 'us-gov-west-1')).toEqual({ AWS: 'arn:aws-us-gov:iam::048591011584:root' });
    const [, write] = JSON.parse(ofType(service({ internetFacing: true }, 'eu-central-2'), 'aws_s3_bucket_policy')[0].body.policy).Statement;
    expect(write.Principal).toEqual({ Service: 'logdelivery.elasticloadbalancing.amazonaws.com' });
  });
});

describe('load balancer options', () => {
  test('internal load balancers log only when asked; retention, deletion protection and a web ACL take effect', () => {
    expect(ofType(service({}), 'aws_s3_bucket')).toHaveLength(0);
    const resources = service({ accessLogs: true, accessLogRetentionDays: 30, deletionProtection: true, webAclArn: ACL });
    expect(ofType(resources, 'aws_s3_bucket_lifecycle_configuration')[0].body.rule[0].expiration).toEqual([{ days: 30 }]);
    expect(ofType(resources, 'aws_lb')[0].body.enable_deletion_protection).toBe(true);
    expect(ofType(resources, 'aws_wafv2_web_acl_association')[0].body).toEqual({
      provider: 'aws.aws', resource_arn: expect.stringMatching(/^\$\{aws_lb\.[^.]+\.arn\}$/), web_acl_arn: ACL,
    });
  });

  test('access logs can be turned off on an internet-facing load balancer', () => {
    expect(ofType(service({ internetFacing: true, accessLogs: false }), 'aws_s3_bucket')).toHaveLength(0);
  });

  test.each<[string, LoadBalancerOptions, RegExp]>([
    ['a web ACL that is no ARN', { webAclArn: 'my-acl' }, /webAclArn "my-acl" is not the ARN of a regional WAFv2 web ACL/],
    ['a CloudFront (global) web ACL', { webAclArn: ACL.replace('regional', 'global') }, /not the ARN of a regional WAFv2 web ACL/],
    ['retention of 0 days', { internetFacing: true, accessLogRetentionDays: 0 }, /accessLogRetentionDays must be a whole number of days from 1 to 3650, got 0/],
    ['retention without access logs', { accessLogRetentionDays: 30 }, /writes no access logs .* the retention would be ignored/],
    ['accessLogs as a string', { accessLogs: 'yes' as never }, /accessLogs must be true or false, got "yes"/],
    ['deletionProtection as a number', { deletionProtection: 1 as never }, /deletionProtection must be true or false, got 1/],
  ])('refuses %s', (_name, options, message) => {
    expect(refusal(() => service(options)).message).toMatch(message);
  });
});
