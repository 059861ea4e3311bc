import { allTraffic, ingressOf, INGRESS_TYPES, portRange } from './ingress';
import { GuardRule, sentence } from '../../rule';

/** SSH is never admitted, from any source: instances have no key pair, Session Manager replaces it. */
export const NO_SSH_INGRESS: GuardRule = {
  id: 'ISO-AWS-005',
  title: 'No ingress on port 22 (SSH), from any source',
  resourceTypes: INGRESS_TYPES,
  fix: 'limit the rule to the ports the workload serves; reach instances with AWS Systems Manager Session Manager (aws ssm start-session).',
  check: (config, resource) => {
    const problems = ingressOf(resource.type, config).flatMap((i) => {
      const tcp = i.protocol === 'tcp' || i.protocol === '6';
      const covers22 = allTraffic(i) || (tcp && i.fromPort <= 22 && i.toPort >= 22);
      return covers22 ? [`${i.label} admits ${portRange(i)}, which includes SSH on tcp/22`] : [];
    });
    return sentence(problems);
  },
};
