// The Kubernetes tier table: every fact one tier means on a cluster, in one row, and whether a
// KubernetesTarget can offer it (feasible, or refused with why and the fix). The why of each tier is
// in lib/placement; the pods are built by workload.ts with the scheduling the offer carries, so a
// target that adds node pools (EKS) adds rows and scheduling, not branches. Data only.
import { PlacementTier } from '../../placement/boundary';
import { Toleration } from './objects';

/**
 * A node taint the nodes of a RuntimeClass carry, as pods tolerate it (`NoSchedule`, not Terraform's
 * `NO_SCHEDULE` spelling of node group taints).
 */
export interface KubernetesToleration {
  /**
   * The taint key.
   * @default - with operator Exists: every taint
   */
  readonly key?: string;
  /**
   * `Equal` (the key's value must match) or `Exists` (any value).
   * @default 'Equal'
   */
  readonly operator?: string;
  /**
   * The taint value, with operator Equal.
   * @default - the empty value
   */
  readonly value?: string;
  /**
   * The taint effect tolerated: `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
   * @default - every effect
   */
  readonly effect?: string;
  /**
   * Seconds a NoExecute taint is tolerated before eviction.
   * @default - tolerated forever
   */
  readonly tolerationSeconds?: number;
}

/**
 * The fixed cost of a sandbox per pod (RuntimeClass `overhead.podFixed`): the scheduler and the
 * namespace's ResourceQuota count it on top of the containers' requests.
 */
export interface RuntimeClassOverhead {
  /**
   * vCPUs (e.g. 0.25 for a Kata VM's agent and hypervisor threads).
   * @default 0
   */
  readonly cpu?: number;
  /**
   * MiB (e.g. 160 for a Kata guest kernel).
   * @default 0
   */
  readonly memoryMiB?: number;
}

/**
 * A RuntimeClass the cluster runs: its name and how its pods reach the nodes that have the runtime.
 */
export interface RuntimeClassOptions {
  /** The RuntimeClass name pods request (`runtimeClassName`), a DNS-1123 subdomain, e.g. `gvisor`. */
  readonly name: string;
  /**
   * The CRI handler the nodes' containerd or CRI-O registered the runtime under (a DNS-1123 label), e.g. `runsc` or `kata-qemu`.
   * @default - the name
   */
  readonly handler?: string;
  /**
   * The RuntimeClass already exists in the cluster (GKE Sandbox's `gvisor`, a Kata operator's
   * `kata-qemu`): it is referenced, not written, and its own scheduling applies. Scheduling given
   * together with `existing` is refused, since it could never take effect.
   * @default false
   */
  readonly existing?: boolean;
  /**
   * Labels of the nodes that have the runtime: the RuntimeClass's `scheduling.nodeSelector`, merged
   * into every pod that uses it. Required unless `existing`: without it, pods land on nodes without
   * the runtime and never start.
   * @default - none (only with existing)
   */
  readonly nodeSelector?: { [key: string]: string };
  /**
   * Taints of those nodes that the pods tolerate (`scheduling.tolerations`).
   * @default - none
   */
  readonly tolerations?: KubernetesToleration[];
  /**
   * The runtime's fixed overhead per pod (`overhead.podFixed`). With `existing`, give the existing
   * class's overhead so the namespace quotas count it.
   * @default - none
   */
  readonly overhead?: RuntimeClassOverhead;
}

/**
 * The sandbox RuntimeClasses a cluster runs. Declaring one offers its tier, as runtimes do on Docker.
 */
export interface KubernetesRuntimeClasses {
  /**
   * The gVisor RuntimeClass (handler usually `runsc`). Declaring it offers SANDBOXED_CONTAINER.
   * @default - not declared: SANDBOXED_CONTAINER is not offered
   */
  readonly gvisor?: RuntimeClassOptions;
  /**
   * The Kata Containers RuntimeClass (handler usually `kata`, `kata-qemu` or `kata-fc`). Declaring it offers MICROVM_CONTAINER.
   * @default - not declared: MICROVM_CONTAINER is not offered
   */
  readonly kata?: RuntimeClassOptions;
}

/** The container tiers a cluster realizes with a RuntimeClass or runc. */
export type KubernetesTier = PlacementTier.SHARED_CONTAINER | PlacementTier.SANDBOXED_CONTAINER | PlacementTier.MICROVM_CONTAINER;

/** One tier on Kubernetes. */
export interface KubernetesTierRow {
  /** The runtimeClasses field that offers it; none for runc, which every node has. */
  readonly runtime?: 'gvisor' | 'kata';
  /** The runtime in messages ("a Kata RuntimeClass"). */
  readonly product: string;
  /** Its usual handler name, for examples in messages. */
  readonly usualHandler: string;
  /** Why a cluster target without node pools of its own cannot realize it, and what can; absent for the container tiers. */
  readonly plainCluster?: { readonly why: string; readonly fix: string };
  /** What the tier means on the cluster, for the report. */
  note(runtimeClass?: string): string;
}

