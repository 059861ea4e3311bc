import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AwsQuota, QuotaCheck } from '../../../lib/capacity/quotas';
import { QuotaCounter } from '../../../lib/capacity/quotas-counter';
import { CidrPool, DEFAULT_DEDICATED_POOL } from '../../../lib/targets/aws/network/cidr-pool';
import { TenantNetwork } from '../../../lib/targets/aws/network/tenant-network';
import { addTenant, ENV, networkStack } from './network-stack';

// The network side of a 160-tenant fleet: one shared tenant network with egress, 160 tenant security
// groups (every fourth with egress, every fifth with ingress and a load balancer group) and two
// dedicated networks stay within a fresh account's default quotas; six more VPCs do not.
test('160 tenants on the shared network and 2 dedicated networks stay within the default quotas', () => {
  const { stack, network } = networkStack({ egress: true });
  for (let i = 0; i < 160; i++) {
    addTenant(stack, network, `tenant-${i}`, {
      egress: i % 4 === 0, ingress: i % 5 === 0 ? [{ cidr: '203.0.113.0/24' }] : [], loadBalancerSecurityGroupId: i % 5 === 0 ? 'sg-0123456789abcdef0' : undefined,
    });
  }
  const pool = new CidrPool(stack.node.path, DEFAULT_DEDICATED_POOL, 20);
  for (const id of ['silo-a', 'silo-b']) {
    TenantNetwork.dedicated(new Construct(stack, id), 'network', { env: ENV, stack: 'net', name: id, tags: {}, endpoints: ['ecr.api', 'ecr.dkr', 'logs'] }, pool, id);
  }
  const usages = QuotaCounter.count(JSON.parse(Testing.synth(stack)));
  const at = (quota: AwsQuota, key = ''): number | undefined => usages.find((u) => u.quota === quota && u.key === key)?.count;
  expect(at(AwsQuota.VPCS_PER_REGION)).toBe(3);
  expect(at(AwsQuota.INTERNET_GATEWAYS_PER_REGION)).toBe(1);
  expect(at(AwsQuota.ELASTIC_IPS_PER_REGION)).toBe(3);
  // The shared network's restricted and egress S3 endpoints, one per dedicated network.
  expect(at(AwsQuota.GATEWAY_ENDPOINTS_PER_REGION)).toBe(4);
  expect(at(AwsQuota.SECURITY_GROUPS_PER_REGION)).toBe(160 + 3 + 3);
  for (const zone of ENV.availabilityZones) expect(at(AwsQuota.NAT_GATEWAYS_PER_ZONE, zone)).toBe(1);
  expect(QuotaCheck.check(ENV.region, usages)).toEqual([]);
});

test('six VPCs in one region go over VPCs per Region, named with the increase to request', () => {
  const { stack } = networkStack();
  const pool = new CidrPool(stack.node.path, DEFAULT_DEDICATED_POOL, 20);
  for (let i = 0; i < 5; i++) TenantNetwork.dedicated(new Construct(stack, `silo-${i}`), 'network', { env: ENV, stack: 'net', name: `silo-${i}`, tags: {} }, pool, `silo-${i}`);
  const findings = QuotaCheck.check(ENV.region, QuotaCounter.count(JSON.parse(Testing.synth(stack))));
  expect(findings.map((f) => [f.quota, f.count, f.limit])).toEqual([[AwsQuota.VPCS_PER_REGION, 7, 5]]);
  expect(findings[0].increase).toBe('aws service-quotas request-service-quota-increase --region eu-central-1 --service-code vpc --quota-code L-F678F1CE --desired-value 7');
});
