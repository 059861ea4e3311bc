import { HostPlan, PoolSizing } from './pool-planner';

/**
 * What a workload runs on at one tier, as its target's offer sized it: what the realization builds and
 * the estimate prices. Only the fields of the tier are set.
 */
export interface TierSizing {
  /** In short, e.g. 'c6i.large x2', 'c5.large x2 on 2 c5 Dedicated Hosts', 'Fargate 0.5 vCPU / 1024 MiB x2'. */
  readonly summary: string;
  /** Replicas that run (instances on the VM tiers, tasks or containers on the container tiers). */
  readonly replicas: number;
  /**
   * The instance type of every replica (VM tiers).
   * @default - not a VM tier
   */
  readonly instanceType?: string;
  /**
   * The instance type is the workload's `instanceType`, not the catalogue's choice.
   * @default false
   */
  readonly instanceTypeGiven?: boolean;
  /**
   * The Dedicated Hosts the replicas run on (DEDICATED_HOST).
   * @default - not DEDICATED_HOST
   */
  readonly hostPlan?: HostPlan;
  /**
   * CPU units (1024 = 1 vCPU) of one ECS task: a valid Fargate size, or at least ECS's EC2 minimum.
   * @default - not an ECS tier
   */
  readonly taskCpuUnits?: number;
  /**
   * MiB of one ECS task.
   * @default - not an ECS tier
   */
  readonly taskMemoryMiB?: number;
  /**
   * The capacity pool planned for the workload's tasks (SHARED_CONTAINER): its own pool, or for a
   * service on a shared pool the pool its tasks alone would need (its share is priced by it).
   * @default - not a pool tier
   */
  readonly pool?: PoolSizing;
  /** What was given and what was chosen, with the region's prices. */
  readonly notes: string[];
}

