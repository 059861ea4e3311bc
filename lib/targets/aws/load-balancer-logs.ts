// CKV_AWS_91: access logs of a load balancer, into a bucket of their own. Application Load Balancers
// write access logs only to buckets encrypted with SSE-S3 ("The only server-side encryption option
// that's supported is Amazon S3-managed keys (SSE-S3)": ELB User Guide, "Enable access logs for your
// Application Load Balancer", checked 2026-12), so this bucket uses AES256, not the stack's KMS key.
import { LbAccessLogs } from '@cdktf/provider-aws/lib/lb';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { AwsEnv } from './context';
import { policyDocument } from './policies';
import { LoadBalancerOptions } from '../target';

/** Days access logs are kept when `accessLogRetentionDays` is not given: one year (README, guards section). */
export const DEFAULT_ACCESS_LOG_RETENTION_DAYS = 365;

/**
 * The Elastic Load Balancing account per region that writes access logs in regions available before
 * August 2022. Source: ELB User Guide, "Enable access logs for your Application Load Balancer", step 2
 * "Attach a policy to your S3 bucket", checked 2026-12. Regions not listed use the service principal
 * `logdelivery.elasticloadbalancing.amazonaws.com` (same page, regions available as of August 2022).
 */
const ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
  'us-east-1': '127311923021', 'us-east-2': '033677994240', 'us-west-1': '027434742980', 'us-west-2': '797873946194',
  'af-south-1': '098369216593', 'ap-east-1': '754344448648', 'ap-southeast-3': '589379963580', 'ap-south-1': '718504428378',
  'ap-northeast-3': '383597477331', 'ap-northeast-2': '600734575887', 'ap-southeast-1': '114774131450',
  'ap-southeast-2': '783225319266', 'ap-northeast-1': '582318560864', 'ca-central-1': '985666609251',
  'eu-central-1': '054676820928', 'eu-west-1': '156460612806', 'eu-west-2': '652711504416', 'eu-south-1': '635631232127',
  'eu-west-3': '009996457667', 'eu-north-1': '897822967062', 'me-south-1': '076674570225', 'sa-east-1': '507241528517',
  'us-gov-west-1': '048591011584', 'us-gov-east-1': '190560391635', 'cn-north-1': '638102146993', 'cn-northwest-1': '037604701340',
};
const LOG_DELIVERY_SERVICE = 'logdelivery.elasticloadbalancing.amazonaws.com';

/** Whether the load balancer writes access logs: on for internet-facing ones unless turned off. */
export function accessLogsWanted(o: LoadBalancerOptions): boolean {
  return o.accessLogs ?? o.internetFacing === true;
}

/** The writer of access logs in `region`: the region's ELB account, or the log delivery service. */
export function logDeliveryPrincipal(partition: string, region: string): Record<string, string> {
  const account = ELB_LOG_ACCOUNTS[region];
  return account ? { AWS: `arn:${partition}:iam::${account}:root` } : { Service: LOG_DELIVERY_SERVICE };
}

export interface AccessLogs {
  /** The load balancer's `access_logs` block. */
  readonly accessLogs: LbAccessLogs;
  /** The load balancer must wait for the bucket policy: ELB checks it can write when logging is turned on. */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * A bucket for one load balancer's access logs: SSE-S3, public access blocked, bucket-owner-enforced
 * ownership (no ACLs), TLS-only access, written only by the region's log delivery principal under
 * this account's prefix, objects expired after the retention.
 */
export function createAccessLogBucket(scope: Construct, env: AwsEnv, tags: Record<string, string>, name: string,
  o: LoadBalancerOptions): AccessLogs {
  // Bucket names are global: a prefix (at most 37 characters) and a suffix Terraform generates.
  const prefix = `${name.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 28).replace(/-+$/, '')}-lb-logs-`;
  const bucket = new S3Bucket(scope, 'lb-logs', { bucketPrefix: prefix, tags });
  const bucketId = bucket.id;
  const bucketArn = bucket.arn;
  new S3BucketPublicAccessBlock(scope, 'lb-logs-public-access', {
    bucket: bucketId, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, 'lb-logs-ownership', { bucket: bucketId, rule: { objectOwnership: 'BucketOwnerEnforced' } });
  new S3BucketServerSideEncryptionConfigurationA(scope, 'lb-logs-encryption', {
    bucket: bucketId, rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
  });
  new S3BucketLifecycleConfiguration(scope, 'lb-logs-lifecycle', {
    bucket: bucketId,
    rule: [{
      id: 'expire-access-logs', status: 'Enabled', filter: [{ prefix: '' }],
      expiration: [{ days: o.accessLogRetentionDays ?? DEFAULT_ACCESS_LOG_RETENTION_DAYS }],
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
    }],
  });
  const policy = new S3BucketPolicy(scope, 'lb-logs-policy', {
    bucket: bucketId,
    policy: policyDocument([
      {
        Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: ['s3:*'], Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'LoadBalancerWritesAccessLogs', Effect: 'Allow', Principal: logDeliveryPrincipal(env.partition, env.region),
        Action: ['s3:PutObject'], Resource: `${bucketArn}/AWSLogs/${env.accountId}/*`,
      },
    ]),
  });
  return { accessLogs: { bucket: bucketId, enabled: true }, dependsOn: [policy] };
}
