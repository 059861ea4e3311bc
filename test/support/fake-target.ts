import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import {
  IPlacementTarget, IsolationNeeds, PlacementError, PlacementTier, RealizedWorkload, ServiceRealization, TenantRealization,
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
  /** checkNeeds refuses this coTenancy (to test error wrapping). */
  readonly refuseCoTenancy?: string;
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

  constructor(scope: Construct, id: string, props: FakeTargetProps = {}) {
    super(scope, id);
    this.availableTiers = props.availableTiers ?? Object.values(PlacementTier).filter((t) => t !== PlacementTier.SANDBOXED_CONTAINER);
    this.elasticBilling = props.elasticBilling ?? true;
    this.refuse = props.refuseCoTenancy;
  }

  /** Unpriced, like Docker: the engine keeps table order. */
  public priceTiers(): [] {
    return [];
  }

  public checkNeeds(where: string, isolation: IsolationNeeds): void {
    if (isolation.coTenancy === this.refuse) {
      throw new PlacementError(where, `the fake target refuses ${isolation.coTenancy} co-tenancy.`, 'use another coTenancy.');
    }
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
