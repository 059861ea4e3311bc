// Everything AwsTarget builds with, loaded by its constructor (lib/targets/provider-package.ts), so
// that importing the library loads no @cdktf/provider-aws module.
export { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
export { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
export { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
export { AwsProvider } from '@cdktf/provider-aws/lib/provider';
export { clusterName, createKey, createLogGroup, createWorkloadSecurityGroup, logGroupArn } from './boundary';
export { createEcsService } from './ecs-service';
export { createLoadBalancer, loadBalancerEgress } from './load-balancer';
export { QuotaValidation } from './network/quota-validation';
export { TenantNetwork } from './network/tenant-network';
export { tenantSecurityGroup } from './network/tenant-security-group';
export { SharedDense } from './shared-cluster';
export { AWS_TIERS } from './tiers';
