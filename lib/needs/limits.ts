import { PlacementError } from '../placement-error';

/**
 * Limits every target shares, so a workload accepted on one target is not refused on another.
 * Sources, checked 2026-12: the ECS ContainerDefinition `memory` reference ("The Docker 20.10.0 or later
 * daemon reserves a minimum of 6 MiB ... don't specify less than 6 MiB"), which is Docker's own floor
 * and so holds for the VM tiers' `docker run` too; `docker run --cpus` ("Range of CPUs is from 0.01");
 * ECS service quotas ("Tasks per service": 5,000), used as the per-workload ceiling on every target:
 * a VM replica is an instance and a Docker replica a container, each a Terraform resource, and
 * 10,000 of them made 26 MB of JSON and 13 s of synth.
 */
export const WORKLOAD_LIMITS = {
  minMemoryMiB: 6,
  minCpu: 0.01,
  maxReplicas: 5000,
} as const;

/** Refuses a replica count above the ceiling every target shares (ECS: 5,000 tasks per service). */
export function checkReplicaCeiling(where: string, field: string, replicas: number): void {
  if (replicas > WORKLOAD_LIMITS.maxReplicas) {
    throw new PlacementError(where, `${field} ${replicas} is above the maximum of ${WORKLOAD_LIMITS.maxReplicas} replicas of one workload `
      + '(ECS runs at most 5,000 tasks per service; on the VM and Docker tiers every replica is a Terraform resource of its own).',
    `set ${field} to at most ${WORKLOAD_LIMITS.maxReplicas}, or split the workload into several services.`);
  }
}