const VM_TIER_FIX = 'use an AwsTarget (EC2 instances of the tenant\'s own), or declare isolation a container tier can give '
  + '(HOSTILE on Kata gives a hypervisor boundary per pod)';

/** Keyed by every tier: a tier without a row does not compile. Source: DESIGN.md tier table, Kubernetes columns. */
export const KUBERNETES_TIERS: { readonly [T in PlacementTier]: KubernetesTierRow } = {
  [PlacementTier.SHARED_CONTAINER]: {
    product: 'runc', usualHandler: 'runc',
    note: () => 'pod on the cluster\'s default runtime (runc): namespaces and cgroups on the node\'s shared kernel.',
  },
  [PlacementTier.SANDBOXED_CONTAINER]: {
    runtime: 'gvisor', product: 'gVisor', usualHandler: 'runsc',
    note: (rc) => `pod with runtimeClassName '${rc}' (gVisor): system calls are served by a user-space kernel, not the node's.`,
  },
  [PlacementTier.MICROVM_CONTAINER]: {
    runtime: 'kata', product: 'Kata', usualHandler: 'kata',
    note: (rc) => `pod with runtimeClassName '${rc}' (Kata Containers): the pod runs in its own microVM behind a hypervisor; `
      + 'the RuntimeClass overhead is counted in the namespace quota.',
  },
  [PlacementTier.VM]: {
    product: 'a node pool of the tenant\'s own', usualHandler: 'runc',
    plainCluster: { why: 'a VM per tenant needs nodes of the tenant\'s own, and this target places pods on a cluster it is given', fix: VM_TIER_FIX },
    note: () => 'the tenant\'s own nodes.',
  },
  [PlacementTier.DEDICATED_VM]: {
    product: 'a dedicated-tenancy node pool', usualHandler: 'runc',
    plainCluster: { why: 'hardware not shared with other accounts needs dedicated-tenancy nodes, which this target does not create', fix: VM_TIER_FIX },
    note: () => 'the tenant\'s own dedicated-tenancy nodes.',
  },
  [PlacementTier.DEDICATED_HOST]: {
    product: 'nodes on the tenant\'s Dedicated Hosts', usualHandler: 'runc',
    plainCluster: { why: 'hardware of the tenant\'s own needs nodes on its own hosts, which this target does not create', fix: VM_TIER_FIX },
    note: () => 'nodes on the tenant\'s own hosts.',
  },
};

/** Every tier in table order: the order offers are listed in. */
export const KUBERNETES_TIER_ORDER: readonly PlacementTier[] = [
  PlacementTier.SHARED_CONTAINER, PlacementTier.SANDBOXED_CONTAINER, PlacementTier.MICROVM_CONTAINER,
  PlacementTier.VM, PlacementTier.DEDICATED_VM, PlacementTier.DEDICATED_HOST,
];

/** Where a tier's pods run: the pod spec's scheduling fields (node pools of EKS add a selector and tolerations). */
export interface PodScheduling {
  readonly runtimeClassName?: string;
  readonly nodeSelector?: Record<string, string>;
  readonly tolerations?: Toleration[];
}

/** One tier as the target offers it: feasible with its pods' scheduling, or refused with why and the fix. */
export interface KubernetesTierOffer {
  readonly tier: PlacementTier;
  readonly feasible: boolean;
  readonly scheduling?: PodScheduling;
  /** The declared RuntimeClass realizing it (its overhead counts in quotas). */
  readonly runtimeClass?: RuntimeClassOptions;
  readonly why?: string;
  readonly fix?: string;
}

/** The offer of every tier, in table order, for a cluster with these RuntimeClasses. */
export function kubernetesOffers(runtimeClasses: KubernetesRuntimeClasses): KubernetesTierOffer[] {
  return KUBERNETES_TIER_ORDER.map((tier): KubernetesTierOffer => {
    const row = KUBERNETES_TIERS[tier];
    if (row.plainCluster) return { tier, feasible: false, ...row.plainCluster };
    if (row.runtime === undefined) return { tier, feasible: true, scheduling: {} };
    const rc = runtimeClasses[row.runtime];
    if (rc === undefined) {
      return {
        tier, feasible: false, why: `no ${row.product} RuntimeClass is declared`,
        fix: `declare runtimeClasses.${row.runtime} (e.g. { name: '${row.runtime}', handler: '${row.usualHandler}', nodeSelector: { ... } }) for nodes with ${row.product} installed`,
      };
    }
    return { tier, feasible: true, scheduling: { runtimeClassName: rc.name }, runtimeClass: rc };
  });
}
