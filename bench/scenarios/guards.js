// The guards' cost: examples/fleet-from-file's stack (14 tenants from tenants.yaml) or N library
// tenants and services, synthesized with or without IsolationGuards (all packs).
//   node bench/scenarios/guards.js fleet|<N> on|off
'use strict';
const path = require('path');
const { synthAndReport } = require('./measure');
const { scenarioTarget, tenantWorkload, serviceWorkload } = require('./shape');

const [shape, guards] = process.argv.slice(2);
synthAndReport((app) => {
  const { Aspects, TerraformStack } = require('cdktf');
  const { AwsTarget, DenseService, IsolatedTenant, IsolationGuards, TenantFleet } = require('../../lib');
  const stack = new TerraformStack(app, 'bench');
  if (shape === 'fleet') {
    const target = new AwsTarget(stack, 'aws', {
      region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'], ami: 'ami-0123456789abcdef0',
      ecsAmi: 'ami-0fedcba9876543210', accountId: '123456789012',
    });
    new TenantFleet(stack, 'fleet', { target, file: path.join(__dirname, '..', '..', 'examples', 'fleet-from-file', 'tenants.yaml') });
  } else {
    const target = new AwsTarget(stack, 'aws', scenarioTarget);
    for (let i = 0; i < Number(shape); i++) {
      new IsolatedTenant(stack, `tenant-${i}`, { tenantId: `tenant-${i}`, target, workload: tenantWorkload });
      new DenseService(stack, `service-${i}`, { serviceName: `service-${i}`, target, workload: serviceWorkload });
    }
  }
  if (guards === 'on') Aspects.of(stack).add(new IsolationGuards());
});
