// The guards' cost: examples/fleet-from-file's tenants.yaml on an AwsTarget, or the library scenario
// with N tenants and services, synthesized with or without IsolationGuards (all packs).
//   node bench/scenarios/guards.js fleet|<N> on|off
'use strict';
const path = require('path');
const { synthAndReport } = require('./measure');
const { scenarioTarget } = require('./shape');

const [shape, guards] = process.argv.slice(2);
synthAndReport((app) => {
  const { Aspects, TerraformStack } = require('cdktf');
  const { AwsTarget, IsolationGuards, TenantFleet } = require('../../lib');
  let stack;
  if (shape === 'fleet') {
    stack = new TerraformStack(app, 'bench');
    const target = new AwsTarget(stack, 'aws', scenarioTarget);
    new TenantFleet(stack, 'fleet', { target, file: path.join(__dirname, '..', '..', 'examples', 'fleet-from-file', 'tenants.yaml') });
  } else {
    stack = require('./library').build(app, Number(shape));
  }
  if (guards === 'on') Aspects.of(stack).add(new IsolationGuards());
});
