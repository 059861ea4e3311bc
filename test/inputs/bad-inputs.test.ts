import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import {
  AwsTarget, CoTenancy, DenseService, DockerTarget, IsolatedTenant, LoadProfile, PlacementTier, TenantFleet, WorkloadSpec,
} from '../../lib';
import { awsStack, OFFLINE, WEB } from '../support/aws-stacks';
import { refusal, warningsOf } from './support';

// The inputs of issue 13 B that got through or failed badly, each now refused at synth naming where,
// what and the fix, or warned about where it is legal but surprising.

function dockerStack(props = {}): { app: App; stack: TerraformStack; target: DockerTarget } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  return { app, stack, target: new DockerTarget(stack, 'docker', props) };
}

const CERT = 'arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

describe('CIDRs with host bits are refused with the network address as the fix', () => {
  test.each([
    ['10.0.0.1/8', '10.0.0.0/8'], ['192.168.1.77/24', '192.168.1.0/24'], ['172.16.5.4/12', '172.16.0.0/12'], ['1.2.3.4/0', '0.0.0.0/0'],
  ])('ingress %s on AWS', (cidr, network) => {
    const { stack, target } = awsStack();
    const e = refusal(() => new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: WEB, ingress: [{ cidr }] }));
    expect(e.where).toBe('test/acme');
    expect(e.problem).toBe(`ingress[0].cidr "${cidr}" has host bits set below its /${cidr.split('/')[1]} prefix, which EC2 refuses.`);
    expect(e.fix).toContain(`write the network address, '${network}'`);
  });

  test('ingress with host bits on Docker, too (one rule for every target)', () => {
    const { stack, target } = dockerStack();
    expect(refusal(() => new DenseService(stack, 'api', {
      serviceName: 'api', target, workload: { ...WEB, image: 'ghcr.io/acme/api:1.0' }, ingress: [{ cidr: '10.0.0.0/16' }, { cidr: '10.0.0.1/8' }],
    })).problem).toMatch(/^ingress\[1\]\.cidr "10.0.0.1\/8" has host bits/);
  });

  test('network addresses and /32 hosts are accepted', () => {
    const { stack, target } = awsStack();
    expect(() => new IsolatedTenant(stack, 'acme', {
      tenantId: 'acme', target, workload: WEB, ingress: [{ cidr: '10.0.0.0/8' }, { cidr: '203.0.113.7/32' }, { cidr: '0.0.0.0/0' }],
    })).not.toThrow();
  });

  test('loadBalancer.allowedCidrs with host bits', () => {
    const { stack, target } = awsStack();
    const e = refusal(() => new DenseService(stack, 'web', { serviceName: 'web', target, workload: WEB, loadBalancer: { allowedCidrs: ['10.0.0.1/8'] } }));
    expect(e.where).toBe('test/web');
    expect(e.problem).toMatch(/^loadBalancer.allowedCidrs\[0\] "10.0.0.1\/8" has host bits set/);
    expect(e.fix).toMatch(/write the network address, '10.0.0.0\/8', or '10.0.0.1\/32' for the one host/);
  });
});

