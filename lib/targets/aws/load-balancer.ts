import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { Construct } from 'constructs';
import { NameOwner, Network } from './boundary';
import { AwsEnv, ingressTags, named } from './context';
import { accessLogsWanted, createAccessLogBucket } from './load-balancer-logs';
import { subtractCidr } from './network/cidr-pool';
import { AwsNames, NameKind } from './network/names';
import { PlacementError } from '../../placement-error';
import { checkCidr } from '../ingress';
import { checkLoadBalancerOptions } from '../load-balancer-validation';
import { LoadBalancerOptions } from '../target';

export interface LoadBalancerResult {
  readonly targetGroupArn: string;
  readonly dnsName: string;
  readonly securityGroupId: string;
  /** The workload port the load balancer forwards to. */
  readonly port: number;
  /** ECS services must wait for it: a target group needs a load balancer before a service can use it. */
  readonly listener: LbListener;
}

/**
 * An application load balancer in front of a workload: HTTPS on 443 with the given certificate
 * (HTTP redirects to it) or plain HTTP on the listener port; admits only the internet when
 * internet-facing, else only the allowed CIDRs (default: the VPC, unless the VPC is `shared` with
 * other tenants: then allowedCidrs is required and the VPC's CIDR is taken out of it). Its egress is
 * added by {@link loadBalancerEgress} once the workload's group exists.
 */
export function createLoadBalancer(scope: Construct, where: string, owner: NameOwner, tags: Record<string, string>, network: Network,
  port: number | undefined, o: LoadBalancerOptions, targetType: 'ip' | 'instance', env: AwsEnv, shared = false): LoadBalancerResult {
  checkLoadBalancerOptions(where, o);
  if (port === undefined) {
    throw new PlacementError(where, 'a load balancer needs the port the workload listens on, and workload.port is not set.', 'set workload.port.');
  }
  if (network.availabilityZones.length < 2) {
    throw new PlacementError(where, `an application load balancer needs subnets in at least two availability zones, and this target has ${network.availabilityZones.length}.`,
      "give the AwsTarget at least two availabilityZones, or leave them out to use the region's first two.");
  }
  const internetFacing = o.internetFacing === true;
  if (internetFacing && network.publicSubnetIds.length === 0) {
    throw new PlacementError(where, 'an internet-facing load balancer needs public subnets, and this network has no egress.', 'give the workload egress, or drop internetFacing.');
  }
  if (shared && !internetFacing && o.allowedCidrs === undefined) {
    throw new PlacementError(where, `an internal load balancer in the shared tenant network would admit the network's CIDR ${network.cidr}, where other tenants run.`,
      'list the networks that may reach it in loadBalancer.allowedCidrs (your VPN, a transit network), set internetFacing, or give the tenant dedicatedNetwork.');
  }
  const declared = internetFacing ? ['0.0.0.0/0'] : (o.allowedCidrs ?? [network.cidr]);
  declared.forEach((cidr) => checkCidr(where, cidr));
  // In a shared network the tenants' addresses are never a source (0.0.0.0/0 is the internet: the LB is in public subnets).
  const sources = shared && !internetFacing ? declared.flatMap((cidr) => subtractCidr(where, cidr, network.cidr)) : declared;
  if (sources.length === 0) {
    throw new PlacementError(where, shared && declared.length > 0 ? `loadBalancer.allowedCidrs lie inside the shared tenant network ${network.cidr}: they would admit only other tenants.`
      : 'loadBalancer.allowedCidrs is empty: nobody could reach the load balancer.', 'list the CIDRs that may reach it, or set internetFacing.');
  }
  const listenerPorts = o.certificateArn ? [443, 80] : [o.listenerPort ?? port];
  const name = tags.Name;
  const sg = new SecurityGroup(scope, 'lb-sg', {
    vpcId: network.vpcId, name: `${name}-lb`, description: `${name} load balancer: ${internetFacing ? 'internet' : 'allowed CIDRs'} only`,
    tags: named(tags, `${name}-lb`),
  });
  const sgId = sg.id;
  for (const listenerPort of listenerPorts) {
    sources.forEach((cidr, i) => new VpcSecurityGroupIngressRule(scope, `lb-ingress-${listenerPort}-${i + 1}`, {
      securityGroupId: sgId, cidrIpv4: cidr, ipProtocol: 'tcp', fromPort: listenerPort, toPort: listenerPort,
      description: `tcp/${listenerPort} from ${cidr}`, tags: ingressTags(tags, cidr, listenerPort),
    }));
  }
  const logs = accessLogsWanted(o) ? createAccessLogBucket(scope, env, tags, name, o) : undefined;
  const lb = new Lb(scope, 'lb', {
    name: AwsNames.of(NameKind.LOAD_BALANCER, owner.stack, owner.kind, owner.name), internal: !internetFacing, loadBalancerType: 'application', securityGroups: [sgId],
    subnets: internetFacing ? network.publicSubnetIds : network.privateSubnetIds, dropInvalidHeaderFields: true, tags: tags,
    enableDeletionProtection: o.deletionProtection ?? false, accessLogs: logs?.accessLogs, dependsOn: logs?.dependsOn,
  });
  const tg = new LbTargetGroup(scope, 'target-group', {
    name: AwsNames.of(NameKind.TARGET_GROUP, owner.stack, owner.kind, owner.name), port, protocol: 'HTTP', vpcId: network.vpcId, targetType, deregistrationDelay: '30',
    healthCheck: { enabled: true, path: o.healthCheckPath ?? '/', matcher: '200-399', interval: 30 }, tags: tags,
  });
  const lbArn = lb.arn;
  const tgArn = tg.arn;
  if (o.webAclArn !== undefined) new Wafv2WebAclAssociation(scope, 'web-acl', { resourceArn: lbArn, webAclArn: o.webAclArn });
  let listener: LbListener;
  if (o.certificateArn) {
    listener = new LbListener(scope, 'https', {
      loadBalancerArn: lbArn, port: 443, protocol: 'HTTPS', certificateArn: o.certificateArn, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      defaultAction: [{ type: 'forward', targetGroupArn: tgArn }], tags: tags,
    });
    new LbListener(scope, 'http-redirect', {
      loadBalancerArn: lbArn, port: 80, protocol: 'HTTP',
      defaultAction: [{ type: 'redirect', redirect: { port: '443', protocol: 'HTTPS', statusCode: 'HTTP_301' } }], tags: tags,
    });
  } else {
    listener = new LbListener(scope, 'http', {
      loadBalancerArn: lbArn, port: listenerPorts[0], protocol: 'HTTP', defaultAction: [{ type: 'forward', targetGroupArn: tgArn }], tags: tags,
    });
  }
  return { targetGroupArn: tgArn, dnsName: lb.dnsName, securityGroupId: sgId, port, listener };
}

/** The load balancer's only egress: the workload's own security group on the workload port (never the VPC, where other tenants run). */
export function loadBalancerEgress(scope: Construct, lb: LoadBalancerResult, workloadSecurityGroupId: string, tags: Record<string, string>): void {
  new VpcSecurityGroupEgressRule(scope, 'lb-egress', {
    securityGroupId: lb.securityGroupId, referencedSecurityGroupId: workloadSecurityGroupId, ipProtocol: 'tcp', fromPort: lb.port, toPort: lb.port,
    description: `to the workload's group on tcp/${lb.port}`, tags,
  });
}
