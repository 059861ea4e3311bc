import { PlacementTier } from '../../placement/boundary';

/** The runtime names a DockerTarget declared (validated, so present when the tier is offered). */
export interface DeclaredRuntimes {
  readonly gvisor?: string;
  readonly kata?: string;
}

/**
 * What differs between the Docker container tiers: the OCI runtime and what to tell the user about it.
 * The container itself is built by `buildContainers`, the same for every tier.
 */
export interface DockerTierRealization {
  readonly tier: PlacementTier;
  /** The runtime name for `docker_container.runtime`. */
  runtime(runtimes: DeclaredRuntimes): string;
  /** A note for the placement report. */
  note(runtime: string): string;
}
