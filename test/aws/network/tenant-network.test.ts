import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { PlacementError } from '../../../lib/placement-error';
import { CidrPool } from '../../../lib/targets/aws/network/cidr-pool';
import { TenantNetwork } from '../../../lib/targets/aws/network/tenant-network';
import { ofType, references, SynthResource, synthesize } from '../../support';
import { addTenant, ENV, networkStack } from './network-stack';

function count(resources: SynthResource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return counts;
}

describe('the shared tenant network without egress', () => {
  const { stack, network } = networkStack();
  const { resources } = synthesize(stack);

  test('has an isolated, an egress and a public subnet in each of the 3 zones, non-overlapping', () => {
    const subnets = ofType(resources, 'aws_subnet');
    expect(subnets).toHaveLength(9);
    for (const kind of ['isolated', 'egress', 'public']) {
      const ofKind = subnets.filter((s) => s.body.tags['isolation:subnet'] === kind);
      expect(ofKind.map((s) => s.body.availability_zone).sort()).toEqual(ENV.availabilityZones);
    }
    expect(new Set(subnets.map((s) => s.body.cidr_block)).size).toBe(9);
    expect(subnets.find((s) => s.body.tags.Name === 'aws-isolated-1')!.body.cidr_block).toBe('10.0.0.0/21');
    expect(subnets.find((s) => s.body.tags.Name === 'aws-egress-2')!.body.cidr_block).toBe('10.0.72.0/21');
    expect(subnets.find((s) => s.body.tags.Name === 'aws-public-3')!.body.cidr_block).toBe('10.0.144.0/21');
  });

  test('has no NAT gateway, Elastic IP, internet gateway or default route', () => {
    const counts = count(resources);
    expect([counts.aws_nat_gateway, counts.aws_eip, counts.aws_internet_gateway, counts.aws_route]).toEqual([undefined, undefined, undefined, undefined]);
    expect(network.egressEnabled).toBe(false);
  });

  test('shares the interface endpoints in the isolated subnets behind the endpoint group, which admits tcp/443 from the tenant subnets only', () => {
    const interfaces = ofType(resources, 'aws_vpc_endpoint').filter((e) => e.body.vpc_endpoint_type === 'Interface');
    expect(interfaces.map((e) => e.body.service_name.split('.').slice(3).join('.')).sort()).toEqual(network.endpointServices);
    const sg = ofType(resources, 'aws_security_group').find((s) => s.body.name === 'aws-endpoints')!;
    for (const e of interfaces) {
      expect(e.body.security_group_ids).toEqual([`\${${sg.address}.id}`]);
      expect(e.body.subnet_ids).toHaveLength(3);
      expect(e.body.private_dns_enabled).toBe(true);
    }
    const rules = ofType(resources, 'aws_vpc_security_group_ingress_rule').filter((r) => r.body.security_group_id === `\${${sg.address}.id}`);
    expect(rules.map((r) => [r.body.cidr_ipv4, r.body.from_port, r.body.to_port])).toEqual([['10.0.0.0/17', 443, 443]]);
  });

  test('routes S3 through the gateway endpoint with the restricted policy from the isolated route table (egress has none yet)', () => {
    const gateways = ofType(resources, 'aws_vpc_endpoint').filter((e) => e.body.vpc_endpoint_type === 'Gateway');
    expect(gateways).toHaveLength(1);
    const [s3] = gateways;
    expect(s3.body.route_table_ids).toEqual(['${aws_route_table.tenant-network_isolated-routes_B73374C4.id}']);
    expect(JSON.parse(s3.body.policy).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['BucketsOfThisAccount', 'AmazonLinuxRepositories', 'EcrImageLayers']);
  });

  test('writes a flow log of all traffic into a log group encrypted with the network key, through a scoped role', () => {
    const [flowLog] = ofType(resources, 'aws_flow_log');
    const [group] = ofType(resources, 'aws_cloudwatch_log_group');
    const [key] = ofType(resources, 'aws_kms_key');
    expect(flowLog.body).toMatchObject({ traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs', log_destination: `\${${group.address}.arn}` });
    expect(group.body).toMatchObject({ name: '/isolation/net/network/aws/flow-log', retention_in_days: 90, kms_key_id: `\${${key.address}.arn}` });
    expect(key.body.enable_key_rotation).toBe(true);
    const logs = JSON.parse(key.body.policy).Statement.find((s: { Sid: string }) => s.Sid === 'CloudWatchLogsForThisLogGroup');
    expect(logs.Condition.ArnLike['kms:EncryptionContext:aws:logs:arn']).toBe('arn:aws:logs:eu-central-1:123456789012:log-group:/isolation/net/network/aws/flow-log');
    const [role] = ofType(resources, 'aws_iam_role');
    const trust = JSON.parse(role.body.assume_role_policy).Statement[0];
    expect(trust.Principal.Service).toBe('vpc-flow-logs.amazonaws.com');
    expect(trust.Condition.StringEquals['aws:SourceAccount']).toBe('123456789012');
    const [policy] = ofType(resources, 'aws_iam_role_policy');
    const actions = JSON.parse(policy.body.policy).Statement.flatMap((s: { Action: string[] }) => s.Action);
    expect(actions).not.toContain('logs:CreateLogGroup');
    expect(JSON.stringify(JSON.parse(policy.body.policy))).not.toMatch(/"Resource":"\*"/);
  });

  test('empties the default security group', () => {
    const [sg] = ofType(resources, 'aws_default_security_group');
    expect(sg.body.ingress).toBeUndefined();
    expect(sg.body.egress).toBeUndefined();
  });

  test('is 41 resources for 3 zones and 7 endpoints', () => {
    expect(resources).toHaveLength(41);
  });
});

describe('the shared tenant network with egress', () => {
  const { stack, network } = networkStack({ egress: true });
  network.enableEgress();
  const { resources } = synthesize(stack);

  test('has one NAT gateway with its Elastic IP in the public subnet of each zone, and each zone routes through its own', () => {
    const nats = ofType(resources, 'aws_nat_gateway');
    const subnets = new Map(ofType(resources, 'aws_subnet').map((s) => [`\${${s.address}.id}`, s.body]));
    expect(nats).toHaveLength(3);
    expect(nats.map((n) => subnets.get(n.body.subnet_id)!.availability_zone).sort()).toEqual(ENV.availabilityZones);
    expect(nats.every((n) => subnets.get(n.body.subnet_id)!.tags['isolation:subnet'] === 'public')).toBe(true);
    expect(ofType(resources, 'aws_eip')).toHaveLength(3);
    const routes = ofType(resources, 'aws_route').filter((r) => r.body.nat_gateway_id);
    expect(new Set(routes.map((r) => r.body.nat_gateway_id)).size).toBe(3);
    expect(new Set(routes.map((r) => r.body.route_table_id)).size).toBe(3);
  });

  test('has one internet gateway and is 53 resources (enableEgress twice creates nothing twice)', () => {
    expect(ofType(resources, 'aws_internet_gateway')).toHaveLength(1);
    expect(resources).toHaveLength(53);
  });

  test('gives the egress route tables their own, unrestricted S3 gateway endpoint (free, and no NAT data for any bucket)', () => {
    const gateways = ofType(resources, 'aws_vpc_endpoint').filter((e) => e.body.vpc_endpoint_type === 'Gateway');
    const open = gateways.find((g) => g.body.policy === undefined)!;
    const egressTables = ofType(resources, 'aws_route_table').filter((t) => /egress-routes/.test(t.path)).map((t) => `\${${t.address}.id}`);
    expect(open.body.route_table_ids).toEqual(egressTables);
    expect(gateways.find((g) => g.body.policy !== undefined)!.body.route_table_ids).toHaveLength(1);
  });
});

describe('tenant security groups', () => {
  const { stack, network } = networkStack();
  const lbSg = 'sg-0123456789abcdef0';
  addTenant(stack, network, 'acme');
  addTenant(stack, network, 'globex', { ingress: [{ cidr: '203.0.113.0/24' }], loadBalancerSecurityGroupId: lbSg });
  addTenant(stack, network, 'initech', { egress: true });
  const { resources } = synthesize(stack);
  const groups = ofType(resources, 'aws_security_group').filter((s) => s.body.name.startsWith('tenant-'));
  const groupOf = (tenant: string): SynthResource => groups.find((g) => g.body.name === `tenant-${tenant}`)!;
  const rulesOf = (type: string, tenant: string): SynthResource[] =>
    ofType(resources, type).filter((r) => r.body.security_group_id === `\${${groupOf(tenant).address}.id}`);
  const endpointSg = ofType(resources, 'aws_security_group').find((s) => s.body.name === 'aws-endpoints')!;
  const s3 = ofType(resources, 'aws_vpc_endpoint').find((e) => e.body.vpc_endpoint_type === 'Gateway')!;

  test('without egress reach only the endpoints and the S3 prefix list, on tcp/443', () => {
    for (const tenant of ['acme', 'globex']) {
      const egress = rulesOf('aws_vpc_security_group_egress_rule', tenant).map((r) => r.body);
      expect(egress.map((e) => [e.ip_protocol, e.from_port, e.to_port, e.referenced_security_group_id ?? e.prefix_list_id])).toEqual([
        ['tcp', 443, 443, `\${${endpointSg.address}.id}`],
        ['tcp', 443, 443, `\${${s3.address}.prefix_list_id}`],
      ]);
      expect(egress.some((e) => e.cidr_ipv4)).toBe(false);
    }
  });

  test('with egress reach anywhere', () => {
    expect(rulesOf('aws_vpc_security_group_egress_rule', 'initech').map((r) => [r.body.cidr_ipv4, r.body.ip_protocol])).toEqual([['0.0.0.0/0', '-1']]);
  });

  test('admit only the declared CIDRs and their own load balancer', () => {
    expect(rulesOf('aws_vpc_security_group_ingress_rule', 'acme')).toEqual([]);
    expect(rulesOf('aws_vpc_security_group_ingress_rule', 'globex').map((r) => [r.body.cidr_ipv4 ?? r.body.referenced_security_group_id, r.body.from_port]))
      .toEqual([['203.0.113.0/24', 8080], [lbSg, 8080]]);
  });

  test('no rule anywhere references one tenant group from another tenant group', () => {
    const tenantGroups = new Set(groups.map((g) => g.address));
    const rules = [...ofType(resources, 'aws_vpc_security_group_ingress_rule'), ...ofType(resources, 'aws_vpc_security_group_egress_rule')];
    for (const rule of rules) {
      const refs = references(rule.body).filter((ref) => tenantGroups.has(ref));
      // A rule may name its own group (security_group_id), never a second tenant group.
      expect(new Set(refs).size).toBeLessThanOrEqual(1);
      expect(refs.every((ref) => rule.body.security_group_id === `\${${ref}.id}`)).toBe(true);
    }
  });

  test('admit a declared source that covers the VPC without the VPC: other tenants stay out', () => {
    const { stack: s, network: n } = networkStack();
    addTenant(s, n, 'wide', { ingress: [{ cidr: '10.0.0.0/8' }, { cidr: '0.0.0.0/0', port: 443 }] });
    const rules = ofType(synthesize(s).resources, 'aws_vpc_security_group_ingress_rule').filter((r) => r.path.startsWith('wide/'));
    const internal = rules.filter((r) => r.body.from_port === 8080);
    const anywhere = rules.filter((r) => r.body.from_port === 443);
    expect(internal.map((r) => r.body.cidr_ipv4)).toEqual(['10.1.0.0/16', '10.2.0.0/15', '10.4.0.0/14', '10.8.0.0/13', '10.16.0.0/12', '10.32.0.0/11', '10.64.0.0/10', '10.128.0.0/9']);
    expect(anywhere).toHaveLength(16);
    // Still declared public: the guards' marker stays on every piece of 0.0.0.0/0.
    expect(anywhere.every((r) => r.body.tags['isolation:public-ports'] === '443')).toBe(true);
    expect(internal.some((r) => r.body.tags['isolation:public-ports'])).toBe(false);
  });

  test('refuse a source inside the VPC, a CIDR with host bits, SSH, and a load balancer without a port', () => {
    const { stack: s, network: n } = networkStack();
    expect(() => addTenant(s, n, 'inside', { ingress: [{ cidr: '10.0.5.0/24' }] })).toThrow(/^net\/inside: ingress from 10\.0\.5\.0\/24 lies inside the tenant network 10\.0\.0\.0\/16/);
    expect(() => addTenant(s, n, 'hostbits', { ingress: [{ cidr: '10.0.0.1/8' }] })).toThrow(/^net\/hostbits: ingress\[0\]\.cidr "10\.0\.0\.1\/8" has host bits set/);
    expect(() => addTenant(s, n, 'ssh', { ingress: [{ cidr: '10.0.0.0/8', port: 22 }] })).toThrow(PlacementError);
    expect(() => addTenant(s, n, 'noport', { port: undefined, loadBalancerSecurityGroupId: lbSg })).toThrow(/workload.port/);
  });
});

describe('dedicated tenant networks', () => {
  test('get the same shape in their own VPC, with a CIDR from the pool that no other network of the target has', () => {
    const { stack } = networkStack();
    const pool = new CidrPool('test', '10.64.0.0/10', 20, ['10.0.0.0/16']);
    const cidrs = ['alpha', 'bravo', 'charlie'].map((id) => TenantNetwork.dedicated(new Construct(stack, id), 'network', {
      env: ENV, stack: 'net', name: id, tags: { 'isolation:tenant': id }, endpoints: ['ecr.api'],
    }, pool, id).cidr);
    expect(new Set(cidrs).size).toBe(3);
    const { resources } = synthesize(stack);
    expect(ofType(resources, 'aws_vpc').map((v) => v.body.cidr_block).sort()).toEqual(['10.0.0.0/16', ...cidrs].sort());
    expect(ofType(resources, 'aws_flow_log')).toHaveLength(4);
    expect(ofType(resources, 'aws_subnet')).toHaveLength(36);
    expect(resources.some((r) => r.type.includes('peering'))).toBe(false);
    // Every dedicated subnet lies in its VPC (a /25 of the tenant's /20).
    for (const s of ofType(resources, 'aws_subnet').filter((r) => r.path.startsWith('alpha'))) expect(s.body.cidr_block).toMatch(/\/25$/);
  });

  test('a pinned CIDR is reserved, and a network too small for the layout is refused', () => {
    const { stack } = networkStack();
    const pool = new CidrPool('test', '10.64.0.0/10', 20);
    const props = { env: ENV, stack: 'net', name: 'pinned', tags: {}, cidr: '10.65.0.0/20' };
    expect(TenantNetwork.dedicated(stack, 'pinned', props, pool, 'pinned').cidr).toBe('10.65.0.0/20');
    expect(() => new TenantNetwork(stack, 'tiny', { ...props, name: 'tiny', cidr: '10.1.0.0/24' })).toThrow(/cannot be a VPC/);
  });
});

test('asNetwork gives the tiers the tenant subnets, and public subnets only once the internet gateway exists', () => {
  const { network } = networkStack();
  const isolated = network.asNetwork(false);
  expect(isolated.privateSubnetIds).toBe(network.isolatedSubnetIds);
  expect(isolated.publicSubnetIds).toEqual([]);
  expect(isolated.note).toMatch(/no egress.*ecr\.api.*s3/);
  expect(network.egressEnabled).toBe(false);
  const egress = network.asNetwork(true);
  expect(egress.privateSubnetIds).toBe(network.egressSubnetIds);
  expect(egress.publicSubnetIds).toBe(network.publicSubnetIds);
  expect(network.egressEnabled).toBe(true);
});

test('a stack with the network with egress and a tenant group passes the full synthesis and its validations', () => {
  const { stack, network } = networkStack({ egress: true });
  addTenant(stack, network, 'a');
  expect(() => Testing.fullSynth(stack)).not.toThrow();
});
