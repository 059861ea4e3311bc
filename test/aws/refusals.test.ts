import { TerraformStack, Testing } from 'cdktf';
import {
  AwsTarget, AwsTargetProps, CoTenancy, DenseService, HardwareExclusivity, IsolatedTenant, PlacementTier,
} from '../../lib';
import { awsStack, OFFLINE, WEB } from '../support/aws-stacks';
import { refusal } from '../support';


describe('bad input is refused at synth time with a PlacementError naming where, what and the fix', () => {
  test.each(['Acme', 'acme_prod', '-acme', 'acme-', '', 'a'.repeat(33), '1acme'])('tenantId %j is not DNS-safe', (tenantId) => {
    const { stack, target } = awsStack();
    const e = refusal(() => new IsolatedTenant(stack, 'tenant', { tenantId, target, workload: WEB }));
    expect(e.where).toBe('test/tenant');
    expect(e.problem).toMatch(/is not DNS-safe/);
    expect(e.fix).toMatch(/lower-case letters/);
  });

  test('a tenantId used twice in a stack', () => {
    const { stack, target } = awsStack();
    new IsolatedTenant(stack, 'first', { tenantId: 'acme', target, workload: WEB });
    const e = refusal(() => new IsolatedTenant(stack, 'second', { tenantId: 'acme', target, workload: WEB }));
    expect(e.message).toMatch(/test\/second: tenantId 'acme' is already used by test\/first/);
  });

  test('a burstable instance type with DEDICATED_VM', () => {
    const { stack, target } = awsStack();
    const e = refusal(() => new IsolatedTenant(stack, 'tenant', {
      tenantId: 'acme', target, workload: WEB, instanceType: 't3.large',
      isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.ACCOUNT },
    }));
    expect(e.where).toBe('test/tenant');
    expect(e.problem).toMatch(/'t3.large' is burstable .* dedicated-vm refuses burstable types/);
    expect(e.fix).toMatch(/use 'c6i.large'/);
  });

  test('an unknown instance type', () => {
    const { stack, target } = awsStack();
    expect(refusal(() => new IsolatedTenant(stack, 'tenant', { tenantId: 'acme', target, workload: WEB, instanceType: 'z9.mega' })).problem)
      .toMatch(/not in the bundled catalogue/);
  });

  test('a workload larger than any catalogue type', () => {
    const { stack, target } = awsStack();
    const e = refusal(() => new IsolatedTenant(stack, 'tenant', { tenantId: 'acme', target, workload: { ...WEB, cpu: 200, memoryMiB: 4096 } }));
    expect(e.problem).toMatch(/larger than any catalogue type for vm; the largest is r7i.48xlarge \(192 vCPU \/ 1572864 MiB\)/);
    expect(e.fix).toMatch(/raise workload.replicas/);
  });

  test('a workload larger than any Fargate task', () => {
    const { stack, target } = awsStack();
    expect(refusal(() => new IsolatedTenant(stack, 'tenant', {
      tenantId: 'acme', target, workload: { ...WEB, cpu: 32, memoryMiB: 4096 }, pin: PlacementTier.MICROVM_CONTAINER,
    })).problem).toMatch(/larger than the largest Fargate task/);
  });

  test('a pin the target lacks', () => {
    const { stack, target } = awsStack();
    const e = refusal(() => new DenseService(stack, 'svc', { serviceName: 'svc', target, workload: WEB, pin: PlacementTier.SANDBOXED_CONTAINER }));
    expect(e.where).toBe('test/svc');
    expect(e.message).toMatch(/sandboxed-container/);
  });

  test('SSH ingress, a malformed CIDR, ingress without a port', () => {
    const { stack, target } = awsStack();
    expect(refusal(() => new IsolatedTenant(stack, 'a', { tenantId: 'a', target, workload: WEB, ingress: [{ cidr: '10.0.0.0/8', port: 22 }] })).problem)
      .toMatch(/port 22 \(SSH\) is refused/);
    expect(refusal(() => new IsolatedTenant(stack, 'b', { tenantId: 'b', target, workload: WEB, ingress: [{ cidr: '10.0.0.0/33' }] })).problem)
      .toMatch(/is not an IPv4 CIDR block/);
    expect(refusal(() => new IsolatedTenant(stack, 'c', { tenantId: 'c', target, workload: { ...WEB, port: undefined }, ingress: [{ cidr: '10.0.0.0/8' }] })).problem)
      .toMatch(/names no port and the workload declares none/);
  });

  test('load balancer and autoscaling mistakes', () => {
    const { stack, target } = awsStack();
    expect(refusal(() => new DenseService(stack, 'a', { serviceName: 'a', target, workload: { ...WEB, port: undefined }, loadBalancer: {} })).problem)
      .toMatch(/workload.port is not set/);
    expect(refusal(() => new DenseService(stack, 'b', { serviceName: 'b', target, workload: WEB, autoscaling: { minReplicas: 3, maxReplicas: 2 } })).problem)
      .toMatch(/0 <= minReplicas <= maxReplicas/);
    expect(refusal(() => new DenseService(stack, 'c', {
      serviceName: 'c', target, workload: WEB, autoscaling: { minReplicas: 1, maxReplicas: 2 }, isolation: { coTenancy: CoTenancy.HOSTILE }, pin: PlacementTier.VM,
    })).problem).toMatch(/^pin 'vm' cannot run this workload: autoscaling applies to ECS services, and vm runs EC2 instances\./);
    expect(refusal(() => new DenseService(stack, 'd', { serviceName: 'd', target, workload: WEB, loadBalancer: { allowedCidrs: ['nope'] } })).problem)
      .toMatch(/"nope" is not an IPv4 CIDR block/);
  });

  test('a load balancer on a target with one availability zone', () => {
    const { stack, target } = awsStack({ ...OFFLINE, availabilityZones: ['eu-central-1a'] });
    const e = refusal(() => new DenseService(stack, 'web', { serviceName: 'web', target, workload: WEB, loadBalancer: {} }));
    expect(e.where).toBe('test/web');
    expect(e.problem).toMatch(/an application load balancer needs subnets in at least two availability zones, and this target has 1/);
    expect(e.fix).toMatch(/give the AwsTarget at least two availabilityZones/);
    // Without a load balancer one zone is fine.
    expect(() => new DenseService(stack, 'worker', { serviceName: 'worker', target, workload: WEB })).not.toThrow();
  });

  test.each<[string, Partial<AwsTargetProps>, RegExp]>([
    ['region', { region: 'Frankfurt' }, /region "Frankfurt" is not an AWS region name/],
    ['zone of another region', { availabilityZones: ['us-east-1a'] }, /"us-east-1a" is not a zone of eu-central-1/],
    ['duplicated zone', { availabilityZones: ['eu-central-1a', 'eu-central-1a'] }, /lists a zone twice/],
    ['no zones', { availabilityZones: [] }, /1 to 8 zones/],
    ['ami', { ami: 'ubuntu' }, /ami "ubuntu" is not an AMI id/],
    ['ecsAmi', { ecsAmi: 'ami-123' }, /ecsAmi "ami-123" is not an AMI id/],
    ['account', { accountId: '1234' }, /not a 12-digit AWS account id/],
    ['retention', { logRetentionDays: 10 }, /logRetentionDays 10 is not a value CloudWatch Logs accepts/],
  ])('AwsTarget refuses a bad %s', (_, override, message) => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const e = refusal(() => new AwsTarget(stack, 'aws', { ...OFFLINE, ...override } as AwsTargetProps));
    expect(e.where).toBe('test/aws');
    expect(e.problem).toMatch(message);
  });
});
