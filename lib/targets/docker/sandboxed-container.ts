import { DockerTierRealization } from './tier-realization';
import { PlacementTier } from '../../placement/boundary';

/** SANDBOXED_CONTAINER on Docker: gVisor, whose user-space kernel serves the workload's system calls. */
export const SANDBOXED_CONTAINER: DockerTierRealization = {
  tier: PlacementTier.SANDBOXED_CONTAINER,
  runtime: (runtimes) => runtimes.gvisor!, // offered only when declared
  note: (runtime) => `runtime ${runtime} (gVisor): system calls are served by a user-space kernel, not the host's; `
    + `the engine must register '${runtime}' under "runtimes" in daemon.json.`,
};
