// The AWS tier table: every fact one tier means on AWS, in one row. The why of each tier is in
// lib/placement (boundary-rules.ts, tiers.ts); the how is in the file named after it here (vm.ts,
// dedicated-host.ts, microvm-container.ts, shared-container.ts). Tenants and services use the same rows.
import { Construct } from 'constructs';
import { FARGATE_ENDPOINTS, VM_ENDPOINTS, WorkloadBoundary } from './boundary';
import { AwsEnv } from './context';
import { EcsServiceRequest } from './ecs-service';
import { LoadBalancerResult } from './load-balancer';
import { fargateServiceTask, fargateTenantTask } from './microvm-container';
import { SharedDense } from './shared-cluster';
import { sharedContainerServiceTask, sharedContainerTenantTask } from './shared-container';
import { realizeInstances } from './vm';
import type { TierSizing } from '../../capacity/tier-sizing';
import { TIER_TENANCY } from '../../labels';
import { CoTenancy } from '../../needs/enums';
import { PlacementTier } from '../../placement/boundary';
import { AutoscalingOptions, RealizedWorkload } from '../target';

/** The tiers AWS offers: all but SANDBOXED_CONTAINER (AWS has no gVisor runtime). */
export type AwsTier = Exclude<PlacementTier, PlacementTier.SANDBOXED_CONTAINER>;

/** What a row's realization gets besides the workload's boundary. */
export interface TierContext {
  readonly tier: AwsTier;
  readonly coTenancy: CoTenancy;
  /** The chosen offer's sizing: what to build (instance type, hosts, task size, pool). */
  readonly sizing: TierSizing;
  /** STEADY load: standard credits on a given burstable type. */
  readonly steady?: boolean;
  /** Services: the target's shared VPC, key, cluster and pools. */
  readonly dense?: SharedDense;
  readonly loadBalancer?: LoadBalancerResult;
  readonly autoscaling?: AutoscalingOptions;
}

type EcsTask = (scope: Construct, env: AwsEnv, b: WorkloadBoundary, ctx: TierContext) => EcsServiceRequest;

/** One tier on AWS. Exactly one of `instances` and `ecs` is set. */
export interface AwsTierRow {
  /** Interface endpoints the tier's runtime needs when the tenant has no egress. */
  readonly endpoints: readonly string[];
  /** EC2 tenancy of the instances; the guards' ISO-AWS-010 expects it (lib/labels.ts TIER_TENANCY). */
  readonly tenancy?: string;
  /** What the tenant's KMS key policy must admit besides the account and its log group. */
  readonly keyGrants: { readonly fargate: boolean; readonly autoScaling: boolean };
  /** Instance tiers: tenants and services are EC2 instances. */
  readonly instances?: (scope: Construct, env: AwsEnv, b: WorkloadBoundary, ctx: TierContext) => RealizedWorkload;
  /** Container tiers: the ECS task and capacity of a tenant (own cluster) and of a service (the shared cluster). */
  readonly ecs?: { readonly tenant: EcsTask; readonly service: EcsTask };
}

const instanceTier = (tier: 'vm' | 'dedicated-vm' | 'dedicated-host'): AwsTierRow => ({
  endpoints: VM_ENDPOINTS, tenancy: TIER_TENANCY[tier], keyGrants: { fargate: false, autoScaling: false }, instances: realizeInstances,
});

/** Keyed by every tier AWS offers: a tier offered without a row does not compile. */
export const AWS_TIERS: { readonly [T in AwsTier]: AwsTierRow } = {
  [PlacementTier.SHARED_CONTAINER]: {
    endpoints: [...VM_ENDPOINTS, 'ecs', 'ecs-agent', 'ecs-telemetry'],
    keyGrants: { fargate: false, autoScaling: true },
    ecs: { tenant: sharedContainerTenantTask, service: sharedContainerServiceTask },
  },
  [PlacementTier.MICROVM_CONTAINER]: {
    endpoints: FARGATE_ENDPOINTS,
    keyGrants: { fargate: true, autoScaling: false },
    ecs: { tenant: fargateTenantTask, service: fargateServiceTask },
  },
  [PlacementTier.VM]: instanceTier(PlacementTier.VM),
  [PlacementTier.DEDICATED_VM]: instanceTier(PlacementTier.DEDICATED_VM),
  [PlacementTier.DEDICATED_HOST]: instanceTier(PlacementTier.DEDICATED_HOST),
};
