import { normaliseEngineAddress } from '../../lib/targets/docker/engine-address';

describe('normaliseEngineAddress: one spelling per engine', () => {
  test.each([
    // tcp: host case, default port, trailing slash
    ['tcp://10.0.0.5:2376', 'tcp://10.0.0.5:2376'],
    ['tcp://10.0.0.5', 'tcp://10.0.0.5:2375'],
    ['tcp://10.0.0.5:2375/', 'tcp://10.0.0.5:2375'],
    ['TCP://Docker.Example.COM:2376//', 'tcp://docker.example.com:2376'],
    ['tcp://[FD00::1]', 'tcp://[fd00::1]:2375'],
    ['tcp://[fd00::1]:2376', 'tcp://[fd00::1]:2376'],
    ['tcp://host:2376/v1.43', 'tcp://host:2376/v1.43'],
    // ssh: the user keeps its case, the host does not
    ['ssh://Deploy@Build.Internal', 'ssh://Deploy@build.internal:22'],
    ['ssh://deploy@build.internal:2222/', 'ssh://deploy@build.internal:2222'],
    ['https://Engine.example:8443/', 'https://engine.example:8443'],
    ['http://engine.example', 'http://engine.example:80'],
    // unix: the empty path is the default socket; repeated and trailing slashes collapse
    ['unix://', 'unix:///var/run/docker.sock'],
    ['unix:///var/run/docker.sock', 'unix:///var/run/docker.sock'],
    ['unix:////var//run/docker.sock/', 'unix:///var/run/docker.sock'],
    ['UNIX:///run/user/1000/docker.sock', 'unix:///run/user/1000/docker.sock'],
    // a relative socket path is relative to Terraform's working directory: a different socket
    ['unix://var/run/docker.sock', 'unix://var/run/docker.sock'],
    // Windows named pipes are case-insensitive
    ['npipe:////./pipe/Docker_Engine/', 'npipe:////./pipe/docker_engine'],
  ])('%s -> %s', (address, normal) => {
    expect(normaliseEngineAddress(address)).toBe(normal);
    expect(normaliseEngineAddress(normal)).toBe(normal); // idempotent
  });

  test('the same engine spelled differently compares equal, different engines do not', () => {
    const same = ['tcp://Build:2375', 'tcp://build', 'tcp://build:2375/'].map(normaliseEngineAddress);
    expect(new Set(same).size).toBe(1);
    expect(normaliseEngineAddress('tcp://build:2376')).not.toBe(normaliseEngineAddress('tcp://build'));
    expect(normaliseEngineAddress('ssh://a@build')).not.toBe(normaliseEngineAddress('ssh://A@build'));
  });

  test('tokens and strings that are no address are returned as given', () => {
    expect(normaliseEngineAddress('${var.docker_host}')).toBe('${var.docker_host}');
    expect(normaliseEngineAddress('/var/run/docker.sock')).toBe('/var/run/docker.sock');
    expect(normaliseEngineAddress('tcp://')).toBe('tcp://');
  });
});
