import { Container } from '@cdktf/provider-docker/lib/container';
import { Image } from '@cdktf/provider-docker/lib/image';
import { CoTenancy, DenseService, DockerTarget, IsolatedTenant, PlacementTier as T } from '../../lib';
import { containersByName, dockerStack, IMAGE, label, networkOf, networksByName, resources, synth } from './support';

const workload = {
  image: IMAGE, cpu: 0.5, memoryMiB: 301, port: 8080, replicas: 2,
  command: ['node', 'server.js'],
  environment: { LOG_LEVEL: 'info', A_FIRST: '1' },
  healthCheck: { command: ['CMD', 'wget', '-q', '-O-', 'http://localhost:8080/health'], intervalSeconds: 10, startPeriodSeconds: 20 },
};

/** One workload on each Docker tier, from the needs (no pins). */
const TIERS: Array<[T, CoTenancy, string]> = [
  [T.SHARED_CONTAINER, CoTenancy.TRUSTED, 'runc'],
  [T.SANDBOXED_CONTAINER, CoTenancy.UNTRUSTED, 'runsc'],
  [T.MICROVM_CONTAINER, CoTenancy.HOSTILE, 'kata'],
];

describe.each(TIERS)('DenseService on %s', (tier, coTenancy, runtime) => {
  const { stack, target } = dockerStack({ runtimes: DockerTarget.defaultRuntimes() });
  const service = new DenseService(stack, 'api', { target, serviceName: 'api', workload, isolation: { coTenancy }, ingress: [{ cidr: '10.0.0.0/8' }] });
  const { text, json } = synth(stack);
  const containers = containersByName(json);

  test('is placed on the tier and matches the snapshot', () => {
    expect(service.placement.tier).toBe(tier);
    expect(text).toMatchSnapshot();
  });

  test('one container per replica, named <service>-<index>, on the tier\'s runtime', () => {
    expect(Object.keys(containers)).toEqual(['api-0', 'api-1']);
    for (const c of Object.values(containers)) expect(c.runtime).toBe(runtime);
    expect(service.realized.containerNames).toEqual(['stack-api-0', 'stack-api-1']);
    expect(service.realized.capacity).toBe(`0.5 vCPU / 301 MiB x2 (${runtime})`);
  });

  test('every hardening default', () => {
    for (const c of Object.values(containers)) {
      expect(c.privileged).toBe(false);
      expect(c.capabilities).toEqual({ drop: ['ALL'] });
      expect(c.security_opts).toEqual(['no-new-privileges:true']);
      expect(c.read_only).toBe(true);
      expect(c.tmpfs).toEqual({ '/tmp': 'rw,noexec,nosuid,nodev,size=64m' });
      expect(c.restart).toBe('unless-stopped');
      expect(c.log_driver).toBe('json-file');
      expect(c.log_opts).toEqual({ 'max-size': '10m', 'max-file': '3' });
      // No host namespaces, no mounts or volumes (so never the Docker socket), no devices.
      for (const absent of ['network_mode_host', 'pid_mode', 'ipc_mode', 'userns_mode', 'mounts', 'volumes', 'devices', 'host', 'group_add']) {
        expect(c[absent]).toBeUndefined();
      }
      expect(c.network_mode).not.toBe('host');
      expect(JSON.stringify(c)).not.toMatch(/docker\.sock/);
    }
  });

  test('limits, health check, command, environment and labels from the workload', () => {
    const c = containers['api-1'];
    expect(c.memory).toBe(301);
    expect(c.memory_swap).toBe(301);
    expect(c.cpus).toBe('0.5');
    expect(c.healthcheck).toEqual({
      test: ['CMD', 'wget', '-q', '-O-', 'http://localhost:8080/health'], interval: '10s', timeout: '5s', retries: 3, start_period: '20s',
    });
    expect(c.command).toEqual(['node', 'server.js']);
    expect(c.env).toEqual(['A_FIRST=1', 'LOG_LEVEL=info']);
    expect(label(c, 'cdktf-isolation.service')).toBe('api');
    expect(label(c, 'cdktf-isolation.tier')).toBe(tier);
    expect(label(c, 'cdktf-isolation.co-tenancy')).toBe(coTenancy);
    expect(label(c, 'cdktf-isolation.replica')).toBe('1');
  });

  test('non-public ingress binds to 127.0.0.1; replica i publishes port+i', () => {
    expect(containers['api-0'].ports).toEqual([{ internal: 8080, external: 8080, ip: '127.0.0.1', protocol: 'tcp' }]);
    expect(containers['api-1'].ports).toEqual([{ internal: 8080, external: 8081, ip: '127.0.0.1', protocol: 'tcp' }]);
  });

  test('the image is pulled once, kept locally, and the containers depend on it', () => {
    expect(text).toHaveResourceWithProperties(Image, { name: IMAGE, keep_locally: true });
    expect(resources(json, 'docker_image')).toHaveLength(1);
    for (const c of Object.values(containers)) expect(c.image).toMatch(/^\$\{docker_image\.[^.]+\.image_id\}$/);
  });
});

