import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { createHash } from 'crypto';
import { awsIngress, AwsEnv, ingressTags, named } from './context';
import { AwsNames, NameKind, WorkloadKind } from './network/names';
import { assumeRolePolicy, keyPolicy, policyDocument, s3EndpointPolicy } from './policies';
import { WorkloadSpec } from '../../needs/workload';
import { HandleBuilder } from '../handle-builder';
import type { RoleHandle, SecurityGroupHandle } from '../handles';
import { IngressRule } from '../target';


// The per-workload boundary: security group, KMS key, log group and IAM roles. Tenants run in their
// target's tenant network (network/tenant-network.ts); createNetwork is the DenseServices' own VPC.

const VPC_CIDR = '10.0.0.0/16';
/** Interface endpoints a VM tier reaches without internet: Session Manager, ECR, logs, secrets. */
export const VM_ENDPOINTS = ['ssm', 'ssmmessages', 'ec2messages', 'ecr.api', 'ecr.dkr', 'logs', 'secretsmanager'];
/** Interface endpoints Fargate tasks reach without internet: ECR, logs, secrets. */
export const FARGATE_ENDPOINTS = ['ecr.api', 'ecr.dkr', 'logs', 'secretsmanager', 'ssm'];

export interface Network {
  readonly vpcId: string;
  readonly cidr: string;
  readonly privateSubnetIds: string[];
  /** Empty without egress. */
  readonly publicSubnetIds: string[];
  readonly availabilityZones: string[];
  readonly note: string;
  /** What an instance must wait for at boot: the interface endpoints (no egress) or the NAT routes (egress) its user data needs. */
  readonly readiness: ITerraformDependable[];
}

/**
 * A VPC with one private subnet per availability zone. With egress: public subnets, an internet
 * gateway and one NAT gateway (one, not one per zone: cost over zone-failure tolerance of egress).
 * Without: no route out, and VPC endpoints for the services the runtime needs (S3 as a gateway
 * endpoint, for ECR layers and the Amazon Linux package repositories).
 */
