import { DOCKER_TYPES, hostPaths } from './container-spec';
import { GuardRule } from '../../rule';

// The socket and every directory that contains it.
const EXPOSES_SOCKET = new Set(['/var/run/docker.sock', '/run/docker.sock', '/var/run', '/run', '/var', '/']);

/** Whoever reaches the Docker socket controls the engine, and with it the host. */
export const NO_DOCKER_SOCKET: GuardRule = {
  id: 'ISO-DKR-006',
  title: 'No mount of the Docker socket',
  resourceTypes: DOCKER_TYPES,
  fix: 'remove the mount; a workload that must drive Docker needs its own engine (e.g. a VM tier), not the host\'s.',
  check: (config, resource) => {
    const found = hostPaths(resource.type, config).filter((p) => EXPOSES_SOCKET.has(p.replace(/\/+$/, '') || '/'));
    return found.length ? `it mounts ${found.map((p) => JSON.stringify(p)).join(', ')}, which exposes the Docker socket: control of the engine and the host.` : undefined;
  },
};
