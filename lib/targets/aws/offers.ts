// What AwsTarget offers a workload on each of its tiers: feasible or the refusal, the sizing the
// realization builds, and what the workload alone costs there (list prices of the region's dated table,
// 730 hours). Pure: no provider classes, so AwsTarget may import it eagerly.
import { LoadBalancerKind, PlacementCost } from '../../capacity/cost-inputs';
import { estimateSized, ROOT_VOLUME_GIB } from '../../capacity/cost-items';
import { FargateSizes } from '../../capacity/fargate-sizes';
import { InstanceCatalog } from '../../capacity/instance-catalog';
import { LoadProfile } from '../../needs/enums';
import { PlacementTier } from '../../placement/boundary';
import { PlacementError } from '../../placement-error';
import { OfferRequest, SizedTierOffer } from '../target';
import { checkVmSecrets } from './user-data';

/** What the target knows that sizes and prices a tier. */
export interface AwsOfferContext {
  readonly region: string;
  /** Zones the replicas, hosts, pools and endpoints spread over. */
  readonly zones: number;
  /** Per offered tier (table order), the interface endpoints its tenants need without egress (a dedicated network's own). */
  readonly tiers: ReadonlyArray<{ readonly tier: PlacementTier; readonly endpoints: number }>;
}

const VM_TIERS: readonly PlacementTier[] = [PlacementTier.VM, PlacementTier.DEDICATED_VM, PlacementTier.DEDICATED_HOST];

/**
 * The workload on every offered tier: sized once (instance type, hosts, Fargate size, pool) and priced
 * with what it owns there (its key, its load balancer, its own network with `dedicatedNetwork`). A tier
 * that cannot run it gets the refusal instead. A given instance type no VM tier could use (unknown, or
 * too small) is an error, not a refusal: it is the input that is wrong.
 */
export function awsOffers(ctx: AwsOfferContext, r: OfferRequest): SizedTierOffer[] {
  const w = r.workload;
  if (r.instanceType !== undefined) {
    InstanceCatalog.select({ where: r.where, tier: PlacementTier.VM, cpu: w.cpu, memoryMiB: w.memoryMiB, instanceType: r.instanceType, region: ctx.region });
  }
  return ctx.tiers.map(({ tier, endpoints }): SizedTierOffer => {
    try {
      if (tier === PlacementTier.MICROVM_CONTAINER) FargateSizes.checkCapabilities(r.where, w.capabilities);
      if (VM_TIERS.includes(tier)) checkInstanceTier(r, tier);
      const { sizing, cost } = estimateSized(placementCost(ctx, r, tier, endpoints));
      return { tier, monthlyUsd: cost.monthlyUsd, sizing, cost };
    } catch (e) {
      if (!(e instanceof PlacementError)) throw e;
      return { tier, refusal: e.problem, remedy: e.fix };
    }
  });
}

/** What EC2 instances cannot do that the workload asks for: service auto scaling, secrets known only at apply. */
function checkInstanceTier(r: OfferRequest, tier: PlacementTier): void {
  if (r.autoscaling !== undefined && r.autoscaling !== null) {
    throw new PlacementError(r.where, `autoscaling applies to ECS services, and ${tier} runs EC2 instances.`,
      'drop autoscaling and set workload.replicas, or declare needs (or a pin) that place the service on a container tier.');
  }
  checkVmSecrets(r.where, r.workload);
}

function placementCost(ctx: AwsOfferContext, r: OfferRequest, tier: PlacementTier, endpoints: number): PlacementCost {
  const w = r.workload;
  const scaling = r.autoscaling;
  const replicas = w.replicas ?? 1;
  const service = r.service === true;
  const egress = r.egress === true;
  return {
    tier, region: ctx.region, cpu: w.cpu, memoryMiB: w.memoryMiB, zones: ctx.zones, where: r.where,
    // ECS starts the desired count; a pool holds autoscaling's maximum.
    replicas: scaling ? Math.min(Math.max(replicas, scaling.minReplicas), scaling.maxReplicas) : replicas,
    maxReplicas: scaling?.maxReplicas,
    instanceType: VM_TIERS.includes(tier) ? r.instanceType : undefined,
    steady: r.efficiency.loadProfile !== LoadProfile.SPIKY,
    rootVolumeGiB: ROOT_VOLUME_GIB,
    sharedPool: service,
    ownKey: !service,
    ownNetwork: !service && r.isolation.dedicatedNetwork === true ? {
      region: ctx.region, zones: ctx.zones, interfaceEndpoints: egress ? 0 : endpoints, kmsKeys: 1,
      natGateways: egress ? ctx.zones : 0, publicIpv4Addresses: egress ? ctx.zones : 0,
    } : undefined,
    loadBalancer: r.loadBalancer ? LoadBalancerKind.APPLICATION : LoadBalancerKind.NONE,
    internetFacing: r.loadBalancer?.internetFacing === true,
  };
}
