// A fleet managed from one file: every entry of tenants.yaml becomes an IsolatedTenant on AWS,
// placed by its declared needs. `npx cdktf synth` here writes the Terraform and, beside it,
// cdktf.out/stacks/fleet-from-file/placement-report.md explaining each placement.
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsTarget, TenantFleet } from '../../lib';

export class FleetFromFileStack extends TerraformStack {
  public readonly fleet: TenantFleet;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // AMIs, zones and account are given, so the stack plans without calling AWS.
    const target = new AwsTarget(this, 'aws', {
      region: 'eu-west-1',
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      ami: 'ami-0123456789abcdef0',
      ecsAmi: 'ami-0fedcba9876543210',
      accountId: '123456789012',
    });
    // Absolute, so the example synthesizes from any working directory.
    this.fleet = new TenantFleet(this, 'fleet', { target, file: path.join(__dirname, 'tenants.yaml') });
  }
}

if (require.main === module) {
  const app = new App();
  new FleetFromFileStack(app, 'fleet-from-file');
  app.synth();
}
