import { serviceSpec } from './container-spec';
import { block, GuardRule } from '../../rule';

/** Without a limit one container can starve every other on the host. */
export const MEMORY_LIMIT: GuardRule = {
  id: 'ISO-DKR-007',
  title: 'Containers have a memory limit',
  resourceTypes: ['docker_container', 'docker_service'],
  fix: 'set memory (MiB) on a container, or task_spec.resources.limits.memory_bytes on a service (the library sets it from workload.memoryMiB).',
  check: (config, resource) => {
    const limit = resource.type === 'docker_service' ? block(block(serviceSpec(config).task.resources)?.limits)?.memory_bytes : config.memory;
    // An expression (a variable) is a limit chosen elsewhere.
    const set = Number(limit) > 0 || (typeof limit === 'string' && limit.includes('${'));
    return set ? undefined : 'no memory limit is set, so the container can take all the host\'s memory.';
  },
};
