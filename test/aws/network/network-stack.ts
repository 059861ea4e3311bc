import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AwsEnv } from '../../../lib/targets/aws/context';
import { TenantNetwork } from '../../../lib/targets/aws/network/tenant-network';
import { tenantSecurityGroup, TenantSecurityGroupOptions } from '../../../lib/targets/aws/network/tenant-security-group';

export const ENV: AwsEnv = {
  region: 'eu-central-1', partition: 'aws', accountId: '123456789012',
  availabilityZones: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
  ami: 'ami-0123456789abcdef0', ecsAmi: 'ami-0fedcba9876543210', logRetentionDays: 90,
};

export const VM_ENDPOINTS = ['ssm', 'ssmmessages', 'ec2messages', 'ecr.api', 'ecr.dkr', 'logs', 'secretsmanager'];

/** A stack holding only a provider and one shared tenant network. */
export function networkStack(o: { egress?: boolean; env?: AwsEnv; endpoints?: string[] } = {}): { app: App; stack: TerraformStack; network: TenantNetwork } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'net');
  const env = o.env ?? ENV;
  new AwsProvider(stack, 'aws', { region: env.region });
  const network = new TenantNetwork(stack, 'tenant-network', {
    env, stack: 'net', name: 'aws', tags: { 'isolation:network': 'aws' }, endpoints: o.endpoints ?? VM_ENDPOINTS,
  });
  if (o.egress) network.enableEgress();
  return { app, stack, network };
}

/** One tenant's security group in its own construct scope (as a tenant's realization would make it). */
export function addTenant(scope: Construct, network: TenantNetwork, tenantId: string, o: Partial<TenantSecurityGroupOptions> = {}): string {
  const tenant = new Construct(scope, tenantId);
  return tenantSecurityGroup(tenant, network, {
    where: tenant.node.path, tenantId, tags: { 'isolation:tenant': tenantId }, port: 8080, ...o,
  }).securityGroupId;
}
