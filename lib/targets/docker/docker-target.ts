import { TerraformProvider, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { EngineClaims } from './claims';
import { normaliseEngineAddress } from './engine-address';
import type { DockerMode } from './mode';
import type { Network } from '@cdktf/provider-docker/lib/network';
import { publishedPorts } from './published-ports';
import { DOCKER_TIER_ORDER, DOCKER_TIERS, DockerRuntimes, DockerTier, runtimeOf } from './tiers';
import { LABEL } from '../../labels';
import { CoTenancy } from '../../needs/enums';
import { IsolationNeeds } from '../../needs/needs';
import { WorkloadSpec } from '../../needs/workload';
import { PlacementTier } from '../../placement/boundary';
import { PlacementEngine } from '../../placement/engine';
import { PlacementError } from '../../placement-error';
import { AppRegistry } from '../../registry';
import { DOCKER_PROVIDER_PACKAGE, loadRealization } from '../provider-package';
import { refuseVmOnlyNeeds, requireStack } from '../placement-checks';
import { HandleBuilder } from '../handle-builder';
import type { NetworkHandle } from '../handles';
import { IPlacementTarget, OfferRequest, RealizedWorkload, ServiceRealization, SizedTierOffer, TenantRealization } from '../target';

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

const RUNTIME_NAME = /^[a-z0-9._-]+$/;
const HOST_URL = /^(unix|tcp|ssh|npipe|http|https):\/\/\S+$/;

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
  /** The Docker provider this target's resources use, aliased by the target's id so several targets can coexist (a `DockerProvider` of @cdktf/provider-docker, typed as its base class so the declarations need no provider package). */
  public readonly provider: TerraformProvider;
  /** The engine's address. */
  public readonly host: string;
  /** Whether workloads become Swarm services. */
  public readonly swarm: boolean;
  /** The declared runtimes. */
  public readonly runtimes: DockerRuntimes;

  /** Containers on one engine, or services on a Swarm. */
  private readonly mode: DockerMode;
  private readonly docker: typeof import('./realization');
  /**
   * The stack's id as a Docker name: the first part of every container, network and Swarm service name,
   * so stacks (dev and staging) share an engine without colliding.
   */
  private readonly namePrefix: string;
  /** The engine's names and ports, shared with the targets of other stacks on the same engine. */
  private readonly claims: EngineClaims;
  /** Shared network reference per DenseService co-tenancy group. */
  private readonly groupNetworks = new Map<string, NetworkHandle>();

  constructor(scope: Construct, id: string, props: DockerTargetProps = {}) {
    super(scope, id);
    const where = this.node.path;
    requireStack(where, this, 'target');
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
    // Not TerraformStack.of, which throws a plain Error: a target in no stack is refused by its workloads.
    const stack = this.node.scopes.find((c): c is TerraformStack => TerraformStack.isStack(c)) ?? this.node.root;
    this.namePrefix = dockerName(stack.node.id);
    const claims = this.claims = engineClaims(this, stack, where, normaliseEngineAddress(this.host));
    if (this.swarm && (this.runtimes.gvisor !== undefined || this.runtimes.kata !== undefined)) {
      throw new PlacementError(where, 'runtimes are declared together with swarm: true, but Swarm services cannot select a '
        + 'runtime, so the gVisor and Kata tiers could never be used.',
      'remove runtimes from this target, or use a second DockerTarget without swarm for the sandboxed workloads.');
    }
    const docker = this.docker = loadRealization(where, 'DockerTarget', DOCKER_PROVIDER_PACKAGE, (): typeof import('./realization') => require('./realization'));
    this.provider = new docker.DockerProvider(this, 'provider', { host: this.host, alias: providerAlias(id) });
    this.mode = this.swarm ? new docker.SwarmMode(this.provider, claims) : new docker.EngineMode(this, this.provider, this.runtimes, claims);
    this.availableTiers = [...this.mode.tiers];
  }

  /**
   * Every tier the target has, each able to run the workload and unpriced (the engine's hosts are
   * yours: nothing this library could price), sized as the containers or the Swarm service it becomes.
   * Refuses first, with the fix, needs Docker can never meet: hardware exclusivity, an own kernel,
   * HOSTILE co-tenancy without Kata, UNTRUSTED without gVisor or Kata, and anything above PROCESS in
   * Swarm mode. Hardware exclusivity and an own kernel are refused always; the co-tenancy checks are
   * skipped when the workload pins a tier, since the engine then checks the pin and a weaker pin with
   * `acknowledgeWeakerIsolation` is the user's informed choice (DESIGN.md "The decision", step 4).
   */
  public offerTiers(request: OfferRequest): SizedTierOffer[] {
    this.refuseNeeds(request.where, request.isolation, request.pin);
    const replicas = request.workload.replicas ?? 1;
    return (this.availableTiers as DockerTier[]).map((tier) => ({
      tier,
      sizing: {
        summary: this.swarm ? `Swarm service of ${replicas} replica(s), runtime runc` : `${replicas} container(s), runtime ${runtimeOf(tier, this.runtimes)}`,
        replicas, notes: [],
      },
    }));
  }

  private refuseNeeds(where: string, isolation: IsolationNeeds, pin?: PlacementTier): void {
    refuseVmOnlyNeeds(where, isolation, {
      exclusivity: 'Docker cannot give hardware exclusivity (every container shares the engine\'s host).',
      ownKernel: 'Docker offers only container tiers.',
    });
    if (pin !== undefined) return;
    // The engine's boundary rules say what the needs require; refuse here only to name the runtime that would provide it.
    const required = PlacementEngine.requiredBoundary(isolation);
    const meets = (tier: DockerTier) => PlacementEngine.isAtLeast(PlacementEngine.boundaryOf(tier), required);
    if ((this.availableTiers as DockerTier[]).some(meets)) return;
    const providers = DOCKER_TIER_ORDER.filter(meets).map((tier) => DOCKER_TIERS[tier]);
    const co = isolation.coTenancy.toUpperCase();
    if (this.swarm) {
      throw new PlacementError(where, `${co} co-tenancy requires a ${required} boundary, i.e. a sandboxed tier (${providers.map((p) => p.product).join(' or ')}), `
        + 'but in Swarm mode a DockerTarget offers only SHARED_CONTAINER: Swarm services cannot select a runtime.',
      `realize this workload on a DockerTarget without swarm that declares ${providers.map((p) => `runtimes.${p.declaredAs}`).join(' or ')}, or on an AwsTarget.`);
    }
    const [first, ...others] = providers;
    const example = `runtimes.${first.declaredAs} (e.g. runtimes: { ${first.declaredAs}: '${first.usualName}' })`;
    throw new PlacementError(where, `${co} co-tenancy requires a ${required} boundary, and this DockerTarget declares `
      + `${others.length ? `neither ${providers.map((p) => `a ${p.product}`).join(' nor ')}` : `no ${first.product}`} runtime.`,
    others.length
      ? `declare ${example} or ${others.map((p) => `runtimes.${p.declaredAs}`).join(' or ')} on the DockerTarget, or use an AwsTarget.`
      : `declare ${example} on an engine with ${first.installed} installed, or use an AwsTarget.`);
  }

  /** One tenant: its own network (internal unless it declares egress) and its containers or Swarm service. */
  public realizeTenant(scope: Construct, tenant: TenantRealization): RealizedWorkload {
    const { where, workload } = tenant;
    refuseSecrets(where, workload);
    if (tenant.loadBalancer !== undefined) {
      throw new PlacementError(where, 'loadBalancer is not available on Docker (it creates an AWS load balancer).',
        'remove loadBalancer and publish the port with ingress and egress: true, or use an AwsTarget.');
    }
    const ports = publishedPorts(where, workload, tenant.ingress, this.mode.publishingReplicas(workload));
    const egress = tenant.egress === true;
    if (ports.length > 0 && !egress) {
      throw new PlacementError(where, 'the tenant declares ingress but not egress: its network would be internal, and Docker '
        + 'publishes no ports from an internal network (moby/moby#36174), so the ingress would silently not work.',
      'set egress: true (its network is then not internal, and it can open outbound connections), or remove ingress.');
    }
    const labels = { [LABEL.stack]: this.namePrefix, [LABEL.tenant]: tenant.tenantId, [LABEL.tier]: tenant.decision.tier, [LABEL.coTenancy]: tenant.isolation.coTenancy };
    const networkName = `${this.namePrefix}-tenant-${tenant.tenantId}`;
    this.claims.claimName(where, networkName, 'network');
    const network = this.networkHandle(this.docker.createNetwork(scope, 'network', {
      name: networkName, driver: this.mode.driver, internal: !egress, labels, provider: this.provider,
    }), false);
    const realized = this.mode.realize(scope, {
      where, name: `${this.namePrefix}-${tenant.tenantId}`, id: tenant.tenantId, labels, workload, tier: tenant.decision.tier as DockerTier, coTenancy: tenant.isolation.coTenancy,
      networkRef: network[this.mode.networkRefField], ports,
    });
    return { ...realized, handles: { network } };
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
    const ports = publishedPorts(where, workload, service.ingress, this.mode.publishingReplicas(workload));
    const co = service.isolation.coTenancy;
    const labels = { [LABEL.stack]: this.namePrefix, [LABEL.service]: service.serviceName, [LABEL.tier]: service.decision.tier, [LABEL.coTenancy]: co };
    const network = this.groupNetwork(co);
    const realized = this.mode.realize(scope, {
      where, name: `${this.namePrefix}-${service.serviceName}`, id: service.serviceName, labels, workload, tier: service.decision.tier as DockerTier, coTenancy: co,
      networkRef: network[this.mode.networkRefField], ports,
    });
    return { ...realized, handles: { network } };
  }

  /** The handle of a network, holding the token the mode names it by (read once, here). */
  private networkHandle(network: Network, shared: boolean): NetworkHandle {
    return HandleBuilder.network(network, { [this.mode.networkRefField]: this.mode.networkRef(network), shared });
  }

  /** The shared network of a DenseService co-tenancy group, created on first use. */
  private groupNetwork(coTenancy: string): NetworkHandle {
    let handle = this.groupNetworks.get(coTenancy);
    if (handle === undefined) {
      const name = `${this.namePrefix}-dense-${coTenancy}`;
      this.claims.claimName(this.node.path, name, 'network');
      const created = this.docker.createNetwork(this, `network-${coTenancy}`, {
        name, driver: this.mode.driver, internal: false,
        // Services that do not trust each other share the group's network but cannot talk to each other.
        isolateMembers: coTenancy === CoTenancy.UNTRUSTED || coTenancy === CoTenancy.HOSTILE,
        labels: { [LABEL.stack]: this.namePrefix, [LABEL.coTenancy]: coTenancy, [LABEL.group]: `dense-${coTenancy}` }, provider: this.provider,
      });
      handle = this.networkHandle(created, true);
      this.groupNetworks.set(coTenancy, handle);
    }
    return handle;
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

/**
 * The claims of the target's engine, shared across the app's stacks; an engine given as an unresolved
 * token cannot be compared, so its target claims on its own.
 */
function engineClaims(target: Construct, stack: IConstruct, where: string, host: string): EngineClaims {
  const claims = Token.isUnresolved(host) ? new EngineClaims(host) : AppRegistry.of(target).engine(host);
  claims.claimTarget(stack.node.path, where);
  return claims;
}

/** A stack id as Docker names allow it (`[a-zA-Z0-9][a-zA-Z0-9_.-]*`); stacks that spell alike are caught by the name claims. */
function dockerName(id: string): string {
  const name = id.replace(/[^A-Za-z0-9_.-]/g, '-');
  return /^[A-Za-z0-9]/.test(name) ? name : `s${name}`;
}
