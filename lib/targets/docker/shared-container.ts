import { DockerTierRealization } from './tier-realization';
import { PlacementTier } from '../../placement/boundary';

/** SHARED_CONTAINER on Docker: runc, the host kernel shared (a PROCESS boundary). */
export const SHARED_CONTAINER: DockerTierRealization = {
  tier: PlacementTier.SHARED_CONTAINER,
  // Explicit, so a daemon whose default-runtime is something else still gives what the report says.
  runtime: () => 'runc',
  note: () => 'runtime runc: namespaces and cgroups on the shared host kernel.',
};
