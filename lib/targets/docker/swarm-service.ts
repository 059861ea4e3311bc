import { Service } from '@cdktf/provider-docker/lib/service';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { dockerHealthcheck, HARDENING, labelList, sortedEnvironment } from './hardening';
import { PublishedPort } from './published-ports';
import { WorkloadSpec } from '../../needs/workload';

/** Swarm rollout and restart policy. Source: Docker Engine 27 `docker service create` reference, 2026-11. */
const SWARM_POLICY = {
  restart: { condition: 'any', delay: '5s', window: '120s' },
  // One task at a time, stop before start (no over-commit on constrained nodes), roll back on failure.
  update: { parallelism: 1, delay: '10s', failureAction: 'rollback', monitor: '30s', order: 'stop-first' },
  rollback: { parallelism: 1, delay: '0s', failureAction: 'pause', monitor: '30s', order: 'stop-first' },
  /** Node label an operator sets (`docker node update --label-add isolation-group=<co-tenancy>`). */
  constraintLabel: 'node.labels.isolation-group',
  tmpfsMode: 0o1777, // the provider passes this integer as the file mode
};

/** What one Swarm service needs. */
export interface SwarmServiceSpec {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly workload: WorkloadSpec;
  /** The overlay network's id (a token). */
  readonly networkId: string;
  /** The value nodes must carry in the `isolation-group` label. */
  readonly isolationGroup: string;
  /** Published through the routing mesh (always public: Swarm cannot bind to one address). */
  readonly ports: PublishedPort[];
  readonly provider: TerraformProvider;
}

/**
 * A replicated `docker_service`. Swarm has no runtime, security-opt or privileged setting per service:
 * its tasks run with runc, unprivileged, and get what the API offers here: capabilities dropped and a
 * read-only root. The image is pulled by each node, so there is no `docker_image` on the manager.
 */
export function buildSwarmService(scope: Construct, spec: SwarmServiceSpec): Service {
  const w = spec.workload;
  const memoryBytes = w.memoryMiB * 1024 * 1024;
  const nanoCpus = Math.round(w.cpu * 1e9);
  const env = Object.fromEntries(sortedEnvironment(w));
  return new Service(scope, 'service', {
    provider: spec.provider,
    name: spec.name,
    labels: labelList(spec.labels),
    mode: { replicated: { replicas: w.replicas ?? 1 } },
    taskSpec: {
      containerSpec: {
        image: w.image,
        args: w.command, // Swarm's `command` replaces the entrypoint; `args` replaces CMD like docker run
        env: Object.keys(env).length ? env : undefined,
        readOnly: true,
        capDrop: HARDENING.capDrop,
        capAdd: w.capabilities?.length ? w.capabilities : undefined,
        mounts: [{ target: HARDENING.tmpfsPath, type: 'tmpfs', tmpfsOptions: { sizeBytes: HARDENING.tmpfsBytes, mode: SWARM_POLICY.tmpfsMode } }],
        healthcheck: dockerHealthcheck(w.healthCheck),
        labels: labelList(spec.labels),
      },
      resources: {
        limits: { nanoCpus, memoryBytes },
        reservation: { nanoCpus, memoryBytes },
      },
      restartPolicy: SWARM_POLICY.restart,
      placement: { constraints: [`${SWARM_POLICY.constraintLabel} == ${spec.isolationGroup}`] },
      logDriver: { name: HARDENING.logDriver, options: HARDENING.logOptions },
      networksAdvanced: [{ name: spec.networkId }],
    },
    updateConfig: SWARM_POLICY.update,
    rollbackConfig: SWARM_POLICY.rollback,
    endpointSpec: spec.ports.length
      ? { ports: spec.ports.map((p) => ({ targetPort: p.port, publishedPort: p.port, protocol: 'tcp', publishMode: 'ingress' })) }
      : undefined,
  });
}
