import { Construct, IConstruct } from 'constructs';
import { EfficiencyNeeds, IsolationNeeds } from '../needs/needs';
import { WorkloadSpec } from '../needs/workload';
import { PlacementTier } from '../placement/boundary';
import { PlacementDecision, TierOffer } from '../placement/engine';
import type { CostEstimate } from '../capacity/cost-estimator';
import type { TierSizing } from '../capacity/tier-sizing';
import { WorkloadHandles } from './handles';

/**
 * One allowed source of inbound traffic.
 */
export interface IngressRule {
  /**
   * The source CIDR block, e.g. `10.0.0.0/8`. On AWS the rule opens the workload's security group;
   * workloads sit in private subnets, so sources reach them only over networks you connect (VPN,
   * Transit Gateway) or through a load balancer. On Docker, `0.0.0.0/0` publishes the port on every
   * interface and anything narrower on 127.0.0.1 only. On Kubernetes it is a NetworkPolicy ipBlock on
   * the workload's pods (the cluster's pod and Service CIDRs excepted when the target knows them).
   */
  readonly cidr: string;
  /**
   * The port admitted.
   * @default - the workload's port
   */
  readonly port?: number;
  /**
   * What this traffic is, for the security group rule: up to 255 letters, digits, spaces and
   * `._-:/()#,@[]+=&;{}!$*` (what EC2 accepts).
   * @default - derived from the cidr and port
   */
  readonly description?: string;
}

/**
 * Service auto scaling.
 */
export interface AutoscalingOptions {
  /** Fewest replicas. */
  readonly minReplicas: number;
  /** Most replicas: at most 5,000 (ECS's tasks per service). */
  readonly maxReplicas: number;
  /**
   * Average CPU utilisation the scaling policy keeps, in percent.
   * @default 60
   */
  readonly targetCpuPercent?: number;
}

/**
 * A load balancer in front of a workload.
 */
export interface LoadBalancerOptions {
  /**
   * Accept traffic from the internet (0.0.0.0/0) rather than only from `allowedCidrs`.
   * @default false
   */
  readonly internetFacing?: boolean;
  /**
   * Sources admitted to the load balancer when it is not internet-facing: network addresses
   * (`10.0.0.0/8`, not `10.0.0.1/8`). Refused together with `internetFacing`.
   * @default - the VPC's own CIDR
   */
  readonly allowedCidrs?: string[];
  /**
   * An ACM certificate ARN (`arn:aws:acm:<region>:<account>:certificate/<id>`, in the target's region):
   * the listener serves HTTPS on 443 and HTTP redirects to it.
   * @default - plain HTTP on the listener port
   */
  readonly certificateArn?: string;
  /**
   * The listener port for plain HTTP, 1-65535. Refused together with `certificateArn` (the listeners are then 443 and 80).
   * @default - the workload's port
   */
  readonly listenerPort?: number;
  /**
   * The path the target group's health check requests: starts with '/', at most 1024 characters.
   * @default '/'
   */
  readonly healthCheckPath?: string;
  /**
   * Write access logs to an S3 bucket of the load balancer's own (SSE-S3, the only encryption ALB access
   * logs support; public access blocked; TLS only; expired after `accessLogRetentionDays`).
   * @default - true when internetFacing, else false
   */
  readonly accessLogs?: boolean;
  /**
   * Days the access logs are kept before S3 expires them: a whole number from 1 to 3650. Only with access logs.
   * @default 365
   */
  readonly accessLogRetentionDays?: number;
  /**
   * Refuse to delete the load balancer (`enable_deletion_protection`) until this is turned off again.
   * Off by default: the library replaces load balancers when placement changes, and a protected one
   * would make that apply fail half-way.
   * @default false
   */
  readonly deletionProtection?: boolean;
  /**
   * A regional WAFv2 web ACL (`arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>`) to associate
   * with the load balancer. No web ACL is created by default: its rules are the application's to choose.
   * @default - no web ACL
   */
  readonly webAclArn?: string;
}

/**
 * What every realization request carries: the workload, its needs with defaults applied, and the
 * engine's decision. {@link TenantRealization} and {@link ServiceRealization} extend it.
 */
export interface RealizationRequest {
  /** Construct path, for error messages. */
  readonly where: string;
  /** What runs. */
  readonly workload: WorkloadSpec;
  /** The declared isolation needs, defaults applied. */
  readonly isolation: IsolationNeeds;
  /** The declared efficiency needs, defaults applied. */
  readonly efficiency: EfficiencyNeeds;
  /** The engine's decision. */
  readonly decision: PlacementDecision;
  /**
   * The target's offer of the chosen tier: the realization builds its sizing and decides nothing again.
   */
  readonly offer: SizedTierOffer;
  /**
   * Sources admitted to the workload's port (for a service: besides a load balancer).
   * @default - no ingress
   */
  readonly ingress?: IngressRule[];
}

/**
 * What a target needs to realize one IsolatedTenant.
 */
export interface TenantRealization extends RealizationRequest {
  /** The stable, DNS-safe tenant id. */
  readonly tenantId: string;
  /**
   * The tenant may open connections to the internet.
   * @default false
   */
  readonly egress?: boolean;
  /**
   * The tenant's own load balancer.
   * @default - none
   */
  readonly loadBalancer?: LoadBalancerOptions;
}

