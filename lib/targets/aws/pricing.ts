// What a workload costs on each AWS tier, from the facts the realization uses (tier rows, zones, the
// instance type choice). Pure: no provider classes, so AwsTarget may import it eagerly.
import { CostEstimator } from '../../capacity/cost-estimator';
import { LoadBalancerKind, PlacementCost } from '../../capacity/cost-inputs';
import { InstanceCatalog } from '../../capacity/instance-catalog';
import { AwsvpcTrunking } from '../../capacity/trunking';
import { LoadProfile } from '../../needs/enums';
import { PlacementTier } from '../../placement/boundary';
import { PlacementError } from '../../placement-error';
import { TierPrice, TierPriceRequest } from '../target';

/** Root volume of every instance the VM tiers and pools build (vm.ts, shared-cluster.ts), GiB. */
export const ROOT_VOLUME_GIB = 30;

/** What the target knows that prices a tier. */
export interface AwsPricingContext {
  readonly region: string;
  /** Zones the replicas and endpoints spread over. */
  readonly zones: number;
  /** Tenants expected to share the tenant network and the Dedicated Instances region fee. */
  readonly sharers: number;
  /** Per offered tier (table order), the interface endpoints its tenants need without egress. */
  readonly tiers: ReadonlyArray<{ readonly tier: PlacementTier; readonly endpoints: number }>;
}

/**
 * The workload on every offered tier that can run it: compute as the realization builds it, its own key,
 * its load balancer, and its share of the tenant network (the endpoints its tier needs, NAT gateways per
 * zone with egress) over the tenants expected to share it. Tiers that cannot run it are left out.
 */
export function priceAwsTiers(ctx: AwsPricingContext, r: TierPriceRequest): TierPrice[] {
  const prices: TierPrice[] = [];
  for (const { tier, endpoints } of ctx.tiers) {
    try {
      prices.push({ tier, cost: CostEstimator.estimate(placementCost(ctx, r, tier, endpoints)) });
    } catch (e) {
      // A tier that cannot run it (too large, a given type it refuses) is no alternative.
      if (!(e instanceof PlacementError)) throw e;
    }
  }
  return prices;
}

function placementCost(ctx: AwsPricingContext, r: TierPriceRequest, tier: PlacementTier, endpoints: number): PlacementCost {
  const w = r.workload;
  return {
    tier, region: ctx.region, replicas: w.replicas ?? 1, cpu: w.cpu, memoryMiB: w.memoryMiB, zones: ctx.zones,
    instanceType: tier === PlacementTier.DEDICATED_HOST ? r.instanceType : vmTier(tier) ? instanceTypeFor(r, tier) : undefined,
    poolInstanceType: tier === PlacementTier.SHARED_CONTAINER ? poolTypeFor(r, ctx.region) : undefined, rootVolumeGiB: ROOT_VOLUME_GIB,
    ownKey: r.service !== true, loadBalancer: r.loadBalancer ? LoadBalancerKind.APPLICATION : LoadBalancerKind.NONE,
    dedicatedFeeSharers: ctx.sharers, where: r.where,
    shares: r.service === true ? [] : [networkShare(ctx, endpoints, r.egress === true)],
  };
}

/**
 * The instance type the VM tiers build: the user's, or for STEADY load the cheapest non-burstable type
 * (a steady load on a burstable baseline pays CPU credits), else the cheapest that fits.
 * Throws PlacementError when none fits (pricing then leaves the tier out).
 */
export function instanceTypeFor(r: { where: string; workload: { cpu: number; memoryMiB: number }; efficiency: { loadProfile?: LoadProfile }; instanceType?: string },
  tier: PlacementTier): string {
  return InstanceCatalog.select({
    where: r.where, tier, cpu: r.workload.cpu, memoryMiB: r.workload.memoryMiB, instanceType: r.instanceType,
    steady: r.efficiency.loadProfile !== LoadProfile.SPIKY,
  }).type.name;
}

/** The type a pool of this workload's tasks alone is planned on (as shared-cluster.ts plans pools: trunking types). */
function poolTypeFor(r: TierPriceRequest, region: string): string {
  const w = r.workload;
  return AwsvpcTrunking.plan(Array.from({ length: w.replicas ?? 1 }, () => ({ cpu: w.cpu, memoryMiB: w.memoryMiB })), region, r.where).instanceType;
}

function vmTier(tier: PlacementTier): boolean {
  return tier === PlacementTier.VM || tier === PlacementTier.DEDICATED_VM || tier === PlacementTier.DEDICATED_HOST;
}

function networkShare(ctx: AwsPricingContext, endpoints: number, egress: boolean): { what: string; monthlyUsd: number; sharers: number } {
  const nat = egress ? ctx.zones : 0;
  const network = CostEstimator.network({ region: ctx.region, interfaceEndpoints: endpoints, zones: ctx.zones, natGateways: nat, publicIpv4Addresses: nat });
  return { what: `tenant network (${endpoints} endpoints x ${ctx.zones} zones${nat ? `, ${nat} NAT gateways` : ''})`, monthlyUsd: network.monthlyUsd, sharers: ctx.sharers };
}
