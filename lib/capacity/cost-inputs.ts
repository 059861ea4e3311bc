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

/** Something several workloads share, and how many share it. */
export interface CostShare {
  /** What is shared, e.g. 'tenant network endpoints'. */
  readonly what: string;
  /** The monthly USD of the whole shared thing (e.g. from CostEstimator.network or .pool). */
  readonly monthlyUsd: number;
  /** How many workloads share it; this workload's share is monthlyUsd / sharers. */
  readonly sharers: number;
}

/** One placement to price: what a target knows once it has realized a decision. */
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
  /** vCPUs one replica needs. */
  readonly cpu: number;
  /** MiB one replica needs. */
  readonly memoryMiB: number;
  /**
   * The instance type of the VM tiers.
   * @default - the cheapest catalogue type the tier accepts that fits one replica
   */
  readonly instanceType?: string;
  /**
   * The instance type of the pool a container tier (SHARED_CONTAINER, SANDBOXED_CONTAINER) runs on.
   * @default - the cheapest catalogue type that fits one replica
   */
  readonly poolInstanceType?: string;
  /**
   * Fargate task architecture (MICROVM_CONTAINER).
   * @default CpuArchitecture.X86_64
   */
  readonly architecture?: CpuArchitecture;
  /**
   * Zones the replicas are spread over; own endpoints are billed per zone, and DEDICATED_HOST needs a host per zone used.
   * @default 1
   */
  readonly zones?: number;
  /**
   * Dedicated Hosts allocated (DEDICATED_HOST).
   * @default - as few hosts of the family as hold the replicas, at least one per zone used
   */
  readonly hosts?: number;
  /**
   * Root volume (gp3) of each instance of the VM tiers, GiB.
   * @default 8
   */
  readonly rootVolumeGiB?: number;
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
   * Interface endpoints of its own network (dedicatedNetwork), billed per zone.
   * @default 0
   */
  readonly ownInterfaceEndpoints?: number;
  /**
   * NAT gateways of its own network.
   * @default 0
   */
  readonly ownNatGateways?: number;
  /**
   * Public IPv4 addresses of its own (a public load balancer has one per zone).
   * @default 0
   */
  readonly publicIpv4Addresses?: number;
  /**
   * Its own load balancer.
   * @default LoadBalancerKind.NONE
   */
  readonly loadBalancer?: LoadBalancerKind;
  /**
   * Average capacity units (LCU or NLCU) the load balancer uses per hour: an assumption, 1 is a small service.
   * @default 1
   */
  readonly loadBalancerCapacityUnits?: number;
  /**
   * Workloads sharing the Dedicated Instances region fee ($2/hour while any dedicated instance runs); DEDICATED_VM only.
   * @default 1
   */
  readonly dedicatedFeeSharers?: number;
  /**
   * Its shares of what it shares: the shared network, a capacity pool.
   * @default - none
   */
  readonly shares?: CostShare[];
  /**
   * Where the request comes from (a construct path), used in error messages.
   * @default 'workload'
   */
  readonly where?: string;
}

/** The shared network of a target (or a tenant's own, with dedicatedNetwork). */
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
