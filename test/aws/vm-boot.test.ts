import { CoTenancy, HardwareExclusivity, IsolatedTenant } from '../../lib';
import { awsStack, WEB } from '../support/aws-stacks';
import { ofType, synthesize } from '../support';

// VM tenants boot after what their user data reaches the network through: the endpoints without
// egress, the NAT route with it.
test('instances depend on the network readiness: the VPC endpoints without egress, the NAT route with it', () => {
  const { stack, target } = awsStack();
  new IsolatedTenant(stack, 'closed', { tenantId: 'acme', target, workload: WEB });
  new IsolatedTenant(stack, 'open', {
    tenantId: 'globex', target, workload: WEB, egress: true,
    isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.ACCOUNT },
  });
  const { resources } = synthesize(stack);
  const instances = ofType(resources, 'aws_instance');
  const closed = instances.filter((i) => i.path.startsWith('closed/'));
  const open = instances.filter((i) => i.path.startsWith('open/'));
  expect(closed.length).toBeGreaterThan(0);
  expect(open.length).toBeGreaterThan(0);
  // The shared tenant network's interface endpoints (the S3 gateway endpoints need no wait: routes, not ENIs).
  const endpoints = ofType(resources, 'aws_vpc_endpoint').filter((e) => e.path.startsWith('aws/tenant-network/') && e.body.vpc_endpoint_type === 'Interface');
  expect(endpoints.length).toBeGreaterThan(1);
  for (const i of closed) expect([...i.body.depends_on].sort()).toEqual(endpoints.map((e) => e.address).sort());
  // With egress: the default route of each zone's egress subnets, through its NAT gateway.
  for (const i of open) expect(i.body.depends_on).toEqual([expect.stringMatching(/^aws_route\..*egress-default-1/), expect.stringMatching(/^aws_route\..*egress-default-2/)]);
});
