import { Testing } from 'cdktf';
import { DockerLocalStack } from './main';

describe('examples/docker-local', () => {
  const stack = new DockerLocalStack(Testing.app(), 'docker-local');
  const text = Testing.synth(stack);
  const json = JSON.parse(text);
  // Every Docker name starts with the stack's id (stacks share engines); keyed here without it.
  const unprefixed = (name: string) => {
    expect(name.startsWith('docker-local-')).toBe(true);
    return name.slice('docker-local-'.length);
  };
  const containers: Record<string, any> = Object.fromEntries(Object.values<any>(json.resource.docker_container).map((c) => [unprefixed(c.name), c]));
  const networks: Record<string, any> = Object.fromEntries(Object.values<any>(json.resource.docker_network).map((n) => [unprefixed(n.name), n]));
  const networkName = (c: string) => unprefixed(json.resource.docker_network[/docker_network\.([^.]+)\./.exec(containers[c].network_mode)![1]].name);

  test('matches the snapshot', () => {
    expect(text).toMatchSnapshot();
  });

  test('dense services on runc, the UNTRUSTED job on gVisor, the tenant on Kata', () => {
    expect(Object.fromEntries(Object.entries(containers).map(([name, c]) => [name, c.runtime]))).toEqual({
      'web-0': 'runc', 'web-1': 'runc', 'whoami-0': 'runc', 'ci-job-0': 'runsc', 'acme-0': 'kata',
    });
  });

  test('every container hardened', () => {
    for (const c of Object.values(containers)) {
      expect(c).toMatchObject({
        privileged: false, read_only: true, capabilities: { drop: ['ALL'] }, security_opts: ['no-new-privileges:true'],
        restart: 'unless-stopped', log_driver: 'json-file',
      });
      expect(c.tmpfs['/tmp']).toMatch(/size=/);
      expect(c.memory).toBeGreaterThan(0);
      expect(Number(c.cpus)).toBeGreaterThan(0);
    }
  });

  test('networks: a group per co-tenancy, the tenant alone on an internal one', () => {
    expect(networkName('web-0')).toBe('dense-trusted');
    expect(networkName('whoami-0')).toBe('dense-trusted');
    expect(networkName('ci-job-0')).toBe('dense-untrusted');
    expect(networkName('acme-0')).toBe('tenant-acme');
    expect(networks['tenant-acme'].internal).toBe(true);
  });

  test('ports: public web on 0.0.0.0, whoami on 127.0.0.1, nothing else published', () => {
    expect(containers['web-1'].ports).toEqual([{ internal: 8080, external: 8081, ip: '0.0.0.0', protocol: 'tcp' }]);
    expect(containers['whoami-0'].ports).toEqual([{ internal: 8090, external: 8090, ip: '127.0.0.1', protocol: 'tcp' }]);
    expect(containers['ci-job-0'].ports).toBeUndefined();
    expect(containers['acme-0'].ports).toBeUndefined();
  });

  test('images pulled once each and kept locally', () => {
    const images = Object.values<any>(json.resource.docker_image);
    expect(images.map((i) => i.name).sort()).toEqual(['busybox:1.36', 'nginxinc/nginx-unprivileged:1.27-alpine', 'traefik/whoami:v1.10.3']);
    for (const image of images) expect(image.keep_locally).toBe(true);
  });
});
