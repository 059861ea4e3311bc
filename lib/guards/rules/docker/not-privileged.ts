import { GuardRule, isTrue } from '../../rule';

/** A privileged container holds every capability and every device: it is root on the host. */
export const NOT_PRIVILEGED: GuardRule = {
  id: 'ISO-DKR-001',
  title: 'Containers are not privileged',
  resourceTypes: ['docker_container'],
  fix: 'set privileged = false (the library\'s default; remove the override) and add back only the capability the workload needs.',
  check: (config) => (isTrue(config.privileged) ? 'privileged = true gives the container every capability and device of the host.' : undefined),
};
