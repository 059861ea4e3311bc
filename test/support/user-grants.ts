import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { DenseService, IsolatedTenant, PlacementError } from '../../lib';

/** What user code built for one workload from its handles. */
export interface UserGrants {
  readonly bucket: S3Bucket;
  readonly policy: IamRolePolicy;
  readonly database: SecurityGroup;
  readonly admission: VpcSecurityGroupIngressRule;
  readonly errors: CloudwatchLogMetricFilter;
}

/**
 * What user code does with an AWS workload's handles, as the README shows it: a bucket of its own,
 * encrypted with its key and granted to its role; a database security group in its VPC admitting its
 * security group; an error metric on its log group. One construct per workload, beside it.
 */
export function grantOwnResources(scope: Construct, workload: IsolatedTenant | DenseService, provider: TerraformProvider): UserGrants {
  const { role, securityGroup, logGroup, key } = workload;
  if (!role || !securityGroup || !logGroup || !key) {
    throw new PlacementError(workload.node.path, 'an AWS workload without its handles.', 'realize it on an AwsTarget.');
  }
  const own = new Construct(scope, `${workload.node.id}-own`);
  const bucket = new S3Bucket(own, 'bucket', { provider, bucketPrefix: `${workload.node.id}-data-` });
  const bucketArn = bucket.arn;
  new S3BucketServerSideEncryptionConfigurationA(own, 'bucket-encryption', {
    provider, bucket: bucket.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.keyArn }, bucketKeyEnabled: true }],
  });
  const policy = new IamRolePolicy(own, 'reads-bucket', {
    provider, role: role.roleName, name: 'own-bucket',
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${bucketArn}/*` },
        { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: bucketArn },
        { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: key.keyArn },
      ],
    }),
  });
  const database = new SecurityGroup(own, 'database', {
    provider, vpcId: securityGroup.vpcId, namePrefix: `${workload.node.id}-db-`, description: `database of ${workload.node.id}`,
  });
  const admission = new VpcSecurityGroupIngressRule(own, 'database-admits-workload', {
    provider, securityGroupId: database.id, referencedSecurityGroupId: securityGroup.securityGroupId, ipProtocol: 'tcp', fromPort: 5432, toPort: 5432,
  });
  const errors = new CloudwatchLogMetricFilter(own, 'errors', {
    provider, name: 'errors', logGroupName: logGroup.logGroupName, pattern: 'ERROR',
    metricTransformation: { name: `${workload.node.id}-errors`, namespace: 'App', value: '1' },
  });
  return { bucket, policy, database, admission, errors };
}
