// The floor: the library scenario written by hand with the provider's L1 classes, no library code.
// Same resource types and counts with the same attribute values (names, tags, policies, user data,
// outputs); only construct ids (and so logical ids) differ. test/bench/baseline-parity.test.ts
// keeps the two equal. It writes no placement report: that is the library's extra output.
'use strict';
const { createHash } = require('crypto');
const { TerraformOutput, TerraformResource, TerraformStack } = require('cdktf');
const { AutoscalingGroup } = require('@cdktf/provider-aws/lib/autoscaling-group');
const { CloudwatchLogGroup } = require('@cdktf/provider-aws/lib/cloudwatch-log-group');
const { DefaultSecurityGroup } = require('@cdktf/provider-aws/lib/default-security-group');
const { EcsCapacityProvider } = require('@cdktf/provider-aws/lib/ecs-capacity-provider');
const { EcsCluster } = require('@cdktf/provider-aws/lib/ecs-cluster');
const { EcsClusterCapacityProviders } = require('@cdktf/provider-aws/lib/ecs-cluster-capacity-providers');
const { EcsService } = require('@cdktf/provider-aws/lib/ecs-service');
const { EcsTaskDefinition } = require('@cdktf/provider-aws/lib/ecs-task-definition');
const { Eip } = require('@cdktf/provider-aws/lib/eip');
const { FlowLog } = require('@cdktf/provider-aws/lib/flow-log');
const { IamInstanceProfile } = require('@cdktf/provider-aws/lib/iam-instance-profile');
const { IamRole } = require('@cdktf/provider-aws/lib/iam-role');
const { IamRolePolicy } = require('@cdktf/provider-aws/lib/iam-role-policy');
const { Instance } = require('@cdktf/provider-aws/lib/instance');
const { InternetGateway } = require('@cdktf/provider-aws/lib/internet-gateway');
const { KmsAlias } = require('@cdktf/provider-aws/lib/kms-alias');
const { KmsKey } = require('@cdktf/provider-aws/lib/kms-key');
const { LaunchTemplate } = require('@cdktf/provider-aws/lib/launch-template');
const { NatGateway } = require('@cdktf/provider-aws/lib/nat-gateway');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { Route } = require('@cdktf/provider-aws/lib/route');
const { RouteTable } = require('@cdktf/provider-aws/lib/route-table');
const { RouteTableAssociation } = require('@cdktf/provider-aws/lib/route-table-association');
const { SecurityGroup } = require('@cdktf/provider-aws/lib/security-group');
const { Subnet } = require('@cdktf/provider-aws/lib/subnet');
const { Vpc } = require('@cdktf/provider-aws/lib/vpc');
const { VpcEndpoint } = require('@cdktf/provider-aws/lib/vpc-endpoint');
const { VpcSecurityGroupEgressRule } = require('@cdktf/provider-aws/lib/vpc-security-group-egress-rule');
const { VpcSecurityGroupIngressRule } = require('@cdktf/provider-aws/lib/vpc-security-group-ingress-rule');
const { EcsAccountSettingDefault } = require('@cdktf/provider-aws/lib/ecs-account-setting-default');
const { scenarioTarget, tenantWorkload, serviceWorkload } = require('./shape');
// The pool's size comes from the same plan the library executes (packing its tasks under awsvpc trunking).
const { AwsvpcTrunking } = require('../../lib/capacity/trunking');

