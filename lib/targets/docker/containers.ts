import { Container } from '@cdktf/provider-docker/lib/container';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { dockerHealthcheck, HARDENING, labelList, sortedEnvironment } from './hardening';
import { LABEL } from '../../labels';
import { PublishedPort } from './published-ports';
import { WorkloadSpec } from '../../needs/workload';

/** Everything one tier realization decides; the rest is the same hardened container for every tier. */
export interface ContainerGroup {
  /** The service name or tenant id: containers are named `<name>-<index>`. */
  readonly name: string;
  /** Tenant/service, tier and co-tenancy labels. */
  readonly labels: Record<string, string>;
  readonly workload: WorkloadSpec;
  /** The OCI runtime: `runc`, or the declared gVisor / Kata runtime name. */
  readonly runtime: string;
  /** The pulled image's id (a token: the container depends on the pull). */
  readonly imageId: string;
  /** The network's name (a token: the container depends on the network). */
  readonly networkName: string;
  readonly ports: PublishedPort[];
  readonly provider: TerraformProvider;
}

/**
 * One `docker_container` per replica, with every hardening default of DESIGN.md. Not privileged,
 * all capabilities dropped, no host network/PID/IPC namespaces (the defaults, left unset: the
 * provider has no "private" value to pin), no mounts but a tmpfs for /tmp, so never the Docker socket.
 * @returns the container names
 */
export function buildContainers(scope: Construct, group: ContainerGroup): string[] {
  const w = group.workload;
  const replicas = w.replicas ?? 1;
  const memory = w.memoryMiB;
  const env = sortedEnvironment(w).map(([k, v]) => `${k}=${v}`);
  const healthcheck = dockerHealthcheck(w.healthCheck);
  const names: string[] = [];
  for (let index = 0; index < replicas; index++) {
    const name = `${group.name}-${index}`;
    new Container(scope, name, {
      provider: group.provider,
      name,
      image: group.imageId,
      runtime: group.runtime,
      privileged: false,
      capabilities: { drop: HARDENING.capDrop, add: w.capabilities?.length ? w.capabilities : undefined },
      securityOpts: HARDENING.securityOpts,
      readOnly: true,
      tmpfs: { [HARDENING.tmpfsPath]: HARDENING.tmpfsOptions },
      memory,
      memorySwap: memory, // equal to memory: no swap beyond the limit
      cpus: cpusFlag(w.cpu),
      restart: HARDENING.restart,
      healthcheck,
      logDriver: HARDENING.logDriver,
      logOpts: HARDENING.logOptions,
      networkMode: group.networkName,
      ports: group.ports.length
        ? group.ports.map((p) => ({ internal: p.port, external: p.port + index, ip: p.ip, protocol: 'tcp' }))
        : undefined,
      env: env.length ? env : undefined,
      command: w.command,
      labels: labelList({ ...group.labels, [LABEL.replica]: String(index) }),
    });
    names.push(name);
  }
  return names;
}

/** Docker's --cpus as a plain decimal (never exponent notation), to the millicpu. */
function cpusFlag(cpu: number): string {
  return cpu.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 3 });
}