describe('load balancer options that terraform validate or the apply would refuse', () => {
  test.each<[string, object, RegExp, RegExp]>([
    ['listenerPort 0', { listenerPort: 0 }, /listenerPort must be a whole number from 1 to 65535, got 0/, /port clients connect to/],
    ['listenerPort 70000', { listenerPort: 70000 }, /got 70000/, /listenerPort/],
    ['listenerPort NaN', { listenerPort: Number.NaN }, /got NaN/, /listenerPort/],
    ['certificateArn not-an-arn', { certificateArn: 'not-an-arn' }, /certificateArn "not-an-arn" is not an ACM or IAM server certificate ARN/, /arn:aws:acm:<region>:<account>:certificate\/<id>/],
    ['an ARN of another service', { certificateArn: 'arn:aws:s3:::certificates/x' }, /not an ACM or IAM server certificate ARN/, /server-certificate/],
    ['healthCheckPath health', { healthCheckPath: 'health' }, /healthCheckPath "health" is not a URL path: it must start with '\/'/, /write it as '\/health'/],
    ['healthCheckPath with a space', { healthCheckPath: '/a b' }, /is not a URL path/, /'\/a b'|write it as/],
    ['allowedCidrs with internetFacing', { internetFacing: true, allowedCidrs: ['10.0.0.0/8'] }, /allowedCidrs is set together with internetFacing/, /drop internetFacing .* or drop allowedCidrs/],
    ['an empty allowedCidrs', { allowedCidrs: [] }, /non-empty list/, /list the CIDRs/],
    ['listenerPort with a certificate', { listenerPort: 8443, certificateArn: CERT }, /listenerPort 8443 is set together with certificateArn.*443 \(HTTPS\)/, /drop listenerPort/],
    ['internetFacing as a string', { internetFacing: 'yes' }, /internetFacing must be true or false, got "yes"/, /internetFacing: true/],
  ])('%s', (_name, loadBalancer, problem, fix) => {
    const { stack, target } = awsStack();
    const e = refusal(() => new DenseService(stack, 'web', { serviceName: 'web', target, workload: WEB, loadBalancer }));
    expect(e.where).toBe('test/web');
    expect(e.problem).toMatch(problem);
    expect(e.fix).toMatch(fix);
  });

  test.each([
    'arn:aws:acm:eu-central-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
    'arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
    'arn:aws-cn:acm:cn-north-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
    'arn:aws:iam::123456789012:server-certificate/prod/www.example.com',
    '${var.certificate_arn}',
  ])('certificate %s is accepted', (certificateArn) => {
    const { stack, target } = awsStack();
    expect(() => new DenseService(stack, 'web', {
      serviceName: 'web', target, workload: WEB, loadBalancer: { internetFacing: true, certificateArn, healthCheckPath: '/healthz?full=1' },
    })).not.toThrow();
  });
});

describe('one memory and cpu minimum for every target', () => {
  test.each<[string, object]>([
    ['ECS on EC2 (DenseService)', {}],
    ['Fargate', { pin: PlacementTier.MICROVM_CONTAINER, isolation: { coTenancy: CoTenancy.TRUSTED } }],
    ['a VM', { pin: PlacementTier.VM }],
  ])('memory 4 MiB is refused on %s, as on Docker', (_name, extra) => {
    const { stack, target } = awsStack();
    const e = refusal(() => new DenseService(stack, 'tiny', { serviceName: 'tiny', target, workload: { ...WEB, memoryMiB: 4 }, ...extra }));
    expect(e.problem).toBe('workload.memoryMiB 4 is below the minimum of 6 MiB that Docker and ECS accept for a container.');
    expect(e.fix).toBe('set memoryMiB to at least 6.');
  });

  test('memory 6 MiB is accepted on ECS and on Docker', () => {
    const aws = awsStack();
    expect(() => new DenseService(aws.stack, 'tiny', { serviceName: 'tiny', target: aws.target, workload: { ...WEB, memoryMiB: 6 } })).not.toThrow();
    const docker = dockerStack();
    expect(() => new DenseService(docker.stack, 'tiny', { serviceName: 'tiny', target: docker.target, workload: { ...WEB, memoryMiB: 6 } })).not.toThrow();
  });

  test('cpu 0.005 is refused on AWS as on Docker', () => {
    const { stack, target } = awsStack();
    expect(refusal(() => new DenseService(stack, 'tiny', { serviceName: 'tiny', target, workload: { ...WEB, cpu: 0.005 } })).problem)
      .toMatch(/workload.cpu 0.005 is below the minimum of 0.01 vCPU/);
  });

  test.each([
    ['cpu', Number.NaN, 'NaN'], ['cpu', Number.POSITIVE_INFINITY, 'Infinity'], ['memoryMiB', Number.NaN, 'NaN'],
    ['memoryMiB', Number.NEGATIVE_INFINITY, '-Infinity'], ['replicas', Number.POSITIVE_INFINITY, 'Infinity'], ['port', Number.NaN, 'NaN'],
  ])('%s %s is reported as got %s, not null', (field, value, shown) => {
    const { stack, target } = awsStack();
    const e = refusal(() => new DenseService(stack, 'svc', { serviceName: 'svc', target, workload: { ...WEB, [field]: value } }));
    expect(e.problem).toMatch(new RegExp(`workload.${field} must be .*, got ${shown.replace('-', '\\-')}\\.$`));
    expect(e.message).not.toMatch(/null/);
  });
});

