// N IsolatedTenants (VM tier) and N DenseServices (shared containers) on one AwsTarget, via the library.
'use strict';
const { synthAndReport } = require('./measure');
const { scenarioTarget, tenantWorkload, serviceWorkload } = require('./shape');

const n = Number(process.argv[2]);
synthAndReport((app) => {
  const { TerraformStack } = require('cdktf');
  const { AwsTarget, IsolatedTenant, DenseService } = require('../../lib');
  const stack = new TerraformStack(app, 'bench');
  const target = new AwsTarget(stack, 'aws', scenarioTarget);
  for (let i = 0; i < n; i++) {
    new IsolatedTenant(stack, `tenant-${i}`, { tenantId: `tenant-${i}`, target, workload: tenantWorkload });
    new DenseService(stack, `service-${i}`, { serviceName: `service-${i}`, target, workload: serviceWorkload });
  }
});
