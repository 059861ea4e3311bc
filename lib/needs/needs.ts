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