test.each(['caf\u00e9 clients', 'a'.repeat(256), "the 'office'", 'line\nbreak'])('an ingress description EC2 refuses (%j)', (description) => {
  const { stack, target } = awsStack();
  expect(refusal(() => new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: WEB, ingress: [{ cidr: '10.0.0.0/8', description }] })).problem)
    .toMatch(/^ingress\[0\]\.description .* is not a security group rule description/);
});

test('an ingress port NaN is shown as NaN', () => {
  const { stack, target } = awsStack();
  expect(refusal(() => new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: WEB, ingress: [{ cidr: '10.0.0.0/8', port: Number.NaN }] })).problem)
    .toBe('ingress from 10.0.0.0/8 has port NaN, not a whole number from 1 to 65535.');
});

test('a target constructed in another stack is a PlacementError naming both stacks', () => {
  const app = Testing.app();
  const network = new TerraformStack(app, 'network');
  const apps = new TerraformStack(app, 'apps');
  const target = new AwsTarget(network, 'aws', OFFLINE);
  const e = refusal(() => new IsolatedTenant(apps, 'acme', { tenantId: 'acme', target, workload: WEB }));
  expect(e.where).toBe('apps/acme');
  expect(e.problem).toBe("the target network/aws is in stack 'network', and this workload is in stack 'apps': a target's provider serves only its own stack.");
  expect(e.fix).toMatch(/create one target per stack: .* in 'apps', and pass that one/);
  const docker = new DockerTarget(network, 'docker');
  expect(refusal(() => new DenseService(apps, 'svc', { serviceName: 'svc', target: docker, workload: WEB })).problem).toMatch(/in stack 'network'/);
});

test.each([
  ['an AwsTarget', (app: App) => new AwsTarget(app, 'aws', OFFLINE), 'aws'],
  ['a DockerTarget', (app: App) => new DockerTarget(app, 'docker'), 'docker'],
])('%s outside every stack is a PlacementError', (_kind, build, id) => {
  const e = refusal(() => build(Testing.app()));
  expect(e.where).toBe(id);
  expect(e.problem).toBe('this target is not inside a TerraformStack, so it has no Terraform to write into.');
  expect(e.fix).toMatch(/new TerraformStack\(app, 'name'\)/);
});

test('a workload outside every stack is a PlacementError', () => {
  const app = Testing.app();
  const target = new DockerTarget(new TerraformStack(app, 'apps'), 'docker');
  const e = refusal(() => new DenseService(app, 'svc', { serviceName: 'svc', target, workload: WEB }));
  expect([e.where, e.problem]).toEqual(['svc', 'this workload is not inside a TerraformStack, so it has no Terraform to write into.']);
});

describe('environment values that could become a second line', () => {
  test.each(['a\nB=evil', 'a\r\nB=evil', 'line\r', 'nul\0'])('%j is refused on AWS and on Docker', (value) => {
    const aws = awsStack();
    const e = refusal(() => new IsolatedTenant(aws.stack, 'acme', { tenantId: 'acme', target: aws.target, workload: { ...WEB, environment: { GREETING: value } } }));
    expect(e.problem).toMatch(/^workload.environment.GREETING contains a line break or NUL character/);
    expect(e.fix).toMatch(/one line .* workload.secrets/);
    const docker = dockerStack();
    expect(refusal(() => new DenseService(docker.stack, 'svc', { serviceName: 'svc', target: docker.target, workload: { ...WEB, environment: { GREETING: value } } })).problem)
      .toMatch(/GREETING contains a line break/);
  });
});

