import { blocks, Config, list, tagsOf } from '../../rule';
import { TAG } from '../../../labels';

/** The three ways Terraform writes an ingress rule, reduced to one shape. */
export interface Ingress {
  readonly label: string;
  readonly cidrs: string[];
  readonly protocol: string;
  /** NaN when the rule covers all ports or the port is an expression. */
  readonly fromPort: number;
  readonly toPort: number;
  /** Ports the rule's tags declare public (`isolation:public-ports`); aws_security_group_rule has no tags. */
  readonly declaredPublic: number[];
}

export const INGRESS_TYPES = ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'];
export const ANYWHERE = ['0.0.0.0/0', '::/0'];

/**
 * A source that is the internet for practical purposes: 0.0.0.0/0 or ::/0, or any block of /8 or wider
 * that is not private (0.0.0.0/1 plus 128.0.0.0/1 is 0.0.0.0/0 written twice). 10.0.0.0/8 and
 * fc00::/7 (unique local) are private; every other such block holds public addresses.
 */
export function isOpenToInternet(cidr: string): boolean {
  if (ANYWHERE.includes(cidr)) return true;
  const [address, bits] = cidr.split('/');
  const prefix = Number(bits);
  if (!Number.isInteger(prefix) || address === undefined) return false;
  if (address.includes(':')) return prefix <= 8 && !(prefix >= 7 && /^f[cd]/i.test(address));
  return prefix <= 8 && !(prefix === 8 && address.startsWith('10.'));
}

export function ingressOf(type: string, config: Config): Ingress[] {
  const declaredPublic = String(tagsOf(config)[TAG.publicPorts] ?? '').split(',').filter((p) => p.trim() !== '').map(Number);
  const entry = (label: string, c: Config, cidrs: unknown[], protocol: unknown): Ingress => ({
    label, cidrs: cidrs.filter((x): x is string => typeof x === 'string'), protocol: String(protocol ?? '').toLowerCase(),
    fromPort: Number(c.from_port), toPort: Number(c.to_port), declaredPublic,
  });
  if (type === 'aws_vpc_security_group_ingress_rule') return [entry('the rule', config, [config.cidr_ipv4, config.cidr_ipv6], config.ip_protocol)];
  if (type === 'aws_security_group_rule') {
    return config.type === 'ingress' ? [entry('the rule', config, [...list(config.cidr_blocks), ...list(config.ipv6_cidr_blocks)], config.protocol)] : [];
  }
  return blocks(config.ingress).map((b, i) => entry(`ingress block ${i + 1}`, b, [...list(b.cidr_blocks), ...list(b.ipv6_cidr_blocks)], b.protocol));
}

/** `-1`/`all` admit every protocol and port. */
export function allTraffic(i: Ingress): boolean {
  return i.protocol === '-1' || i.protocol === 'all';
}

export function portRange(i: Ingress): string {
  if (allTraffic(i)) return 'all traffic';
  return i.fromPort === i.toPort ? `${i.protocol}/${i.fromPort}` : `${i.protocol}/${i.fromPort}-${i.toPort}`;
}
