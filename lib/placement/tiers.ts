import { IsolationBoundary, PlacementTier } from './boundary';

/** Weakest first; the index is the boundary's strength. */
export const BOUNDARY_ORDER: readonly IsolationBoundary[] = [
  IsolationBoundary.PROCESS,
  IsolationBoundary.SANDBOX,
  IsolationBoundary.HYPERVISOR,
  IsolationBoundary.ACCOUNT_HARDWARE,
  IsolationBoundary.TENANT_HARDWARE,
];

export function boundaryStrength(boundary: IsolationBoundary): number {
  return BOUNDARY_ORDER.indexOf(boundary);
}

export interface TierProfile {
  readonly tier: PlacementTier;
  readonly provides: IsolationBoundary;
  /** Containers share an OS kernel image model; ownKernel rules them out. */
  readonly family: 'container' | 'vm';
  /** Plain words for reasons and errors. */
  readonly describe: string;
}

/**
 * The tiers in table order (cheapest first). Source: DESIGN.md "Public names", tier table.
 */
export const TIER_TABLE: readonly TierProfile[] = [
  { tier: PlacementTier.SHARED_CONTAINER, provides: IsolationBoundary.PROCESS, family: 'container', describe: 'a plain container on shared hosts' },
  { tier: PlacementTier.SANDBOXED_CONTAINER, provides: IsolationBoundary.SANDBOX, family: 'container', describe: 'a container in a gVisor sandbox' },
  { tier: PlacementTier.MICROVM_CONTAINER, provides: IsolationBoundary.HYPERVISOR, family: 'container', describe: 'a container in its own microVM' },
  { tier: PlacementTier.VM, provides: IsolationBoundary.HYPERVISOR, family: 'vm', describe: 'a VM on shared hardware' },
  { tier: PlacementTier.DEDICATED_VM, provides: IsolationBoundary.ACCOUNT_HARDWARE, family: 'vm', describe: 'a VM on hardware dedicated to this account' },
  { tier: PlacementTier.DEDICATED_HOST, provides: IsolationBoundary.TENANT_HARDWARE, family: 'vm', describe: 'VMs on a physical host allocated to this tenant' },
];

export function tierProfile(tier: PlacementTier): TierProfile {
  const profile = TIER_TABLE.find((p) => p.tier === tier);
  if (!profile) throw new Error(`unknown placement tier ${String(tier)}`); // callers validate first
  return profile;
}
