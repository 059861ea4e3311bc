import { WorkloadSpec } from '../../needs/workload';
import { PlacementError } from '../../placement-error';
import { resolveIngress } from '../ingress';
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
  const publicByPort = new Map<number, boolean>();
  for (const rule of resolveIngress(where, ingress, workload.port)) {
    if (rule.port + replicas - 1 > 65535) {
      throw new PlacementError(where, `ingress port ${rule.port} with ${replicas} replica(s) does not fit in 1-65535 `
        + '(on Docker, replica i publishes host port port+i).', 'use a lower port or fewer replicas.');
    }
    publicByPort.set(rule.port, (publicByPort.get(rule.port) ?? false) || rule.cidr === PUBLIC_CIDR);
  }
  return [...publicByPort.entries()].sort(([a], [b]) => a - b)
    .map(([port, isPublic]) => ({ port, ip: isPublic ? ANY_ADDRESS : LOOPBACK }));
}
