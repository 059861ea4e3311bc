import { Construct } from 'constructs';
import { PlacedWorkload, PlacedWorkloadProps, PlacementOptions, TENANT_DEFAULTS } from './placed-workload';
import { IngressRule, LoadBalancerOptions } from '../targets/target';

/**
 * What an {@link IsolatedTenant} declares besides its target; a {@link FleetTenant} is one of these.
 */
export interface IsolatedTenantOptions extends PlacementOptions {
  /**
   * The tenant's stable id: DNS-safe, unique in the stack. Every resource name and construct id of
   * the tenant derives from it, so adding or removing a tenant changes no other tenant.
   */
  readonly tenantId: string;
  /**
   * Sources admitted to the workload's port (see {@link IngressRule.cidr} for what reaches it per target).
   * @default - no ingress: the tenant is reachable from nowhere
   */
  readonly ingress?: IngressRule[];
  /**
   * The tenant may open connections to the internet (AWS: a NAT gateway in its VPC;
   * Docker: its network is not internal; Kubernetes: a NetworkPolicy admitting egress to 0.0.0.0/0
   * but the cluster's CIDRs).
   * @default false
   */
  readonly egress?: boolean;
  /**
   * The tenant's own load balancer (AWS: an application load balancer in the tenant network's public
   * subnets when internet-facing, HTTPS with a certificate), forwarding to the tenant's instances or
   * tasks; the tenant's security group admits it and its declared ingress only.
   * @default - none: without it, declared ingress reaches the tenant only from networks routed to its VPC (VPN, Transit Gateway)
   */
  readonly loadBalancer?: LoadBalancerOptions;
}

/**
 * Props of {@link IsolatedTenant}.
 */
export interface IsolatedTenantProps extends IsolatedTenantOptions, PlacedWorkloadProps {}

/**
 * A workload that owns its isolation boundary: nothing that carries its data or traffic is shared with
 * another tenant (own network, key, roles, logs). By default HOSTILE co-tenancy and BALANCED priority,
 * which on AWS gives a VM per tenant.
 */
export class IsolatedTenant extends PlacedWorkload {
  /** The tenant id. */
  public readonly tenantId: string;

  constructor(scope: Construct, id: string, props: IsolatedTenantProps) {
    super(scope, id, 'IsolatedTenant', props?.tenantId, props, TENANT_DEFAULTS, { egress: props?.egress, loadBalancer: props?.loadBalancer });
    // Realized here, not in a helper: this frame is in every stack trace cdktf captures per token.
    this._complete(props.target.realizeTenant(this, {
      ...this._request, tenantId: props.tenantId, ingress: props.ingress, egress: props.egress, loadBalancer: props.loadBalancer,
    }));
    this.tenantId = props.tenantId;
  }
}
