import { block, blocks, Config } from '../../rule';

export const DOCKER_TYPES = ['docker_container', 'docker_service'];

/** A docker_service's container spec and resources (the parts a docker_container holds at top level). */
export function serviceSpec(config: Config): { container: Config; task: Config } {
  const task = block(config.task_spec) ?? {};
  return { container: block(task.container_spec) ?? {}, task };
}

/** Host paths a container or service mounts: volumes' host_path and bind mounts' source. */
export function hostPaths(type: string, config: Config): string[] {
  const mounts = type === 'docker_service' ? blocks(serviceSpec(config).container.mounts) : blocks(config.mounts);
  const paths = mounts.filter((m) => m.type === undefined || m.type === 'bind').map((m) => m.source);
  if (type === 'docker_container') paths.push(...blocks(config.volumes).map((v) => v.host_path));
  return paths.filter((p): p is string => typeof p === 'string' && p !== '');
}
