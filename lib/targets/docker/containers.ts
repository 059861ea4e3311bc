import { Container } from '@cdktf/provider-docker/lib/container';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { dockerHealthcheck, HARDENING, labelList, sortedEnvironment } from './hardening';
import type { DockerWorkload } from './mode';
import { LABEL } from '../../labels';

/**
 * One `docker_container` per replica, with every hardening default of DESIGN.md. Not privileged,
 * all capabilities dropped, no host network/PID/IPC namespaces (the defaults, left unset: the
 * provider has no "private" value to pin), no mounts but a tmpfs for /tmp, so never the Docker socket.
 * @param runtime `runc`, or the declared gVisor / Kata runtime name
 * @param imageId the pulled image's id (a token: the container depends on the pull)
 * @returns the container names
 */
export function buildContainers(scope: Construct, group: DockerWorkload, runtime: string, imageId: string,
  provider: TerraformProvider): string[] {
  const w = group.workload;
  const replicas = w.replicas ?? 1;
  const memory = w.memoryMiB;
  const env = sortedEnvironment(w).map(([k, v]) => `${k}=${v}`);
  const healthcheck = dockerHealthcheck(w.healthCheck);
  const names: string[] = [];
  for (let index = 0; index < replicas; index++) {
    const name = `${group.name}-${index}`;
    new Container(scope, `${group.id}-${index}`, {
      provider,
      name,
      image: imageId,
      runtime,
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
      networkMode: group.networkRef,
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
