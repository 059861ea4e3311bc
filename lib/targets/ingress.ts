import { shown } from '../needs/show';
import { PlacementError } from '../placement-error';
import { IngressRule } from './target';

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
// EC2 security group rule descriptions: up to 255 of these characters (IpRange.Description, checked 2026-12).
const RULE_DESCRIPTION = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]{0,255}$/;

/** An ingress rule with its port settled (the rule's own, else the workload's). */
export interface ResolvedIngress {
  readonly cidr: string;
  readonly port: number;
  readonly description?: string;
}

/**
 * Refuses anything but an IPv4 CIDR block in its network form: host bits set below the prefix
 * (`10.0.0.1/8`) are refused by EC2 at apply, so the message names the network address instead.
 * @param field what the CIDR is, for the message (e.g. `ingress[0].cidr`)
 */
export function checkCidr(where: string, cidr: unknown, field = 'the CIDR'): void {
  const m = CIDR.exec(typeof cidr === 'string' ? cidr : '');
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5]) > 32) {
    throw new PlacementError(where, `${field} ${shown(cidr)} is not an IPv4 CIDR block.`, "write it as '10.0.0.0/8' or '203.0.113.7/32'.");
  }
  const prefix = Number(m[5]);
  const address = m.slice(1, 5).reduce((a, o) => a * 256 + Number(o), 0);
  // Unsigned 32-bit arithmetic: the network address keeps the top `prefix` bits.
  const network = prefix === 0 ? 0 : (address & (~0 << (32 - prefix))) >>> 0;
  if (network !== address) {
    const dotted = [24, 16, 8, 0].map((shift) => (network >>> shift) & 255).join('.');
    throw new PlacementError(where, `${field} ${shown(cidr)} has host bits set below its /${prefix} prefix, which EC2 refuses.`,
      `write the network address, '${dotted}/${prefix}', or '${m.slice(1, 5).join('.')}/32' for the one host.`);
  }
}

/**
 * Validates declared ingress the same way for every target: a list of rules, each with an IPv4 CIDR
 * and a whole port from 1 to 65535 (the rule's, else the workload's).
 */
export function resolveIngress(where: string, rules: IngressRule[] | undefined, workloadPort: number | undefined): ResolvedIngress[] {
  if (rules === undefined || rules === null) return [];
  if (!Array.isArray(rules)) {
    throw new PlacementError(where, 'ingress must be a list of rules.', "write it as [{ cidr: '10.0.0.0/8', port: 8080 }].");
  }
  return rules.map((rule, i) => {
    if (!rule || typeof rule !== 'object') {
      throw new PlacementError(where, `an ingress rule is ${shown(rule)}, not a rule.`, "write each rule as { cidr: '10.0.0.0/8' }.");
    }
    checkCidr(where, rule.cidr, `ingress[${i}].cidr`);
    const port = rule.port ?? workloadPort;
    if (port === undefined || port === null) {
      throw new PlacementError(where, `ingress from ${rule.cidr} names no port and the workload declares none.`,
        'set workload.port (or the rule\'s port) to the port the container listens on.');
    }
    if (!(Number.isInteger(port) && port >= 1 && port <= 65535)) {
      throw new PlacementError(where, `ingress from ${rule.cidr} has port ${shown(port)}, not a whole number from 1 to 65535.`,
        'set the rule\'s port (or workload.port) to the TCP port the container listens on.');
    }
    const description = rule.description ?? undefined;
    if (description !== undefined && (typeof description !== 'string' || !RULE_DESCRIPTION.test(description))) {
      throw new PlacementError(where, `ingress[${i}].description ${shown(description)} is not a security group rule description, which EC2 refuses.`,
        "use up to 255 letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* (e.g. 'office VPN'), or leave it out.");
    }
    return { cidr: rule.cidr, port, description };
  });
}
