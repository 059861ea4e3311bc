import { Image } from '@cdktf/provider-docker/lib/image';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { buildContainers } from './containers';
import { HARDENING } from './hardening';
import { LABEL } from '../../labels';
import { MICROVM_CONTAINER } from './microvm-container';
import { createNetwork } from './networks';
import { LOOPBACK, PublishedPort, publishedPorts } from './published-ports';
import { SANDBOXED_CONTAINER } from './sandboxed-container';
import { SHARED_CONTAINER } from './shared-container';
import { buildSwarmService } from './swarm-service';
import { DockerTierRealization } from './tier-realization';
import { CoTenancy, HardwareExclusivity } from '../../needs/enums';
import { IsolationNeeds } from '../../needs/needs';
import { WorkloadSpec } from '../../needs/workload';
import { IsolationBoundary, PlacementTier } from '../../placement/boundary';
import { PlacementEngine } from '../../placement/engine';
import { PlacementError } from '../../placement-error';
import { AppRegistry } from '../../registry';
import { IPlacementTarget, RealizedWorkload, ServiceRealization, TenantRealization } from '../target';

/**
 * OCI runtimes registered with the Docker engine (daemon.json "runtimes"). Declaring one offers its tier.
 * Give the name the engine knows it by; `DockerTarget.defaultRuntimes()` returns the usual names.
 */
export interface DockerRuntimes {
  /**
   * The gVisor runtime's name, usually `runsc`. Declaring it offers SANDBOXED_CONTAINER.
   * @default - not declared: SANDBOXED_CONTAINER is not offered
   */
  readonly gvisor?: string;
  /**
   * The Kata Containers runtime's name, usually `kata`. Declaring it offers MICROVM_CONTAINER.
   * @default - not declared: MICROVM_CONTAINER is not offered
   */
  readonly kata?: string;
}

/**
 * Props of {@link DockerTarget}.
 */
export interface DockerTargetProps {
  /**
   * The Docker engine's address (`unix://`, `tcp://`, `ssh://` or `npipe://`). In Swarm mode, a manager's.
   * @default 'unix:///var/run/docker.sock'
   */
  readonly host?: string;
  /**
   * Sandboxing runtimes the engine has registered. Not allowed with `swarm` (Swarm services cannot select
   * a runtime).
   * @default - none: only SHARED_CONTAINER (runc) is offered
   */
  readonly runtimes?: DockerRuntimes;
  /**
   * Realize workloads as Swarm services (`docker_service`) rather than containers on one engine.
   * Only SHARED_CONTAINER is offered; declaring `runtimes` as well is refused.
   * @default false
   */
  readonly swarm?: boolean;
}

/** One tenant or service, as the realization sees it once its network exists. */
interface Placed {
  readonly where: string;
  /** Tenant id or service name. */
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly workload: WorkloadSpec;
  readonly tier: PlacementTier;
  readonly coTenancy: string;
  /** The network's name (one engine) or id (Swarm), read once. */
  readonly networkRef: string;
  readonly ports: PublishedPort[];
}

const RUNTIME_NAME = /^[a-z0-9._-]+$/;
const HOST_URL = /^(unix|tcp|ssh|npipe|http|https):\/\/\S+$/;

/** Docker's container tiers, in DESIGN.md table order. */
const TIER_REALIZATIONS: readonly DockerTierRealization[] = [SHARED_CONTAINER, SANDBOXED_CONTAINER, MICROVM_CONTAINER];

/**
 * Realizes workloads on one Docker engine (a hardened `docker_container` per replica, runc, gVisor or
 * Kata per tier) or on a Swarm (a `docker_service` per workload, shared containers only).
 * Creates the Docker provider for its host.
 */
export class DockerTarget extends Construct implements IPlacementTarget {
  /** The engine address used when `host` is not given. */
  public static readonly DEFAULT_HOST = 'unix:///var/run/docker.sock';

  /** The runtime names gVisor and Kata usually register: `{ gvisor: 'runsc', kata: 'kata' }`. */
  public static defaultRuntimes(): DockerRuntimes {
    return { gvisor: 'runsc', kata: 'kata' };
  }

