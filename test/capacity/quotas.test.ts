import { AwsQuota, AwsQuotasProps, QuotaCheck, QuotaScope, QuotaUsage } from '../../lib/capacity/quotas';
import { QuotaCounter } from '../../lib/capacity/quotas-counter';
import { PlacementError } from '../../lib/placement-error';

describe('the quota table', () => {
  test.each(QuotaCheck.definitions().map((d) => [d.quota, d]))('%s has a default, a source page, a date and a quota code', (_, d) => {
    expect(d.defaultValue).toBeGreaterThanOrEqual(0);
    expect(d.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(d.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (d.scope !== QuotaScope.INSTANCE_FAMILY) expect(d.quotaCode).toMatch(/^L-[0-9A-F]{8}$/);
  });

  test.each([
    [AwsQuota.VPCS_PER_REGION, 5], [AwsQuota.INTERNET_GATEWAYS_PER_REGION, 5], [AwsQuota.ELASTIC_IPS_PER_REGION, 5],
    [AwsQuota.NAT_GATEWAYS_PER_ZONE, 5], [AwsQuota.GATEWAY_ENDPOINTS_PER_REGION, 20], [AwsQuota.INTERFACE_ENDPOINTS_PER_VPC, 50],
    [AwsQuota.SUBNETS_PER_VPC, 200], [AwsQuota.SECURITY_GROUPS_PER_REGION, 2500], [AwsQuota.SECURITY_GROUPS_PER_INTERFACE, 5],
    [AwsQuota.INBOUND_RULES_PER_SECURITY_GROUP, 60], [AwsQuota.OUTBOUND_RULES_PER_SECURITY_GROUP, 60],
    [AwsQuota.APPLICATION_LOAD_BALANCERS_PER_REGION, 50], [AwsQuota.NETWORK_LOAD_BALANCERS_PER_REGION, 50],
    [AwsQuota.TARGET_GROUPS_PER_REGION, 3000], [AwsQuota.ECS_CLUSTERS_PER_REGION, 10000], [AwsQuota.ECS_SERVICES_PER_CLUSTER, 5000],
    [AwsQuota.DEDICATED_HOSTS_PER_FAMILY, 0],
  ])('a fresh account allows %s: %i', (quota, value) => {
    expect(QuotaCheck.definition(quota).defaultValue).toBe(value);
  });
});

describe('QuotaCheck.check', () => {
  const usage = (quota: AwsQuota, count: number, key = ''): QuotaUsage[] => [{ quota, key, count }];

  // [usage, props, expected finding (count, limit, quota code) or undefined]
  const CASES: Array<[string, QuotaUsage[], AwsQuotasProps, [number, number, string] | undefined]> = [
    ['4 VPCs and the default VPC fit 5', usage(AwsQuota.VPCS_PER_REGION, 4), {}, undefined],
    ['5 VPCs and the default VPC do not', usage(AwsQuota.VPCS_PER_REGION, 5), {}, [6, 5, 'L-F678F1CE']],
    ['5 VPCs fit where the default VPC was deleted', usage(AwsQuota.VPCS_PER_REGION, 5), { defaultVpc: false }, undefined],
    ['6 VPCs fit a raised quota of 10', usage(AwsQuota.VPCS_PER_REGION, 6), { vpcsPerRegion: 10 }, undefined],
    ['internet gateways are raised through VPCs per Region', usage(AwsQuota.INTERNET_GATEWAYS_PER_REGION, 5), {}, [6, 5, 'L-F678F1CE']],
    ['6 NAT gateways in one zone', usage(AwsQuota.NAT_GATEWAYS_PER_ZONE, 6, 'eu-central-1a'), {}, [6, 5, 'L-FE5A380F']],
    ['61 inbound rules', usage(AwsQuota.INBOUND_RULES_PER_SECURITY_GROUP, 61, 'aws_security_group.x'), {}, [61, 60, 'L-0EA8095F']],
    ['a Dedicated Host in a fresh account', usage(AwsQuota.DEDICATED_HOSTS_PER_FAMILY, 1, 'm6i'), {}, [1, 0, 'L-D269BEFD']],
    ['a Dedicated Host where the family was raised', usage(AwsQuota.DEDICATED_HOSTS_PER_FAMILY, 2, 'm6i'), { dedicatedHostsPerFamily: { m6i: 2 } }, undefined],
    ['a family the table has no code for', usage(AwsQuota.DEDICATED_HOSTS_PER_FAMILY, 1, 'x9z'), {}, [1, 0, '']],
  ];

  test.each(CASES)('%s', (_, usages, props, expected) => {
    const findings = QuotaCheck.check('eu-central-1', usages, props);
    if (!expected) {
      expect(findings).toEqual([]);
      return;
    }
    const [count, limit, code] = expected;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ count, limit, quotaCode: code });
    expect(findings[0].message).toContain(`${count} in`);
    expect(findings[0].message).toContain(`over the quota of ${limit}`);
    expect(findings[0].increase).toMatch(code ? new RegExp(`--region eu-central-1 --service-code \\w+ --quota-code ${code} --desired-value \\d+$`) : /Service Quotas console/);
  });

  test('names the default VPC in the count and the quota to raise for internet gateways', () => {
    const [igw] = QuotaCheck.check('eu-west-1', usage(AwsQuota.INTERNET_GATEWAYS_PER_REGION, 5));
    expect(igw.message).toBe('Internet gateways per Region: 6 in eu-west-1 (5 of this stack + 1 of the default VPC), over the quota of 5 (raised with "VPCs per Region"). '
      + 'Request an increase: aws service-quotas request-service-quota-increase --region eu-west-1 --service-code vpc --quota-code L-F678F1CE --desired-value 6.');
  });

  test('the increase for internet gateways raises VPCs per Region from its current value', () => {
    const [igw] = QuotaCheck.check('eu-west-1', usage(AwsQuota.INTERNET_GATEWAYS_PER_REGION, 9), { vpcsPerRegion: 12, internetGatewaysPerRegion: 8 });
    expect(igw.increase).toMatch(/--quota-code L-F678F1CE --desired-value 14$/);
  });

  test('enforce throws one PlacementError with every finding, and nothing without findings', () => {
    const findings = QuotaCheck.check('eu-west-1', [...usage(AwsQuota.VPCS_PER_REGION, 9), ...usage(AwsQuota.ELASTIC_IPS_PER_REGION, 6)]);
    expect(findings.map((f) => f.quota)).toEqual([AwsQuota.VPCS_PER_REGION, AwsQuota.ELASTIC_IPS_PER_REGION]);
    expect(() => QuotaCheck.enforce('app/aws', findings)).toThrow(/^app\/aws: the stack goes over 2 quota\(s\).*VPCs per Region: 10.*EC2-VPC Elastic IPs: 6/);
    expect(() => QuotaCheck.enforce('app/aws', [])).not.toThrow();
  });

  test.each([[{ vpcsPerRegion: -1 }], [{ vpcsPerRegion: 2.5 }], [{ dedicatedHostsPerFamily: { m5: Number.NaN } }]])('validate refuses %j', (props) => {
    expect(() => QuotaCheck.validate('app/aws', props as AwsQuotasProps)).toThrow(PlacementError);
  });
});

