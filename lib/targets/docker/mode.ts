import type { Network } from '@cdktf/provider-docker/lib/network';
import type { Construct } from 'constructs';
import type { PublishedPort } from './published-ports';
import type { DockerTier } from './tiers';
import type { WorkloadSpec } from '../../needs/workload';
import type { RealizedWorkload } from '../target';

/** A tenant or service as a Docker realization sees it once its network exists: the one Docker workload shape. */
export interface DockerWorkload {
  readonly where: string;
  /** The stack's prefix and the tenant id or service name: containers are `<name>-<index>`, a Swarm service `<name>`. */
  readonly name: string;
  /** The tenant id or service name alone: containers' construct ids are `<id>-<index>`, as before names carried the stack. */
  readonly id: string;
  /** Tenant/service, tier and co-tenancy labels. */
  readonly labels: Record<string, string>;
  readonly workload: WorkloadSpec;
  readonly tier: DockerTier;
  readonly coTenancy: string;
  /** The network as the mode refers to it (`DockerMode.networkRef`), read once. */
  readonly networkRef: string;
  readonly ports: PublishedPort[];
}

/** How a DockerTarget realizes workloads: containers on one engine, or services on a Swarm. */
export interface DockerMode {
  /** The network driver: `bridge` on one engine, `overlay` in a Swarm. */
  readonly driver: string;
  /** The tiers the mode offers with the declared runtimes. */
  readonly tiers: DockerTier[];
  /** How many replicas publish host ports of their own (on one engine replica i publishes port+i; Swarm has one mesh port). */
  publishingReplicas(workload: WorkloadSpec): number;
  /** The attribute containers or services name the network by (read once: each read creates a token). */
  networkRef(network: Network): string;
  /** Which of the network handle's fields `networkRef` is, so the handle reuses that token. */
  readonly networkRefField: 'networkName' | 'networkId';
  /** Builds the workload's containers or service. */
  realize(scope: Construct, d: DockerWorkload): RealizedWorkload;
}
