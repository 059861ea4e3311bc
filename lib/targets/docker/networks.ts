import { Network } from '@cdktf/provider-docker/lib/network';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { labelList } from './hardening';

/** A network a group of containers or Swarm tasks shares, and nobody else. */
export interface NetworkSpec {
  readonly name: string;
  /** `bridge` on one engine, `overlay` in a Swarm. */
  readonly driver: string;
  /** No route out: the containers reach only each other. */
  readonly internal: boolean;
  /**
   * Members cannot reach each other (bridge `enable_icc=false`): for groups of workloads that must not
   * trust one another. gVisor and Kata sandbox the kernel, not the network.
   */
  readonly isolateMembers?: boolean;
  readonly labels: Record<string, string>;
  readonly provider: TerraformProvider;
}

/** Creates the network; overlays are not attachable, so stray `docker run` containers cannot join. */
export function createNetwork(scope: Construct, id: string, spec: NetworkSpec): Network {
  return new Network(scope, id, {
    provider: spec.provider,
    name: spec.name,
    driver: spec.driver,
    internal: spec.internal,
    attachable: spec.driver === 'overlay' ? false : undefined,
    options: spec.isolateMembers && spec.driver === 'bridge' ? { 'com.docker.network.bridge.enable_icc': 'false' } : undefined,
    labels: labelList(spec.labels),
  });
}
