import { GuardRule, RuleFinding } from '../../rule';

/**
 * Every VPC has a flow log (checkov CKV2_AWS_11, trivy AVD-AWS-0178): without one, traffic across a
 * tenant boundary leaves no record. A graph rule: the flow log is a resource of its own naming the VPC.
 */
export const VPC_FLOW_LOG: GuardRule = {
  id: 'ISO-AWS-014',
  title: 'Every VPC has a flow log (checkov CKV2_AWS_11, trivy AVD-AWS-0178)',
  resourceTypes: ['aws_vpc', 'aws_flow_log'],
  fix: 'add an aws_flow_log with vpc_id set to the VPC (traffic_type ALL, into a log group encrypted with a KMS key).',
  checkStack: (resources) => {
    const logged = resources.filter((r) => r.type === 'aws_flow_log').map((r) => String(r.config.vpc_id ?? ''));
    const findings: RuleFinding[] = [];
    for (const vpc of resources.filter((r) => r.type === 'aws_vpc')) {
      if (!logged.some((ref) => ref.includes(`\${${vpc.address}.id}`))) {
        findings.push({ resource: vpc, problem: 'no aws_flow_log names this VPC, so its traffic is not recorded.' });
      }
    }
    return findings;
  },
};
