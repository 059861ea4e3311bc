import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  AwsTarget, AwsTargetProps, CoTenancy, DenseService, EfficiencyPriority, HardwareExclusivity, IsolatedTenant, LoadProfile, WorkloadSpec,
} from '../../lib';

/** Everything needed to plan offline: no lookups. */
export const OFFLINE: AwsTargetProps = {
  region: 'eu-central-1',
  availabilityZones: ['eu-central-1a', 'eu-central-1b'],
  ami: 'ami-0123456789abcdef0',
  ecsAmi: 'ami-0fedcba9876543210',
  accountId: '123456789012',
};

export const WEB: WorkloadSpec = { image: 'public.ecr.aws/nginx/nginx:1.27', cpu: 0.5, memoryMiB: 512, port: 8080 };

export function awsStack(props: AwsTargetProps = OFFLINE): { app: App; stack: TerraformStack; target: AwsTarget } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  const target = new AwsTarget(stack, 'aws', props);
  return { app, stack, target };
}

/** One workload on every AWS tier: the mixed multi-tenant stack of the terraform tier and the snapshots. */
export function mixedStack(scope: Construct, target: AwsTarget): Array<IsolatedTenant | DenseService> {
  return [
    new IsolatedTenant(scope, 'vm-tenant', { tenantId: 'acme', target, workload: { ...WEB, replicas: 2 }, ingress: [{ cidr: '203.0.113.0/24' }] }),
    new IsolatedTenant(scope, 'dedicated-vm-tenant', {
      tenantId: 'globex', target, workload: WEB, isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.ACCOUNT },
      egress: true,
    }),
    new IsolatedTenant(scope, 'host-tenant', {
      tenantId: 'initech', target, isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.TENANT },
      workload: { ...WEB, replicas: 3, secrets: { DB_PASSWORD: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:initech-db-AbCdEf' } },
    }),
    new IsolatedTenant(scope, 'fargate-tenant', {
      tenantId: 'umbrella', target, efficiency: { priority: EfficiencyPriority.COST },
      workload: { ...WEB, cpu: 0.3, memoryMiB: 700, secrets: { API_KEY: 'arn:aws:ssm:eu-central-1:123456789012:parameter/umbrella/api-key' } },
    }),
    new IsolatedTenant(scope, 'trusted-tenant', {
      // BALANCED: the weakest sufficient tier (SHARED_CONTAINER); with COST its shared network share of 10 endpoints makes Fargate cheaper.
      tenantId: 'hooli', target, isolation: { coTenancy: CoTenancy.TRUSTED },
      workload: { ...WEB, replicas: 2 },
    }),
    new DenseService(scope, 'web', {
      serviceName: 'web', target, workload: { ...WEB, replicas: 2 }, autoscaling: { minReplicas: 2, maxReplicas: 6 },
      loadBalancer: { internetFacing: true, certificateArn: 'arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555' },
    }),
    new DenseService(scope, 'worker', { serviceName: 'worker', target, workload: { image: 'ghcr.io/acme/worker:1.0', cpu: 1, memoryMiB: 2048 } }),
    new DenseService(scope, 'internal-api', {
      serviceName: 'internal-api', target, isolation: { coTenancy: CoTenancy.INTERNAL }, workload: WEB, loadBalancer: {},
    }),
    new DenseService(scope, 'plugins', {
      serviceName: 'plugins', target, isolation: { coTenancy: CoTenancy.UNTRUSTED }, efficiency: { loadProfile: LoadProfile.SPIKY },
      workload: { image: 'ghcr.io/acme/plugins:2.1', cpu: 0.25, memoryMiB: 512 },
    }),
  ];
}
