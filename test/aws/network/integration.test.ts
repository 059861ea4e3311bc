import { TerraformStack, Testing } from 'cdktf';
import { AwsTarget, CoTenancy, DenseService, HardwareExclusivity, IsolatedTenant } from '../../../lib';
import { AwsQuota } from '../../../lib/capacity/quotas';
import { crossTenantRules } from '../../../lib/targets/aws/network/cross-tenant';
import { QuotaValidation } from '../../../lib/targets/aws/network/quota-validation';
import { PlacementError } from '../../../lib/placement-error';
import { awsStack, OFFLINE, WEB } from '../../support/aws-stacks';
import { ofType, refusal, synthesize, SynthResource } from '../../support';

// AwsTarget with the network modules wired in: tenants in the shared tenant network, names per stack,
// one aliased provider per target, tenant load balancers, the quota check.

const under = (resources: SynthResource[], prefix: string) => resources.filter((r) => r.path.startsWith(prefix));

describe('a default VM tenant (no ingress, no egress)', () => {
  const { stack, target } = awsStack();
  new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: WEB });
  const { resources } = synthesize(stack);
  const own = under(resources, 'acme/');

  test('owns at most 13 resources: key, alias, log group, its security group and 2 egress rules, role, policy, profile, instance', () => {
    expect(own.length).toBeLessThanOrEqual(13);
    expect(own.map((r) => r.type).sort()).toEqual(['aws_cloudwatch_log_group', 'aws_iam_instance_profile', 'aws_iam_role', 'aws_iam_role_policy',
      'aws_instance', 'aws_kms_alias', 'aws_kms_key', 'aws_security_group', 'aws_vpc_security_group_egress_rule', 'aws_vpc_security_group_egress_rule']);
  });

  test('runs in the isolated subnets of the shared network and reaches out only to the endpoints and S3 on tcp/443', () => {
    const [instance] = ofType(own, 'aws_instance');
    expect(instance.body.subnet_id).toMatch(/^\$\{aws_subnet\.aws_tenant-network_isolated-1_/);
    const egress = ofType(own, 'aws_vpc_security_group_egress_rule').map((r) => [r.body.from_port, r.body.referenced_security_group_id ?? r.body.prefix_list_id]);
    expect(egress).toEqual([[443, expect.stringMatching(/aws_security_group\.aws_tenant-network_endpoints-sg_/)], [443, expect.stringMatching(/aws_vpc_endpoint\.aws_tenant-network_endpoint-s3_/)]]);
    expect(ofType(resources, 'aws_nat_gateway')).toEqual([]);
  });
});

describe('account-global names', () => {
  function names(stackId: string): { all: string[]; stack: TerraformStack } {
    const app = Testing.app();
    const stack = new TerraformStack(app, stackId);
    const target = new AwsTarget(stack, 'aws', OFFLINE);
    new IsolatedTenant(stack, 'vm', { tenantId: 'acme', target, workload: WEB, loadBalancer: { internetFacing: true } });
    new IsolatedTenant(stack, 'fargate', { tenantId: 'umbrella', target, workload: WEB, efficiency: { priority: 'cost' as never } });
    new IsolatedTenant(stack, 'shared', { tenantId: 'dense-aws', target, workload: WEB, isolation: { coTenancy: CoTenancy.TRUSTED } });
    new DenseService(stack, 'web', { serviceName: 'web', target, workload: WEB, loadBalancer: { internetFacing: true } });
    const { resources } = synthesize(stack);
    const pick: Array<[string, string]> = [['aws_cloudwatch_log_group', 'name'], ['aws_kms_alias', 'name'], ['aws_ecs_cluster', 'name'],
      ['aws_ecs_capacity_provider', 'name'], ['aws_iam_role', 'name'], ['aws_iam_role', 'name_prefix'], ['aws_iam_instance_profile', 'name_prefix'],
      ['aws_lb', 'name'], ['aws_lb_target_group', 'name']];
    const all = pick.flatMap(([type, field]) => ofType(resources, type).map((r) => r.body[field]).filter((v) => v !== undefined));
    return { all, stack };
  }
  const prod = names('prod');
  const staging = names('staging');

  test('two stacks with the same tenant ids share none', () => {
    expect(prod.all.length).toBeGreaterThan(20);
    expect(prod.all.filter((n) => staging.all.includes(n))).toEqual([]);
  });

  test('within a stack every name is distinct: a tenant named dense-aws meets neither the dense cluster nor its pools', () => {
    expect(new Set(prod.all).size).toBe(prod.all.length);
    const clusters = ofType(synthesize(prod.stack).resources, 'aws_ecs_cluster').map((r) => r.body.name).sort();
    expect(clusters).toEqual(['iso_prod_dense_aws', 'iso_prod_tenant_dense-aws', 'iso_prod_tenant_umbrella']);
  });

  test('load balancer and target group names fit 32 characters and IAM prefixes 38', () => {
    const { resources } = synthesize(prod.stack);
    for (const r of [...ofType(resources, 'aws_lb'), ...ofType(resources, 'aws_lb_target_group')]) expect(r.body.name.length).toBeLessThanOrEqual(32);
    for (const r of [...ofType(resources, 'aws_iam_role'), ...ofType(resources, 'aws_iam_instance_profile')]) {
      if (r.body.name_prefix !== undefined) expect(r.body.name_prefix.length).toBeLessThanOrEqual(38);
    }
  });
});

