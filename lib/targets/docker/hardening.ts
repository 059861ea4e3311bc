import { HealthCheck, WorkloadSpec } from '../../needs/workload';

/**
 * Hardening defaults every Docker container and Swarm task gets (DESIGN.md "Realization / Docker").
 * Source: Docker Engine 27 run reference and the CIS Docker Benchmark 1.6 (5.x), 2026-11.
 */
export const HARDENING = {
  /** Every capability dropped; nothing is added back (WorkloadSpec declares no capabilities). */
  capDrop: ['ALL'],
  /** setuid binaries cannot raise privileges (CIS 5.26). */
  securityOpts: ['no-new-privileges:true'],
  /** The only writable path of the read-only root: no exec, no setuid, no devices, bounded. */
  tmpfsPath: '/tmp',
  tmpfsOptions: 'rw,noexec,nosuid,nodev,size=64m',
  tmpfsBytes: 64 * 1024 * 1024,
  /** Bounded json-file logs: at most 3 x 10 MB per container (CIS 2.x: logs must not fill the disk). */
  logDriver: 'json-file',
  logOptions: { 'max-size': '10m', 'max-file': '3' } as Record<string, string>,
  /** Restarted after crashes and daemon restarts, not after an operator stops it. */
  restart: 'unless-stopped',
};

/** Health check defaults, as documented on {@link HealthCheck}. */
const HEALTH_DEFAULTS = { intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 0 };

/** A health check in the provider's shape (same fields for docker_container and docker_service). */
export interface DockerHealthcheck {
  readonly test: string[];
  readonly interval: string;
  readonly timeout: string;
  readonly retries: number;
  readonly startPeriod: string;
}

/** Converts the workload's health check (seconds) to Docker duration strings. */
export function dockerHealthcheck(check: HealthCheck | undefined): DockerHealthcheck | undefined {
  if (check === undefined) return undefined;
  return {
    test: check.command,
    interval: `${check.intervalSeconds ?? HEALTH_DEFAULTS.intervalSeconds}s`,
    timeout: `${check.timeoutSeconds ?? HEALTH_DEFAULTS.timeoutSeconds}s`,
    retries: check.retries ?? HEALTH_DEFAULTS.retries,
    startPeriod: `${check.startPeriodSeconds ?? HEALTH_DEFAULTS.startPeriodSeconds}s`,
  };
}

/** Environment sorted by name, so reordering the object literal changes nothing. */
export function sortedEnvironment(workload: WorkloadSpec): Array<[string, string]> {
  return Object.entries(workload.environment ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Labels in the provider's `{ label, value }` list shape. */
export function labelList(labels: Record<string, string>): Array<{ label: string; value: string }> {
  return Object.entries(labels).map(([label, value]) => ({ label, value }));
}
