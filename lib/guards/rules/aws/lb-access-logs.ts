import { block, GuardRule, isTrue } from '../../rule';

/**
 * Internet-facing application load balancers write access logs (checkov CKV_AWS_91): `internal`
 * unset means internet-facing in EC2.
 */
export const LB_ACCESS_LOGS: GuardRule = {
  id: 'ISO-AWS-012',
  title: 'Internet-facing load balancers write access logs (checkov CKV_AWS_91)',
  resourceTypes: ['aws_lb', 'aws_alb'],
  fix: 'set access_logs { bucket = <an SSE-S3 bucket with the ELB log-delivery policy>, enabled = true } (the library does it for internetFacing load balancers unless accessLogs: false).',
  check: (config) => {
    if (isTrue(config.internal) || (config.load_balancer_type ?? 'application') !== 'application') return undefined;
    const logs = block(config.access_logs);
    if (logs && isTrue(logs.enabled) && typeof logs.bucket === 'string' && logs.bucket !== '') return undefined;
    return 'the load balancer is internet-facing and writes no access logs.';
  },
};
