import { TerraformStack, Testing } from 'cdktf';
import {
  AwsTarget, AwsTargetProps, CoTenancy, DenseService, EfficiencyPriority, HardwareExclusivity, IsolatedTenant,
} from '../../lib';
import { OFFLINE, WEB } from './aws-stacks';

/** What every eighth tenant of the fleet is, by index modulo 8. */
const KINDS = ['default', 'default', 'egress', 'cost', 'load-balanced', 'dedicated-vm', 'dedicated-host', 'cost-egress'] as const;
/** Two tenants get a network of their own: the default quota of 5 VPCs (one the default VPC) leaves room for them. */
export const DEDICATED_NETWORK_TENANTS = ['tenant-0', 'tenant-80'];

/**
 * The fleet: 160 tenants (default, with egress, COST, load-balanced, dedicatedNetwork,
 * dedicated-host, dedicated-VM) and three dense services on one AwsTarget.
 */
export function fleetStack(props: AwsTargetProps = OFFLINE, n = 160): { stack: TerraformStack; target: AwsTarget } {
  const stack = new TerraformStack(Testing.app(), 'fleet');
  const target = new AwsTarget(stack, 'aws', props);
  for (let i = 0; i < n; i++) {
    const tenantId = `tenant-${i}`;
    const kind = KINDS[i % KINDS.length];
    const cost = kind === 'cost' || kind === 'cost-egress' ? { efficiency: { priority: EfficiencyPriority.COST } } : {};
    const exclusivity = kind === 'dedicated-vm' ? HardwareExclusivity.ACCOUNT : kind === 'dedicated-host' ? HardwareExclusivity.TENANT : undefined;
    new IsolatedTenant(stack, tenantId, {
      tenantId, target, workload: WEB, ...cost,
      isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: exclusivity, dedicatedNetwork: DEDICATED_NETWORK_TENANTS.includes(tenantId) || undefined },
      egress: kind === 'egress' || kind === 'cost-egress' || undefined,
      ...(kind === 'load-balanced' ? { loadBalancer: { internetFacing: true }, ingress: [{ cidr: '198.51.100.0/24' }] } : {}),
    });
  }
  for (const [name, coTenancy] of [['web', CoTenancy.TRUSTED], ['api', CoTenancy.TRUSTED], ['jobs', CoTenancy.INTERNAL]] as const) {
    new DenseService(stack, name, { serviceName: name, target, workload: WEB, isolation: { coTenancy } });
  }
  return { stack, target };
}
