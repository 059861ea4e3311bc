import { PlacementTier } from '../placement/boundary';

/** The load balancer in front of a workload. */
export enum LoadBalancerKind {
  NONE = 'none',
  /** An Application Load Balancer (billed per hour and per LCU-hour). */
  APPLICATION = 'application',
  /** A Network Load Balancer (billed per hour and per NLCU-hour). */
  NETWORK = 'network',
}

/** The CPU architecture of Fargate tasks. */
export enum CpuArchitecture {
  X86_64 = 'x86_64',
  ARM64 = 'arm64',
}

/** One placement to price: a workload on one tier, and what it owns there. */
export interface PlacementCost {
  /** The tier the workload runs on. */
  readonly tier: PlacementTier;
  /**
   * The AWS region; one without a price table is priced with us-east-1 and a warning.
   * @default 'us-east-1'
   */
  readonly region?: string;
  /**
   * Replicas (instances on the VM tiers, tasks on the container tiers).
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Tasks a capacity pool must have room for at most (SHARED_CONTAINER with autoscaling: its maximum);
   * the pool is priced for `replicas`.
   * @default - replicas
   */
  readonly maxReplicas?: number;
  /** vCPUs one replica needs. */
  readonly cpu: number;
  /** MiB one replica needs. */
  readonly memoryMiB: number;
  /**
   * The instance type of the VM tiers, given rather than chosen.
   * @default - the cheapest catalogue type the tier accepts that fits one replica (DEDICATED_HOST: of the family with the cheapest host plan)
   */
  readonly instanceType?: string;
  /**
   * STEADY load: no burstable (t*) type is chosen.
   * @default false
   */
  readonly steady?: boolean;
  /**
   * Fargate task architecture (MICROVM_CONTAINER).
   * @default CpuArchitecture.X86_64
   */
  readonly architecture?: CpuArchitecture;
  /**
   * Zones the replicas spread over: DEDICATED_HOST needs a host per zone used, a pool an instance per zone
   * once it runs two or more tasks, and an internet-facing load balancer has a public address per zone.
   * @default 1
   */
  readonly zones?: number;
  /**
   * Root volume (gp3) of each instance of the VM tiers, GiB (pools use the ECS-optimized AMI's 30).
   * @default 8
   */
  readonly rootVolumeGiB?: number;
  /**
   * SHARED_CONTAINER on a pool other workloads share: priced as the share of the pool its tasks reserve,
   * rather than as a pool of its own.
   * @default false
   */
  readonly sharedPool?: boolean;
  /**
   * The workload has a KMS key of its own.
   * @default true
   */
  readonly ownKey?: boolean;
  /**
   * Log data its log group ingests per month, GiB (traffic is unknown at synth: 0 leaves it out).
   * @default 0
   */
  readonly logIngestionGiBPerMonth?: number;
  /**
   * A network of its own (dedicatedNetwork): its endpoints, NAT gateways, addresses and flow log key.
   * @default - none: it runs in a network its target shares (priced once, among the stack's shared items)
   */
  readonly ownNetwork?: NetworkCost;
  /**
   * Its own load balancer.
   * @default LoadBalancerKind.NONE
   */
  readonly loadBalancer?: LoadBalancerKind;
  /**
   * The load balancer is internet-facing: it has a public IPv4 address in each zone.
   * @default false
   */
  readonly internetFacing?: boolean;
  /**
   * Average capacity units (LCU or NLCU) the load balancer uses per hour: an assumption, 1 is a small service.
   * @default 1
   */
  readonly loadBalancerCapacityUnits?: number;
  /**
   * Where the request comes from (a construct path), used in error messages.
   * @default 'workload'
   */
  readonly where?: string;
}

/** A network: the tenant network of a target, the dense services' VPC, or a tenant's own with dedicatedNetwork. */
export interface NetworkCost {
  /**
   * The AWS region.
   * @default 'us-east-1'
   */
  readonly region?: string;
  /** Interface endpoints, each billed in every zone. */
  readonly interfaceEndpoints: number;
  /** Zones the endpoints are in. */
  readonly zones: number;
  /**
   * NAT gateways (one per zone for tenants that declare egress).
   * @default 0
   */
  readonly natGateways?: number;
  /**
   * Public IPv4 addresses (a NAT gateway's Elastic IP is one).
   * @default 0
   */
  readonly publicIpv4Addresses?: number;
  /**
   * KMS keys of the network (its flow log's).
   * @default 0
   */
  readonly kmsKeys?: number;
  /**
   * Flow log data ingested per month, GiB.
   * @default 0
   */
  readonly flowLogGiBPerMonth?: number;
}

/** A capacity pool of identical instances. */
export interface PoolCost {
  /**
   * The AWS region.
   * @default 'us-east-1'
   */
  readonly region?: string;
  /** The pool's instance type, e.g. 'm6i.large'. */
  readonly instanceType: string;
  /** Instances in the pool. */
  readonly instances: number;
  /**
   * Root volume (gp3) of each instance, GiB (the ECS-optimized AMI's default is 30).
   * @default 30
   */
  readonly rootVolumeGiB?: number;
}
