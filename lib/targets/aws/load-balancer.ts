import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { Construct } from 'constructs';
import { Network } from './boundary';
import { AwsEnv, ingressTags, named } from './context';
import { accessLogsWanted, createAccessLogBucket } from './load-balancer-logs';
import { PlacementError } from '../../placement-error';
import { checkCidr } from '../ingress';
import { checkLoadBalancerOptions } from '../load-balancer-validation';
import { LoadBalancerOptions } from '../target';

export interface LoadBalancerResult {
  readonly targetGroupArn: string;
  readonly dnsName: string;
  readonly securityGroupId: string;
  /** ECS services must wait for it: a target group needs a load balancer before a service can use it. */
  readonly listener: LbListener;
}

/**
 * An application load balancer in front of a workload: HTTPS on 443 with the given certificate
 * (HTTP redirects to it) or plain HTTP on the listener port; admits only the internet when
 * internet-facing, else only the allowed CIDRs (default: the VPC).
 */
export function createLoadBalancer(scope: Construct, where: string, tags: Record<string, string>, network: Network,
  port: number | undefined, o: LoadBalancerOptions, targetType: 'ip' | 'instance', env: AwsEnv): LoadBalancerResult {
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
  const sources = internetFacing ? ['0.0.0.0/0'] : (o.allowedCidrs ?? [network.cidr]);
  sources.forEach((cidr) => checkCidr(where, cidr));
  if (sources.length === 0) {
    throw new PlacementError(where, 'loadBalancer.allowedCidrs is empty: nobody could reach the load balancer.', 'list the CIDRs that may reach it, or set internetFacing.');
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
  new VpcSecurityGroupEgressRule(scope, 'lb-egress', {
    securityGroupId: sgId, cidrIpv4: network.cidr, ipProtocol: 'tcp', fromPort: port, toPort: port, description: `to the workload on tcp/${port}`, tags: tags,
  });
  const logs = accessLogsWanted(o) ? createAccessLogBucket(scope, env, tags, name, o) : undefined;
  const lb = new Lb(scope, 'lb', {
    name: awsName('lb', name), internal: !internetFacing, loadBalancerType: 'application', securityGroups: [sgId],
    subnets: internetFacing ? network.publicSubnetIds : network.privateSubnetIds, dropInvalidHeaderFields: true, tags: tags,
    enableDeletionProtection: o.deletionProtection ?? false, accessLogs: logs?.accessLogs, dependsOn: logs?.dependsOn,
  });
  const tg = new LbTargetGroup(scope, 'target-group', {
    name: awsName('tg', name), port, protocol: 'HTTP', vpcId: network.vpcId, targetType, deregistrationDelay: '30',
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
  return { targetGroupArn: tgArn, dnsName: lb.dnsName, securityGroupId: sgId, listener };
}

/** Load balancer and target group names: 32 characters, no leading 'internal-', no trailing hyphen. */
function awsName(prefix: string, name: string): string {
  return `${prefix}-${name}`.slice(0, 32).replace(/-+$/, '');
}