describe('two AwsTargets (regions) in one stack', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'multi');
  const eu = new AwsTarget(stack, 'eu', OFFLINE);
  const us = new AwsTarget(stack, 'us', { region: 'us-east-1' });
  for (const [target, prefix] of [[eu, 'eu'], [us, 'us']] as const) {
    new IsolatedTenant(stack, `${prefix}-tenant`, { tenantId: `${prefix}-acme`, target, workload: WEB, egress: true });
    new DenseService(stack, `${prefix}-web`, { serviceName: `${prefix}-web`, target, workload: WEB });
  }
  const json = JSON.parse(Testing.synth(stack));

  test('each target has its own aliased provider, and every resource and data source names its target\'s', () => {
    expect(json.provider.aws.map((p: { alias: string; region: string }) => [p.alias, p.region])).toEqual([['eu', 'eu-central-1'], ['us', 'us-east-1']]);
    let count = 0;
    for (const block of [json.resource, json.data]) {
      for (const [type, byName] of Object.entries<Record<string, any>>(block)) {
        for (const [name, body] of Object.entries<any>(byName)) {
          // Logical names start with the construct path: eu_... (the target) or eu-tenant_..., eu-web_...;
          // the per-region account setting sits at stack level, named after its region.
          const owner = /^(eu|us)[-_]/.exec(name)?.[1] ?? { 'cdktf-isolation-awsvpc-trunking-eu-central-1': 'eu', 'cdktf-isolation-awsvpc-trunking-us-east-1': 'us' }[name];
          expect([type, name, body.provider]).toEqual([type, name, `aws.${owner}`]);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  test('each region has its own quota check', () => {
    expect(stack.node.tryFindChild('quota-check-eu-central-1')).toBeInstanceOf(QuotaValidation);
    expect(stack.node.tryFindChild('quota-check-us-east-1')).toBeInstanceOf(QuotaValidation);
  });
});

describe('a tenant\'s own load balancer', () => {
  const CERT = 'arn:aws:acm:eu-central-1:123456789012:certificate/0123abcd-0123-abcd-0123-0123456789ab';

  test('internet-facing with a certificate: HTTPS in the public subnets, instances attached, the tenant admits only it and its CIDRs', () => {
    const { stack, target } = awsStack();
    const t = new IsolatedTenant(stack, 'acme', {
      tenantId: 'acme', target, workload: { ...WEB, replicas: 2 }, ingress: [{ cidr: '198.51.100.0/24' }], loadBalancer: { internetFacing: true, certificateArn: CERT },
    });
    const { resources } = synthesize(stack);
    const own = under(resources, 'acme/');
    const [lb] = ofType(own, 'aws_lb');
    expect(lb.body.internal).toBe(false);
    expect(lb.body.subnets.every((s: string) => /aws_tenant-network_public-/.test(s))).toBe(true);
    expect(ofType(own, 'aws_lb_listener').map((l) => [l.body.port, l.body.protocol]).sort()).toEqual([[443, 'HTTPS'], [80, 'HTTP']]);
    expect(ofType(own, 'aws_lb_target_group_attachment')).toHaveLength(2);
    expect(ofType(resources, 'aws_internet_gateway')).toHaveLength(1);
    const sg = ofType(own, 'aws_security_group').find((s) => s.path === 'acme/sg')!;
    const lbSg = ofType(own, 'aws_security_group').find((s) => s.path === 'acme/lb-sg')!;
    const into = ofType(own, 'aws_vpc_security_group_ingress_rule').filter((r) => r.body.security_group_id === `\${${sg.address}.id}`);
    expect(into.map((r) => r.body.cidr_ipv4 ?? r.body.referenced_security_group_id).sort()).toEqual([`\${${lbSg.address}.id}`, '198.51.100.0/24'].sort());
    const out = ofType(own, 'aws_vpc_security_group_egress_rule').filter((r) => r.body.security_group_id === `\${${lbSg.address}.id}`);
    expect(out.map((r) => [r.body.referenced_security_group_id, r.body.from_port])).toEqual([[`\${${sg.address}.id}`, 8080]]);
    expect(t.realized.loadBalancerDnsName).toBeDefined();
    expect(crossTenantRules(JSON.parse(Testing.synth(stack)))).toEqual([]);
  });

  test('a Fargate tenant forwards from its own load balancer to its service', () => {
    const { stack, target } = awsStack();
    new IsolatedTenant(stack, 'umbrella', { tenantId: 'umbrella', target, workload: WEB, efficiency: { priority: 'cost' as never }, loadBalancer: { internetFacing: true } });
    const [service] = ofType(synthesize(stack).resources, 'aws_ecs_service');
    expect(service.body.load_balancer[0].target_group_arn).toMatch(/aws_lb_target_group\.umbrella_target-group_/);
  });

  test('internal in the shared network: allowedCidrs are required, and the network\'s own CIDR is taken out of them', () => {
    const { stack, target } = awsStack();
    const err = refusal(() => new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target, workload: WEB, loadBalancer: {} }));
    expect(err.problem).toMatch(/would admit the network's CIDR 10\.0\.0\.0\/16, where other tenants run/);
    expect(err.fix).toMatch(/allowedCidrs/);
    new IsolatedTenant(stack, 'globex', { tenantId: 'globex', target, workload: WEB, loadBalancer: { allowedCidrs: ['10.0.0.0/8'] } });
    const sources = ofType(synthesize(stack).resources, 'aws_vpc_security_group_ingress_rule').filter((r) => r.path.startsWith('globex/lb-ingress')).map((r) => r.body.cidr_ipv4);
    expect(sources).not.toContain('10.0.0.0/16');
    expect(sources).toContain('10.128.0.0/9');
  });
});

describe('the quota check', () => {
  // Validations run after the aspects (which set each resource's provider), as in a real synth.
  function hostStack(enforce: boolean, hosts?: number): TerraformStack {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'hosts');
    const target = new AwsTarget(stack, 'aws', { ...OFFLINE, quotas: { enforce, dedicatedHostsPerFamily: hosts === undefined ? undefined : { t3: hosts, m6i: hosts, c6i: hosts, c5: hosts } } });
    new IsolatedTenant(stack, 'host', { tenantId: 'initech', target, workload: WEB, isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.TENANT } });
    return stack;
  }
  const checkOf = (stack: TerraformStack) => stack.node.tryFindChild('quota-check-eu-central-1') as QuotaValidation;

  test('a Dedicated Host tenant in a fresh account: a warning naming the quota (its default is 0)', () => {
    const stack = hostStack(false);
    Testing.synth(stack, true);
    expect(checkOf(stack).findings.map((f) => f.quota)).toEqual([AwsQuota.DEDICATED_HOSTS_PER_FAMILY]);
  });

  test('with enforce, the finding is a PlacementError; a raised quota passes', () => {
    expect(() => Testing.synth(hostStack(true), true)).toThrow(PlacementError);
    const raised = hostStack(true, 4);
    Testing.synth(raised, true);
    expect(checkOf(raised).findings).toEqual([]);
  });
});

