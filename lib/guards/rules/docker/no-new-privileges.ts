import { GuardRule, list } from '../../rule';

/** setuid binaries cannot raise privileges (CIS Docker 5.26). Swarm services cannot set it, so containers only. */
export const NO_NEW_PRIVILEGES: GuardRule = {
  id: 'ISO-DKR-003',
  title: 'Containers run with no-new-privileges',
  resourceTypes: ['docker_container'],
  fix: 'add "no-new-privileges:true" to security_opts (the library\'s default).',
  check: (config) => (list(config.security_opts).some((o) => o === 'no-new-privileges:true' || o === 'no-new-privileges')
    ? undefined : 'security_opts lacks "no-new-privileges:true", so setuid binaries can gain privileges.'),
};
