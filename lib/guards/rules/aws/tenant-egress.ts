import { TAG } from '../../../labels';
import { blocks, GuardedResource, GuardRule, RuleFinding, tagsOf } from '../../rule';
import { byAddress, referencedResources } from '../tenant/references';

const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);
const ALL_PROTOCOLS = new Set(['-1', 'all']);

function openEgress(cidrs: unknown[], protocol: unknown): boolean {
  return cidrs.some((c) => typeof c === 'string' && ANYWHERE.has(c)) && ALL_PROTOCOLS.has(String(protocol));
}

/**
 * A tenant that declared no egress has no security group egress to anywhere on all protocols (trivy
 * AVD-AWS-0104, checkov CKV_AWS_382): the promise must hold in the security group, not only in the
 * route table. Tenant security groups without egress carry `isolation:egress = none`.
 */
export const TENANT_EGRESS_CLOSED: GuardRule = {
  id: 'ISO-AWS-013',
  title: 'Tenants without egress have no egress to 0.0.0.0/0 on all protocols (trivy AVD-AWS-0104)',
  resourceTypes: ['aws_security_group', 'aws_vpc_security_group_egress_rule', 'aws_security_group_rule'],
  fix: 'limit the egress to what the tenant needs (tcp/443 to the VPC endpoints and the S3 prefix list), or declare egress: true on the tenant.',
  checkStack: (resources) => {
    const closed = (sg: GuardedResource | undefined) => sg?.type === 'aws_security_group' && tagsOf(sg.config)[TAG.egress] === 'none';
    const index = byAddress(resources);
    const findings: RuleFinding[] = [];
    for (const r of resources) {
      let open = false;
      if (r.type === 'aws_security_group' && closed(r)) {
        open = blocks(r.config.egress).some((e) => openEgress([...(e.cidr_blocks ?? []), ...(e.ipv6_cidr_blocks ?? [])], e.protocol));
      } else if (r.type === 'aws_vpc_security_group_egress_rule') {
        open = openEgress([r.config.cidr_ipv4, r.config.cidr_ipv6], r.config.ip_protocol)
          && referencedResources(r.config.security_group_id, index).some(closed);
      } else if (r.type === 'aws_security_group_rule' && r.config.type === 'egress') {
        open = openEgress([...(r.config.cidr_blocks ?? []), ...(r.config.ipv6_cidr_blocks ?? [])], r.config.protocol)
          && referencedResources(r.config.security_group_id, index).some(closed);
      }
      if (open) findings.push({ resource: r, problem: `egress to anywhere on all protocols from a security group tagged ${TAG.egress}=none.` });
    }
    return findings;
  },
};
