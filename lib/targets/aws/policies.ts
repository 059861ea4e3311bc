// IAM and KMS policy documents as JSON strings. Every action is spelled out: no `*` actions,
// so a scan of the synthesized policies can prove least privilege.

interface Statement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Principal?: Record<string, string | string[]> | '*';
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export function policyDocument(statements: Statement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** A trust policy for a service principal, with a condition where the role can name its caller (confused deputy). */
export function assumeRolePolicy(service: string, condition?: object): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: ['sts:AssumeRole'], ...(condition ? { Condition: condition } : {}) }],
  });
}

/**
 * What an ECS task role's trust policy requires of the caller: tasks of this account and region only
 * (Amazon ECS Developer Guide, "Amazon ECS task IAM role", its confused-deputy example; checked 2026-12).
 */
export function ecsTaskTrustCondition(env: PolicyEnv): object {
  return {
    ArnLike: { 'aws:SourceArn': `arn:${env.partition}:ecs:${env.region}:${env.accountId}:*` },
    StringEquals: { 'aws:SourceAccount': env.accountId },
  };
}

// Key administration and use for the account (delegating to IAM), listed rather than `kms:*`.
const KEY_ACCOUNT_ACTIONS = [
  'kms:CancelKeyDeletion', 'kms:CreateAlias', 'kms:CreateGrant', 'kms:Decrypt', 'kms:DeleteAlias',
  'kms:DescribeKey', 'kms:DisableKey', 'kms:DisableKeyRotation', 'kms:EnableKey', 'kms:EnableKeyRotation',
  'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus', 'kms:ListAliases', 'kms:ListGrants', 'kms:ListKeyPolicies',
  'kms:ListResourceTags', 'kms:PutKeyPolicy', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:RetireGrant',
  'kms:RevokeGrant', 'kms:ScheduleKeyDeletion', 'kms:TagResource', 'kms:UntagResource', 'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
];
const KEY_USE_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo',
  'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'];

export interface KeyPolicyOptions {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** Log group ARN (or ArnLike pattern) CloudWatch Logs may encrypt with the key. */
  readonly logGroupArn: string;
  /** Let the EC2 Auto Scaling service-linked role launch instances with volumes encrypted by the key. */
  readonly autoScaling?: boolean;
  /** Let Fargate encrypt the ephemeral storage of this cluster's tasks. */
  readonly fargateClusterName?: string;
}