describe('VM user data above EC2\'s 16 KB', () => {
  const environment = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`VAR_${i}`, 'x'.repeat(100)]));

  test('200 values of 100 characters on a VM are refused naming the limit and the measured size', () => {
    const { stack, target } = awsStack();
    const e = refusal(() => new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: { ...WEB, environment } }));
    expect(e.where).toBe('test/acme');
    expect(e.problem).toMatch(/^the VM's user data is \d{5} bytes, above EC2's limit of 16384 bytes; workload.environment \(200 variables\)/);
    expect(Number(/is (\d+) bytes/.exec(e.problem)![1])).toBeGreaterThan(16384 + 200 * 100 - 16384);
    expect(e.fix).toMatch(/SSM Parameter Store .* workload.secrets/);
  });

  test('the same environment on Fargate goes into the task definition and is accepted', () => {
    const { stack, target } = awsStack();
    expect(() => new IsolatedTenant(stack, 'acme', {
      tenantId: 'acme', target, workload: { ...WEB, environment }, efficiency: { loadProfile: LoadProfile.SPIKY },
    })).not.toThrow();
  });
});

describe('replica counts', () => {
  test('replicas 10,000 are refused on every target', () => {
    const { stack, target } = awsStack();
    const e = refusal(() => new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: { ...WEB, replicas: 10000 } }));
    expect(e.problem).toMatch(/^workload.replicas 10000 is above the maximum of 5000 replicas of one workload/);
    const docker = dockerStack();
    expect(refusal(() => new DenseService(docker.stack, 'svc', { serviceName: 'svc', target: docker.target, workload: { ...WEB, replicas: 5001 } })).problem)
      .toMatch(/above the maximum of 5000/);
  });

  test('autoscaling max 100,000 is refused', () => {
    const { stack, target } = awsStack();
    const e = refusal(() => new DenseService(stack, 'web', { serviceName: 'web', target, workload: WEB, autoscaling: { minReplicas: 1, maxReplicas: 100000 } }));
    expect(e.problem).toMatch(/^autoscaling.maxReplicas 100000 is above the maximum of 5000/);
    expect(e.fix).toMatch(/at most 5000/);
  });

  test('autoscaling up to 5,000 is accepted', () => {
    const { stack, target } = awsStack();
    expect(() => new DenseService(stack, 'web', { serviceName: 'web', target, workload: WEB, autoscaling: { minReplicas: 1, maxReplicas: 5000 } })).not.toThrow();
  });

  test('more than 100 replicas on a VM tier warn; 100 do not', () => {
    const { stack, target } = awsStack();
    const many = new IsolatedTenant(stack, 'many', { tenantId: 'many', target, workload: { ...WEB, replicas: 101 }, egress: true });
    expect(warningsOf(many)).toEqual([expect.stringMatching(/^workload.replicas 101 on vm creates 101 EC2 instances/)]);
    const fine = new IsolatedTenant(stack, 'fine', { tenantId: 'fine', target, workload: { ...WEB, replicas: 100 }, egress: true });
    expect(warningsOf(fine)).toEqual([]);
  });
});

