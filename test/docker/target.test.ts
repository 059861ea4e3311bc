import { Testing, TerraformStack } from 'cdktf';
import {
  CoTenancy, DenseService, DockerTarget, DockerTargetProps, HardwareExclusivity, IsolatedTenant, PlacementTier as T,
} from '../../lib';
import { containersByName, dockerStack, IMAGE, label, networksByName, refusal, resources, synth } from './support';

const workload = { image: IMAGE, cpu: 0.5, memoryMiB: 256 };

describe('DockerTarget props', () => {
  test.each<[string, DockerTargetProps, T[]]>([
    ['no runtimes', {}, [T.SHARED_CONTAINER]],
    ['gVisor', { runtimes: { gvisor: 'runsc' } }, [T.SHARED_CONTAINER, T.SANDBOXED_CONTAINER]],
    ['Kata', { runtimes: { kata: 'kata' } }, [T.SHARED_CONTAINER, T.MICROVM_CONTAINER]],
    ['both (defaultRuntimes)', { runtimes: DockerTarget.defaultRuntimes() }, [T.SHARED_CONTAINER, T.SANDBOXED_CONTAINER, T.MICROVM_CONTAINER]],
    ['custom names', { runtimes: { gvisor: 'io.containerd.runsc.v1', kata: 'kata-qemu' } }, [T.SHARED_CONTAINER, T.SANDBOXED_CONTAINER, T.MICROVM_CONTAINER]],
    ['Swarm', { swarm: true }, [T.SHARED_CONTAINER]],
  ])('%s offers the right tiers', (_name, props, tiers) => {
    const { target } = dockerStack(props);
    expect(target.availableTiers).toEqual(tiers);
    expect(target.elasticBilling).toBe(false);
    expect(target.targetKind).toBe('docker');
  });

  test('defaultRuntimes are runsc and kata', () => {
    expect(DockerTarget.defaultRuntimes()).toEqual({ gvisor: 'runsc', kata: 'kata' });
  });

  test('creates the Docker provider for the default host, aliased by the target id', () => {
    const { stack } = dockerStack();
    expect(synth(stack).json.provider.docker).toEqual([{ alias: 'docker', host: 'unix:///var/run/docker.sock' }]);
  });

  test('two targets in one stack get their own provider aliases, and each resource names its provider', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'stack');
    const a = new DockerTarget(stack, 'laptop', {});
    const b = new DockerTarget(stack, 'build-host', { host: 'ssh://deploy@build.internal' });
    new DenseService(stack, 'a', { target: a, serviceName: 'a', workload });
    new DenseService(stack, 'b', { target: b, serviceName: 'b', workload });
    const { json } = synth(stack);
    expect(json.provider.docker).toEqual([
      { alias: 'laptop', host: 'unix:///var/run/docker.sock' },
      { alias: 'build-host', host: 'ssh://deploy@build.internal' },
    ]);
    const providers = Object.values(json.resource).flatMap((byName) => Object.values(byName)).map((r: any) => r.provider);
    expect(new Set(providers)).toEqual(new Set(['docker.laptop', 'docker.build-host']));
  });

  test.each<[string, DockerTargetProps, RegExp]>([
    ['a host that is no address', { host: '/var/run/docker.sock' }, /host "\/var\/run\/docker.sock" is not a Docker engine address.*Fix: use e.g. 'unix:/],
    ['an empty runtime name', { runtimes: { gvisor: '' } }, /runtimes.gvisor "" is not a runtime name.*'runsc'/],
    ['an upper-case runtime name', { runtimes: { kata: 'Kata' } }, /runtimes.kata "Kata" is not a runtime name.*'kata'/],
    ['runc as a sandbox', { runtimes: { gvisor: 'runc' } }, /runtimes.gvisor is 'runc', which sandboxes nothing/],
    ['one name for both', { runtimes: { gvisor: 'x', kata: 'x' } }, /both 'x'/],
    ['runtimes with Swarm', { swarm: true, runtimes: { gvisor: 'runsc' } }, /Swarm services cannot select a runtime.*Fix: remove runtimes/],
    ['a non-boolean swarm', { swarm: 'yes' as unknown as boolean }, /swarm must be true or false/],
  ])('refuses %s', (_name, props, message) => {
    expect(refusal(() => dockerStack(props)).message).toMatch(message);
  });
});

