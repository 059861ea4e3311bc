import { ingressOf, INGRESS_TYPES, isOpenToInternet, portRange } from './ingress';
import { GuardRule, sentence } from '../../rule';
import { TAG } from '../../../labels';

/**
 * Ingress from anywhere only on a port the workload declared public: the library tags such rules
 * with `isolation:public-ports` (an `ingress` rule with cidr 0.0.0.0/0, an internet-facing load balancer).
 */
export const NO_UNDECLARED_PUBLIC_INGRESS: GuardRule = {
  id: 'ISO-AWS-004',
  title: 'No ingress from 0.0.0.0/0, ::/0 or another public block of /8 or wider except on ports the workload declared public',
  resourceTypes: INGRESS_TYPES,
  fix: `admit only the sources that need the port; to make a port public, declare it (ingress: [{ cidr: '0.0.0.0/0' }] or loadBalancer: { internetFacing: true }), or tag an aws_vpc_security_group_ingress_rule with '${TAG.publicPorts}' = '<port>'.`,
  check: (config, resource) => {
    const problems = ingressOf(resource.type, config).flatMap((i) => {
      const open = i.cidrs.filter(isOpenToInternet);
      if (open.length === 0) return [];
      const declared = (i.protocol === 'tcp' || i.protocol === '6') && i.fromPort === i.toPort && i.declaredPublic.includes(i.fromPort);
      return declared ? [] : [`${i.label} admits ${portRange(i)} from ${open.join(' and ')}, and no workload declared it public`];
    });
    return sentence(problems);
  },
};
