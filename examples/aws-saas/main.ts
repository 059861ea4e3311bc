// A SaaS on AWS: three customer tenants with different isolation needs, and two dense services of
// the provider's own. Everything AWS would be asked at plan time (zones, AMIs, account) is given,
// so the stack plans without AWS credentials.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AwsTarget, CoTenancy, DenseService, EfficiencyPriority, HardwareExclusivity, IsolatedTenant,
} from '../../lib';

// Tenants without egress have no route to the internet: their image is mirrored into ECR in the
// region, which they reach through VPC endpoints.
const API = { image: '123456789012.dkr.ecr.eu-central-1.amazonaws.com/saas/api:2.4.1', cpu: 0.5, memoryMiB: 1024, port: 8080 };

export class AwsSaasStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const target = new AwsTarget(this, 'aws', {
      region: 'eu-central-1',
      availabilityZones: ['eu-central-1a', 'eu-central-1b'],
      ami: 'ami-0a628e1e89aaedf80',
      ecsAmi: 'ami-0b0f0e3d5d3c0f2a7',
      accountId: '123456789012',
      defaultTags: { Project: 'aws-saas' },
    });

    // A bank: no hardware shared with anyone, this account's other tenants included -> Dedicated Hosts.
    new IsolatedTenant(this, 'northwind', {
      tenantId: 'northwind', target,
      isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.TENANT },
      workload: {
        ...API, replicas: 2,
        secrets: { DB_PASSWORD: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:northwind/db-Ab12Cd' },
      },
      ingress: [{ cidr: '198.51.100.0/24', description: 'northwind office' }],
    });
    // A competitor of other tenants that wants it cheap: a hypervisor boundary at the lowest cost -> Fargate.
    new IsolatedTenant(this, 'contoso', {
      tenantId: 'contoso', target,
      isolation: { coTenancy: CoTenancy.HOSTILE },
      efficiency: { priority: EfficiencyPriority.COST },
      workload: { ...API, cpu: 0.3, memoryMiB: 700, secrets: { LICENSE_KEY: 'arn:aws:ssm:eu-central-1:123456789012:parameter/contoso/license' } },
      egress: true,
    });
    // Everything by default: HOSTILE, BALANCED -> a VM of its own.
    new IsolatedTenant(this, 'fabrikam', { tenantId: 'fabrikam', target, workload: API });

    // The provider's own services: trusted, packed densely on shared EC2 capacity. BALANCED takes the
    // cheapest tier that suffices in table order, a shared pool; COST (DenseService's default) would
    // compare prices, and for tasks this small Fargate is within a dollar a month in eu-central-1.
    new DenseService(this, 'storefront', {
      serviceName: 'storefront', target,
      efficiency: { priority: EfficiencyPriority.BALANCED },
      // Runs as non-root on 8080 and writes only to /tmp: fits the read-only root without capabilities.
      workload: {
        image: 'nginxinc/nginx-unprivileged:1.27-alpine', cpu: 0.5, memoryMiB: 1024, port: 8080, replicas: 2,
        healthCheck: { command: ['CMD-SHELL', 'curl -fs http://localhost:8080/ || exit 1'] },
      },
      loadBalancer: {
        internetFacing: true,
        certificateArn: 'arn:aws:acm:eu-central-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
        healthCheckPath: '/',
      },
      autoscaling: { minReplicas: 2, maxReplicas: 8, targetCpuPercent: 55 },
    });
    new DenseService(this, 'reports', {
      serviceName: 'reports', target,
      isolation: { coTenancy: CoTenancy.INTERNAL },
      efficiency: { priority: EfficiencyPriority.BALANCED },
      workload: { image: 'ghcr.io/example/reports:3.2.0', cpu: 1, memoryMiB: 2048, environment: { LOG_LEVEL: 'info' } },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new AwsSaasStack(app, 'aws-saas');
  app.synth();
}