/**
 * What a target needs to realize one DenseService.
 */
export interface ServiceRealization extends RealizationRequest {
  /** The stable, DNS-safe service name. */
  readonly serviceName: string;
  /**
   * Service auto scaling.
   * @default - a fixed number of replicas
   */
  readonly autoscaling?: AutoscalingOptions;
  /**
   * A load balancer in front of the service.
   * @default - none
   */
  readonly loadBalancer?: LoadBalancerOptions;
}

/**
 * What a realization produced, for outputs and the placement report.
 */
export interface RealizedWorkload {
  /**
   * Tiers' adjustments worth explaining (e.g. Fargate size rounding, the instance type picked).
   * @default - none
   */
  readonly notes?: string[];
  /**
   * EC2 instance ids (VM tiers).
   * @default - none
   */
  readonly instanceIds?: string[];
  /**
   * The ECS service or Swarm service name; on Kubernetes the name of the Deployment and its Service.
   * @default - none
   */
  readonly serviceName?: string;
  /**
   * The Kubernetes namespace the workload runs in.
   * @default - none
   */
  readonly namespace?: string;
  /**
   * Docker container names.
   * @default - none
   */
  readonly containerNames?: string[];
  /**
   * The load balancer's DNS name.
   * @default - none
   */
  readonly loadBalancerDnsName?: string;
  /**
   * The capacity the realization reserves, e.g. "t3a.small x1" or "Fargate 0.5 vCPU / 1024 MiB x2".
   * @default - none
   */
  readonly capacity?: string;
  /**
   * What user code may grant and reference: roles, security group, log group, key, network.
   * @default - none
   */
  readonly handles?: WorkloadHandles;
}

/**
 * What a target is asked for before the engine decides: the workload, and what it owns besides compute.
 */
export interface OfferRequest {
  /** Construct path, for error messages. */
  readonly where: string;
  /** What runs. */
  readonly workload: WorkloadSpec;
  /** The declared isolation needs, defaults applied. */
  readonly isolation: IsolationNeeds;
  /** The declared efficiency needs, defaults applied (the load profile picks the instance family). */
  readonly efficiency: EfficiencyNeeds;
  /**
   * The tier the workload pins: the engine checks a pin and its acknowledgement, so a target then
   * refuses only what no pin can excuse.
   * @default - no pin
   */
  readonly pin?: PlacementTier;
  /**
   * An instance type chosen by the user for the VM tiers.
   * @default - chosen as the catalogue's cheapest type that fits
   */
  readonly instanceType?: string;
  /**
   * A DenseService (shares the target's key, network and pools) rather than an IsolatedTenant.
   * @default false
   */
  readonly service?: boolean;
  /**
   * The tenant may open connections to the internet (NAT gateways).
   * @default false
   */
  readonly egress?: boolean;
  /**
   * A load balancer of its own in front of the workload.
   * @default - none
   */
  readonly loadBalancer?: LoadBalancerOptions;
  /**
   * Service auto scaling: pools hold its maximum, Fargate bills its desired count.
   * @default - a fixed number of replicas
   */
  readonly autoscaling?: AutoscalingOptions;
}

/**
 * A target's offer of one tier for one workload: the engine's {@link TierOffer} (can it run it, at what
 * cost), with the sizing the realization builds and the cost's items.
 */
export interface SizedTierOffer extends TierOffer {
  /**
   * What the workload runs on at this tier: instance type, Dedicated Host plan, Fargate size or pool.
   * @default - none: the tier cannot run the workload (see refusal)
   */
  readonly sizing?: TierSizing;
  /**
   * What the workload alone costs on this tier, as items (shared networks, pool slack and the
   * Dedicated Instances region fee are the stack's items, not a workload's).
   * @default - unpriced (a Docker target), or the tier cannot run it
   */
  readonly cost?: CostEstimate;
}

/**
 * Where workloads are realized: AWS (EC2, ECS/Fargate), Docker (one engine, or a Swarm) or a Kubernetes
 * cluster. `AwsTarget`, `DockerTarget` and `KubernetesTarget` implement it.
 */
export interface IPlacementTarget extends IConstruct {
  /** A short name: 'aws', 'docker' or 'kubernetes'. */
  readonly targetKind: string;
  /** The tiers this target can realize. */
  readonly availableTiers: PlacementTier[];
  /** Whether the target bills per task, so idle capacity costs nothing. */
  readonly elasticBilling: boolean;
  /**
   * The target's offer of each of its tiers for one workload (in table order): whether the tier can run
   * it and why not, how it would be sized and what it would cost. The engine chooses among them; the
   * realization builds the chosen one. Throws a PlacementError for needs this target can never meet
   * (naming the target's fix), before the engine runs.
   */
  offerTiers(request: OfferRequest): SizedTierOffer[];
  /** Builds one tenant's resources under `scope`. */
  realizeTenant(scope: Construct, tenant: TenantRealization): RealizedWorkload;
  /** Builds one service's resources under `scope`. */
  realizeService(scope: Construct, service: ServiceRealization): RealizedWorkload;
}
