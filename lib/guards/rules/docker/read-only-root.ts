import { serviceSpec } from './container-spec';
import { GuardRule, isTrue } from '../../rule';

/** A read-only root: a compromised process cannot change the image's binaries (writable /tmp is a tmpfs). */
export const READ_ONLY_ROOT: GuardRule = {
  id: 'ISO-DKR-004',
  title: 'Containers have a read-only root filesystem',
  resourceTypes: ['docker_container', 'docker_service'],
  fix: 'set read_only = true and give writable paths a tmpfs (the library mounts one at /tmp).',
  check: (config, resource) => {
    const readOnly = resource.type === 'docker_service' ? serviceSpec(config).container.read_only : config.read_only;
    return isTrue(readOnly) ? undefined : 'read_only is not true, so the root filesystem is writable.';
  },
};