  /** Always 'docker'. */
  public readonly targetKind: string = 'docker';
  /** SHARED_CONTAINER, plus SANDBOXED_CONTAINER with gVisor and MICROVM_CONTAINER with Kata (none of them in Swarm mode). */
  public readonly availableTiers: PlacementTier[];
  /** Docker bills nothing per task: false. */
  public readonly elasticBilling: boolean = false;
  /** The Docker provider this target's resources use (aliased by the target's id, so several targets can coexist). */
  public readonly provider: DockerProvider;
  /** The engine's address. */
  public readonly host: string;
  /** Whether workloads become Swarm services. */
  public readonly swarm: boolean;
  /** The declared runtimes. */
  public readonly runtimes: DockerRuntimes;

  /** Image id per image reference: one `docker_image` per image, however many workloads use it. */
  private readonly images = new Map<string, string>();
  /** Shared network per DenseService co-tenancy group. */
  private readonly groupNetworks = new Map<string, { name: string; id: string }>();
  /** Container / Swarm service names and host ports are engine-wide: who claimed each first. */
  private readonly claimedNames = new Map<string, string>();
  private readonly claimedPorts = new Map<number, string>();

  constructor(scope: Construct, id: string, props: DockerTargetProps = {}) {
    super(scope, id);
    const where = this.node.path;
    props = props ?? {}; // null from JavaScript
    this.host = props.host ?? DockerTarget.DEFAULT_HOST;
    if (typeof this.host !== 'string' || (!Token.isUnresolved(this.host) && !HOST_URL.test(this.host))) {
      throw new PlacementError(where, `host ${JSON.stringify(this.host)} is not a Docker engine address.`,
        "use e.g. 'unix:///var/run/docker.sock', 'tcp://10.0.0.5:2376' or 'ssh://deploy@host', or leave it out.");
    }
    if (props.swarm !== undefined && typeof props.swarm !== 'boolean') {
      throw new PlacementError(where, `swarm must be true or false, got ${JSON.stringify(props.swarm)}.`, 'set swarm: true or leave it out.');
    }
    this.swarm = props.swarm ?? false;
    this.runtimes = validateRuntimes(where, props.runtimes ?? {});
    claimEngine(this, where, this.host);
    if (this.swarm && (this.runtimes.gvisor !== undefined || this.runtimes.kata !== undefined)) {
      throw new PlacementError(where, 'runtimes are declared together with swarm: true, but Swarm services cannot select a '
        + 'runtime, so the gVisor and Kata tiers could never be used.',
      'remove runtimes from this target, or use a second DockerTarget without swarm for the sandboxed workloads.');
    }
    this.availableTiers = TIER_REALIZATIONS.map((r) => r.tier).filter((tier) => tier === PlacementTier.SHARED_CONTAINER
      || (!this.swarm && tier === PlacementTier.SANDBOXED_CONTAINER && this.runtimes.gvisor !== undefined)
      || (!this.swarm && tier === PlacementTier.MICROVM_CONTAINER && this.runtimes.kata !== undefined));
    this.provider = new DockerProvider(this, 'provider', { host: this.host, alias: providerAlias(id) });
  }

