import { shown } from '../needs/show';
import { PlacementError } from '../placement-error';
import { checkCidr } from './ingress';
import { LoadBalancerOptions } from './target';

// What an HTTPS listener accepts as its certificate (ELB CreateListener, Certificates): an ACM
// certificate ARN (regional) or an IAM server certificate ARN (global), in every partition.
const CERTIFICATE_ARN = /^arn:aws[-a-z]*:(?:acm:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:certificate\/[A-Za-z0-9-]+|iam::\d{12}:server-certificate\/[\w+=,.@/-]+)$/;
// Unresolved cdktf tokens and Terraform interpolations are checked by Terraform, not here.
const UNRESOLVED = /\$\{/;
// Regional WAFv2 web ACLs (CloudFront ACLs are global and cannot be associated with a load balancer).
const WEB_ACL_ARN = /^arn:aws[-a-z]*:wafv2:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:regional\/webacl\/[A-Za-z0-9_-]{1,128}\/[A-Za-z0-9-]+$/;
// Elastic Load Balancing target group health check path: 1-1024 characters, starting with '/'
// (CreateTargetGroup HealthCheckPath, checked 2026-12); no whitespace or control characters in a URL path.
const HEALTH_CHECK_PATH = /^\/[^\s\x00-\x1f\x7f]{0,1023}$/;

/**
 * Checks a workload's load balancer options before any resource is created, so what `terraform
 * validate` or the apply would refuse is a PlacementError at synth, and no option is silently ignored.
 */
export function checkLoadBalancerOptions(where: string, o: LoadBalancerOptions): void {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) {
    throw new PlacementError(where, `loadBalancer must be an object of options, got ${shown(o)}.`,
      'write it as loadBalancer: { internetFacing: true } or loadBalancer: {} for an internal one.');
  }
  if (o.internetFacing !== undefined && typeof o.internetFacing !== 'boolean') {
    throw new PlacementError(where, `loadBalancer.internetFacing must be true or false, got ${shown(o.internetFacing)}.`,
      'set internetFacing: true for a public load balancer, or leave it out.');
  }
  if (o.allowedCidrs !== undefined) {
    if (o.internetFacing === true) {
      throw new PlacementError(where, 'loadBalancer.allowedCidrs is set together with internetFacing: an internet-facing load '
        + 'balancer admits 0.0.0.0/0, so allowedCidrs would be ignored.',
      'drop internetFacing to admit only allowedCidrs, or drop allowedCidrs to admit the internet.');
    }
    if (!Array.isArray(o.allowedCidrs) || o.allowedCidrs.length === 0) {
      throw new PlacementError(where, 'loadBalancer.allowedCidrs must be a non-empty list of CIDR blocks: nobody could reach the load balancer.',
        "list the CIDRs that may reach it, e.g. ['10.0.0.0/8'], set internetFacing, or leave it out for the VPC's own CIDR.");
    }
    o.allowedCidrs.forEach((cidr, i) => checkCidr(where, cidr, `loadBalancer.allowedCidrs[${i}]`));
  }
  if (o.listenerPort !== undefined) {
    if (!(Number.isInteger(o.listenerPort) && o.listenerPort >= 1 && o.listenerPort <= 65535)) {
      throw new PlacementError(where, `loadBalancer.listenerPort must be a whole number from 1 to 65535, got ${shown(o.listenerPort)}.`,
        'set listenerPort to the port clients connect to, e.g. 80 or 8080, or leave it out for the workload\'s port.');
    }
    if (o.certificateArn !== undefined) {
      throw new PlacementError(where, `loadBalancer.listenerPort ${o.listenerPort} is set together with certificateArn: with a `
        + 'certificate the load balancer listens on 443 (HTTPS) and 80 (redirect), so listenerPort would be ignored.',
      'drop listenerPort, or drop certificateArn for plain HTTP on listenerPort.');
    }
  }
  const arn = o.certificateArn;
  if (arn !== undefined && (typeof arn !== 'string' || (!UNRESOLVED.test(arn) && !CERTIFICATE_ARN.test(arn)))) {
    throw new PlacementError(where, `loadBalancer.certificateArn ${shown(arn)} is not an ACM or IAM server certificate ARN.`,
      "use the ARN ACM shows for the certificate, 'arn:aws:acm:<region>:<account>:certificate/<id>', in the target's region "
      + "(or an IAM server certificate, 'arn:aws:iam::<account>:server-certificate/<name>').");
  }
  checkLogAndProtectionOptions(where, o);
  const path = o.healthCheckPath;
  if (path !== undefined && (typeof path !== 'string' || !HEALTH_CHECK_PATH.test(path))) {
    throw new PlacementError(where, `loadBalancer.healthCheckPath ${shown(path)} is not a URL path: it must start with '/', `
      + 'have no spaces and be at most 1024 characters.', `write it as '/${typeof path === 'string' ? path.trim().replace(/^\/*/, '') : 'health'}'.`);
  }
}

/** Access logs, their retention, deletion protection and the web ACL. */
function checkLogAndProtectionOptions(where: string, o: LoadBalancerOptions): void {
  for (const field of ['accessLogs', 'deletionProtection'] as const) {
    if (o[field] !== undefined && typeof o[field] !== 'boolean') {
      throw new PlacementError(where, `loadBalancer.${field} must be true or false, got ${shown(o[field])}.`, `set ${field}: true or false, or leave it out.`);
    }
  }
  const days = o.accessLogRetentionDays;
  if (days !== undefined) {
    if (!(Number.isInteger(days) && days >= 1 && days <= 3650)) {
      throw new PlacementError(where, `loadBalancer.accessLogRetentionDays must be a whole number of days from 1 to 3650, got ${shown(days)}.`,
        'set e.g. accessLogRetentionDays: 90, or leave it out for one year.');
    }
    if (o.accessLogs === false || (o.accessLogs === undefined && o.internetFacing !== true)) {
      throw new PlacementError(where, 'loadBalancer.accessLogRetentionDays is set, but this load balancer writes no access logs '
        + '(they are on by default only when internetFacing), so the retention would be ignored.',
      'set accessLogs: true, or drop accessLogRetentionDays.');
    }
  }
  const acl = o.webAclArn;
  if (acl !== undefined && (typeof acl !== 'string' || (!UNRESOLVED.test(acl) && !WEB_ACL_ARN.test(acl)))) {
    throw new PlacementError(where, `loadBalancer.webAclArn ${shown(acl)} is not the ARN of a regional WAFv2 web ACL.`,
      "use the ARN WAF shows for the web ACL, 'arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>' (scope REGIONAL, in the target's region).");
  }
}
