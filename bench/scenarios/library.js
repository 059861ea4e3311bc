// N IsolatedTenants (VM tier) and N DenseServices (shared containers) on one AwsTarget, via the library.
// From the benchmark it loads the compiled lib/index.js; under jest the same require resolves to the
// TypeScript sources (jest's moduleFileExtensions put .ts first).
'use strict';
const { TerraformStack } = require('cdktf');
const { scenarioTarget, tenantWorkload, serviceWorkload } = require('./shape');

function build(app, n) {
  const { AwsTarget, IsolatedTenant, DenseService, PlacementTier } = require('../../lib');
  const stack = new TerraformStack(app, 'bench');
  const target = new AwsTarget(stack, 'aws', scenarioTarget);
  for (let i = 0; i < n; i++) {
    new IsolatedTenant(stack, `tenant-${i}`, { tenantId: `tenant-${i}`, target, workload: tenantWorkload });
    // Pinned: priced, COST would put these small tasks on Fargate in eu-west-1; the scenario measures a dense pool.
    new DenseService(stack, `service-${i}`, { serviceName: `service-${i}`, target, workload: serviceWorkload, pin: PlacementTier.SHARED_CONTAINER });
  }
  return stack;
}

module.exports = { build };

if (require.main === module) {
  require('./measure').synthAndReport((app) => build(app, Number(process.argv[2])));
}