  /**
   * Refuses needs Docker can never meet, naming the fix: hardware exclusivity, an own kernel, HOSTILE
   * co-tenancy without Kata, UNTRUSTED without gVisor or Kata, and anything above PROCESS in Swarm mode.
   * Hardware exclusivity and an own kernel are refused always; the co-tenancy checks are skipped when
   * the workload pins a tier, since the engine then checks the pin and a weaker pin with
   * `acknowledgeWeakerIsolation` is the user's informed choice (DESIGN.md "The decision", step 4).
   */
  public checkNeeds(where: string, isolation: IsolationNeeds, pin?: PlacementTier): void {
    const exclusivity = isolation.hardwareExclusivity ?? HardwareExclusivity.NONE;
    if (exclusivity !== HardwareExclusivity.NONE) {
      throw new PlacementError(where, `hardwareExclusivity ${exclusivity.toUpperCase()}: Docker cannot give hardware exclusivity `
        + '(every container shares the engine\'s host).',
      'use an AwsTarget, which places it on DEDICATED_VM (ACCOUNT) or DEDICATED_HOST (TENANT), or set hardwareExclusivity to NONE.');
    }
    if (isolation.ownKernel === true) {
      throw new PlacementError(where, 'ownKernel needs a VM with a kernel of its own; Docker offers only container tiers.',
        'use an AwsTarget (VM tiers), or set ownKernel to false if the workload runs in a container.');
    }
    if (pin !== undefined) return;
    const required = PlacementEngine.requiredBoundary(isolation);
    const co = isolation.coTenancy.toUpperCase();
    if (this.swarm && required !== IsolationBoundary.PROCESS) {
      throw new PlacementError(where, `${co} co-tenancy requires a ${required} boundary, i.e. a sandboxed tier (gVisor or Kata), `
        + 'but in Swarm mode a DockerTarget offers only SHARED_CONTAINER: Swarm services cannot select a runtime.',
      'realize this workload on a DockerTarget without swarm that declares runtimes.gvisor or runtimes.kata, or on an AwsTarget.');
    }
    if (isolation.coTenancy === CoTenancy.HOSTILE && this.runtimes.kata === undefined) {
      throw new PlacementError(where, 'HOSTILE co-tenancy requires a hypervisor boundary, and this DockerTarget declares no Kata runtime.',
        "declare runtimes.kata (e.g. runtimes: { kata: 'kata' }) on an engine with Kata Containers installed, or use an AwsTarget.");
    }
    if (isolation.coTenancy === CoTenancy.UNTRUSTED && this.runtimes.gvisor === undefined && this.runtimes.kata === undefined) {
      throw new PlacementError(where, 'UNTRUSTED co-tenancy requires a sandbox boundary, and this DockerTarget declares neither a gVisor nor a Kata runtime.',
        "declare runtimes.gvisor (e.g. runtimes: { gvisor: 'runsc' }) or runtimes.kata on the DockerTarget, or use an AwsTarget.");
    }
  }

  /** One tenant: its own network (internal unless it declares egress) and its containers or Swarm service. */
  public realizeTenant(scope: Construct, tenant: TenantRealization): RealizedWorkload {
    const { where, workload } = tenant;
    refuseSecrets(where, workload);
    const ports = publishedPorts(where, workload, tenant.ingress, this.swarm ? 1 : workload.replicas ?? 1);
    const egress = tenant.egress === true;
    if (ports.length > 0 && !egress) {
      throw new PlacementError(where, 'the tenant declares ingress but not egress: its network would be internal, and Docker '
        + 'publishes no ports from an internal network (moby/moby#36174), so the ingress would silently not work.',
      'set egress: true (its network is then not internal, and it can open outbound connections), or remove ingress.');
    }
    const labels = { [LABEL.tenant]: tenant.tenantId, [LABEL.tier]: tenant.decision.tier, [LABEL.coTenancy]: tenant.isolation.coTenancy };
    const network = createNetwork(scope, 'network', {
      name: `tenant-${tenant.tenantId}`, driver: this.swarm ? 'overlay' : 'bridge', internal: !egress, labels, provider: this.provider,
    });
    return this.realize(scope, {
      where, name: tenant.tenantId, labels, workload, tier: tenant.decision.tier, coTenancy: tenant.isolation.coTenancy,
      networkRef: this.swarm ? network.id : network.name, ports,
    });
  }

  /** One service: on the shared network of its co-tenancy group, so groups never share a network. */
  public realizeService(scope: Construct, service: ServiceRealization): RealizedWorkload {
    const { where, workload } = service;
    refuseSecrets(where, workload);
    if (service.loadBalancer !== undefined) {
      throw new PlacementError(where, 'loadBalancer is not available on Docker (it creates an AWS load balancer).',
        'remove loadBalancer and publish the port with ingress (0.0.0.0/0 for public), or run a reverse proxy as another DenseService.');
    }
    if (service.autoscaling !== undefined) {
      throw new PlacementError(where, 'autoscaling is not available on Docker: the engine and Swarm run a fixed number of replicas.',
        'remove autoscaling and set workload.replicas.');
    }
    const ports = publishedPorts(where, workload, service.ingress, this.swarm ? 1 : workload.replicas ?? 1);
    const co = service.isolation.coTenancy;
    const labels = { [LABEL.service]: service.serviceName, [LABEL.tier]: service.decision.tier, [LABEL.coTenancy]: co };
    const network = this.groupNetwork(co);
    return this.realize(scope, {
      where, name: service.serviceName, labels, workload, tier: service.decision.tier, coTenancy: co,
      networkRef: this.swarm ? network.id : network.name, ports,
    });
  }

