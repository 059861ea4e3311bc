/**
 * Who else may run on the same hardware or kernel as this workload.
 */
export enum CoTenancy {
  /** Only workloads of the same team or application. */
  TRUSTED = 'trusted',
  /** Workloads of the same organisation. */
  INTERNAL = 'internal',
  /** Code nobody here reviewed: plugins, CI jobs, customer code. */
  UNTRUSTED = 'untrusted',
  /** Co-located workloads may belong to competing companies or adversaries. */
  HOSTILE = 'hostile',
}

/**
 * Whether the physical hardware may be shared.
 */
export enum HardwareExclusivity {
  /** Hardware may be shared with anyone the co-tenancy allows. */
  NONE = 'none',
  /** No hardware shared with other cloud accounts. */
  ACCOUNT = 'account',
  /** No hardware shared with anyone else, this account's other tenants included. */
  TENANT = 'tenant',
}

/**
 * What matters most once the isolation need is met.
 */
export enum EfficiencyPriority {
  /** The cheapest placement that gives the required isolation. */
  COST = 'cost',
  /** Cost, but a VM where competitors could share infrastructure. */
  BALANCED = 'balanced',
  /** Predictable performance: whole VMs rather than containers where the target has them. */
  PERFORMANCE = 'performance',
}

/**
 * The shape of the workload's load over time.
 */
export enum LoadProfile {
  /** Load is roughly constant: reserved capacity is cheapest. */
  STEADY = 'steady',
  /** Load comes in bursts: per-task billing avoids paying for idle capacity. */
  SPIKY = 'spiky',
}