describe('QuotaCounter.count over hand-written stacks', () => {
  const get = (usages: QuotaUsage[], quota: AwsQuota, key = ''): number | undefined => usages.find((u) => u.quota === quota && u.key === key)?.count;
  const stack = {
    resource: {
      aws_vpc: { a: {}, b: {}, other: { provider: 'aws.eu' } },
      aws_subnet: {
        a1: { vpc_id: '${aws_vpc.a.id}', availability_zone: 'eu-central-1a' },
        a2: { vpc_id: '${aws_vpc.a.id}', availability_zone: '${element(data.aws_availability_zones.zones.names, 1)}' },
      },
      aws_nat_gateway: { n1: { subnet_id: '${aws_subnet.a1.id}' }, n2: { subnet_id: '${aws_subnet.a2.id}' }, n3: { subnet_id: 'subnet-outside' }, n4: { subnet_id: 'subnet-outside' } },
      aws_vpc_endpoint: {
        s3: { vpc_id: '${aws_vpc.a.id}', vpc_endpoint_type: 'Gateway' },
        ecr: { vpc_id: '${aws_vpc.a.id}', vpc_endpoint_type: 'Interface', security_group_ids: ['${aws_security_group.sg.id}'] },
      },
      aws_security_group: { sg: { vpc_id: '${aws_vpc.a.id}', ingress: [{ cidr_blocks: ['10.0.0.0/8', '192.168.0.0/16'] }] } },
      aws_vpc_security_group_ingress_rule: { r1: { security_group_id: '${aws_security_group.sg.id}' } },
      aws_vpc_security_group_egress_rule: { e1: { security_group_id: '${aws_security_group.sg.id}' } },
      aws_lb: { alb: { security_groups: ['${aws_security_group.sg.id}'] }, nlb: { load_balancer_type: 'network' } },
      aws_ecs_cluster: { c: {} },
      aws_ecs_service: { s1: { cluster: '${aws_ecs_cluster.c.arn}' }, s2: { cluster: '${aws_ecs_cluster.c.arn}' } },
      aws_ec2_host: { h1: { instance_family: 'm6i' }, h2: { instance_type: 'c6i.large' }, h3: { instance_family: 'm6i' } },
    },
  };
  const usages = QuotaCounter.count(stack);

  test.each([
    [AwsQuota.VPCS_PER_REGION, '', 2],
    [AwsQuota.SECURITY_GROUPS_PER_REGION, '', 3],
    [AwsQuota.SUBNETS_PER_VPC, 'aws_vpc.a', 2],
    [AwsQuota.NAT_GATEWAYS_PER_ZONE, 'eu-central-1a', 2],
    [AwsQuota.NAT_GATEWAYS_PER_ZONE, '${element(data.aws_availability_zones.zones.names, 1)}', 2],
    [AwsQuota.GATEWAY_ENDPOINTS_PER_REGION, '', 1],
    [AwsQuota.INTERFACE_ENDPOINTS_PER_VPC, 'aws_vpc.a', 1],
    [AwsQuota.INBOUND_RULES_PER_SECURITY_GROUP, 'aws_security_group.sg', 3],
    [AwsQuota.OUTBOUND_RULES_PER_SECURITY_GROUP, 'aws_security_group.sg', 1],
    [AwsQuota.SECURITY_GROUPS_PER_INTERFACE, 'aws_lb.alb', 1],
    [AwsQuota.APPLICATION_LOAD_BALANCERS_PER_REGION, '', 1],
    [AwsQuota.NETWORK_LOAD_BALANCERS_PER_REGION, '', 1],
    [AwsQuota.ECS_SERVICES_PER_CLUSTER, 'aws_ecs_cluster.c', 2],
    [AwsQuota.DEDICATED_HOSTS_PER_FAMILY, 'm6i', 2],
    [AwsQuota.DEDICATED_HOSTS_PER_FAMILY, 'c6i', 1],
  ])('%s at %j: %i', (quota, key, count) => {
    expect(get(usages, quota, key)).toBe(count);
  });

  test('counts only the resources of the given providers', () => {
    expect(get(QuotaCounter.count(stack, ['aws.eu']), AwsQuota.VPCS_PER_REGION)).toBe(1);
    expect(get(QuotaCounter.count(stack, ['aws', 'aws.eu']), AwsQuota.VPCS_PER_REGION)).toBe(3);
  });

  test('an empty stack uses nothing', () => {
    expect(QuotaCounter.count({}).every((u) => u.count === 0)).toBe(true);
  });
});