  private realize(scope: Construct, placed: Placed): RealizedWorkload {
    const { where, name, labels, workload, tier, coTenancy, networkRef, ports } = placed;
    const replicas = workload.replicas ?? 1;
    const memory = workload.memoryMiB;
    if (memory < HARDENING.minMemoryMiB) {
      throw new PlacementError(where, `workload.memoryMiB ${workload.memoryMiB} is below Docker's minimum of ${HARDENING.minMemoryMiB} MiB.`,
        `set memoryMiB to at least ${HARDENING.minMemoryMiB}.`);
    }
    if (workload.cpu < HARDENING.minCpus) {
      throw new PlacementError(where, `workload.cpu ${workload.cpu} is below Docker's minimum of ${HARDENING.minCpus} CPUs `
        + '(a CFS quota under 1 ms per 100 ms period is refused by the kernel).', `set cpu to at least ${HARDENING.minCpus}.`);
    }
    const notes: string[] = [];
    if (ports.some((p) => p.ip === LOOPBACK)) {
      if (this.swarm) {
        throw new PlacementError(where, 'Swarm publishes ports on every node through the routing mesh and cannot bind them to '
          + '127.0.0.1, so ingress narrower than 0.0.0.0/0 cannot be honoured.',
        "declare ingress { cidr: '0.0.0.0/0' } to publish the port publicly, or remove ingress and reach it over its overlay network.");
      }
      notes.push('Docker cannot filter published ports by source address: ingress narrower than 0.0.0.0/0 is published on 127.0.0.1 only.');
    }
    this.claimPorts(where, ports, this.swarm ? 1 : replicas);

    if (this.swarm) {
      this.claimName(where, name, 'Swarm service');
      buildSwarmService(scope, { name, labels, workload, networkId: networkRef, isolationGroup: coTenancy, ports, provider: this.provider });
      notes.push(`Swarm service on nodes labelled isolation-group=${coTenancy}.`);
      return { serviceName: name, notes, capacity: `Swarm ${workload.cpu} vCPU / ${memory} MiB x${replicas} (runc)` };
    }
    const realization = TIER_REALIZATIONS.find((r) => r.tier === tier);
    if (realization === undefined) {
      throw new PlacementError(where, `tier ${tier} cannot be realized on Docker.`, 'use an AwsTarget for VM tiers.');
    }
    const runtime = realization.runtime(this.runtimes);
    notes.push(realization.note(runtime));
    if (replicas > 1 && ports.length > 0) notes.push('Replica i publishes host port <port>+i.');
    for (let i = 0; i < replicas; i++) this.claimName(where, `${name}-${i}`, 'container');
    const containerNames = buildContainers(scope, {
      name, labels, workload, runtime, imageId: this.image(workload.image), networkName: networkRef, ports, provider: this.provider,
    });
    return { containerNames, notes, capacity: `${workload.cpu} vCPU / ${memory} MiB x${replicas} (${runtime})` };
  }

  /**
   * One `docker_image` per image reference, under the target: two resources managing the same local
   * image would pull twice and fight over it; `keep_locally` leaves it for other users on destroy.
   */
  private image(reference: string): string {
    let imageId = this.images.get(reference);
    if (imageId === undefined) {
      const image = new Image(this, `image-${reference}`, { provider: this.provider, name: reference, keepLocally: true });
      imageId = image.imageId;
      this.images.set(reference, imageId);
    }
    return imageId;
  }

