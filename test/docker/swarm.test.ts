import { Service } from '@cdktf/provider-docker/lib/service';
import { CoTenancy, DenseService, IsolatedTenant, PlacementTier as T } from '../../lib';
import { dockerStack, IMAGE, label, networkOf, networksByName, refusal, resources, synth } from './support';

const workload = {
  image: IMAGE, cpu: 0.5, memoryMiB: 256, port: 8080, replicas: 3,
  command: ['serve', '--port', '8080'], environment: { LOG_LEVEL: 'info' },
  healthCheck: { command: ['CMD-SHELL', 'wget -q -O- http://localhost:8080/ || exit 1'] },
};

describe('Swarm mode', () => {
  const { stack, target } = dockerStack({ swarm: true, host: 'ssh://deploy@manager-1' });
  const api = new DenseService(stack, 'api', { target, serviceName: 'api', workload, ingress: [{ cidr: '0.0.0.0/0' }] });
  new DenseService(stack, 'reports', { target, serviceName: 'reports', workload: { image: IMAGE, cpu: 1, memoryMiB: 512 }, isolation: { coTenancy: CoTenancy.INTERNAL } });
  const tenant = new IsolatedTenant(stack, 'acme', { target, tenantId: 'acme', workload: { image: IMAGE, cpu: 0.25, memoryMiB: 128 }, isolation: { coTenancy: CoTenancy.TRUSTED } });
  const { text, json } = synth(stack);
  const services: Record<string, any> = Object.fromEntries(resources(json, 'docker_service').map((s) => [s.name.replace(/^stack-/, ''), s]));

  test('matches the snapshot; no containers and no docker_image (each node pulls)', () => {
    expect(text).toMatchSnapshot();
    expect(resources(json, 'docker_container')).toEqual([]);
    expect(resources(json, 'docker_image')).toEqual([]);
    expect(api.placement.tier).toBe(T.SHARED_CONTAINER);
    expect(api.realized.serviceName).toBe('stack-api');
    expect(tenant.realized.serviceName).toBe('stack-acme');
  });

  test('a replicated docker_service with limits and reservations', () => {
    const s = services.api;
    expect(s.mode).toEqual({ replicated: { replicas: 3 } });
    expect(s.task_spec.resources).toEqual({
      limits: { nano_cpus: 500_000_000, memory_bytes: 256 * 1024 * 1024 },
      reservation: { nano_cpus: 500_000_000, memory_bytes: 256 * 1024 * 1024 },
    });
    expect(s.task_spec.restart_policy).toEqual({ condition: 'any', delay: '5s', window: '120s' });
    expect(s.update_config).toEqual({ parallelism: 1, delay: '10s', failure_action: 'rollback', monitor: '30s', order: 'stop-first' });
    expect(s.rollback_config).toMatchObject({ parallelism: 1, order: 'stop-first' });
    expect(text).toHaveResourceWithProperties(Service, { name: 'stack-reports', mode: { replicated: { replicas: 1 } } });
  });

  test('a placement constraint on the isolation-group node label, per co-tenancy', () => {
    expect(services.api.task_spec.placement).toEqual({ constraints: ['node.labels.isolation-group == trusted'] });
    expect(services.reports.task_spec.placement).toEqual({ constraints: ['node.labels.isolation-group == internal'] });
  });

  test('container spec hardening: read-only root with a tmpfs /tmp, capabilities dropped, bounded logs', () => {
    for (const s of Object.values(services)) {
      const spec = s.task_spec.container_spec;
      expect(spec.read_only).toBe(true);
      expect(spec.cap_drop).toEqual(['ALL']);
      expect(spec.cap_add).toBeUndefined();
      expect(spec.mounts).toEqual([{ target: '/tmp', type: 'tmpfs', tmpfs_options: { size_bytes: 64 * 1024 * 1024, mode: 0o1777 } }]);
      expect(s.task_spec.log_driver).toEqual({ name: 'json-file', options: { 'max-size': '10m', 'max-file': '3' } });
      expect(s.task_spec.runtime).toBeUndefined();
    }
    const spec = services.api.task_spec.container_spec;
    expect(spec.image).toBe(IMAGE);
    expect(spec.args).toEqual(['serve', '--port', '8080']); // CMD, not the entrypoint
    expect(spec.command).toBeUndefined();
    expect(spec.env).toEqual({ LOG_LEVEL: 'info' });
    expect(spec.healthcheck).toEqual({ test: workload.healthCheck.command, interval: '30s', timeout: '5s', retries: 3, start_period: '0s' });
    expect(label(services.api, 'cdktf-isolation.service')).toBe('api');
    expect(label(services.api, 'cdktf-isolation.tier')).toBe(T.SHARED_CONTAINER);
    expect(label(services.acme, 'cdktf-isolation.tenant')).toBe('acme');
  });

  test('public ingress through the routing mesh', () => {
    expect(services.api.endpoint_spec).toEqual({ ports: [{ target_port: 8080, published_port: 8080, protocol: 'tcp', publish_mode: 'ingress' }] });
    expect(services.reports.endpoint_spec).toBeUndefined();
  });

  test('an overlay network per co-tenancy group, and one per tenant (internal without egress)', () => {
    const networkOfService = (name: string) => networkOf(json, services[name].task_spec.networks_advanced[0].name).name.replace(/^stack-/, '');
    expect(networkOfService('api')).toBe('dense-trusted');
    expect(networkOfService('reports')).toBe('dense-internal');
    expect(networkOfService('acme')).toBe('tenant-acme');
    const networks = networksByName(json);
    expect(networks['dense-trusted']).toMatchObject({ driver: 'overlay', internal: false, attachable: false });
    expect(networks['tenant-acme']).toMatchObject({ driver: 'overlay', internal: true, attachable: false });
  });
});

describe('Swarm refusals', () => {
  test('ingress narrower than 0.0.0.0/0 (the routing mesh cannot bind to 127.0.0.1)', () => {
    const { stack, target } = dockerStack({ swarm: true });
    expect(refusal(() => new DenseService(stack, 'api', { target, serviceName: 'api', workload, ingress: [{ cidr: '10.0.0.0/8' }] })).message)
      .toMatch(/Swarm publishes ports on every node through the routing mesh and cannot bind them to 127.0.0.1.*Fix: declare ingress \{ cidr: '0.0.0.0\/0' \}/);
  });

  test('an IsolatedTenant with its default HOSTILE co-tenancy', () => {
    const { stack, target } = dockerStack({ swarm: true });
    expect(refusal(() => new IsolatedTenant(stack, 'acme', { target, tenantId: 'acme', workload })).message)
      .toMatch(/^stack\/acme: HOSTILE co-tenancy requires a hypervisor boundary, i.e. a sandboxed tier \(Kata\), but in Swarm mode/);
  });

  test('two Swarm services with one name', () => {
    const { stack, target } = dockerStack({ swarm: true });
    const small = { image: IMAGE, cpu: 0.25, memoryMiB: 64 };
    new DenseService(stack, 'svc', { target, serviceName: 'api', workload: small });
    expect(refusal(() => new IsolatedTenant(stack, 'tenant', { target, tenantId: 'api', workload: small, isolation: { coTenancy: CoTenancy.TRUSTED } })).message)
      .toMatch(/Swarm service name 'stack-api' is already used on the Docker engine at unix:\/\/\/var\/run\/docker.sock by stack\/svc/);
  });
});
