import { Testing } from 'cdktf';
import * as path from 'path';
import { CidrPool, DEFAULT_DEDICATED_POOL } from '../../../lib/targets/aws/network/cidr-pool';
import { TenantNetwork } from '../../../lib/targets/aws/network/tenant-network';
import { initValidatePlan, terraformBinary } from '../../support/terraform';
import { addTenant, ENV, networkStack } from './network-stack';

// The shared tenant network with egress, three tenant groups and one dedicated network pass
// terraform init, validate and plan offline against the provider mirror.
const skip = process.env.CDKTF_ISOLATION_SKIP_TERRAFORM === '1' || !terraformBinary();

(skip ? test.skip : test)('the tenant network, tenant groups and a dedicated network plan offline', () => {
  const { stack, network } = networkStack({ egress: true });
  network.enableInternet();
  addTenant(stack, network, 'acme', { ingress: [{ cidr: '203.0.113.0/24' }] });
  addTenant(stack, network, 'globex', { egress: true });
  const pool = new CidrPool(stack.node.path, DEFAULT_DEDICATED_POOL, 20);
  const dedicated = TenantNetwork.dedicated(stack, 'initech-network', { env: ENV, stack: 'net', name: 'initech', tags: { 'isolation:tenant': 'initech' }, endpoints: ['ecr.api'] }, pool, 'initech');
  addTenant(stack, dedicated, 'initech');
  const result = initValidatePlan(path.join(Testing.fullSynth(stack), 'stacks', 'net'));
  expect(result.planOutput).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
  for (const type of ['aws_flow_log', 'aws_nat_gateway', 'aws_vpc_endpoint', 'aws_vpc_security_group_egress_rule']) {
    expect(result.planOutput).toContain(`# ${type}.`);
  }
}, 240_000);