describe('dedicatedNetwork', () => {
  test('each such tenant gets its own VPC with a /20 of the target\'s pool, its own endpoints, never peered; the rest share the tenant network', () => {
    const { stack, target } = awsStack({ ...OFFLINE, dedicatedNetworkPool: '10.200.0.0/16' });
    for (const id of ['silo-a', 'silo-b']) {
      new IsolatedTenant(stack, id, { tenantId: id, target, workload: WEB, isolation: { coTenancy: CoTenancy.HOSTILE, dedicatedNetwork: true } });
    }
    new IsolatedTenant(stack, 'shared', { tenantId: 'shared', target, workload: WEB });
    const { resources } = synthesize(stack);
    const vpcs = ofType(resources, 'aws_vpc').map((v) => [v.path, v.body.cidr_block]);
    expect(vpcs.map(([p]) => p).sort()).toEqual(['aws/tenant-network/vpc', 'silo-a/network/vpc', 'silo-b/network/vpc']);
    const silos = vpcs.filter(([p]) => p.startsWith('silo-')).map(([, c]) => c);
    expect(new Set(silos).size).toBe(2);
    for (const cidr of silos) expect(cidr).toMatch(/^10\.200\.\d+\.0\/20$/);
    for (const id of ['silo-a', 'silo-b']) expect(under(resources, `${id}/network/`).filter((r) => r.type === 'aws_vpc_endpoint').length).toBe(8);
    expect(resources.filter((r) => /peering|transit_gateway/.test(r.type))).toEqual([]);
    const [instance] = ofType(under(resources, 'silo-a/'), 'aws_instance');
    expect(instance.body.subnet_id).toMatch(/^\$\{aws_subnet\.silo-a_network_isolated-1_/);
  });

  test('is a tenant boundary: a DenseService asking for it is refused', () => {
    const { stack, target } = awsStack();
    const err = refusal(() => new DenseService(stack, 'web', { serviceName: 'web', target, workload: WEB, isolation: { coTenancy: CoTenancy.TRUSTED, dedicatedNetwork: true } }));
    expect(err.problem).toMatch(/dedicatedNetwork is a tenant boundary/);
  });

  test('a value that is not a boolean is refused', () => {
    const { stack, target } = awsStack();
    const err = refusal(() => new IsolatedTenant(stack, 't', { tenantId: 't', target, workload: WEB, isolation: { coTenancy: CoTenancy.HOSTILE, dedicatedNetwork: 'yes' as never } }));
    expect(err.problem).toMatch(/isolation.dedicatedNetwork must be true or false/);
  });
});
