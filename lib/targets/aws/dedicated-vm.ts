import { Construct } from 'constructs';
import { AwsEnv } from './context';
import { realizeInstanceTier } from './instance-builder';
import { WorkloadBoundary } from './boundary';
import { PlacementTier } from '../../placement/boundary';
import { RealizedWorkload } from '../target';

/** DEDICATED_VM: EC2 instances with `tenancy = "dedicated"` (no hardware shared with other accounts); never burstable. */
export function realizeDedicatedVm(scope: Construct, env: AwsEnv, b: WorkloadBoundary): RealizedWorkload {
  return realizeInstanceTier(scope, env, b, PlacementTier.DEDICATED_VM);
}