const { region, availabilityZones: azs, ami, ecsAmi, accountId } = scenarioTarget;
const CIDR = '10.0.0.0/16';
const STACK = 'bench';
// Account-global names carry the stack and the kind (lib/targets/aws/network/names.ts); IAM prefixes
// longer than 37 characters are cut and end in a hash of the whole (boundary.ts iamNamePrefix).
const DENSE = `iso_${STACK}_dense_aws`;
const iamPrefix = (full) => `${full.length <= 37 ? full : `${full.slice(0, 30)}_${createHash('sha256').update(full).digest('hex').slice(0, 6)}`}_`;
const ENDPOINTS = ['ssm', 'ssmmessages', 'ec2messages', 'ecr.api', 'ecr.dkr', 'logs', 'secretsmanager'];
const METADATA = { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' };
// A VM's one container (the workload) reaches the instance role across Docker's bridge.
const VM_METADATA = { ...METADATA, httpPutResponseHopLimit: 2 };
const ROOT = `arn:aws:iam::${accountId}:root`;
const SLR = `arn:aws:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
const KEY_ADMIN = ['kms:CancelKeyDeletion', 'kms:CreateAlias', 'kms:CreateGrant', 'kms:Decrypt', 'kms:DeleteAlias',
  'kms:DescribeKey', 'kms:DisableKey', 'kms:DisableKeyRotation', 'kms:EnableKey', 'kms:EnableKeyRotation',
  'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus', 'kms:ListAliases', 'kms:ListGrants', 'kms:ListKeyPolicies',
  'kms:ListResourceTags', 'kms:PutKeyPolicy', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:RetireGrant',
  'kms:RevokeGrant', 'kms:ScheduleKeyDeletion', 'kms:TagResource', 'kms:UntagResource', 'kms:UpdateAlias',
  'kms:UpdateKeyDescription'];
const KEY_USE = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo',
  'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'];
const S3_DATA = ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:GetBucketLocation',
  's3:GetObject', 's3:GetObjectAttributes', 's3:GetObjectTagging', 's3:GetObjectVersion', 's3:ListBucket',
  's3:ListBucketMultipartUploads', 's3:ListBucketVersions', 's3:ListMultipartUploadParts', 's3:PutObject', 's3:PutObjectTagging'];
const SSM_AGENT = [
  {
    Sid: 'SessionManagerInstanceInformation', Effect: 'Allow', Action: ['ssm:UpdateInstanceInformation'],
    Resource: `arn:aws:ec2:${region}:${accountId}:instance/*`,
  },
  {
    Sid: 'SessionManagerChannels', Effect: 'Allow', Resource: '*',
    Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel',
      'ssmmessages:OpenDataChannel', 'ec2messages:AcknowledgeMessage', 'ec2messages:DeleteMessage', 'ec2messages:FailMessage',
      'ec2messages:GetEndpoint', 'ec2messages:GetMessages', 'ec2messages:SendReply'],
  },
];

const policy = (statements) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const assumeRole = (service, condition) => policy([{ Effect: 'Allow', Principal: { Service: service }, Action: ['sts:AssumeRole'], ...(condition ? { Condition: condition } : {}) }]);
const keyPolicy = (logGroupArn, extra) => policy([
  { Sid: 'AccountAdministersAndUsesKeyThroughIam', Effect: 'Allow', Principal: { AWS: ROOT }, Action: KEY_ADMIN, Resource: '*' },
  {
    Sid: 'CloudWatchLogsForThisLogGroup', Effect: 'Allow', Principal: { Service: `logs.${region}.amazonaws.com` }, Action: KEY_USE,
    Resource: '*', Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
  },
  ...extra,
]);
const logWrite = (logGroup) => ({
  Sid: 'WriteOwnLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  Resource: `arn:aws:logs:${region}:${accountId}:log-group:${logGroup}:*`,
});

function tenantUserData(name, logGroup) {
  const w = tenantWorkload;
  return `#!/bin/bash
set -euo pipefail
cat > /usr/local/sbin/workload-prepare <<'WORKLOAD_PREPARE'
#!/bin/bash
set -euo pipefail
retry() { local n; for n in 1 2 3; do "$@" && return 0; sleep $((n * 5)); done; return 1; }
command -v docker >/dev/null || retry dnf install -y docker
systemctl start docker
docker rm -f '${name}' >/dev/null 2>&1 || true
install -d -m 700 /run/workload
umask 077
: > /run/workload/env
retry docker pull '${w.image}'
WORKLOAD_PREPARE
cat > /usr/local/sbin/workload-run <<'WORKLOAD_RUN'
#!/bin/bash
exec docker run --rm \\
  --name '${name}' \\
  --read-only \\
  --tmpfs /tmp:rw,noexec,nosuid,size=64m \\
  --cap-drop ALL \\
  --security-opt no-new-privileges:true \\
  --memory ${w.memoryMiB}m \\
  --cpus ${w.cpu} \\
  --pids-limit 512 \\
  --env-file /run/workload/env \\
  --log-driver awslogs \\
  --log-opt awslogs-region='${region}' \\
  --log-opt awslogs-group='${logGroup}' \\
  --log-opt awslogs-stream='${name}'-"$(cat /sys/devices/virtual/dmi/id/board_asset_tag)" \\
  -p ${w.port}:${w.port} \\
  '${w.image}'
WORKLOAD_RUN
chmod 700 /usr/local/sbin/workload-prepare /usr/local/sbin/workload-run
cat > /etc/systemd/system/workload.service <<'WORKLOAD_UNIT'
[Unit]
Description=${name} workload (cdktf-isolation)
Wants=network-online.target
After=network-online.target
StartLimitIntervalSec=0
[Service]
Type=simple
ExecStartPre=/usr/local/sbin/workload-prepare
ExecStart=/usr/local/sbin/workload-run
ExecStop=/usr/bin/docker stop ${name}
Restart=always
RestartSec=10
TimeoutStartSec=15min
[Install]
WantedBy=multi-user.target
WORKLOAD_UNIT
systemctl daemon-reload
systemctl enable --now --no-block workload.service
`;
}

function build(app, n) {
  const stack = new TerraformStack(app, STACK);
  const provider = new AwsProvider(stack, 'aws', { region, alias: 'aws', defaultTags: [{ tags: { ManagedBy: 'cdktf-isolation' } }] });

  // Shared by the services: a VPC with egress, a KMS key, one ECS cluster and one EC2 capacity pool.
  const d = { 'isolation:service': 'shared', 'isolation:tier': 'shared-container', Name: DENSE };
  const denseVpc = new Vpc(stack, 'dense-vpc', { cidrBlock: CIDR, enableDnsHostnames: true, enableDnsSupport: true, tags: d });
  flowLog(stack, 'dense-net', 'aws-dense', denseVpc.id, d);
  new DefaultSecurityGroup(stack, 'dense-default-sg', { vpcId: denseVpc.id, tags: { ...d, Name: `${DENSE}-default-unused` } });
  const densePrivateRoutes = new RouteTable(stack, 'dense-private-routes', { vpcId: denseVpc.id, tags: { ...d, Name: `${DENSE}-private` } });
  const densePublicRoutes = new RouteTable(stack, 'dense-public-routes', { vpcId: denseVpc.id, tags: { ...d, Name: `${DENSE}-public` } });
  const igw = new InternetGateway(stack, 'dense-igw', { vpcId: denseVpc.id, tags: d });
  new Route(stack, 'dense-public-default', { routeTableId: densePublicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
  const densePrivate = [];
  const densePublic = [];
  azs.forEach((az, i) => {
    const priv = new Subnet(stack, `dense-private-${i + 1}`, {
      vpcId: denseVpc.id, availabilityZone: az, cidrBlock: `10.0.${i * 16}.0/20`, mapPublicIpOnLaunch: false, tags: { ...d, Name: `${DENSE}-private-${i + 1}` },
    });
    new RouteTableAssociation(stack, `dense-private-${i + 1}-routes`, { subnetId: priv.id, routeTableId: densePrivateRoutes.id });
    densePrivate.push(priv.id);
    const pub = new Subnet(stack, `dense-public-${i + 1}`, {
      vpcId: denseVpc.id, availabilityZone: az, cidrBlock: `10.0.${128 + i * 16}.0/20`, mapPublicIpOnLaunch: false, tags: { ...d, Name: `${DENSE}-public-${i + 1}` },
    });
    new RouteTableAssociation(stack, `dense-public-${i + 1}-routes`, { subnetId: pub.id, routeTableId: densePublicRoutes.id });
    densePublic.push(pub.id);
  });
  const eip = new Eip(stack, 'dense-nat-ip', { domain: 'vpc', tags: d });
  const nat = new NatGateway(stack, 'dense-nat', { allocationId: eip.allocationId, subnetId: densePublic[0], tags: d, dependsOn: [igw] });
  new Route(stack, 'dense-private-default', { routeTableId: densePrivateRoutes.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });

  const denseKey = new KmsKey(stack, 'dense-key', {
    description: `${DENSE}: volumes and logs`, enableKeyRotation: true, deletionWindowInDays: 30, tags: d,
    policy: keyPolicy(`arn:aws:logs:${region}:${accountId}:log-group:/isolation/${STACK}/service/*`, [
      {
        Sid: 'AutoScalingUsesKeyForVolumes', Effect: 'Allow', Principal: { AWS: '*' }, Action: KEY_USE, Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': accountId, 'aws:PrincipalArn': SLR } },
      },
      {
        Sid: 'AutoScalingGrantsForVolumes', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:CreateGrant'], Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': accountId, 'aws:PrincipalArn': SLR }, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      },
    ]),
  });
  new KmsAlias(stack, 'dense-key-alias', { name: `alias/isolation/${STACK}/dense/aws`, targetKeyId: denseKey.keyId });
  const cluster = new EcsCluster(stack, 'dense-cluster', { name: DENSE, setting: [{ name: 'containerInsights', value: 'enabled' }], tags: d });

  const p = { 'isolation:pool': 'trusted', 'isolation:tier': 'shared-container', Name: `${DENSE}-trusted` };
  const poolSg = new SecurityGroup(stack, 'pool-sg', {
    vpcId: denseVpc.id, name: `${DENSE}-trusted-instances`, description: `${DENSE}-trusted container instances: no inbound`,
    tags: { ...p, Name: `${DENSE}-trusted-instances` },
  });
  new VpcSecurityGroupEgressRule(stack, 'pool-egress', { securityGroupId: poolSg.id, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1', description: 'outbound', tags: p });
  const poolRole = new IamRole(stack, 'pool-role', { namePrefix: iamPrefix(`iso_${STACK}_dense_aws-trusted_instance-role`), assumeRolePolicy: assumeRole('ec2.amazonaws.com'), tags: p });
  new IamRolePolicy(stack, 'pool-role-policy', {
    role: poolRole.id, name: 'least-privilege', policy: policy([...SSM_AGENT,
      {
        Sid: 'EcsAgentOnThisCluster', Effect: 'Allow', Resource: cluster.arn,
        Action: ['ecs:DeregisterContainerInstance', 'ecs:RegisterContainerInstance', 'ecs:SubmitAttachmentStateChanges',
          'ecs:SubmitContainerStateChange', 'ecs:SubmitTaskStateChange'],
      },
      {
        Sid: 'EcsAgentPollingThisCluster', Effect: 'Allow', Resource: '*',
        Action: ['ecs:Poll', 'ecs:StartTelemetrySession', 'ecs:UpdateContainerInstancesState'],
        Condition: { ArnEquals: { 'ecs:cluster': cluster.arn } },
      },
      {
        Sid: 'EcsAgentTagsOnRegistration', Effect: 'Allow', Resource: '*', Action: ['ecs:TagResource'],
        Condition: { StringEquals: { 'ecs:CreateAction': ['RegisterContainerInstance'] } },
      },
      { Sid: 'EcsAgentDiscoversEndpoint', Effect: 'Allow', Resource: '*', Action: ['ecs:DiscoverPollEndpoint'] },
    ]),
  });
  const poolProfile = new IamInstanceProfile(stack, 'pool-profile', { namePrefix: `iso_${STACK}_dense_aws-trusted_instance_`, role: poolRole.name, tags: p });
  const ecsUserData = [
    '#!/bin/bash',
    'cat >> /etc/ecs/ecs.config <<EOF',
    `ECS_CLUSTER=${DENSE}`,
    'ECS_AWSVPC_BLOCK_IMDS=true',
    'ECS_DISABLE_PRIVILEGED=true',
    'ECS_ENABLE_TASK_IAM_ROLE=true',
    'ECS_SELINUX_CAPABLE=false',
    'ECS_INSTANCE_ATTRIBUTES={"isolation.pool":"trusted"}',
    'EOF',
    '',
  ].join('\n');
  // The pool's plan is the capacity layer's (not a resource a hand-written program would write differently).
  const poolPlan = AwsvpcTrunking.planPool(Array.from({ length: n }, (_, i) => ({
    key: `bench/service-${i}`, cpu: serviceWorkload.cpu, memoryMiB: serviceWorkload.memoryMiB, tasks: serviceWorkload.replicas, maxTasks: serviceWorkload.replicas,
  })), scenarioTarget.availabilityZones.length, scenarioTarget.region, 'pool');
  new EcsAccountSettingDefault(stack, 'awsvpc-trunking', { name: 'awsvpcTrunking', value: 'enabled', provider });
  const template = new LaunchTemplate(stack, 'pool-launch-template', {
    namePrefix: `${DENSE}-trusted-`,
    imageId: ecsAmi,
    instanceType: poolPlan.instanceType,
    iamInstanceProfile: { name: poolProfile.name },
    vpcSecurityGroupIds: [poolSg.id],
    metadataOptions: METADATA,
    blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'true', kmsKeyId: denseKey.arn, volumeType: 'gp3', volumeSize: 30, deleteOnTermination: 'true' } }],
    userData: Buffer.from(ecsUserData).toString('base64'),
    tagSpecifications: [{ resourceType: 'instance', tags: p }, { resourceType: 'volume', tags: p }],
    updateDefaultVersion: true,
    tags: p,
  });
  const asg = new AutoscalingGroup(stack, 'pool-asg', {
    namePrefix: `${DENSE}-trusted-`,
    minSize: poolPlan.minInstances,
    maxSize: poolPlan.maxInstances,
    vpcZoneIdentifier: densePrivate,
    launchTemplate: { id: template.id, version: '$Latest' },
    protectFromScaleIn: false,
    tag: [{ key: 'AmazonECSManaged', value: 'true', propagateAtLaunch: true },
      ...Object.entries(p).map(([key, value]) => ({ key, value, propagateAtLaunch: true }))],
    lifecycle: { ignoreChanges: ['desired_capacity'] },
  });
  const capacityProvider = new EcsCapacityProvider(stack, 'pool-capacity-provider', {
    name: `cp_${STACK}_dense_aws_trusted`,
    autoScalingGroupProvider: {
      autoScalingGroupArn: asg.arn,
      managedTerminationProtection: 'DISABLED',
      managedDraining: 'ENABLED',
      managedScaling: { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: Math.min(10, poolPlan.maxInstances) },
    },
    tags: p,
  });
  const capacityProviders = new EcsClusterCapacityProviders(stack, 'dense-capacity-providers', {
    clusterName: cluster.name, capacityProviders: [capacityProvider.name],
  });

  const net = tenantNetwork(stack);
  for (let i = 0; i < n; i++) {
    tenant(stack, `tenant-${i}`, net);
    service(stack, `service-${i}`, cluster, denseVpc, densePrivate, denseKey, capacityProviders);
  }
  // What AwsTarget's provider aspect does: every resource names the target's aliased provider.
  for (const c of stack.node.findAll()) if (c instanceof TerraformResource) c.provider = provider;
  return stack;
}

const SUBNET_KINDS = [['isolated', 0], ['egress', 64], ['public', 128]];

/** A VPC's flow log of ALL traffic into its own key-encrypted log group, through a role scoped to it. */
function flowLog(stack, id, name, vpcId, tags) {
  const flowGroup = `/isolation/${STACK}/network/${name}/flow-log`;
  const flowArn = `arn:aws:logs:${region}:${accountId}:log-group:${flowGroup}`;
  const key = new KmsKey(stack, `${id}-key`, {
    description: `${name}: VPC flow log`, enableKeyRotation: true, deletionWindowInDays: 30, tags, policy: keyPolicy(flowArn, []),
  });
  new KmsAlias(stack, `${id}-key-alias`, { name: `alias/isolation/${STACK}/network/${name}`, targetKeyId: key.keyId });
  const group = new CloudwatchLogGroup(stack, `${id}-flow-log-group`, { name: flowGroup, retentionInDays: 90, kmsKeyId: key.arn, tags });
  const role = new IamRole(stack, `${id}-flow-log-role`, {
    name: `iso_${STACK}_network_${name}_flow-log`, tags,
    assumeRolePolicy: policy([{
      Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: ['sts:AssumeRole'],
      Condition: { StringEquals: { 'aws:SourceAccount': accountId }, ArnLike: { 'aws:SourceArn': `arn:aws:ec2:${region}:${accountId}:vpc-flow-log/*` } },
    }]),
  });
  new IamRolePolicy(stack, `${id}-flow-log-role-policy`, {
    role: role.id, name: 'write-flow-log', policy: policy([
      { Sid: 'WriteFlowLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Resource: [flowArn, `${flowArn}:*`] },
      { Sid: 'FindFlowLogGroup', Effect: 'Allow', Action: ['logs:DescribeLogGroups'], Resource: `arn:aws:logs:${region}:${accountId}:log-group:*` },
    ]),
  });
  new FlowLog(stack, `${id}-flow-log`, {
    vpcId, trafficType: 'ALL', logDestinationType: 'cloud-watch-logs', logDestination: group.arn, iamRoleArn: role.arn, maxAggregationInterval: 600, tags,
  });
}

/** The target's shared tenant network: VPC, 3 kinds of subnet per zone, shared endpoints, restricted S3 endpoint, flow log. */
function tenantNetwork(stack) {
  const tags = { 'isolation:network': 'aws' };
  const vpc = new Vpc(stack, 'net-vpc', { cidrBlock: CIDR, enableDnsHostnames: true, enableDnsSupport: true, tags: { ...tags, Name: 'aws' } });
  new DefaultSecurityGroup(stack, 'net-default-sg', { vpcId: vpc.id, tags: { ...tags, Name: 'aws-default-unused' } });
  const isolatedRoutes = new RouteTable(stack, 'net-isolated-routes', { vpcId: vpc.id, tags: { ...tags, Name: 'aws-isolated' } });
  const publicRoutes = new RouteTable(stack, 'net-public-routes', { vpcId: vpc.id, tags: { ...tags, Name: 'aws-public' } });
  const egressRoutes = azs.map((_, i) => new RouteTable(stack, `net-egress-routes-${i + 1}`, { vpcId: vpc.id, tags: { ...tags, Name: `aws-egress-${i + 1}` } }));
  const subnets = {};
  for (const [kind, base] of SUBNET_KINDS) {
    subnets[kind] = azs.map((az, i) => {
      const subnet = new Subnet(stack, `net-${kind}-${i + 1}`, {
        vpcId: vpc.id, availabilityZone: az, cidrBlock: `10.0.${base + i * 8}.0/21`, mapPublicIpOnLaunch: false,
        tags: { ...tags, 'isolation:subnet': kind, Name: `aws-${kind}-${i + 1}` },
      });
      const routeTableId = kind === 'isolated' ? isolatedRoutes.id : kind === 'public' ? publicRoutes.id : egressRoutes[i].id;
      new RouteTableAssociation(stack, `net-${kind}-${i + 1}-routes`, { subnetId: subnet.id, routeTableId });
      return subnet.id;
    });
  }
  const endpointSg = new SecurityGroup(stack, 'net-endpoints-sg', {
    vpcId: vpc.id, name: 'aws-endpoints', description: 'Interface endpoints of aws: HTTPS from the tenant subnets only', tags: { ...tags, Name: 'aws-endpoints' },
  });
  new VpcSecurityGroupIngressRule(stack, 'net-endpoints-https', {
    securityGroupId: endpointSg.id, cidrIpv4: '10.0.0.0/17', ipProtocol: 'tcp', fromPort: 443, toPort: 443, description: 'HTTPS from the isolated and egress subnets', tags,
  });
  const s3 = new VpcEndpoint(stack, 'net-endpoint-s3', {
    vpcId: vpc.id, serviceName: `com.amazonaws.${region}.s3`, vpcEndpointType: 'Gateway', routeTableIds: [isolatedRoutes.id], tags: { ...tags, Name: 'aws-s3' },
    policy: policy([
      { Sid: 'BucketsOfThisAccount', Effect: 'Allow', Principal: { AWS: '*' }, Action: S3_DATA, Resource: '*', Condition: { StringEquals: { 'aws:ResourceAccount': accountId } } },
      { Sid: 'AmazonLinuxRepositories', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::al2023-repos-${region}-*/*`] },
      { Sid: 'EcrImageLayers', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::prod-${region}-starport-layer-bucket/*`] },
    ]),
  });
  flowLog(stack, 'net', 'aws', vpc.id, tags);
  const endpoints = ENDPOINTS.map((service) =>
    new VpcEndpoint(stack, `net-endpoint-${service}`, {
      vpcId: vpc.id, serviceName: `com.amazonaws.${region}.${service}`, vpcEndpointType: 'Interface', privateDnsEnabled: true,
      subnetIds: subnets.isolated, securityGroupIds: [endpointSg.id], tags: { ...tags, Name: `aws-${service}` },
    }));
  return { vpcId: vpc.id, isolated: subnets.isolated, endpointSgId: endpointSg.id, s3PrefixListId: s3.prefixListId, endpoints };
}

/** One tenant at the VM tier in the shared network: key, log group, its own security group (tcp/443 out to the endpoints and S3), role, instance. */
function tenant(stack, t, net) {
  const tags = { 'isolation:tenant': t, 'isolation:tier': 'vm', Name: t };
  const logGroup = `/isolation/${STACK}/tenant/${t}`;
  const key = new KmsKey(stack, `${t}-key`, {
    description: `${t}: volumes and logs`, enableKeyRotation: true, deletionWindowInDays: 30, tags,
    policy: keyPolicy(`arn:aws:logs:${region}:${accountId}:log-group:${logGroup}`, []),
  });
  new KmsAlias(stack, `${t}-key-alias`, { name: `alias/isolation/${STACK}/tenant/${t}`, targetKeyId: key.keyId });
  new CloudwatchLogGroup(stack, `${t}-logs`, { name: logGroup, retentionInDays: 90, kmsKeyId: key.arn, tags });

  const sg = new SecurityGroup(stack, `${t}-sg`, {
    vpcId: net.vpcId, name: `tenant-${t}`, description: `tenant ${t}: declared ingress only`, tags: { ...tags, Name: `tenant-${t}`, 'isolation:egress': 'none' },
  });
  new VpcSecurityGroupEgressRule(stack, `${t}-egress-endpoints`, {
    securityGroupId: sg.id, referencedSecurityGroupId: net.endpointSgId, ipProtocol: 'tcp', fromPort: 443, toPort: 443, description: 'HTTPS to the interface endpoints', tags,
  });
  new VpcSecurityGroupEgressRule(stack, `${t}-egress-s3`, {
    securityGroupId: sg.id, prefixListId: net.s3PrefixListId, ipProtocol: 'tcp', fromPort: 443, toPort: 443, description: 'HTTPS to S3 through the gateway endpoint', tags,
  });
  const role = new IamRole(stack, `${t}-role`, { namePrefix: iamPrefix(`iso_${STACK}_tenant_${t}_instance-role`), assumeRolePolicy: assumeRole('ec2.amazonaws.com'), tags });
  new IamRolePolicy(stack, `${t}-role-policy`, { role: role.id, name: 'least-privilege', policy: policy([...SSM_AGENT, logWrite(logGroup)]) });
  const profile = new IamInstanceProfile(stack, `${t}-profile`, { namePrefix: `iso_${STACK}_tenant_${t}_instance_`, role: role.name, tags });
  const instance = new Instance(stack, `${t}-instance`, {
    ami,
    instanceType: 'c6i.large', // STEADY load: the cheapest non-burstable type that fits 1 vCPU / 2 GiB
    subnetId: net.isolated[0],
    vpcSecurityGroupIds: [sg.id],
    iamInstanceProfile: profile.name,
    associatePublicIpAddress: false,
    tenancy: 'default',
    metadataOptions: VM_METADATA,
    rootBlockDevice: { encrypted: true, kmsKeyId: key.arn, volumeType: 'gp3', volumeSize: 30, deleteOnTermination: true },
    userData: tenantUserData(t, logGroup),
    userDataReplaceOnChange: true,
    dependsOn: net.endpoints,
    tags: { ...tags, Name: `${t}-1` },
    volumeTags: tags,
  });
  new TerraformOutput(stack, `${t}-tier`, { value: 'vm', description: `Placement tier of bench/${t}` });
  new TerraformOutput(stack, `${t}-instance-ids`, { value: [instance.id] });
}

/** One service on the shared cluster's EC2 capacity: log group, security group, execution role, task definition, service. */
function service(stack, s, cluster, vpc, subnetIds, key, capacityProviders) {
  const w = serviceWorkload;
  const tags = { 'isolation:service': s, 'isolation:tier': 'shared-container', Name: s };
  const logGroup = `/isolation/${STACK}/service/${s}`;
  new CloudwatchLogGroup(stack, `${s}-logs`, { name: logGroup, retentionInDays: 90, kmsKeyId: key.arn, tags });
  const sg = new SecurityGroup(stack, `${s}-sg`, { vpcId: vpc.id, name: `${s}-workload`, description: `${s}: declared ingress only`, tags: { ...tags, Name: `${s}-workload` } });
  new VpcSecurityGroupEgressRule(stack, `${s}-egress`, { securityGroupId: sg.id, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1', description: 'outbound', tags });
  const role = new IamRole(stack, `${s}-execution-role`, { namePrefix: iamPrefix(`iso_${STACK}_service_${s}_execution-role`), assumeRolePolicy: assumeRole('ecs-tasks.amazonaws.com'), tags });
  new IamRolePolicy(stack, `${s}-execution-role-policy`, { role: role.id, name: 'least-privilege', policy: policy([logWrite(logGroup)]) });
  const taskRole = new IamRole(stack, `${s}-task-role`, {
    namePrefix: iamPrefix(`iso_${STACK}_service_${s}_task-role`), tags,
    assumeRolePolicy: assumeRole('ecs-tasks.amazonaws.com', { ArnLike: { 'aws:SourceArn': `arn:aws:ecs:${region}:${accountId}:*` }, StringEquals: { 'aws:SourceAccount': accountId } }),
  });
  const cpu = Math.ceil(w.cpu * 1024);
  const task = new EcsTaskDefinition(stack, `${s}-task`, {
    family: s,
    cpu: String(cpu),
    memory: String(w.memoryMiB),
    networkMode: 'awsvpc',
    requiresCompatibilities: ['EC2'],
    executionRoleArn: role.arn,
    taskRoleArn: taskRole.arn,
    containerDefinitions: JSON.stringify([{
      name: s,
      image: w.image,
      essential: true,
      cpu,
      memory: w.memoryMiB,
      readonlyRootFilesystem: true,
      privileged: false,
      linuxParameters: { capabilities: { drop: ['ALL'] }, initProcessEnabled: true },
      mountPoints: [{ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false }],
      portMappings: [{ containerPort: w.port, protocol: 'tcp' }],
      environment: [],
      secrets: [],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': logGroup, 'awslogs-region': region, 'awslogs-stream-prefix': s } },
      dockerSecurityOptions: ['no-new-privileges'],
    }]),
    volume: [{ name: 'tmp' }],
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    tags,
  });
  new EcsService(stack, `${s}-service`, {
    name: s,
    cluster: cluster.arn,
    taskDefinition: task.arn,
    desiredCount: w.replicas,
    capacityProviderStrategy: [{ capacityProvider: `cp_${STACK}_dense_aws_trusted`, weight: 1, base: 0 }],
    orderedPlacementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
    deploymentMaximumPercent: 200,
    deploymentMinimumHealthyPercent: 100,
    networkConfiguration: { subnets: subnetIds, securityGroups: [sg.id], assignPublicIp: false },
    deploymentCircuitBreaker: { enable: true, rollback: true },
    propagateTags: 'SERVICE',
    enableEcsManagedTags: true,
    dependsOn: [capacityProviders],
    tags,
  });
  new TerraformOutput(stack, `${s}-tier`, { value: 'shared-container', description: `Placement tier of bench/${s}` });
  new TerraformOutput(stack, `${s}-service-name`, { value: s });
}

module.exports = { build };

if (require.main === module) {
  require('./measure').synthAndReport((app) => build(app, Number(process.argv[2])));
}