describe('networks', () => {
  const { stack, target } = dockerStack({ runtimes: DockerTarget.defaultRuntimes() });
  const small = { image: IMAGE, cpu: 0.25, memoryMiB: 128 };
  new DenseService(stack, 'web', { target, serviceName: 'web', workload: { ...small, port: 80 }, ingress: [{ cidr: '0.0.0.0/0' }] });
  new DenseService(stack, 'worker', { target, serviceName: 'worker', workload: small });
  new DenseService(stack, 'ci', { target, serviceName: 'ci', workload: small, isolation: { coTenancy: CoTenancy.UNTRUSTED } });
  new IsolatedTenant(stack, 'acme', { target, tenantId: 'acme', workload: small });
  new IsolatedTenant(stack, 'globex', { target, tenantId: 'globex', workload: small });
  new IsolatedTenant(stack, 'initech', { target, tenantId: 'initech', workload: { ...small, port: 443 }, egress: true, ingress: [{ cidr: '0.0.0.0/0' }] });
  const { text, json } = synth(stack);
  const containers = containersByName(json);
  const networks = networksByName(json);
  const networkName = (container: string) => networkOf(json, containers[container].network_mode).name.replace(/^stack-/, '');

  test('one shared bridge network per DenseService co-tenancy group', () => {
    expect(networkName('web-0')).toBe('dense-trusted');
    expect(networkName('worker-0')).toBe('dense-trusted');
    expect(networkName('ci-0')).toBe('dense-untrusted');
    expect(networks['dense-trusted']).toMatchObject({ driver: 'bridge', internal: false });
    expect(label(networks['dense-untrusted'], 'cdktf-isolation.co-tenancy')).toBe('untrusted');
    // Untrusted services share a network but cannot reach each other; trusted ones can.
    expect(networks['dense-untrusted'].options).toEqual({ 'com.docker.network.bridge.enable_icc': 'false' });
    expect(networks['dense-trusted'].options).toBeUndefined();
  });

  test('each tenant on its own network, internal unless it declares egress', () => {
    expect(networkName('acme-0')).toBe('tenant-acme');
    expect(networkName('globex-0')).toBe('tenant-globex');
    expect(networkName('initech-0')).toBe('tenant-initech');
    expect(networks['tenant-acme']).toMatchObject({ driver: 'bridge', internal: true });
    expect(networks['tenant-globex']).toMatchObject({ driver: 'bridge', internal: true });
    expect(networks['tenant-initech']).toMatchObject({ driver: 'bridge', internal: false });
    expect(label(networks['tenant-acme'], 'cdktf-isolation.tenant')).toBe('acme');
    expect(label(networks['tenant-acme'], 'cdktf-isolation.tier')).toBe(T.MICROVM_CONTAINER);
    // Five networks: two groups, three tenants; no tenant shares one with anything else.
    expect(Object.keys(networks).sort()).toEqual(['dense-trusted', 'dense-untrusted', 'tenant-acme', 'tenant-globex', 'tenant-initech']);
  });

  test('public ingress binds to 0.0.0.0; no ingress publishes nothing', () => {
    expect(containers['web-0'].ports).toEqual([{ internal: 80, external: 80, ip: '0.0.0.0', protocol: 'tcp' }]);
    expect(containers['initech-0'].ports).toEqual([{ internal: 443, external: 443, ip: '0.0.0.0', protocol: 'tcp' }]);
    for (const name of ['worker-0', 'ci-0', 'acme-0', 'globex-0']) expect(containers[name].ports).toBeUndefined();
  });

  test('one docker_image for the image all workloads share', () => {
    expect(resources(json, 'docker_image')).toEqual([{ name: IMAGE, keep_locally: true, provider: 'docker.docker' }]);
  });

  test('tenants on Kata, the UNTRUSTED service on gVisor', () => {
    expect(containers['acme-0'].runtime).toBe('kata');
    expect(containers['ci-0'].runtime).toBe('runsc');
    expect(text).toHaveResourceWithProperties(Container, { name: 'stack-globex-0', runtime: 'kata', read_only: true, privileged: false });
  });
});

test('an IsolatedTenant snapshot (Kata, internal network)', () => {
  const { stack, target } = dockerStack({ runtimes: { kata: 'kata-fc' } });
  const tenant = new IsolatedTenant(stack, 'acme', { target, tenantId: 'acme', workload: { image: IMAGE, cpu: 1, memoryMiB: 1024 } });
  expect(tenant.placement.tier).toBe(T.MICROVM_CONTAINER);
  expect(tenant.realized.notes?.[0]).toMatch(/runtime kata-fc \(Kata Containers\)/);
  const { text, json } = synth(stack);
  expect(containersByName(json)['acme-0'].runtime).toBe('kata-fc');
  expect(text).toMatchSnapshot();
});
