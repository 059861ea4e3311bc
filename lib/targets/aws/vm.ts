import { Construct } from 'constructs';
import { WorkloadBoundary } from './boundary';
import { AwsEnv } from './context';
import { realizeInstanceTier } from './instance-builder';
import { PlacementTier } from '../../placement/boundary';
import { RealizedWorkload } from '../target';

/** VM: EC2 instances on shared hardware (default tenancy), one hypervisor boundary per tenant. */
export function realizeVm(scope: Construct, env: AwsEnv, b: WorkloadBoundary): RealizedWorkload {
  return realizeInstanceTier(scope, env, b, PlacementTier.VM);
}
