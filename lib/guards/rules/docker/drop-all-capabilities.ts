import { serviceSpec } from './container-spec';
import { block, GuardRule, list } from '../../rule';

/** Every capability dropped (the workload declares none to add back). */
export const DROP_ALL_CAPABILITIES: GuardRule = {
  id: 'ISO-DKR-002',
  title: 'Containers drop ALL capabilities',
  resourceTypes: ['docker_container', 'docker_service'],
  fix: 'set capabilities { drop = ["ALL"] } on a container, or cap_drop = ["ALL"] in a service\'s container_spec (the library\'s default).',
  check: (config, resource) => {
    const drop = resource.type === 'docker_service' ? serviceSpec(config).container.cap_drop : block(config.capabilities)?.drop;
    const all = list(drop).some((c) => typeof c === 'string' && c.toUpperCase().replace(/^CAP_/, '') === 'ALL');
    return all ? undefined : `capabilities dropped are ${JSON.stringify(list(drop))}, so Docker's default set (CHOWN, NET_RAW, SETUID...) stays.`;
  },
};
