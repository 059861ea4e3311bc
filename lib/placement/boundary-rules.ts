import { IsolationBoundary } from './boundary';
import { CoTenancy, HardwareExclusivity } from '../needs/enums';

/**
 * One row of "which declared need requires which boundary".
 * Source for every row: DESIGN.md "The decision", step 1 (2026-11).
 */
export interface BoundaryRule {
  readonly need: 'coTenancy' | 'hardwareExclusivity' | 'ownKernel';
  readonly value: string | boolean;
  readonly requires: IsolationBoundary;
  /** Completes the sentence "<NEED> requires a <boundary> boundary: ..." */
  readonly because: string;
  /** The value an omitted field takes; such a row never needs explaining. */
  readonly isDefault?: boolean;
}

export const BOUNDARY_RULES: readonly BoundaryRule[] = [
  { need: 'coTenancy', value: CoTenancy.TRUSTED, requires: IsolationBoundary.PROCESS,
    because: 'workloads of the same team may share a kernel' },
  { need: 'coTenancy', value: CoTenancy.INTERNAL, requires: IsolationBoundary.PROCESS,
    because: 'workloads of the same organisation may share a kernel' },
  { need: 'coTenancy', value: CoTenancy.UNTRUSTED, requires: IsolationBoundary.SANDBOX,
    because: 'unreviewed code must not reach the host kernel directly' },
  { need: 'coTenancy', value: CoTenancy.HOSTILE, requires: IsolationBoundary.HYPERVISOR,
    because: 'co-located workloads may belong to competitors, so they must not share a kernel' },
  { need: 'hardwareExclusivity', value: HardwareExclusivity.NONE, requires: IsolationBoundary.PROCESS,
    because: 'hardware may be shared', isDefault: true },
  { need: 'hardwareExclusivity', value: HardwareExclusivity.ACCOUNT, requires: IsolationBoundary.ACCOUNT_HARDWARE,
    because: 'no hardware may be shared with other cloud accounts' },
  { need: 'hardwareExclusivity', value: HardwareExclusivity.TENANT, requires: IsolationBoundary.TENANT_HARDWARE,
    because: 'no hardware may be shared with anyone else, this account\'s other tenants included' },
  { need: 'ownKernel', value: true, requires: IsolationBoundary.HYPERVISOR,
    because: 'the workload needs a kernel of its own, which only a VM gives (container tiers are ruled out)' },
  { need: 'ownKernel', value: false, requires: IsolationBoundary.PROCESS,
    because: 'the workload can run on a shared kernel', isDefault: true },
];
