import { CoTenancy, EfficiencyPriority, HardwareExclusivity, LoadProfile } from './enums';

/**
 * How strongly a workload must be isolated from whatever shares its hardware.
 */
export interface IsolationNeeds {
  /** Who may share a host or kernel with this workload. */
  readonly coTenancy: CoTenancy;
  /**
   * Whether physical hardware may be shared.
   * @default HardwareExclusivity.NONE
   */
  readonly hardwareExclusivity?: HardwareExclusivity;
  /**
   * The workload needs a kernel of its own (kernel modules, sysctls, a custom kernel):
   * rules out every container tier, microVM containers included.
   * @default false
   */
  readonly ownKernel?: boolean;
  /**
   * The tenant gets a network of its own (AWS: its own VPC with a CIDR unique in the target, its own
   * endpoints, never peered) instead of its own security group in the target's shared tenant network.
   * Costs a VPC quota slot and its own interface endpoints; IsolatedTenants only.
   * @default false
   */
  readonly dedicatedNetwork?: boolean;
}

/**
 * How much cost and density matter once the isolation need is met.
 */
export interface EfficiencyNeeds {
  /**
   * What to optimise for among the placements that isolate enough.
   * @default EfficiencyPriority.BALANCED
   */
  readonly priority?: EfficiencyPriority;
  /**
   * The shape of the workload's load.
   * @default LoadProfile.STEADY
   */
  readonly loadProfile?: LoadProfile;
}