export function keyPolicy(o: KeyPolicyOptions): string {
  const root = `arn:${o.partition}:iam::${o.accountId}:root`;
  const statements: Statement[] = [
    { Sid: 'AccountAdministersAndUsesKeyThroughIam', Effect: 'Allow', Principal: { AWS: root }, Action: KEY_ACCOUNT_ACTIONS, Resource: '*' },
    {
      Sid: 'CloudWatchLogsForThisLogGroup', Effect: 'Allow', Principal: { Service: `logs.${o.region}.amazonaws.com` },
      Action: KEY_USE_ACTIONS, Resource: '*',
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': o.logGroupArn } },
    },
  ];
  if (o.autoScaling) {
    // The service-linked role may not exist yet in a fresh account, and KMS refuses a policy naming a
    // missing principal (MalformedPolicyDocumentException): match it by condition instead.
    const slr = `arn:${o.partition}:iam::${o.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
    const onlySlr = { 'kms:CallerAccount': o.accountId, 'aws:PrincipalArn': slr };
    statements.push(
      { Sid: 'AutoScalingUsesKeyForVolumes', Effect: 'Allow', Principal: { AWS: '*' }, Action: KEY_USE_ACTIONS, Resource: '*', Condition: { StringEquals: onlySlr } },
      {
        Sid: 'AutoScalingGrantsForVolumes', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:CreateGrant'], Resource: '*',
        Condition: { StringEquals: onlySlr, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      },
    );
  }
  if (o.fargateClusterName) {
    const context = { 'kms:EncryptionContext:aws:ecs:clusterAccount': o.accountId, 'kms:EncryptionContext:aws:ecs:clusterName': o.fargateClusterName };
    statements.push(
      {
        Sid: 'FargateEncryptsEphemeralStorage', Effect: 'Allow', Principal: { Service: 'fargate.amazonaws.com' },
        Action: ['kms:GenerateDataKeyWithoutPlaintext'], Resource: '*', Condition: { StringEquals: context },
      },
      {
        Sid: 'FargateGrantsForEphemeralStorage', Effect: 'Allow', Principal: { Service: 'fargate.amazonaws.com' },
        Action: ['kms:CreateGrant'], Resource: '*',
        Condition: { StringEquals: context, 'ForAllValues:StringEquals': { 'kms:GrantOperations': ['Decrypt'] } },
      },
      { Sid: 'FargateDescribesKey', Effect: 'Allow', Principal: { Service: 'fargate.amazonaws.com' }, Action: ['kms:DescribeKey'], Resource: '*' },
    );
  }
  return policyDocument(statements);
}

// Object and bucket data actions on the account's own buckets, listed rather than `s3:*`.
const S3_DATA_ACTIONS = ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:GetBucketLocation',
  's3:GetObject', 's3:GetObjectAttributes', 's3:GetObjectTagging', 's3:GetObjectVersion', 's3:ListBucket',
  's3:ListBucketMultipartUploads', 's3:ListBucketVersions', 's3:ListMultipartUploadParts', 's3:PutObject', 's3:PutObjectTagging'];

/**
 * The S3 gateway endpoint policy of a network without egress: the account's own buckets, plus the
 * AWS-owned buckets the runtime reads (Amazon Linux 2023 package repositories, ECR image layers), so
 * the endpoint cannot carry data to a bucket of another account. `accountId` may be a token.
 */
export function s3EndpointPolicy(partition: string, region: string, accountId: string): string {
  return policyDocument([
    {
      Sid: 'BucketsOfThisAccount', Effect: 'Allow', Principal: { AWS: '*' }, Action: S3_DATA_ACTIONS, Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceAccount': accountId } },
    },
    { Sid: 'AmazonLinuxRepositories', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['s3:GetObject'], Resource: [`arn:${partition}:s3:::al2023-repos-${region}-*/*`] },
    { Sid: 'EcrImageLayers', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['s3:GetObject'], Resource: [`arn:${partition}:s3:::prod-${region}-starport-layer-bucket/*`] },
  ]);
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/;

/** The ECR repository an image comes from, or undefined for other registries. */
export function ecrRepository(image: string, partition: string): { registry: string; region: string; arn: string } | undefined {
  const m = ECR_IMAGE.exec(image);
  if (!m) return undefined;
  const [, account, region, repo] = m;
  return { registry: image.slice(0, image.indexOf('/')), region, arn: `arn:${partition}:ecr:${region}:${account}:repository/${repo}` };
}

/** Secret ARNs to IAM resources: a Secrets Manager ARN with a JSON key (`...:secret:name:key::`) cut to the secret. */
export function secretStatements(secrets: Record<string, string> | undefined, ssmAction: string[]): Statement[] {
  const arns = Object.values(secrets ?? {});
  const ssm = [...new Set(arns.filter((a) => a.includes(':ssm:')))];
  const sm = [...new Set(arns.filter((a) => a.includes(':secretsmanager:')).map((a) => a.split(':').slice(0, 7).join(':')))];
  const statements: Statement[] = [];
  if (ssm.length) statements.push({ Sid: 'ReadDeclaredParameters', Effect: 'Allow', Action: ssmAction, Resource: ssm });
  if (sm.length) statements.push({ Sid: 'ReadDeclaredSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: sm });
  return statements;
}

/** Pull from the workload's ECR repository (nothing for other registries). */
export function ecrPullStatements(image: string, partition: string): Statement[] {
  const repo = ecrRepository(image, partition);
  if (!repo) return [];
  return [
    { Sid: 'EcrToken', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
    { Sid: 'EcrPullWorkloadImage', Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: repo.arn },
  ];
}

export function logWriteStatement(logGroupArn: string): Statement {
  return { Sid: 'WriteOwnLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroupArn}:*` };
}

/** Where the instance roles live: ARNs in their statements are of this account and region. */
export interface PolicyEnv {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
}

/**
 * What the SSM agent needs for Session Manager (AmazonSSMManagedInstanceCore, minus inventory,
 * associations and patching). `ssm:UpdateInstanceInformation` takes the instance as its resource
 * (Service Authorization Reference, AWS Systems Manager: resource type `instance`, checked 2026-12), so
 * it is scoped to the account's instances in the region; the `ssmmessages:` and `ec2messages:` actions
 * take no resource type, so they stay on `*`.
 */
export function ssmAgentStatements(env: PolicyEnv): Statement[] {
  return [
    {
      Sid: 'SessionManagerInstanceInformation', Effect: 'Allow', Action: ['ssm:UpdateInstanceInformation'],
      Resource: `arn:${env.partition}:ec2:${env.region}:${env.accountId}:instance/*`,
    },
    {
      Sid: 'SessionManagerChannels', Effect: 'Allow', Resource: '*',
      Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel',
        'ssmmessages:OpenDataChannel', 'ec2messages:AcknowledgeMessage', 'ec2messages:DeleteMessage', 'ec2messages:FailMessage',
        'ec2messages:GetEndpoint', 'ec2messages:GetMessages', 'ec2messages:SendReply'],
    },
  ];
}

/**
 * What the ECS container agent needs on shared capacity (AmazonEC2ContainerServiceforEC2Role without
 * ecs:CreateCluster and the ECR/logs rights tasks get from their own execution roles), each statement
 * as narrow as IAM allows (Service Authorization Reference, Amazon ECS, checked 2026-12):
 * - register/deregister and the state-change submissions take the cluster as resource;
 * - `ecs:Poll`, `ecs:StartTelemetrySession` and `ecs:UpdateContainerInstancesState` support the
 *   `ecs:cluster` condition key: only this cluster, so a shared host cannot act for another cluster;
 * - `ecs:TagResource` only as part of `RegisterContainerInstance` (condition `ecs:CreateAction`, as AWS's
 *   managed role has it): tags carry the isolation labels, and a host must not retag other resources;
 * - `ecs:DiscoverPollEndpoint` supports neither a resource type nor a condition key, so it stays on `*`.
 */
export function ecsAgentStatement(clusterArn: string): Statement[] {
  return [
    {
      Sid: 'EcsAgentOnThisCluster', Effect: 'Allow', Resource: clusterArn,
      Action: ['ecs:DeregisterContainerInstance', 'ecs:RegisterContainerInstance', 'ecs:SubmitAttachmentStateChanges',
        'ecs:SubmitContainerStateChange', 'ecs:SubmitTaskStateChange'],
    },
    {
      Sid: 'EcsAgentPollingThisCluster', Effect: 'Allow', Resource: '*',
      Action: ['ecs:Poll', 'ecs:StartTelemetrySession', 'ecs:UpdateContainerInstancesState'],
      Condition: { ArnEquals: { 'ecs:cluster': clusterArn } },
    },
    {
      Sid: 'EcsAgentTagsOnRegistration', Effect: 'Allow', Resource: '*', Action: ['ecs:TagResource'],
      Condition: { StringEquals: { 'ecs:CreateAction': ['RegisterContainerInstance'] } },
    },
    { Sid: 'EcsAgentDiscoversEndpoint', Effect: 'Allow', Resource: '*', Action: ['ecs:DiscoverPollEndpoint'] },
  ];
}
