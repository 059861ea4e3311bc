import { Construct } from 'constructs';
import { AwsEnv } from './context';
import { realizeInstanceTier } from './instance-builder';
import { WorkloadBoundary } from './boundary';
import { PlacementTier } from '../../placement/boundary';
import { RealizedWorkload } from '../target';

/** DEDICATED_HOST: `aws_ec2_host` allocated to the tenant alone, instances with `tenancy = "host"` and `host_id`. */
export function realizeDedicatedHost(scope: Construct, env: AwsEnv, b: WorkloadBoundary): RealizedWorkload {
  return realizeInstanceTier(scope, env, b, PlacementTier.DEDICATED_HOST);
}
