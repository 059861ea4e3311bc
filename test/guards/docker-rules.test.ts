import { Container } from '@cdktf/provider-docker/lib/container';
import { TerraformStack } from 'cdktf';
import { expectFinding, findingIds, guardError, resourceAt } from './support';
import { DenseService } from '../../lib';
import { dockerStack } from '../docker/support';

const WORKLOAD = { image: 'nginx:1.27', cpu: 0.5, memoryMiB: 128, port: 8080 };

/** One container at stack/web/web-0 (or a Swarm service at stack/web/service). */
function webStack(swarm = false): TerraformStack {
  const { stack, target } = dockerStack({ swarm });
  new DenseService(stack, 'web', { target, serviceName: 'web', workload: WORKLOAD });
  return stack;
}
const CONTAINER = 'stack/web/web-0';
const SERVICE = 'stack/web/service';

test('ISO-DKR-001: a privileged container', () => {
  const stack = webStack();
  resourceAt(stack, CONTAINER).addOverride('privileged', true);
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-DKR-001']);
  expectFinding(err, 'ISO-DKR-001', CONTAINER, 'privileged = true gives the container every capability and device of the host.');
});

test('ISO-DKR-002: capabilities kept on a container and on a Swarm service', () => {
  const stack = webStack();
  // Overrides append to lists: the L1's own setter replaces it.
  resourceAt<Container>(stack, CONTAINER).putCapabilities({ drop: ['NET_RAW'] });
  const swarm = webStack(true);
  resourceAt(swarm, SERVICE).addOverride('task_spec.container_spec.cap_drop', undefined);
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-DKR-002']);
  expectFinding(err, 'ISO-DKR-002', CONTAINER, 'capabilities dropped are ["NET_RAW"], so Docker\'s default set (CHOWN, NET_RAW, SETUID...) stays.');
  expectFinding(guardError(swarm), 'ISO-DKR-002', SERVICE, 'capabilities dropped are []');
});

test('ISO-DKR-003: no-new-privileges missing', () => {
  const stack = webStack();
  resourceAt<Container>(stack, CONTAINER).securityOpts = ['seccomp=unconfined'];
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-DKR-003']);
  expectFinding(err, 'ISO-DKR-003', CONTAINER, 'security_opts lacks "no-new-privileges:true", so setuid binaries can gain privileges.');
});

test('ISO-DKR-004: a writable root on a container and on a Swarm service', () => {
  const stack = webStack();
  resourceAt(stack, CONTAINER).addOverride('read_only', false);
  const swarm = webStack(true);
  resourceAt(swarm, SERVICE).addOverride('task_spec.container_spec.read_only', false);
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-DKR-004']);
  expectFinding(err, 'ISO-DKR-004', CONTAINER, 'read_only is not true, so the root filesystem is writable.');
  expectFinding(guardError(swarm), 'ISO-DKR-004', SERVICE, 'read_only is not true');
});

test('ISO-DKR-005: host network and PID namespaces', () => {
  const stack = webStack();
  const container = resourceAt(stack, CONTAINER);
  container.addOverride('network_mode', 'host');
  container.addOverride('pid_mode', 'host');
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-DKR-005']);
  expectFinding(err, 'ISO-DKR-005', CONTAINER, 'it shares the host\'s namespaces: network_mode = "host", pid_mode = "host".');
});

test('ISO-DKR-006: the Docker socket as a volume, and /var/run as a Swarm bind mount', () => {
  const stack = webStack();
  resourceAt(stack, CONTAINER).addOverride('volumes', [{ host_path: '/var/run/docker.sock', container_path: '/var/run/docker.sock' }]);
  const swarm = webStack(true);
  resourceAt(swarm, SERVICE).addOverride('task_spec.container_spec.mounts', [{ target: '/host-run', source: '/var/run/', type: 'bind' }]);
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-DKR-006']);
  expectFinding(err, 'ISO-DKR-006', CONTAINER, 'it mounts "/var/run/docker.sock", which exposes the Docker socket: control of the engine and the host.');
  expectFinding(guardError(swarm), 'ISO-DKR-006', SERVICE, 'it mounts "/var/run/", which exposes the Docker socket');
});

test('ISO-DKR-007: no memory limit on a container and on a Swarm service', () => {
  const stack = webStack();
  resourceAt(stack, CONTAINER).addOverride('memory', undefined);
  const swarm = webStack(true);
  resourceAt(swarm, SERVICE).addOverride('task_spec.resources.limits.memory_bytes', undefined);
  const err = guardError(stack);
  expect(findingIds(err)).toEqual(['ISO-DKR-007']);
  expectFinding(err, 'ISO-DKR-007', CONTAINER, 'no memory limit is set, so the container can take all the host\'s memory.');
  expectFinding(guardError(swarm), 'ISO-DKR-007', SERVICE, 'no memory limit is set');
});
