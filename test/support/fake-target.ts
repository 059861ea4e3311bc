import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import {
  IPlacementTarget, OfferRequest, PlacementError, PlacementTier, RealizedWorkload, ServiceRealization, SizedTierOffer, TenantRealization,
} from '../../lib';

/** Terraform's built-in `terraform_data` resource: real Terraform, no provider needed. */
class TerraformData extends TerraformResource {
  constructor(scope: Construct, id: string, private readonly input: Record<string, unknown>) {
    super(scope, id, { terraformResourceType: 'terraform_data', terraformGeneratorMetadata: { providerName: 'terraform' } });
  }
  protected synthesizeAttributes(): Record<string, unknown> {
    return { input: this.input };
  }
}

export interface FakeTargetProps {
  readonly availableTiers?: PlacementTier[];
  readonly elasticBilling?: boolean;
  /** offerTiers refuses this coTenancy (to test error wrapping). */
  readonly refuseCoTenancy?: string;
  /** Tiers offered with a refusal (they cannot run any workload). */
  readonly refuseTiers?: PlacementTier[];
}

/**
 * A placement target for tests of the layers above targets: one `terraform_data` per workload,
 * carrying what a real target would tag its resources with.
 */
export class FakeTarget extends Construct implements IPlacementTarget {
  public readonly targetKind = 'fake';
  public readonly availableTiers: PlacementTier[];
  public readonly elasticBilling: boolean;
  private readonly refuse?: string;
  private readonly refuseTiers: PlacementTier[];

  constructor(scope: Construct, id: string, props: FakeTargetProps = {}) {
    super(scope, id);
    this.availableTiers = props.availableTiers ?? Object.values(PlacementTier).filter((t) => t !== PlacementTier.SANDBOXED_CONTAINER);
    this.elasticBilling = props.elasticBilling ?? true;
    this.refuse = props.refuseCoTenancy;
    this.refuseTiers = props.refuseTiers ?? [];
  }

  /** Unpriced, like Docker: the engine keeps table order among the tiers not refused. */
  public offerTiers(request: OfferRequest): SizedTierOffer[] {
    if (request.isolation.coTenancy === this.refuse) {
      throw new PlacementError(request.where, `the fake target refuses ${request.isolation.coTenancy} co-tenancy.`, 'use another coTenancy.');
    }
    const replicas = request.workload.replicas ?? 1;
    return this.availableTiers.map((tier) => (this.refuseTiers.includes(tier)
      ? { tier, refusal: `the fake target cannot run anything on ${tier}.` }
      : { tier, sizing: { summary: `fake x${replicas}`, replicas, notes: [] } }));
  }

  public realizeTenant(scope: Construct, tenant: TenantRealization): RealizedWorkload {
    new TerraformData(scope, 'data', {
      tenant: tenant.tenantId, tier: tenant.decision.tier, image: tenant.workload.image,
      cpu: tenant.workload.cpu, memory: tenant.workload.memoryMiB, egress: tenant.egress ?? false,
    });
    return { notes: [`fake ${tenant.decision.tier}`], capacity: `${tenant.workload.cpu} vCPU x${tenant.workload.replicas ?? 1}` };
  }

  public realizeService(scope: Construct, service: ServiceRealization): RealizedWorkload {
    new TerraformData(scope, 'data', { service: service.serviceName, tier: service.decision.tier, image: service.workload.image });
    return {};
  }
}