  /** The shared network of a DenseService co-tenancy group, created on first use. */
  private groupNetwork(coTenancy: string): { name: string; id: string } {
    let network = this.groupNetworks.get(coTenancy);
    if (network === undefined) {
      const created = createNetwork(this, `network-${coTenancy}`, {
        name: `dense-${coTenancy}`, driver: this.swarm ? 'overlay' : 'bridge', internal: false,
        // Services that do not trust each other share the group's network but cannot talk to each other.
        isolateMembers: coTenancy === CoTenancy.UNTRUSTED || coTenancy === CoTenancy.HOSTILE,
        labels: { [LABEL.coTenancy]: coTenancy, [LABEL.group]: `dense-${coTenancy}` }, provider: this.provider,
      });
      // Read each attribute once: every read creates a token with a captured stack trace.
      network = this.swarm ? { name: '', id: created.id } : { name: created.name, id: '' };
      this.groupNetworks.set(coTenancy, network);
    }
    return network;
  }

  private claimName(where: string, name: string, what: string): void {
    const first = this.claimedNames.get(name);
    if (first !== undefined) {
      throw new PlacementError(where, `${what} name '${name}' is already used on this Docker target by ${first}.`,
        'give the tenant or service a name no other workload on the same target uses (tenant ids and service names share one namespace on Docker).');
    }
    this.claimedNames.set(name, where);
  }

  private claimPorts(where: string, ports: PublishedPort[], replicas: number): void {
    for (const p of ports) {
      for (let i = 0; i < replicas; i++) {
        const first = this.claimedPorts.get(p.port + i);
        if (first !== undefined) {
          throw new PlacementError(where, `host port ${p.port + i} is already published on this Docker target by ${first}.`,
            'give the workloads different ports (replica i of a workload publishes port+i).');
        }
        this.claimedPorts.set(p.port + i, where);
      }
    }
  }
}

function validateRuntimes(where: string, runtimes: DockerRuntimes): DockerRuntimes {
  if (typeof runtimes !== 'object' || Array.isArray(runtimes)) {
    throw new PlacementError(where, `runtimes must be an object naming the runtimes, got ${JSON.stringify(runtimes)}.`,
      "write it as runtimes: { gvisor: 'runsc', kata: 'kata' }, declaring only the runtimes the engine has.");
  }
  for (const [field, name] of Object.entries({ gvisor: runtimes.gvisor, kata: runtimes.kata })) {
    if (name === undefined) continue;
    if (typeof name !== 'string' || !RUNTIME_NAME.test(name)) {
      throw new PlacementError(where, `runtimes.${field} ${JSON.stringify(name)} is not a runtime name.`,
        `use the name registered in the engine's daemon.json (lower-case letters, digits, '.', '_', '-'), e.g. '${DockerTarget.defaultRuntimes()[field as 'gvisor' | 'kata']}'.`);
    }
    if (name === 'runc') {
      throw new PlacementError(where, `runtimes.${field} is 'runc', which sandboxes nothing.`,
        `give the ${field === 'gvisor' ? 'gVisor' : 'Kata'} runtime's name, or leave runtimes.${field} out.`);
    }
  }
  if (runtimes.gvisor !== undefined && runtimes.gvisor === runtimes.kata) {
    throw new PlacementError(where, `runtimes.gvisor and runtimes.kata are both '${runtimes.gvisor}'.`,
      'give each runtime the name the engine registered it under.');
  }
  return { gvisor: runtimes.gvisor, kata: runtimes.kata };
}

function refuseSecrets(where: string, workload: WorkloadSpec): void {
  if (Object.keys(workload.secrets ?? {}).length > 0) {
    throw new PlacementError(where, 'workload.secrets holds AWS ARNs (SSM Parameter Store / Secrets Manager), which a Docker engine '
      + 'cannot resolve.',
    'remove workload.secrets for a Docker target and give the container its secret outside Terraform (e.g. a file the host '
      + 'provides); never put the value in environment.');
  }
}

/** A Terraform provider alias from the target's construct id. */
function providerAlias(id: string): string {
  const alias = id.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z]/.test(alias) ? alias : `docker_${alias}`;
}

/** Two targets on one engine would claim the same names: engines are claimed in the app's registry. */
function claimEngine(target: Construct, where: string, host: string): void {
  if (Token.isUnresolved(host)) return;
  const first = AppRegistry.of(target).claimEngine(host, where);
  if (first !== undefined) {
    throw new PlacementError(where, `${first} already targets the Docker engine at ${host}; two targets on one engine would `
      + 'create networks, images, container names and host ports that collide when applied.',
    'use that one DockerTarget for every workload on this engine, or point this target at another engine (host).');
  }
}
