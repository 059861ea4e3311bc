import { byAddress, referencedResources } from './references';
import { GuardRule, RuleFinding } from '../../rule';

const BRIDGES = ['aws_vpc_peering_connection', 'aws_ec2_transit_gateway_vpc_attachment'];

/** Tenant VPCs are never peered nor attached to a transit gateway (DESIGN.md: a tenant owns its boundary). */
export const NO_TENANT_VPC_BRIDGE: GuardRule = {
  id: 'ISO-TEN-001',
  title: 'No VPC peering or transit gateway attachment touches a tenant VPC',
  resourceTypes: BRIDGES,
  fix: 'remove the peering or attachment; expose what other networks need through the tenant\'s declared ingress or a load balancer (or AWS PrivateLink).',
  checkStack: (resources) => {
    const index = byAddress(resources);
    const findings: RuleFinding[] = [];
    for (const r of resources) {
      if (!BRIDGES.includes(r.type)) continue;
      const tenants = referencedResources([r.config.vpc_id, r.config.peer_vpc_id], index)
        .filter((t) => t.type === 'aws_vpc' && t.tenant !== undefined).map((t) => `'${t.tenant}'`);
      if (tenants.length) {
        const what = r.type === 'aws_vpc_peering_connection' ? 'peers' : 'attaches to a transit gateway';
        findings.push({ resource: r, problem: `it ${what} the VPC of tenant ${tenants.join(' and tenant ')}, opening a route into the tenant's boundary.` });
      }
    }
    return findings;
  },
};
