import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { subtractCidr } from './cidr-pool';
import { TenantNetwork } from './tenant-network';
import { PlacementError } from '../../../placement-error';
import { TAG } from '../../../labels';
import { HandleBuilder } from '../../handle-builder';
import type { SecurityGroupHandle } from '../../handles';
import { IngressRule } from '../../target';
import { awsIngress, ingressTags, named } from '../context';

/** What a tenant's own security group admits and reaches. */
export interface TenantSecurityGroupOptions {
  /** Construct path of the tenant (for errors). */
  readonly where: string;
  /** The tenant id: the group's name within the VPC. */
  readonly tenantId: string;
  readonly tags: Record<string, string>;
  /** The port the workload listens on. */
  readonly port?: number;
  /** Declared ingress (CIDR sources). */
  readonly ingress?: IngressRule[];
  /** The tenant's own load balancer's security group: admitted on `port`. */
  readonly loadBalancerSecurityGroupId?: string;
  /** Declared egress: outbound anywhere. Without it, tcp/443 to the endpoints and the S3 prefix list only. */
  readonly egress?: boolean;
}

/**
 * The tenant's own security group in a tenant network. Inbound: only the declared CIDRs (never SSH,
 * and never the VPC's own CIDR) and the tenant's own load balancer; no rule references another
 * tenant's group or admits the addresses other tenants have, so tenants sharing the VPC cannot reach
 * each other. Tenants sit in private subnets: a declared CIDR reaches them only from networks
 * connected to the VPC (VPN, Transit Gateway), never from the internet directly. Outbound without egress: tcp/443 to the endpoint security group
 * and the S3 prefix list, which is all the runtime needs (DNS, NTP and instance metadata are not
 * filtered by security groups). With egress: anywhere, as declared. Returns the group's handle.
 */
export function tenantSecurityGroup(scope: Construct, network: TenantNetwork, o: TenantSecurityGroupOptions): SecurityGroupHandle {
  const tags = o.tags;
  const vpcId = network.vpcId;
  const sg = new SecurityGroup(scope, 'sg', {
    vpcId, name: `tenant-${o.tenantId}`, description: `tenant ${o.tenantId}: declared ingress only`,
    tags: { ...named(tags, `tenant-${o.tenantId}`), ...(o.egress ? {} : { [TAG.egress]: 'none' }) },
  });
  const sgId = sg.id;
  const vpcCidr = network.cidr;
  awsIngress(o.where, o.ingress ?? [], o.port).forEach((rule, i) => {
    // Other tenants share the VPC: a declared source that covers it (10.0.0.0/8, 0.0.0.0/0) is admitted
    // without the VPC's own CIDR, so declared ingress never opens one tenant to another. Nothing inside
    // the VPC needs a CIDR rule: the tenant's load balancer is admitted by its group.
    const pieces = subtractCidr(o.where, rule.cidr, vpcCidr);
    if (pieces.length === 0) {
      throw new PlacementError(o.where, `ingress from ${rule.cidr} lies inside the tenant network ${vpcCidr}, where other tenants run: it would admit only them.`,
        'name sources outside the tenant network (your VPN, a peered or transit network), reach the tenant through its load balancer, or give it dedicatedNetwork.');
    }
    const description = rule.description ?? `tcp/${rule.port} from ${rule.cidr}`;
    pieces.forEach((cidr, j) => new VpcSecurityGroupIngressRule(scope, pieces.length === 1 ? `ingress-${i + 1}` : `ingress-${i + 1}-${j + 1}`, {
      securityGroupId: sgId, cidrIpv4: cidr, ipProtocol: 'tcp', fromPort: rule.port, toPort: rule.port,
      description: pieces.length === 1 && cidr === rule.cidr ? description : `${description}, without the tenant network`.slice(0, 255),
      tags: ingressTags(tags, rule.cidr, rule.port),
    }));
  });
  if (o.loadBalancerSecurityGroupId !== undefined) {
    if (o.port === undefined) {
      throw new PlacementError(o.where, 'a load balancer forwards to the port the workload listens on, and workload.port is not set.', 'set workload.port.');
    }
    new VpcSecurityGroupIngressRule(scope, 'ingress-load-balancer', {
      securityGroupId: sgId, referencedSecurityGroupId: o.loadBalancerSecurityGroupId, ipProtocol: 'tcp', fromPort: o.port, toPort: o.port,
      description: `tcp/${o.port} from the tenant's own load balancer`, tags,
    });
  }
  if (o.egress === true) {
    new VpcSecurityGroupEgressRule(scope, 'egress', { securityGroupId: sgId, cidrIpv4: '0.0.0.0/0', ipProtocol: '-1', description: 'declared egress: anywhere', tags });
  } else {
    new VpcSecurityGroupEgressRule(scope, 'egress-endpoints', {
      securityGroupId: sgId, referencedSecurityGroupId: network.endpointSecurityGroupId, ipProtocol: 'tcp', fromPort: 443, toPort: 443,
      description: 'HTTPS to the interface endpoints', tags,
    });
    new VpcSecurityGroupEgressRule(scope, 'egress-s3', {
      securityGroupId: sgId, prefixListId: network.s3PrefixListId, ipProtocol: 'tcp', fromPort: 443, toPort: 443,
      description: 'HTTPS to S3 through the gateway endpoint', tags,
    });
  }
  return HandleBuilder.securityGroup(sg, { securityGroupId: sgId, vpcId });
}
