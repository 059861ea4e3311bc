// The floor: the library scenario written by hand with the provider's L1 classes, no library code.
// Same resource types and counts with the same attribute values (names, tags, policies, user data,
// outputs); only construct ids (and so logical ids) differ. test/bench/baseline-parity.test.ts
// keeps the two equal. It writes no placement report: that is the library's extra output.
'use strict';
const { TerraformOutput, TerraformStack } = require('cdktf');
const { AutoscalingGroup } = require('@cdktf/provider-aws/lib/autoscaling-group');
const { CloudwatchLogGroup } = require('@cdktf/provider-aws/lib/cloudwatch-log-group');
const { DefaultSecurityGroup } = require('@cdktf/provider-aws/lib/default-security-group');
const { EcsCapacityProvider } = require('@cdktf/provider-aws/lib/ecs-capacity-provider');
const { EcsCluster } = require('@cdktf/provider-aws/lib/ecs-cluster');
const { EcsClusterCapacityProviders } = require('@cdktf/provider-aws/lib/ecs-cluster-capacity-providers');
const { EcsService } = require('@cdktf/provider-aws/lib/ecs-service');
const { EcsTaskDefinition } = require('@cdktf/provider-aws/lib/ecs-task-definition');
const { Eip } = require('@cdktf/provider-aws/lib/eip');
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
const ENDPOINTS = ['ssm', 'ssmmessages', 'ec2messages', 'ecr.api', 'ecr.dkr', 'logs', 'secretsmanager'];
const METADATA = { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' };
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
const SSM_AGENT = {
  Sid: 'SessionManagerAgent', Effect: 'Allow', Resource: '*',
  Action: ['ssm:UpdateInstanceInformation', 'ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel',
    'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel', 'ec2messages:AcknowledgeMessage',
    'ec2messages:DeleteMessage', 'ec2messages:FailMessage', 'ec2messages:GetEndpoint', 'ec2messages:GetMessages',
    'ec2messages:SendReply'],
};

const policy = (statements) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const assumeRole = (service) => policy([{ Effect: 'Allow', Principal: { Service: service }, Action: ['sts:AssumeRole'] }]);
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
retry() { local n; for n in 1 2 3 4 5 6; do "$@" && return 0; sleep $((n * 10)); done; return 1; }
retry dnf install -y docker
systemctl enable --now docker
install -d -m 700 /run/workload
umask 077
: > /run/workload/env
retry docker pull '${w.image}'
docker run -d \\
  --name '${name}' \\
  --restart unless-stopped \\
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
`;
}

function build(app, n) {
  const stack = new TerraformStack(app, 'bench');
  new AwsProvider(stack, 'aws', { region, defaultTags: [{ tags: { ManagedBy: 'cdktf-isolation' } }] });

  // Shared by the services: a VPC with egress, a KMS key, one ECS cluster and one EC2 capacity pool.
  const d = { 'isolation:service': 'shared', 'isolation:tier': 'shared-container', Name: 'dense-aws' };
  const denseVpc = new Vpc(stack, 'dense-vpc', { cidrBlock: CIDR, enableDnsHostnames: true, enableDnsSupport: true, tags: d });
  new DefaultSecurityGroup(stack, 'dense-default-sg', { vpcId: denseVpc.id, tags: { ...d, Name: 'dense-aws-default-unused' } });
  const densePrivateRoutes = new RouteTable(stack, 'dense-private-routes', { vpcId: denseVpc.id, tags: { ...d, Name: 'dense-aws-private' } });
  const densePublicRoutes = new RouteTable(stack, 'dense-public-routes', { vpcId: denseVpc.id, tags: { ...d, Name: 'dense-aws-public' } });
  const igw = new InternetGateway(stack, 'dense-igw', { vpcId: denseVpc.id, tags: d });
  new Route(stack, 'dense-public-default', { routeTableId: densePublicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
  const densePrivate = [];
  const densePublic = [];
  azs.forEach((az, i) => {
    const priv = new Subnet(stack, `dense-private-${i + 1}`, {
      vpcId: denseVpc.id, availabilityZone: az, cidrBlock: `10.0.${i * 16}.0/20`, mapPublicIpOnLaunch: false, tags: { ...d, Name: `dense-aws-private-${i + 1}` },
    });
    new RouteTableAssociation(stack, `dense-private-${i + 1}-routes`, { subnetId: priv.id, routeTableId: densePrivateRoutes.id });
    densePrivate.push(priv.id);
    const pub = new Subnet(stack, `dense-public-${i + 1}`, {
      vpcId: denseVpc.id, availabilityZone: az, cidrBlock: `10.0.${128 + i * 16}.0/20`, mapPublicIpOnLaunch: false, tags: { ...d, Name: `dense-aws-public-${i + 1}` },
    });
    new RouteTableAssociation(stack, `dense-public-${i + 1}-routes`, { subnetId: pub.id, routeTableId: densePublicRoutes.id });
    densePublic.push(pub.id);
  });
  const eip = new Eip(stack, 'dense-nat-ip', { domain: 'vpc', tags: d });
  const nat = new NatGateway(stack, 'dense-nat', { allocationId: eip.allocationId, subnetId: densePublic[0], tags: d, dependsOn: [igw] });
  new Route(stack, 'dense-private-default', { routeTableId: densePrivateRoutes.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });

  const denseKey = new KmsKey(stack, 'dense-key', {
    description: 'dense-aws: volumes and logs', enableKeyRotation: true, deletionWindowInDays: 30, tags: d,
    policy: keyPolicy(`arn:aws:logs:${region}:${accountId}:log-group:/isolation/service/*`, [
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
  new KmsAlias(stack, 'dense-key-alias', { name: 'alias/isolation/dense-aws', targetKeyId: denseKey.keyId });
  const cluster = new EcsCluster(stack, 'dense-cluster', { name: 'dense-aws', setting: [{ name: 'containerInsights', value: 'enabled' }], tags: d });

  const p = { 'isolation:pool': 'trusted', 'isolation:tier': 'shared-container', Name: 'dense-aws-trusted' };
  const poolSg = new SecurityGroup(stack, 'pool-sg', {
    vpcId: denseVpc.id, name: 'dense-aws-trusted-instances', description: 'dense-aws-trusted container instances: no inbound',
    tags: { ...p, Name: 'dense-aws-trusted-instances' },
  });
  new VpcSecurityGroupEgressRule(stack, 'pool-egress', { securityGroupId: poolSg.id, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1', description: 'outbound', tags: p });
  const poolRole = new IamRole(stack, 'pool-role', { namePrefix: 'dense-aws-trusted-instance-', assumeRolePolicy: assumeRole('ec2.amazonaws.com'), tags: p });
  new IamRolePolicy(stack, 'pool-role-policy', {
    role: poolRole.id, name: 'least-privilege', policy: policy([SSM_AGENT,
      {
        Sid: 'EcsAgentOnThisCluster', Effect: 'Allow', Resource: cluster.arn,
        Action: ['ecs:DeregisterContainerInstance', 'ecs:RegisterContainerInstance', 'ecs:SubmitAttachmentStateChanges',
          'ecs:SubmitContainerStateChange', 'ecs:SubmitTaskStateChange'],
      },
      {
        Sid: 'EcsAgentPolling', Effect: 'Allow', Resource: '*',
        Action: ['ecs:DiscoverPollEndpoint', 'ecs:Poll', 'ecs:StartTelemetrySession', 'ecs:UpdateContainerInstancesState', 'ecs:TagResource'],
      },
    ]),
  });
  const poolProfile = new IamInstanceProfile(stack, 'pool-profile', { namePrefix: 'dense-aws-trusted-', role: poolRole.name, tags: p });
  const ecsUserData = [
    '#!/bin/bash',
    'cat >> /etc/ecs/ecs.config <<EOF',
    'ECS_CLUSTER=dense-aws',
    'ECS_AWSVPC_BLOCK_IMDS=true',
    'ECS_DISABLE_PRIVILEGED=true',
    'ECS_ENABLE_TASK_IAM_ROLE=true',
    'ECS_SELINUX_CAPABLE=false',
    'ECS_INSTANCE_ATTRIBUTES={"isolation.pool":"trusted"}',
    'EOF',
    '',
  ].join('\n');
  const poolPlan = AwsvpcTrunking.plan(Array.from({ length: n * serviceWorkload.replicas }, () => ({ cpu: serviceWorkload.cpu, memoryMiB: serviceWorkload.memoryMiB })),
    scenarioTarget.region, 'pool');
  new EcsAccountSettingDefault(stack, 'awsvpc-trunking', { name: 'awsvpcTrunking', value: 'enabled' });
  const template = new LaunchTemplate(stack, 'pool-launch-template', {
    namePrefix: 'dense-aws-trusted-',
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
    namePrefix: 'dense-aws-trusted-',
    minSize: 0,
    maxSize: poolPlan.instances,
    vpcZoneIdentifier: densePrivate,
    launchTemplate: { id: template.id, version: '$Latest' },
    protectFromScaleIn: false,
    tag: [{ key: 'AmazonECSManaged', value: 'true', propagateAtLaunch: true },
      ...Object.entries(p).map(([key, value]) => ({ key, value, propagateAtLaunch: true }))],
    lifecycle: { ignoreChanges: ['desired_capacity'] },
  });
  const capacityProvider = new EcsCapacityProvider(stack, 'pool-capacity-provider', {
    name: 'cp-dense-aws-trusted',
    autoScalingGroupProvider: {
      autoScalingGroupArn: asg.arn,
      managedTerminationProtection: 'DISABLED',
      managedDraining: 'ENABLED',
      managedScaling: { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: Math.min(10, poolPlan.instances) },
    },
    tags: p,
  });
  const capacityProviders = new EcsClusterCapacityProviders(stack, 'dense-capacity-providers', {
    clusterName: cluster.name, capacityProviders: [capacityProvider.name],
  });

  for (let i = 0; i < n; i++) {
    tenant(stack, `tenant-${i}`);
    service(stack, `service-${i}`, cluster, denseVpc, densePrivate, denseKey, capacityProviders);
  }
  return stack;
}

/** One tenant at the VM tier: own VPC without egress (VPC endpoints), key, log group, security group, role, instance. */
function tenant(stack, t) {
  const tags = { 'isolation:tenant': t, 'isolation:tier': 'vm', Name: t };
  const vpc = new Vpc(stack, `${t}-vpc`, { cidrBlock: CIDR, enableDnsHostnames: true, enableDnsSupport: true, tags });
  new DefaultSecurityGroup(stack, `${t}-default-sg`, { vpcId: vpc.id, tags: { ...tags, Name: `${t}-default-unused` } });
  const routes = new RouteTable(stack, `${t}-private-routes`, { vpcId: vpc.id, tags: { ...tags, Name: `${t}-private` } });
  const subnets = azs.map((az, i) => {
    const subnet = new Subnet(stack, `${t}-private-${i + 1}`, {
      vpcId: vpc.id, availabilityZone: az, cidrBlock: `10.0.${i * 16}.0/20`, mapPublicIpOnLaunch: false, tags: { ...tags, Name: `${t}-private-${i + 1}` },
    });
    new RouteTableAssociation(stack, `${t}-private-${i + 1}-routes`, { subnetId: subnet.id, routeTableId: routes.id });
    return subnet;
  });
  const subnetIds = subnets.map((s) => s.id);
  const endpointSg = new SecurityGroup(stack, `${t}-endpoints-sg`, {
    vpcId: vpc.id, name: `${t}-endpoints`, description: `VPC endpoints of ${t}: HTTPS from inside the VPC only`, tags: { ...tags, Name: `${t}-endpoints` },
  });
  new VpcSecurityGroupIngressRule(stack, `${t}-endpoints-https`, {
    securityGroupId: endpointSg.id, cidrIpv4: CIDR, ipProtocol: 'tcp', fromPort: 443, toPort: 443, description: 'HTTPS from the VPC', tags,
  });
  for (const service of ENDPOINTS) {
    new VpcEndpoint(stack, `${t}-endpoint-${service}`, {
      vpcId: vpc.id, serviceName: `com.amazonaws.${region}.${service}`, vpcEndpointType: 'Interface', privateDnsEnabled: true,
      subnetIds, securityGroupIds: [endpointSg.id], tags: { ...tags, Name: `${t}-${service}` },
    });
  }
  new VpcEndpoint(stack, `${t}-endpoint-s3`, {
    vpcId: vpc.id, serviceName: `com.amazonaws.${region}.s3`, vpcEndpointType: 'Gateway', routeTableIds: [routes.id], tags: { ...tags, Name: `${t}-s3` },
    policy: policy([
      { Sid: 'BucketsOfThisAccount', Effect: 'Allow', Principal: { AWS: '*' }, Action: S3_DATA, Resource: '*', Condition: { StringEquals: { 'aws:ResourceAccount': accountId } } },
      { Sid: 'AmazonLinuxRepositories', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::al2023-repos-${region}-*/*`] },
      { Sid: 'EcrImageLayers', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::prod-${region}-starport-layer-bucket/*`] },
    ]),
  });

  const logGroup = `/isolation/tenant/${t}`;
  const key = new KmsKey(stack, `${t}-key`, {
    description: `${t}: volumes and logs`, enableKeyRotation: true, deletionWindowInDays: 30, tags,
    policy: keyPolicy(`arn:aws:logs:${region}:${accountId}:log-group:${logGroup}`, []),
  });
  new KmsAlias(stack, `${t}-key-alias`, { name: `alias/isolation/${t}`, targetKeyId: key.keyId });
  new CloudwatchLogGroup(stack, `${t}-logs`, { name: logGroup, retentionInDays: 90, kmsKeyId: key.arn, tags });

  const sg = new SecurityGroup(stack, `${t}-sg`, { vpcId: vpc.id, name: `${t}-workload`, description: `${t}: declared ingress only`, tags: { ...tags, Name: `${t}-workload` } });
  new VpcSecurityGroupEgressRule(stack, `${t}-egress`, { securityGroupId: sg.id, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1', description: 'outbound', tags });
  const role = new IamRole(stack, `${t}-role`, { namePrefix: `${t}-instance-`, assumeRolePolicy: assumeRole('ec2.amazonaws.com'), tags });
  new IamRolePolicy(stack, `${t}-role-policy`, { role: role.id, name: 'least-privilege', policy: policy([SSM_AGENT, logWrite(logGroup)]) });
  const profile = new IamInstanceProfile(stack, `${t}-profile`, { namePrefix: `${t}-`, role: role.name, tags });
  const instance = new Instance(stack, `${t}-instance`, {
    ami,
    instanceType: 'c6i.large', // STEADY load: the cheapest non-burstable type that fits 1 vCPU / 2 GiB
    subnetId: subnets[0].id,
    vpcSecurityGroupIds: [sg.id],
    iamInstanceProfile: profile.name,
    associatePublicIpAddress: false,
    tenancy: 'default',
    metadataOptions: METADATA,
    rootBlockDevice: { encrypted: true, kmsKeyId: key.arn, volumeType: 'gp3', volumeSize: 30, deleteOnTermination: true },
    userData: tenantUserData(t, logGroup),
    userDataReplaceOnChange: true,
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
  const logGroup = `/isolation/service/${s}`;
  new CloudwatchLogGroup(stack, `${s}-logs`, { name: logGroup, retentionInDays: 90, kmsKeyId: key.arn, tags });
  const sg = new SecurityGroup(stack, `${s}-sg`, { vpcId: vpc.id, name: `${s}-workload`, description: `${s}: declared ingress only`, tags: { ...tags, Name: `${s}-workload` } });
  new VpcSecurityGroupEgressRule(stack, `${s}-egress`, { securityGroupId: sg.id, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1', description: 'outbound', tags });
  const role = new IamRole(stack, `${s}-execution-role`, { namePrefix: `${s}-executio-`, assumeRolePolicy: assumeRole('ecs-tasks.amazonaws.com'), tags });
  new IamRolePolicy(stack, `${s}-execution-role-policy`, { role: role.id, name: 'least-privilege', policy: policy([logWrite(logGroup)]) });
  const cpu = Math.ceil(w.cpu * 1024);
  const task = new EcsTaskDefinition(stack, `${s}-task`, {
    family: s,
    cpu: String(cpu),
    memory: String(w.memoryMiB),
    networkMode: 'awsvpc',
    requiresCompatibilities: ['EC2'],
    executionRoleArn: role.arn,
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
    capacityProviderStrategy: [{ capacityProvider: 'cp-dense-aws-trusted', weight: 1, base: 0 }],
    orderedPlacementStrategy: [{ type: 'binpack', field: 'memory' }],
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
