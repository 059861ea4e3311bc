import { Service } from '@cdktf/provider-docker/lib/service';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { dockerHealthcheck, HARDENING, labelList, sortedEnvironment } from './hardening';
import type { Network } from '@cdktf/provider-docker/lib/network';
import { EngineClaims } from './claims';
import type { DockerMode, DockerWorkload } from './mode';
import { LOOPBACK } from './published-ports';
import type { DockerTier } from './tiers';
import { PlacementTier } from '../../placement/boundary';
import { PlacementError } from '../../placement-error';
import { RealizedWorkload } from '../target';

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

/**
 * A Swarm: one replicated `docker_service` per workload, on nodes labelled with its co-tenancy.
 * Swarm services cannot select a runtime, so only SHARED_CONTAINER is offered.
 */
export class SwarmMode implements DockerMode {
  public readonly driver = 'overlay';
  public readonly tiers: DockerTier[] = [PlacementTier.SHARED_CONTAINER];

  constructor(private readonly provider: TerraformProvider, private readonly claims: EngineClaims) {}

  public publishingReplicas(): number {
    return 1;
  }

  public networkRef(network: Network): string {
    return network.id;
  }

  public readonly networkRefField = 'networkId';

  public realize(scope: Construct, d: DockerWorkload): RealizedWorkload {
    const { where, name, workload, coTenancy, ports } = d;
    if (ports.some((p) => p.ip === LOOPBACK)) {
      throw new PlacementError(where, 'Swarm publishes ports on every node through the routing mesh and cannot bind them to '
        + '127.0.0.1, so ingress narrower than 0.0.0.0/0 cannot be honoured.',
      "declare ingress { cidr: '0.0.0.0/0' } to publish the port publicly, or remove ingress and reach it over its overlay network.");
    }
    this.claims.claimPorts(where, ports, 1);
    this.claims.claimName(where, name, 'Swarm service');
    buildSwarmService(scope, d, this.provider);
    return {
      serviceName: name, notes: [`Swarm service on nodes labelled isolation-group=${coTenancy}.`],
      capacity: `Swarm ${workload.cpu} vCPU / ${workload.memoryMiB} MiB x${workload.replicas ?? 1} (runc)`,
    };
  }
}

/**
 * A replicated `docker_service`. Swarm has no runtime, security-opt or privileged setting per service:
 * its tasks run with runc, unprivileged, and get what the API offers here: capabilities dropped and a
 * read-only root. The image is pulled by each node, so there is no `docker_image` on the manager.
 */
function buildSwarmService(scope: Construct, spec: DockerWorkload, provider: TerraformProvider): Service {
  const w = spec.workload;
  const memoryBytes = w.memoryMiB * 1024 * 1024;
  const nanoCpus = Math.round(w.cpu * 1e9);
  const env = Object.fromEntries(sortedEnvironment(w));
  return new Service(scope, 'service', {
    provider,
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
      placement: { constraints: [`${SWARM_POLICY.constraintLabel} == ${spec.coTenancy}`] },
      logDriver: { name: HARDENING.logDriver, options: HARDENING.logOptions },
      networksAdvanced: [{ name: spec.networkRef }],
    },
    updateConfig: SWARM_POLICY.update,
    rollbackConfig: SWARM_POLICY.rollback,
    endpointSpec: spec.ports.length
      ? { ports: spec.ports.map((p) => ({ targetPort: p.port, publishedPort: p.port, protocol: 'tcp', publishMode: 'ingress' })) }
      : undefined,
  });
}
