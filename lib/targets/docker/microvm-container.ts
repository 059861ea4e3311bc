import { DockerTierRealization } from './tier-realization';
import { PlacementTier } from '../../placement/boundary';

/** MICROVM_CONTAINER on Docker: Kata Containers, one lightweight VM with its own guest kernel per container. */
export const MICROVM_CONTAINER: DockerTierRealization = {
  tier: PlacementTier.MICROVM_CONTAINER,
  runtime: (runtimes) => runtimes.kata!, // offered only when declared
  note: (runtime) => `runtime ${runtime} (Kata Containers): each container runs in its own microVM behind a hypervisor; `
    + `the guest kernel adds memory beyond the container limit; the engine must register '${runtime}' in daemon.json.`,
};
