import { WorkloadSpec } from '../../needs/workload';
import { PlacementError } from '../../placement-error';
import { IngressRule } from '../target';

/** Public ingress: the only source CIDR that makes Docker bind a port on every interface. */
export const PUBLIC_CIDR = '0.0.0.0/0';
export const LOOPBACK = '127.0.0.1';
export const ANY_ADDRESS = '0.0.0.0';

/** One published port: `port` inside the container, the same port (plus the replica index) on the host. */
export interface PublishedPort {
  readonly port: number;
  /** `0.0.0.0` for public ingress, `127.0.0.1` otherwise. */
  readonly ip: string;
}

/**
 * Turns ingress rules into published ports. Docker cannot filter by source address, so only
 * `0.0.0.0/0` publishes on every interface; any narrower rule is published on 127.0.0.1, reachable
 * from the host alone (e.g. by a reverse proxy), which is stricter than asked, never looser.
 */
export function publishedPorts(where: string, workload: WorkloadSpec, ingress: IngressRule[] | undefined,
  replicas: number): PublishedPort[] {
  if (ingress === undefined) return [];
  if (!Array.isArray(ingress)) {
    throw new PlacementError(where, 'ingress must be a list of rules.', "write it as [{ cidr: '10.0.0.0/8' }].");
  }
  const publicByPort = new Map<number, boolean>();
  for (const rule of ingress) {
    if (!rule || typeof rule.cidr !== 'string' || rule.cidr.trim() === '') {
      throw new PlacementError(where, 'an ingress rule has no cidr.', "give each rule a source cidr, e.g. { cidr: '10.0.0.0/8' }.");
    }
    const port = rule.port ?? workload.port;
    if (port === undefined) {
      throw new PlacementError(where, `ingress from ${rule.cidr} names no port and the workload declares none.`,
        'set workload.port (or the rule\'s port) to the port the container listens on.');
    }
    if (!(Number.isInteger(port) && port >= 1 && port + replicas - 1 <= 65535)) {
      throw new PlacementError(where, `ingress port ${String(port)} with ${replicas} replica(s) does not fit in 1-65535 `
        + '(on Docker, replica i publishes host port port+i).', 'use a lower port or fewer replicas.');
    }
    publicByPort.set(port, (publicByPort.get(port) ?? false) || rule.cidr.trim() === PUBLIC_CIDR);
  }
  return [...publicByPort.entries()].sort(([a], [b]) => a - b)
    .map(([port, isPublic]) => ({ port, ip: isPublic ? ANY_ADDRESS : LOOPBACK }));
}
