// The Docker tier table: every fact one container tier means on Docker, in one row. The why of each
// tier is in lib/placement (boundary-rules.ts, tiers.ts); the containers are built by engine-mode.ts
// (one engine) and swarm-mode.ts (a Swarm, runc only). Data only: no provider is loaded here.
import { PlacementTier } from '../../placement/boundary';

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

/** The tiers Docker can offer: its three container tiers. */
export type DockerTier = PlacementTier.SHARED_CONTAINER | PlacementTier.SANDBOXED_CONTAINER | PlacementTier.MICROVM_CONTAINER;

/** One container tier on Docker. */
export interface DockerTierRow {
  /** The DockerRuntimes field that offers the tier; none for runc, which every engine has. */
  readonly declaredAs?: 'gvisor' | 'kata';
  /** The runtime's name in messages ("a Kata runtime"). */
  readonly product: string;
  /** What the engine's host must have installed for it. */
  readonly installed: string;
  /** Its usual registered name (`DockerTarget.defaultRuntimes()`). */
  readonly usualName: string;
  /** A note for the placement report. */
  note(runtime: string): string;
}

/** Keyed by every tier Docker offers: a tier offered without a row does not compile. */
export const DOCKER_TIERS: { readonly [T in DockerTier]: DockerTierRow } = {
  // runc explicitly, so a daemon whose default-runtime is something else still gives what the report says.
  [PlacementTier.SHARED_CONTAINER]: {
    product: 'runc', installed: 'runc', usualName: 'runc',
    note: () => 'runtime runc: namespaces and cgroups on the shared host kernel.',
  },
  [PlacementTier.SANDBOXED_CONTAINER]: {
    declaredAs: 'gvisor', product: 'gVisor', installed: 'gVisor', usualName: 'runsc',
    note: (runtime) => `runtime ${runtime} (gVisor): system calls are served by a user-space kernel, not the host's; `
      + `the engine must register '${runtime}' under "runtimes" in daemon.json.`,
  },
  [PlacementTier.MICROVM_CONTAINER]: {
    declaredAs: 'kata', product: 'Kata', installed: 'Kata Containers', usualName: 'kata',
    note: (runtime) => `runtime ${runtime} (Kata Containers): each container runs in its own microVM behind a hypervisor; `
      + `the guest kernel adds memory beyond the container limit; the engine must register '${runtime}' in daemon.json.`,
  },
};

/** Docker's container tiers, in DESIGN.md table order. */
export const DOCKER_TIER_ORDER: readonly DockerTier[] = [PlacementTier.SHARED_CONTAINER, PlacementTier.SANDBOXED_CONTAINER, PlacementTier.MICROVM_CONTAINER];

/** The runtime name of a tier for `docker_container.runtime`; undefined when the target did not declare it. */
export function runtimeOf(tier: DockerTier, runtimes: DockerRuntimes): string | undefined {
  const field = DOCKER_TIERS[tier].declaredAs;
  return field === undefined ? 'runc' : runtimes[field];
}
