// How a workload is sized on each AWS tier: the one place the instance type, the Dedicated Host plan,
// the Fargate size and the pool are chosen. A target's offer carries the sizing, the estimate prices
// it (cost-items.ts), and the realization builds it; none of them chooses again.
import { InstanceCatalog } from './instance-catalog';
import { FargateSizes } from './fargate-sizes';
import { PoolPlanner } from './pool-planner';
import { TierSizing } from './tier-sizing';
import { AwsvpcTrunking, PlannedPool } from './trunking';
import { PlacementTier } from '../placement/boundary';

/** What sizing needs to know (internal: TierSizing is the public result). */
export interface SizingRequest {
  readonly where: string;
  readonly tier: PlacementTier;
  readonly region: string;
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly replicas: number;
  /** Tasks a pool must have room for at most (autoscaling's maximum); defaults to replicas. */
  readonly maxReplicas?: number;
  readonly instanceType?: string;
  /** STEADY load: no burstable types are chosen. */
  readonly steady: boolean;
  readonly zones: number;
}

/** The sizing and, for pool tiers, the pool's plan with the workload's share of it. */
export interface SizedTier {
  readonly sizing: TierSizing;
  readonly pool?: PlannedPool;
}

// ECS refuses an EC2 task-level cpu below 128 units (RegisterTaskDefinition), checked 2026-11.
const EC2_TASK_MIN_CPU_UNITS = 128;

/** Sizes a workload on one tier; throws PlacementError when the tier cannot run it (the offer's refusal). */
export function sizeTier(r: SizingRequest): SizedTier {
  const { tier, where, region, replicas } = r;
  if (tier === PlacementTier.MICROVM_CONTAINER) {
    const fit = FargateSizes.fit(where, r.cpu, r.memoryMiB);
    const { cpuUnits, memoryMiB } = fit.size;
    return {
      sizing: {
        summary: `Fargate ${cpuUnits / 1024} vCPU / ${memoryMiB} MiB x${replicas}`, replicas, taskCpuUnits: cpuUnits, taskMemoryMiB: memoryMiB,
        notes: fit.note ? [fit.note] : [],
      },
    };
  }
  if (tier === PlacementTier.SHARED_CONTAINER || tier === PlacementTier.SANDBOXED_CONTAINER) {
    const units = Math.ceil(r.cpu * 1024);
    const cpuUnits = Math.max(units, EC2_TASK_MIN_CPU_UNITS);
    const notes = units < EC2_TASK_MIN_CPU_UNITS
      ? [`ECS task CPU rounded up from ${r.cpu} vCPU (${units} units) to the EC2 minimum of ${EC2_TASK_MIN_CPU_UNITS} units (${EC2_TASK_MIN_CPU_UNITS / 1024} vCPU).`] : [];
    const pool = AwsvpcTrunking.planPool([{
      key: where, cpu: cpuUnits / 1024, memoryMiB: r.memoryMiB, tasks: replicas, maxTasks: Math.max(replicas, r.maxReplicas ?? replicas),
    }], r.zones, region, where);
    const { shares: _shares, ...sizing } = pool;
    return {
      sizing: {
        summary: `${cpuUnits / 1024} vCPU / ${r.memoryMiB} MiB x${replicas}`, replicas, taskCpuUnits: cpuUnits, taskMemoryMiB: r.memoryMiB,
        pool: sizing, notes,
      },
      pool,
    };
  }
  if (tier === PlacementTier.DEDICATED_HOST) {
    const plan = PoolPlanner.planDedicatedHosts({ replicas, cpu: r.cpu, memoryMiB: r.memoryMiB, zones: r.zones, region, instanceType: r.instanceType, where });
    const given = r.instanceType !== undefined;
    const chosen = given ? `instance type ${plan.instanceType} as given by instanceType, on ${plan.family} hosts`
      : `instance type ${plan.instanceType} chosen (no instanceType given): ${plan.family} hosts give the cheapest host plan for these replicas`;
    return {
      sizing: {
        summary: `${plan.instanceType} x${replicas} on ${plan.hosts} ${plan.family} Dedicated Host(s)`, replicas, instanceType: plan.instanceType,
        instanceTypeGiven: given, hostPlan: plan,
        notes: [`${tier}: ${chosen}; ${plan.hosts} host(s) of ${plan.hostVcpus} vCPU (up to ${plan.instancesPerHost} x ${plan.instanceType} each, at least one per zone used), `
          + `billed whole whatever runs on them (${InstanceCatalog.quote(plan.instanceType, region)} for the type alone).`],
      },
    };
  }
  const choice = InstanceCatalog.select({ where, tier, cpu: r.cpu, memoryMiB: r.memoryMiB, instanceType: r.instanceType, steady: r.steady, region });
  return {
    sizing: {
      summary: `${choice.type.name} x${replicas}`, replicas, instanceType: choice.type.name, instanceTypeGiven: r.instanceType !== undefined, notes: [choice.note],
    },
  };
}
