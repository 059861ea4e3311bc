import { serviceSpec } from './container-spec';
import { blocks, GuardRule } from '../../rule';

const MODES = ['network_mode', 'pid_mode', 'ipc_mode', 'userns_mode'];

/** The host's network, process, IPC or user namespace removes the container's boundary there. */
export const NO_HOST_NAMESPACES: GuardRule = {
  id: 'ISO-DKR-005',
  title: 'Containers use no host network, PID, IPC or user namespace',
  resourceTypes: ['docker_container', 'docker_service'],
  fix: 'remove the "host" mode: the library gives each tenant its own network and leaves the other namespaces private.',
  check: (config, resource) => {
    const shared = resource.type === 'docker_service'
      ? blocks(serviceSpec(config).task.networks_advanced).filter((n) => n.name === 'host').map(() => 'the host network')
      : MODES.filter((m) => config[m] === 'host').map((m) => `${m} = "host"`);
    return shared.length ? `it shares the host's namespaces: ${shared.join(', ')}.` : undefined;
  },
};
