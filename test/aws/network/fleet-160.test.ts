import { Testing } from 'cdktf';
import { AwsQuota, QuotaCheck } from '../../../lib/capacity/quotas';
import { QuotaCounter } from '../../../lib/capacity/quotas-counter';
import { crossTenantRules } from '../../../lib/targets/aws/network/cross-tenant';
import { quotaView, QuotaValidation } from '../../../lib/targets/aws/network/quota-validation';
import { OFFLINE } from '../../support/aws-stacks';
import { fleetStack } from '../../support/fleet-stack';

// The issue's done-when fleet through AwsTarget: 160 tenants of every kind plus dense services.
const { stack } = fleetStack();
const json = JSON.parse(Testing.synth(stack, true));
const usages = QuotaCounter.count(json, ['aws.aws']);
const at = (quota: AwsQuota, key = ''): number | undefined => usages.find((u) => u.quota === quota && u.key === key)?.count;

test('the quota view (counted types and fields only) counts exactly what the synthesized stack does', () => {
  expect(QuotaCounter.count(quotaView(stack), ['aws.aws'])).toEqual(usages);
});

test('counts: 4 VPCs (shared tenant network, dense VPC, 2 dedicated), 1 NAT per zone and network with egress, 20 load balancers', () => {
  expect(at(AwsQuota.VPCS_PER_REGION)).toBe(4);
  // What the stack creates (the check adds the default VPC and its gateway): the tenant network's and
  // the dense VPC's; dedicated networks of tenants without egress need none.
  expect(at(AwsQuota.INTERNET_GATEWAYS_PER_REGION)).toBe(2);
  expect(at(AwsQuota.ELASTIC_IPS_PER_REGION)).toBe(3);
  expect(at(AwsQuota.NAT_GATEWAYS_PER_ZONE, 'eu-central-1a')).toBe(2);
  expect(at(AwsQuota.NAT_GATEWAYS_PER_ZONE, 'eu-central-1b')).toBe(1);
  expect(at(AwsQuota.GATEWAY_ENDPOINTS_PER_REGION)).toBe(4);
  expect(at(AwsQuota.APPLICATION_LOAD_BALANCERS_PER_REGION)).toBe(20);
  process.stdout.write(`160-tenant fleet: ${Object.values<Record<string, unknown>>(json.resource).reduce((n, b) => n + Object.keys(b).length, 0)} resources; `
    + `${usages.filter((u) => u.key === '' || u.key.startsWith(OFFLINE.region)).map((u) => `${u.quota}${u.key ? `[${u.key}]` : ''}=${u.count}`).join(', ')}\n`);
});

test('within a fresh account\'s defaults but for the Dedicated Hosts, whose default is 0 per family', () => {
  const findings = QuotaCheck.check(OFFLINE.region, usages);
  expect(findings.length).toBeGreaterThan(0);
  expect(new Set(findings.map((f) => f.quota))).toEqual(new Set([AwsQuota.DEDICATED_HOSTS_PER_FAMILY]));
  // The check the target wired in saw the same.
  const check = stack.node.tryFindChild(`quota-check-${OFFLINE.region}`) as QuotaValidation;
  expect(check.findings.map((f) => f.message)).toEqual(findings.map((f) => f.message));
  // Raised to what the fleet uses, nothing is over.
  const raised = Object.fromEntries(findings.map((f) => [f.key, f.count]));
  expect(QuotaCheck.check(OFFLINE.region, usages, { dedicatedHostsPerFamily: raised })).toEqual([]);
});

test('no security group rule admits one tenant to another', () => {
  expect(crossTenantRules(json)).toEqual([]);
});
