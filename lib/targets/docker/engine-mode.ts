import { Image } from '@cdktf/provider-docker/lib/image';
import type { Network } from '@cdktf/provider-docker/lib/network';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { EngineClaims } from './claims';
import { buildContainers } from './containers';
import type { DockerMode, DockerWorkload } from './mode';
import { LOOPBACK } from './published-ports';
import { DOCKER_TIER_ORDER, DOCKER_TIERS, DockerRuntimes, DockerTier, runtimeOf } from './tiers';
import { WorkloadSpec } from '../../needs/workload';
import { RealizedWorkload } from '../target';

/** One engine: a hardened `docker_container` per replica, with the tier's runtime (runc, gVisor or Kata). */
export class EngineMode implements DockerMode {
  public readonly driver = 'bridge';
  public readonly tiers: DockerTier[];
  /** Image id per image reference: one `docker_image` per image, however many workloads use it. */
  private readonly images = new Map<string, string>();

  constructor(private readonly target: Construct, private readonly provider: TerraformProvider,
    private readonly runtimes: DockerRuntimes, private readonly claims: EngineClaims) {
    this.tiers = DOCKER_TIER_ORDER.filter((tier) => runtimeOf(tier, runtimes) !== undefined);
  }

  public publishingReplicas(workload: WorkloadSpec): number {
    return workload.replicas ?? 1;
  }

  public networkRef(network: Network): string {
    return network.name;
  }

  public readonly networkRefField = 'networkName';

  public realize(scope: Construct, d: DockerWorkload): RealizedWorkload {
    const { where, name, workload, ports } = d;
    const replicas = workload.replicas ?? 1;
    const notes: string[] = [];
    if (ports.some((p) => p.ip === LOOPBACK)) {
      notes.push('Docker cannot filter published ports by source address: ingress narrower than 0.0.0.0/0 is published on 127.0.0.1 only.');
    }
    this.claims.claimPorts(where, ports, replicas);
    const runtime = runtimeOf(d.tier, this.runtimes)!; // the engine offers only tiers whose runtime is declared
    notes.push(DOCKER_TIERS[d.tier].note(runtime));
    if (replicas > 1 && ports.length > 0) notes.push('Replica i publishes host port <port>+i.');
    for (let i = 0; i < replicas; i++) this.claims.claimName(where, `${name}-${i}`, 'container');
    const containerNames = buildContainers(scope, d, runtime, this.image(workload.image), this.provider);
    return { containerNames, notes, capacity: `${workload.cpu} vCPU / ${workload.memoryMiB} MiB x${replicas} (${runtime})` };
  }

  /**
   * One `docker_image` per image reference, under the target: two resources managing the same local
   * image would pull twice and fight over it; `keep_locally` leaves it for other users on destroy.
   */
  private image(reference: string): string {
    let imageId = this.images.get(reference);
    if (imageId === undefined) {
      const image = new Image(this.target, `image-${reference}`, { provider: this.provider, name: reference, keepLocally: true });
      imageId = image.imageId;
      this.images.set(reference, imageId);
    }
    return imageId;
  }
}
