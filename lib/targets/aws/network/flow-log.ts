import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { AwsNames, NameKind, WorkloadKind } from './names';
import { AwsEnv } from '../context';
import { keyPolicy, policyDocument } from '../policies';

/** What a network's flow log is written to. */
export interface FlowLogResult {
  readonly logGroupName: string;
  readonly keyArn: string;
}

/**
 * A flow log of ALL traffic of the VPC into its own log group, encrypted with the network's own key
 * (rotation on; its policy admits CloudWatch Logs for that log group only) and kept for the target's
 * retention. VPC Flow Logs deliver through a role that trusts the service for this account's flow
 * logs only (confused-deputy conditions) and may write to this log group only.
 */
export function createFlowLog(scope: Construct, env: AwsEnv, o: { stack: string; name: string; vpcId: string; tags: Record<string, string> }): FlowLogResult {
  const logGroupName = AwsNames.of(NameKind.LOG_GROUP, o.stack, WorkloadKind.NETWORK, o.name, 'flow-log');
  const logGroupArn = `arn:${env.partition}:logs:${env.region}:${env.accountId}:log-group:${logGroupName}`;
  const key = new KmsKey(scope, 'key', {
    description: `${o.name}: VPC flow log`, enableKeyRotation: true, deletionWindowInDays: 30, tags: o.tags,
    policy: keyPolicy({ partition: env.partition, region: env.region, accountId: env.accountId, logGroupArn }),
  });
  const keyArn = key.arn;
  new KmsAlias(scope, 'key-alias', { name: AwsNames.of(NameKind.KMS_ALIAS, o.stack, WorkloadKind.NETWORK, o.name), targetKeyId: key.keyId });
  const logGroup = new CloudwatchLogGroup(scope, 'flow-log-group', {
    name: logGroupName, retentionInDays: env.logRetentionDays, kmsKeyId: keyArn, tags: o.tags,
  });
  const role = new IamRole(scope, 'flow-log-role', {
    name: AwsNames.of(NameKind.IAM_ROLE, o.stack, WorkloadKind.NETWORK, o.name, 'flow-log'),
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: ['sts:AssumeRole'],
        Condition: {
          StringEquals: { 'aws:SourceAccount': env.accountId },
          ArnLike: { 'aws:SourceArn': `arn:${env.partition}:ec2:${env.region}:${env.accountId}:vpc-flow-log/*` },
        },
      }],
    }),
    tags: o.tags,
  });
  new IamRolePolicy(scope, 'flow-log-role-policy', {
    role: role.id, name: 'write-flow-log',
    policy: policyDocument([
      { Sid: 'WriteFlowLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Resource: [logGroupArn, `${logGroupArn}:*`] },
      // DescribeLogGroups takes no log-group resource narrower than the account's groups in the region.
      { Sid: 'FindFlowLogGroup', Effect: 'Allow', Action: ['logs:DescribeLogGroups'], Resource: `arn:${env.partition}:logs:${env.region}:${env.accountId}:log-group:*` },
    ]),
  });
  new FlowLog(scope, 'flow-log', {
    vpcId: o.vpcId, trafficType: 'ALL', logDestinationType: 'cloud-watch-logs', logDestination: logGroup.arn,
    iamRoleArn: role.arn, maxAggregationInterval: 600, tags: o.tags,
  });
  return { logGroupName, keyArn };
}