export function createNetwork(scope: Construct, env: AwsEnv, tags: Record<string, string>, egress: boolean, endpoints: string[]): Network {
  const name = tags.Name;
  const vpc = new Vpc(scope, 'vpc', { cidrBlock: VPC_CIDR, enableDnsHostnames: true, enableDnsSupport: true, tags: tags });
  const vpcId = vpc.id;
  // The VPC's default security group, emptied: nothing may fall back to it.
  new DefaultSecurityGroup(scope, 'default-sg', { vpcId, tags: named(tags, `${name}-default-unused`) });
  const privateRoutes = new RouteTable(scope, 'private-routes', { vpcId, tags: named(tags, `${name}-private`) });
  const privateRoutesId = privateRoutes.id;
  const azs = env.availabilityZones;
  const privateSubnetIds = azs.map((az, i) => {
    const subnet = new Subnet(scope, `private-${i + 1}`, {
      vpcId, availabilityZone: az, cidrBlock: `10.0.${i * 16}.0/20`, mapPublicIpOnLaunch: false,
      tags: named(tags, `${name}-private-${i + 1}`),
    });
    const id = subnet.id;
    new RouteTableAssociation(scope, `private-${i + 1}-routes`, { subnetId: id, routeTableId: privateRoutesId });
    return id;
  });

  const publicSubnetIds: string[] = [];
  if (egress) {
    const igw = new InternetGateway(scope, 'igw', { vpcId, tags: tags });
    const publicRoutes = new RouteTable(scope, 'public-routes', { vpcId, tags: named(tags, `${name}-public`) });
    const publicRoutesId = publicRoutes.id;
    new Route(scope, 'public-default', { routeTableId: publicRoutesId, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
    azs.forEach((az, i) => {
      const subnet = new Subnet(scope, `public-${i + 1}`, {
        vpcId, availabilityZone: az, cidrBlock: `10.0.${128 + i * 16}.0/20`, mapPublicIpOnLaunch: false,
        tags: named(tags, `${name}-public-${i + 1}`),
      });
      const id = subnet.id;
      new RouteTableAssociation(scope, `public-${i + 1}-routes`, { subnetId: id, routeTableId: publicRoutesId });
      publicSubnetIds.push(id);
    });
    const eip = new Eip(scope, 'nat-ip', { domain: 'vpc', tags: tags });
    const nat = new NatGateway(scope, 'nat', { allocationId: eip.allocationId, subnetId: publicSubnetIds[0], tags: tags, dependsOn: [igw] });
    const route = new Route(scope, 'private-default', { routeTableId: privateRoutesId, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
    return { vpcId, cidr: VPC_CIDR, privateSubnetIds, publicSubnetIds, availabilityZones: azs, note: 'egress: public subnets and one NAT gateway.', readiness: [route] };
  }

  const endpointSg = new SecurityGroup(scope, 'endpoints-sg', {
    vpcId, name: `${name}-endpoints`, description: `VPC endpoints of ${name}: HTTPS from inside the VPC only`, tags: named(tags, `${name}-endpoints`),
  });
  const endpointSgId = endpointSg.id;
  new VpcSecurityGroupIngressRule(scope, 'endpoints-https', {
    securityGroupId: endpointSgId, cidrIpv4: VPC_CIDR, ipProtocol: 'tcp', fromPort: 443, toPort: 443, description: 'HTTPS from the VPC', tags: tags,
  });
  const readiness: ITerraformDependable[] = endpoints.map((service) => new VpcEndpoint(scope, `endpoint-${service.replace('.', '-')}`, {
      vpcId, serviceName: `com.amazonaws.${env.region}.${service}`, vpcEndpointType: 'Interface', privateDnsEnabled: true,
      subnetIds: privateSubnetIds, securityGroupIds: [endpointSgId], tags: named(tags, `${name}-${service}`),
    }));
  readiness.push(new VpcEndpoint(scope, 'endpoint-s3', {
    vpcId, serviceName: `com.amazonaws.${env.region}.s3`, vpcEndpointType: 'Gateway', routeTableIds: [privateRoutesId],
    policy: s3EndpointPolicy(env.partition, env.region, env.accountId),
    tags: named(tags, `${name}-s3`),
  }));
  return {
    vpcId, cidr: VPC_CIDR, privateSubnetIds, publicSubnetIds, availabilityZones: azs, readiness,
    note: `no egress: no route to the internet; VPC endpoints for ${[...endpoints, 's3'].join(', ')}, so images must come from ECR in ${env.region}.`,
  };
}

/** What a workload's realization works with: its network, security group, key and log group. */
export interface WorkloadBoundary {
  readonly where: string;
  /** Tenant id or service name: resource names derive from it. */
  readonly name: string;
  /** The stack's id and the kind of workload: account-global names carry both (network/names.ts). */
  readonly stack: string;
  readonly kind: WorkloadKind;
  readonly tags: Record<string, string>;
  readonly workload: WorkloadSpec;
  readonly network: Network;
  readonly securityGroupId: string;
  readonly keyArn: string;
  readonly logGroupName: string;
  readonly logGroupArn: string;
}

/** A KMS key with rotation on, whose policy admits the account (through IAM) and CloudWatch Logs for the given log group(s). */
export function createKey(scope: Construct, env: AwsEnv, tags: Record<string, string>,
  policy: { aliasName: string; logGroupPattern: string; autoScaling?: boolean; fargateClusterName?: string }): CreatedKey {
  const key = new KmsKey(scope, 'key', {
    description: `${tags.Name}: volumes and logs`, enableKeyRotation: true, deletionWindowInDays: 30, tags: tags,
    policy: keyPolicy({ partition: env.partition, region: env.region, accountId: env.accountId, logGroupArn: policy.logGroupPattern,
      autoScaling: policy.autoScaling, fargateClusterName: policy.fargateClusterName }),
  });
  const keyId = key.keyId;
  new KmsAlias(scope, 'key-alias', { name: policy.aliasName, targetKeyId: keyId });
  return { resource: key, keyArn: key.arn, keyId };
}

/** A key createKey built, with the tokens it read. */
export interface CreatedKey {
  readonly resource: KmsKey;
  readonly keyArn: string;
  readonly keyId: string;
}

export function logGroupArn(env: AwsEnv, name: string): string {
  return `arn:${env.partition}:logs:${env.region}:${env.accountId}:log-group:${name}`;
}

/** A log group with retention, encrypted with the given key. */
export function createLogGroup(scope: Construct, env: AwsEnv, tags: Record<string, string>, name: string, keyArn: string): CloudwatchLogGroup {
  return new CloudwatchLogGroup(scope, 'logs', { name, retentionInDays: env.logRetentionDays, kmsKeyId: keyArn, tags: tags });
}

/**
 * The workload's security group: inbound only what is declared (0.0.0.0/0 only when declared),
 * never SSH; outbound open (without egress the network itself has no route out).
 */
export function createWorkloadSecurityGroup(scope: Construct, where: string, vpcId: string, tags: Record<string, string>,
  port: number | undefined, ingress: IngressRule[], fromSecurityGroupId?: string): SecurityGroupHandle {
  const sg = new SecurityGroup(scope, 'sg', {
    vpcId, name: `${tags.Name}-workload`, description: `${tags.Name}: declared ingress only`, tags: named(tags, `${tags.Name}-workload`),
  });
  const sgId = sg.id;
  awsIngress(where, ingress, port).forEach((rule, i) => {
    new VpcSecurityGroupIngressRule(scope, `ingress-${i + 1}`, {
      securityGroupId: sgId, cidrIpv4: rule.cidr, ipProtocol: 'tcp', fromPort: rule.port, toPort: rule.port,
      description: rule.description ?? `tcp/${rule.port} from ${rule.cidr}`, tags: ingressTags(tags, rule.cidr, rule.port),
    });
  });
  if (fromSecurityGroupId !== undefined && port !== undefined) {
    new VpcSecurityGroupIngressRule(scope, 'ingress-load-balancer', {
      securityGroupId: sgId, referencedSecurityGroupId: fromSecurityGroupId, ipProtocol: 'tcp', fromPort: port, toPort: port,
      description: `tcp/${port} from the load balancer`, tags: tags,
    });
  }
  new VpcSecurityGroupEgressRule(scope, 'egress', { securityGroupId: sgId, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1', description: 'outbound', tags: tags });
  return HandleBuilder.securityGroup(sg, { securityGroupId: sgId, vpcId });
}

/** Who owns an IAM name: the stack, the kind of workload and its name (a WorkloadBoundary is one). */
export interface NameOwner {
  readonly stack: string;
  readonly kind: WorkloadKind;
  readonly name: string;
}

// IAM's name_prefix is at most 38 characters (Terraform appends 26); a longer one is cut and keeps a hash of the whole.
const IAM_PREFIX_MAX = 37;

/** A stack-scoped IAM name prefix (roles, instance profiles), ending in `_` before the generated suffix. */
export function iamNamePrefix(owner: NameOwner, kind: NameKind, purpose: string): string {
  const full = AwsNames.of(kind, owner.stack, owner.kind, owner.name, purpose);
  const cut = full.length <= IAM_PREFIX_MAX ? full : `${full.slice(0, IAM_PREFIX_MAX - 7)}_${createHash('sha256').update(full).digest('hex').slice(0, 6)}`;
  return `${cut}_`;
}

/** The ECS cluster name of a workload's own cluster (a tenant's) or of the target's dense cluster. */
export function clusterName(owner: NameOwner): string {
  return AwsNames.of(NameKind.ECS_CLUSTER, owner.stack, owner.kind, owner.name);
}

/**
 * An IAM role for a service principal with one inline policy (none without statements: IAM refuses an
 * empty policy). Names are generated from a stack-scoped prefix (IAM names are account-wide).
 */
export function createRole(scope: Construct, id: string, service: string, owner: NameOwner, tags: Record<string, string>, statements: object[],
  trustCondition?: object): IamRole {
  const role = new IamRole(scope, id, {
    namePrefix: iamNamePrefix(owner, NameKind.IAM_ROLE, id), assumeRolePolicy: assumeRolePolicy(service, trustCondition), tags: tags,
  });
  if (statements.length > 0) new IamRolePolicy(scope, `${id}-policy`, { role: role.id, name: 'least-privilege', policy: policyDocument(statements as never) });
  return role;
}

/** An EC2 instance profile around a new role. Returns the profile's name and the role's handle. */
export function createInstanceProfile(scope: Construct, owner: NameOwner, tags: Record<string, string>, statements: object[]): { profileName: string; role: RoleHandle } {
  const role = createRole(scope, 'instance-role', 'ec2.amazonaws.com', owner, tags, statements);
  const roleName = role.name;
  const profile = new IamInstanceProfile(scope, 'instance-profile', { namePrefix: iamNamePrefix(owner, NameKind.INSTANCE_PROFILE, 'instance'), role: roleName, tags: tags });
  return { profileName: profile.name, role: HandleBuilder.role(role, { roleName }) };
}