describe('props that would be silently ignored', () => {
  test('acknowledgeWeakerIsolation without a pin is refused', () => {
    const { stack, target } = awsStack();
    const e = refusal(() => new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: WEB, acknowledgeWeakerIsolation: 'demo data only' }));
    expect(e.problem).toMatch(/^acknowledgeWeakerIsolation is set without a pin/);
    expect(e.fix).toMatch(/remove acknowledgeWeakerIsolation, or add the pin/);
  });

  test('acknowledgeWeakerIsolation with a pin that meets the needs warns', () => {
    const { stack, target } = awsStack();
    const t = new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: WEB, pin: PlacementTier.DEDICATED_VM, acknowledgeWeakerIsolation: 'stale', egress: true });
    expect(warningsOf(t)).toEqual([expect.stringMatching(/acknowledgeWeakerIsolation is set, but the pinned tier dedicated-vm provides account-hardware, which meets the required hypervisor/)]);
  });

  test('instanceType on Docker is refused: the target has no VM tier', () => {
    const { stack, target } = dockerStack();
    const e = refusal(() => new DenseService(stack, 'svc', { serviceName: 'svc', target, workload: WEB, instanceType: 'm6i.large' }));
    expect(e.problem).toMatch(/^instanceType 'm6i.large' is set, but this target offers no VM tier \(it offers shared-container\)/);
    expect(e.fix).toMatch(/remove instanceType, or use an AwsTarget/);
  });

  test('instanceType with a pinned Fargate tier is refused', () => {
    const { stack, target } = awsStack();
    expect(refusal(() => new IsolatedTenant(stack, 'acme', {
      tenantId: 'acme', target, workload: WEB, pin: PlacementTier.MICROVM_CONTAINER, instanceType: 'm6i.large',
    })).problem).toMatch(/pinned to microvm-container, which runs on capacity it does not choose/);
  });

  test('instanceType where the engine chose a container tier warns, naming the tier', () => {
    const { stack, target } = awsStack();
    const t = new IsolatedTenant(stack, 'acme', {
      tenantId: 'acme', target, workload: WEB, instanceType: 'm6i.large', efficiency: { loadProfile: LoadProfile.SPIKY }, egress: true,
    });
    expect(t.placement.tier).toBe(PlacementTier.MICROVM_CONTAINER);
    expect(warningsOf(t)).toEqual([expect.stringMatching(/^instanceType 'm6i.large' has no effect: the needs placed the workload at microvm-container/)]);
    const vm = new IsolatedTenant(stack, 'vm', { tenantId: 'vm', target, workload: WEB, instanceType: 'm6i.large', egress: true });
    expect(warningsOf(vm)).toEqual([]);
  });
});

describe('an empty fleet warns', () => {
  test('tenants: [] in code', () => {
    const { stack, target } = awsStack();
    const fleet = new TenantFleet(stack, 'fleet', { target, tenants: [] });
    expect(fleet.tenants).toEqual([]);
    expect(warningsOf(fleet)).toEqual(['TenantFleet test/fleet has no tenants (tenants: []): it deploys nothing.']);
  });

  test('tenants: [] in a fleet file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-'));
    const file = path.join(dir, 'tenants.yaml');
    fs.writeFileSync(file, 'tenants: []\n');
    const { stack, target } = awsStack();
    expect(warningsOf(new TenantFleet(stack, 'fleet', { target, file }))).toHaveLength(1);
    fs.rmSync(dir, { recursive: true });
  });

  test('a fleet with tenants does not warn', () => {
    const { stack, target } = awsStack();
    const workload: WorkloadSpec = WEB;
    expect(warningsOf(new TenantFleet(stack, 'fleet', { target, tenants: [{ tenantId: 'acme', workload }] }))).toEqual([]);
  });
});

test.each([
  ['tcp://Build.Internal:2375/', 'tcp://build.internal:2375'],
  ['tcp://BUILD.internal', 'tcp://build.internal:2375'],
  ['unix:////var/run//docker.sock', 'unix:///var/run/docker.sock'],
  ['ssh://deploy@Build.Internal', 'ssh://deploy@build.internal:22/'],
  ['unix:///var/run/docker.sock/', 'unix:///var/run/docker.sock'],
])('one Docker engine spelled two ways (%s, %s) is recognised as one', (first, second) => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new DockerTarget(stack, 'a', { host: first });
  const e = refusal(() => new DockerTarget(stack, 'b', { host: second }));
  expect(e.where).toBe('test/b');
  expect(e.problem).toMatch(/^test\/a already targets the Docker engine at /);
});