describe('Docker refusals name the fix, before the engine runs', () => {
  const tenant = (props: DockerTargetProps, extra: Record<string, unknown>) => {
    const { stack, target } = dockerStack(props);
    return () => new IsolatedTenant(stack, 'tenant', { target, tenantId: 'acme', workload, ...extra });
  };

  test('HOSTILE without Kata', () => {
    const message = refusal(tenant({ runtimes: { gvisor: 'runsc' } }, {})).message;
    expect(message).toMatch(/^stack\/tenant: HOSTILE co-tenancy requires a hypervisor boundary, and this DockerTarget declares no Kata runtime\./);
    expect(message).toMatch(/Fix: declare runtimes.kata/);
  });

  test.each([HardwareExclusivity.ACCOUNT, HardwareExclusivity.TENANT])('hardwareExclusivity %s, even with every runtime', (exclusivity) => {
    const message = refusal(tenant({ runtimes: DockerTarget.defaultRuntimes() },
      { isolation: { coTenancy: CoTenancy.TRUSTED, hardwareExclusivity: exclusivity } })).message;
    expect(message).toMatch(/Docker cannot give hardware exclusivity/);
    expect(message).toMatch(/use an AwsTarget, which places it on DEDICATED_VM \(ACCOUNT\) or DEDICATED_HOST \(TENANT\)/);
  });

  test('ownKernel, even with Kata (microVM containers are container tiers)', () => {
    expect(refusal(tenant({ runtimes: DockerTarget.defaultRuntimes() }, { isolation: { coTenancy: CoTenancy.TRUSTED, ownKernel: true } })).message)
      .toMatch(/ownKernel needs a VM with a kernel of its own; Docker offers only container tiers\..*use an AwsTarget/);
  });

  test('UNTRUSTED without gVisor or Kata', () => {
    const { stack, target } = dockerStack();
    const message = refusal(() => new DenseService(stack, 'ci', { target, serviceName: 'ci', workload, isolation: { coTenancy: CoTenancy.UNTRUSTED } })).message;
    expect(message).toMatch(/UNTRUSTED co-tenancy requires a sandbox boundary, and this DockerTarget declares neither a gVisor nor a Kata runtime/);
    expect(message).toMatch(/Fix: declare runtimes.gvisor \(e.g. runtimes: \{ gvisor: 'runsc' \}\)/);
  });

  // The runtimes named are those whose tier provides the required boundary (the engine's boundary rules): gVisor is no hypervisor.
  test.each([[CoTenancy.UNTRUSTED, 'gVisor or Kata'], [CoTenancy.HOSTILE, 'Kata']])('%s in Swarm mode needs a sandboxed tier (%s)', (coTenancy, runtimes) => {
    const message = refusal(tenant({ swarm: true }, { isolation: { coTenancy: coTenancy as CoTenancy } })).message;
    expect(message).toContain(`i.e. a sandboxed tier (${runtimes}), but in Swarm mode a DockerTarget offers only SHARED_CONTAINER`);
    expect(message).toMatch(/Fix: realize this workload on a DockerTarget without swarm/);
  });

  test('a pin of a tier the target lacks (the engine refuses it)', () => {
    const { stack, target } = dockerStack({ runtimes: { gvisor: 'runsc' } });
    expect(refusal(() => new DenseService(stack, 'api', { target, serviceName: 'api', workload, pin: T.MICROVM_CONTAINER })).message)
      .toMatch(/pin 'microvm-container' is not offered by this target, which offers shared-container, sandboxed-container/);
    expect(refusal(() => new DenseService(stack, 'vm', { target, serviceName: 'vm', workload, pin: T.VM })).message)
      .toMatch(/pin 'vm' is not offered by this target/);
  });

  test('a pin of an offered, stronger tier is honoured', () => {
    const { stack, target } = dockerStack({ runtimes: { gvisor: 'runsc' } });
    const service = new DenseService(stack, 'api', { target, serviceName: 'api', workload, pin: T.SANDBOXED_CONTAINER });
    expect(service.placement.tier).toBe(T.SANDBOXED_CONTAINER);
    expect(service.placement.pinned).toBe(true);
  });

  test('a weaker pin with an acknowledgement is the user\'s choice, even where Docker lacks the boundary', () => {
    const { stack, target } = dockerStack();
    const tenant = new IsolatedTenant(stack, 'demo', {
      target, tenantId: 'demo', workload, pin: T.SHARED_CONTAINER, acknowledgeWeakerIsolation: 'local demo with synthetic data',
    });
    expect(tenant.placement).toMatchObject({ tier: T.SHARED_CONTAINER, boundary: 'process', requiredBoundary: 'hypervisor', pinned: true });
    expect(refusal(() => new IsolatedTenant(stack, 'other', { target, tenantId: 'other', workload, pin: T.SHARED_CONTAINER })).message)
      .toMatch(/weaker than the required hypervisor boundary.*acknowledgeWeakerIsolation/);
  });

  test('hardware exclusivity is refused on Docker even with a pin and an acknowledgement', () => {
    const { stack, target } = dockerStack();
    expect(refusal(() => new IsolatedTenant(stack, 'bank', {
      target, tenantId: 'bank', workload, isolation: { coTenancy: CoTenancy.TRUSTED, hardwareExclusivity: HardwareExclusivity.TENANT },
      pin: T.SHARED_CONTAINER, acknowledgeWeakerIsolation: 'x',
    })).message).toMatch(/Docker cannot give hardware exclusivity/);
  });

  test('null props (from JavaScript) are the defaults; runtimes that are not an object are refused', () => {
    expect(new DockerTarget(new TerraformStack(Testing.app(), 'a'), 'docker', null as never).availableTiers).toEqual([T.SHARED_CONTAINER]);
    expect(refusal(() => new DockerTarget(new TerraformStack(Testing.app(), 'b'), 'docker', { runtimes: 'runsc' } as never)).message)
      .toMatch(/runtimes must be an object naming the runtimes, got "runsc"/);
  });

  test('two DockerTargets on one engine in one stack are refused; in other stacks they share the engine', () => {
    const app = Testing.app();
    const a = new TerraformStack(app, 'a');
    new DockerTarget(a, 'docker', {});
    expect(refusal(() => new DockerTarget(a, 'other', { host: 'unix:///var/run//docker.sock/' })).message)
      .toMatch(/^a\/other: a\/docker already targets the Docker engine at unix:\/\/\/var\/run\/docker.sock in this stack/);
    expect(() => new DockerTarget(new TerraformStack(app, 'b'), 'docker', {})).not.toThrow();
    expect(() => new DockerTarget(a, 'build', { host: 'ssh://deploy@build-2' })).not.toThrow();
  });

  test('dev and staging on one engine: the same tenants and services, distinct names and labels', () => {
    const app = Testing.app();
    const built = ['dev', 'staging'].map((id, i) => {
      const stack = new TerraformStack(app, id);
      const target = new DockerTarget(stack, 'docker', { runtimes: DockerTarget.defaultRuntimes() });
      // Host ports are engine-wide: each stack publishes its own.
      new DenseService(stack, 'web', { target, serviceName: 'web', workload: { ...workload, port: 8080 + i }, ingress: [{ cidr: '0.0.0.0/0' }] });
      new IsolatedTenant(stack, 'acme', { target, tenantId: 'acme', workload });
      return { id, json: synth(stack).json };
    });
    const names = built.map(({ id, json }) => {
      const containers = containersByName(json, id);
      expect(Object.keys(containers).sort()).toEqual(['acme-0', 'web-0']);
      expect(Object.keys(networksByName(json, id)).sort()).toEqual(['dense-trusted', 'tenant-acme']);
      expect(label(containers['acme-0'], 'cdktf-isolation.stack')).toBe(id);
      return [...resources(json, 'docker_container'), ...resources(json, 'docker_network')].map((r) => r.name);
    });
    expect(names[0].filter((n) => names[1].includes(n))).toEqual([]);
  });

  test('a host port is engine-wide: claimed twice across stacks on one engine, however the address is spelled', () => {
    const app = Testing.app();
    const [dev, staging] = ['dev', 'staging'].map((id) => new TerraformStack(app, id));
    const devTarget = new DockerTarget(dev, 'docker', { host: 'tcp://Laptop.local' });
    const stagingTarget = new DockerTarget(staging, 'docker', { host: 'tcp://laptop.local:2375/' });
    new DenseService(dev, 'web', { target: devTarget, serviceName: 'web', workload: { ...workload, port: 8080 }, ingress: [{ cidr: '0.0.0.0/0' }] });
    expect(refusal(() => new DenseService(staging, 'web', { target: stagingTarget, serviceName: 'web', workload: { ...workload, port: 8080 }, ingress: [{ cidr: '0.0.0.0/0' }] })).message)
      .toMatch(/^staging\/web: host port 8080 is already published on the Docker engine at tcp:\/\/laptop.local:2375 by dev\/web\./);
    const elsewhere = new DockerTarget(new TerraformStack(app, 'ci'), 'docker', { host: 'tcp://ci.local' });
    expect(() => new DenseService(elsewhere.node.scope as TerraformStack, 'web', { target: elsewhere, serviceName: 'web', workload: { ...workload, port: 8080 }, ingress: [{ cidr: '0.0.0.0/0' }] })).not.toThrow();
  });

  test('stack ids that spell alike as Docker names are caught by the name claims', () => {
    const app = Testing.app();
    const [x, y] = ['dev+env', 'dev-env'].map((id) => new TerraformStack(app, id));
    new DenseService(x, 'web', { target: new DockerTarget(x, 'docker', {}), serviceName: 'web', workload });
    expect(refusal(() => new DenseService(y, 'web', { target: new DockerTarget(y, 'docker', {}), serviceName: 'web', workload })).message)
      .toMatch(/name 'dev-env-dense-trusted' is already used on the Docker engine at unix:\/\/\/var\/run\/docker.sock by dev\+env\/docker/);
  });

  test.each([0.001, 0.005])('cpu %s is below Docker\'s minimum', (cpu) => {
    const { stack, target } = dockerStack();
    expect(refusal(() => new DenseService(stack, 'api', { target, serviceName: 'api', workload: { ...workload, cpu } })).message)
      .toMatch(/is below the minimum of 0.01 vCPU that Docker and ECS accept/);
  });

  test('secrets given as AWS ARNs', () => {
    const message = refusal(tenant({ runtimes: DockerTarget.defaultRuntimes() },
      { workload: { ...workload, secrets: { DB_PASSWORD: 'arn:aws:ssm:eu-west-1:123456789012:parameter/db' } } })).message;
    expect(message).toMatch(/workload.secrets holds AWS ARNs .* which a Docker engine cannot resolve\. Fix: remove workload.secrets/);
  });

  test('AWS-only service options: load balancer and autoscaling', () => {
    const { stack, target } = dockerStack();
    expect(refusal(() => new DenseService(stack, 'lb', { target, serviceName: 'lb', workload, loadBalancer: {} })).message)
      .toMatch(/loadBalancer is not available on Docker.*Fix: remove loadBalancer/);
    expect(refusal(() => new DenseService(stack, 'as', { target, serviceName: 'as', workload, autoscaling: { minReplicas: 1, maxReplicas: 3 } })).message)
      .toMatch(/autoscaling is not available on Docker.*set workload.replicas/);
  });

  test('a tenant with ingress but no egress (internal networks publish nothing)', () => {
    const message = refusal(tenant({ runtimes: DockerTarget.defaultRuntimes() },
      { workload: { ...workload, port: 8080 }, ingress: [{ cidr: '10.0.0.0/8' }] })).message;
    expect(message).toMatch(/Docker publishes no ports from an internal network \(moby\/moby#36174\).*Fix: set egress: true/);
  });

  test('ingress without any port', () => {
    const { stack, target } = dockerStack();
    expect(refusal(() => new DenseService(stack, 'api', { target, serviceName: 'api', workload, ingress: [{ cidr: '0.0.0.0/0' }] })).message)
      .toMatch(/ingress from 0.0.0.0\/0 names no port and the workload declares none/);
  });

  test.each<[string, object, RegExp]>([
    ['a malformed cidr', { cidr: 'banana' }, /"banana" is not an IPv4 CIDR block/],
    ['a port given as a string', { cidr: '0.0.0.0/0', port: '80' }, /has port "80", not a whole number from 1 to 65535/],
  ])('ingress with %s', (_name, rule, message) => {
    const { stack, target } = dockerStack();
    expect(refusal(() => new DenseService(stack, 'api', { target, serviceName: 'api', workload, ingress: [rule as never] })).message).toMatch(message);
  });

  test('ports that do not fit with the replica offset', () => {
    const { stack, target } = dockerStack();
    expect(refusal(() => new DenseService(stack, 'api', { target, serviceName: 'api', workload: { ...workload, port: 65535, replicas: 2 }, ingress: [{ cidr: '0.0.0.0/0' }] })).message)
      .toMatch(/ingress port 65535 with 2 replica\(s\) does not fit in 1-65535/);
  });

  test('a host port published twice on one engine', () => {
    const { stack, target } = dockerStack();
    new DenseService(stack, 'a', { target, serviceName: 'a', workload: { ...workload, port: 8080, replicas: 2 }, ingress: [{ cidr: '0.0.0.0/0' }] });
    expect(refusal(() => new DenseService(stack, 'b', { target, serviceName: 'b', workload: { ...workload, port: 8081 }, ingress: [{ cidr: '0.0.0.0/0' }] })).message)
      .toMatch(/^stack\/b: host port 8081 is already published on the Docker engine at unix:\/\/\/var\/run\/docker.sock by stack\/a\./);
  });

  test('a tenant and a service whose containers would share a name', () => {
    const { stack, target } = dockerStack({ runtimes: DockerTarget.defaultRuntimes() });
    new DenseService(stack, 'svc', { target, serviceName: 'api', workload });
    expect(refusal(() => new IsolatedTenant(stack, 'tenant', { target, tenantId: 'api', workload })).message)
      .toMatch(/container name 'stack-api-0' is already used on the Docker engine at unix:\/\/\/var\/run\/docker.sock by stack\/svc/);
  });

  test('memory below Docker\'s minimum', () => {
    const { stack, target } = dockerStack();
    expect(refusal(() => new DenseService(stack, 'tiny', { target, serviceName: 'tiny', workload: { ...workload, memoryMiB: 4 } })).message)
      .toMatch(/below the minimum of 6 MiB that Docker and ECS accept/);
  });
});
