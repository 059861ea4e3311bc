import { TerraformStack, Testing } from 'cdktf';
import { setupJest } from 'cdktf/lib/testing/adapters/jest';
import {
  AwsTarget, CoTenancy, DenseService, EfficiencyPriority, HardwareExclusivity, IsolatedTenant, LoadProfile, PlacementReport, PlacementTier,
} from '../../lib';
import { awsStack, WEB } from '../support/aws-stacks';
import { ofType, synthesize } from '../support';

setupJest();

describe('a snapshot and the realization of every AWS tier', () => {
  test('VM tenant: instances spread over the zones, the cheapest non-burstable type for STEADY load, SSM-only access', () => {
    const { stack, target } = awsStack();
    const t = new IsolatedTenant(stack, 'tenant', { tenantId: 'acme', target, workload: { ...WEB, replicas: 3 } });
    expect(t.placement.tier).toBe(PlacementTier.VM);
    expect(t.realized.capacity).toBe('c6i.large x3');
    expect(t.realized.notes![0]).toMatch(/instance type c6i.large chosen \(no instanceType given\): the cheapest non-burstable \(STEADY load\) catalogue type that fits 0.5 vCPU \/ 512 MiB/);
    expect(t.realized.notes![1]).toMatch(/no egress: isolated subnets with no route out; tcp\/443 to the shared endpoints \(ec2messages, ecr.api, ecr.dkr, logs, secretsmanager, ssm, ssmmessages, s3\)/);
    const synth = Testing.synth(stack);
    expect(synth).toMatchSnapshot();
    const { resources } = synthesize(stack);
    expect(ofType(resources, 'aws_instance').map((r) => r.body.subnet_id.replace(/_[0-9A-F]+\.id/, ''))).toEqual([
      '${aws_subnet.aws_tenant-network_isolated-1}', '${aws_subnet.aws_tenant-network_isolated-2}', '${aws_subnet.aws_tenant-network_isolated-1}']);
    expect(ofType(resources, 'aws_nat_gateway')).toEqual([]);
    expect(ofType(resources, 'aws_vpc_endpoint').map((r) => r.body.service_name).sort()).toEqual([
      'com.amazonaws.eu-central-1.ec2messages', 'com.amazonaws.eu-central-1.ecr.api', 'com.amazonaws.eu-central-1.ecr.dkr',
      'com.amazonaws.eu-central-1.logs', 'com.amazonaws.eu-central-1.s3', 'com.amazonaws.eu-central-1.secretsmanager',
      'com.amazonaws.eu-central-1.ssm', 'com.amazonaws.eu-central-1.ssmmessages']);
    expect(synth).toHaveResourceWithProperties({ tfResourceType: 'aws_default_security_group' }, {});
    const outputs = Object.keys(JSON.parse(synth).output);
    expect(outputs.some((o) => o.startsWith('tenant_instance-ids'))).toBe(true);
    expect(outputs.some((o) => o.startsWith('tenant_tier'))).toBe(true);
  });

  test('DEDICATED_VM tenant with egress: tenancy dedicated, non-burstable, NAT', () => {
    const { stack, target } = awsStack();
    const t = new IsolatedTenant(stack, 'tenant', {
      tenantId: 'globex', target, workload: WEB, egress: true,
      isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.ACCOUNT },
    });
    expect(t.placement.tier).toBe(PlacementTier.DEDICATED_VM);
    const synth = Testing.synth(stack);
    expect(synth).toMatchSnapshot();
    expect(synth).toHaveResourceWithProperties({ tfResourceType: 'aws_instance' }, { tenancy: 'dedicated', instance_type: 'c6i.large' });
    const { resources } = synthesize(stack);
    // One NAT gateway per zone in the shared network; no interface endpoints (the tenant has egress), the two S3 gateways.
    expect(ofType(resources, 'aws_nat_gateway')).toHaveLength(2);
    expect(ofType(resources, 'aws_vpc_endpoint').map((e) => e.body.vpc_endpoint_type)).toEqual(['Gateway', 'Gateway']);
  });

  test('DEDICATED_HOST tenant: a host per zone used, instances pinned to them', () => {
    const { stack, target } = awsStack();
    const t = new IsolatedTenant(stack, 'tenant', {
      tenantId: 'initech', target, workload: { ...WEB, replicas: 2 }, instanceType: 'm6i.large',
      isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.TENANT },
    });
    expect(t.placement.tier).toBe(PlacementTier.DEDICATED_HOST);
    expect(t.realized.capacity).toBe('m6i.large x2 on 2 m6i Dedicated Host(s)');
    expect(Testing.synth(stack)).toMatchSnapshot();
    const { resources } = synthesize(stack);
    const hosts = ofType(resources, 'aws_ec2_host');
    expect(hosts.map((h) => h.body.availability_zone)).toEqual(['eu-central-1a', 'eu-central-1b']);
    const instances = ofType(resources, 'aws_instance');
    expect(instances.map((i) => i.body.host_id)).toEqual(hosts.map((h) => `\${aws_ec2_host.${h.name}.id}`));
  });

  test('MICROVM_CONTAINER tenant: own cluster, Fargate task rounded to a valid size, private subnets', () => {
    const { stack, target } = awsStack();
    const t = new IsolatedTenant(stack, 'tenant', {
      tenantId: 'umbrella', target, workload: { ...WEB, cpu: 0.3, memoryMiB: 700 }, efficiency: { loadProfile: LoadProfile.SPIKY },
    });
    expect(t.placement.tier).toBe(PlacementTier.MICROVM_CONTAINER);
    expect(t.realized.notes).toContain('Fargate size rounded up from 0.3 vCPU / 700 MiB to 0.5 vCPU / 1024 MiB.');
    expect(t.realized.serviceName).toBe('umbrella');
    const synth = Testing.synth(stack);
    expect(synth).toMatchSnapshot();
    expect(synth).toHaveResourceWithProperties({ tfResourceType: 'aws_ecs_task_definition' },
      { cpu: '512', memory: '1024', network_mode: 'awsvpc', requires_compatibilities: ['FARGATE'] });
    expect(synth).toHaveResourceWithProperties({ tfResourceType: 'aws_ecs_cluster' },
      { name: 'iso_test_tenant_umbrella', setting: [{ name: 'containerInsights', value: 'enabled' }] });
    expect(synth).toHaveResourceWithProperties({ tfResourceType: 'aws_ecs_service' },
      { launch_type: 'FARGATE', network_configuration: expect.objectContaining({ assign_public_ip: false }) });
  });

  test('SHARED_CONTAINER tenant: its own cluster and EC2 capacity in its own VPC, ECS endpoints', () => {
    const { stack, target } = awsStack();
    const t = new IsolatedTenant(stack, 'tenant', { tenantId: 'hooli', target, workload: { ...WEB, replicas: 2 }, isolation: { coTenancy: CoTenancy.TRUSTED } });
    expect(t.placement.tier).toBe(PlacementTier.SHARED_CONTAINER);
    expect(t.realized.capacity).toBe('0.5 vCPU / 512 MiB x2 on pool cp_test_tenant_hooli_tenant (2 x c6i.large)');
    expect(Testing.synth(stack)).toMatchSnapshot();
    const { resources } = synthesize(stack);
    expect(ofType(resources, 'aws_ecs_cluster').map((c) => c.body.name)).toEqual(['iso_test_tenant_hooli']);
    // Planned: both tasks (0.5 vCPU / 512 MiB) would fit one trunking instance, but two replicas get one in each of the two zones.
    expect(ofType(resources, 'aws_autoscaling_group').map((a) => [a.path, a.body.min_size, a.body.max_size])).toEqual([['tenant/pool/asg', 2, 2]]);
    expect(ofType(resources, 'aws_launch_template')[0].body.vpc_security_group_ids[0]).toMatch(/^\$\{aws_security_group\.tenant_pool_sg_/);
    const endpoints = ofType(resources, 'aws_vpc_endpoint').map((r) => r.body.service_name);
    for (const s of ['ecs', 'ecs-agent', 'ecs-telemetry']) expect(endpoints).toContain(`com.amazonaws.eu-central-1.${s}`);
    const policy = JSON.parse(ofType(resources, 'aws_kms_key').find((k) => k.path === 'tenant/key')!.body.policy);
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toContain('AutoScalingUsesKeyForVolumes');
  });

  test('SHARED_CONTAINER services: one cluster, a pool per co-tenancy, binpack, managed scaling', () => {
    const { stack, target } = awsStack();
    const small = new DenseService(stack, 'small', { serviceName: 'small', target, workload: { ...WEB, replicas: 2 } });
    new DenseService(stack, 'big', { serviceName: 'big', target, workload: { ...WEB, cpu: 2, memoryMiB: 6000 }, autoscaling: { minReplicas: 1, maxReplicas: 5 } });
    new DenseService(stack, 'other', { serviceName: 'other', target, workload: WEB, isolation: { coTenancy: CoTenancy.INTERNAL } });
    expect(small.placement.tier).toBe(PlacementTier.SHARED_CONTAINER);
    const synth = Testing.synth(stack);
    expect(synth).toMatchSnapshot();
    const { resources } = synthesize(stack);
    expect(ofType(resources, 'aws_ecs_cluster')).toHaveLength(1);
    const asgs = ofType(resources, 'aws_autoscaling_group');
    // The pools follow their plans: the running tasks packed onto the cheapest trunking type, an instance per zone once a
    // service runs 2 tasks; the max has room for big at its autoscaling maximum and a rolling deployment of it (10 tasks of 2 vCPU).
    const plans: Array<{ name: string; instanceType: string; instances: number; minInstances: number; maxInstances: number }> = JSON.parse(PlacementReport.json(stack)).pools;
    expect(plans.map((p) => [p.name, p.instanceType, p.instances, p.minInstances, p.maxInstances])).toEqual([
      ['cp_test_dense_aws_trusted', 'm6i.large', 2, 2, 11], ['cp_test_dense_aws_internal', 'c6i.large', 1, 1, 1]]);
    expect(asgs.map((a) => [a.path, a.body.min_size, a.body.max_size]).sort()).toEqual([
      ['aws/dense/pool-internal/asg', 1, 1], ['aws/dense/pool-trusted/asg', 2, 11]]);
    expect(ofType(resources, 'aws_launch_template').map((l) => [l.path, l.body.instance_type]).sort()).toEqual([
      ['aws/dense/pool-internal/launch-template', 'c6i.large'], ['aws/dense/pool-trusted/launch-template', 'm6i.large']]);
    const services = ofType(resources, 'aws_ecs_service');
    expect(services.map((s) => [s.body.name, s.body.capacity_provider_strategy[0].capacity_provider]).sort()).toEqual([
      ['big', 'cp_test_dense_aws_trusted'], ['other', 'cp_test_dense_aws_internal'], ['small', 'cp_test_dense_aws_trusted']]);
    for (const s of services) {
      expect(s.body.ordered_placement_strategy).toEqual([{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }]);
      expect(s.body).toMatchObject({ deployment_maximum_percent: 200, deployment_minimum_healthy_percent: 100 });
      expect(s.body.depends_on.some((d: string) => d.startsWith('aws_ecs_cluster_capacity_providers.'))).toBe(true);
    }
    for (const p of ofType(resources, 'aws_ecs_capacity_provider')) {
      expect(p.body.auto_scaling_group_provider).toMatchObject({
        managed_termination_protection: 'DISABLED', managed_scaling: { status: 'ENABLED', target_capacity: 100 } });
    }
    expect(ofType(resources, 'aws_ecs_cluster_capacity_providers')[0].body.capacity_providers).toEqual(
      ofType(resources, 'aws_ecs_capacity_provider').map((p) => `\${aws_ecs_capacity_provider.${p.name}.name}`).reverse());
    expect(synth).toHaveResourceWithProperties({ tfResourceType: 'aws_appautoscaling_policy' }, {
      policy_type: 'TargetTrackingScaling',
      target_tracking_scaling_policy_configuration: expect.objectContaining({
        target_value: 60, predefined_metric_specification: { predefined_metric_type: 'ECSServiceAverageCPUUtilization' } }),
    });
  });

  test('MICROVM_CONTAINER service: Fargate in the shared cluster', () => {
    const { stack, target } = awsStack();
    const s = new DenseService(stack, 'svc', {
      serviceName: 'plugins', target, workload: WEB, isolation: { coTenancy: CoTenancy.UNTRUSTED }, efficiency: { priority: EfficiencyPriority.COST },
    });
    expect(s.placement.tier).toBe(PlacementTier.MICROVM_CONTAINER);
    expect(s.realized.capacity).toBe('Fargate 0.5 vCPU / 1024 MiB x1');
    expect(Testing.synth(stack)).toMatchSnapshot();
    const { resources } = synthesize(stack);
    expect(ofType(resources, 'aws_autoscaling_group')).toEqual([]);
    expect(ofType(resources, 'aws_ecs_service')[0].body.cluster).toMatch(/^\$\{aws_ecs_cluster\.aws_dense_cluster_/);
  });

  test('VM service behind a load balancer: instances registered with the target group', () => {
    const { stack, target } = awsStack();
    const s = new DenseService(stack, 'svc', {
      serviceName: 'legacy', target, workload: { ...WEB, replicas: 2 }, pin: PlacementTier.VM, loadBalancer: { internetFacing: true },
    });
    expect(s.realized.instanceIds).toHaveLength(2);
    expect(s.realized.loadBalancerDnsName).toMatch(/^\$\{TfToken/);
    expect(Testing.synth(stack)).toMatchSnapshot();
    const { resources } = synthesize(stack);
    expect(ofType(resources, 'aws_lb_target_group')[0].body.target_type).toBe('instance');
    expect(ofType(resources, 'aws_lb_target_group_attachment')).toHaveLength(2);
  });
});

describe('AwsTarget', () => {
  test('looks up what is not given: zones, AMIs, account', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const target = new AwsTarget(stack, 'aws', { region: 'us-east-1', defaultTags: { team: 'platform' } });
    new IsolatedTenant(stack, 'tenant', { tenantId: 'acme', target, workload: WEB });
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.data).sort()).toEqual(['aws_availability_zones', 'aws_caller_identity', 'aws_ssm_parameter']);
    expect(Object.values<any>(json.data.aws_ssm_parameter).map((p) => p.name).sort()).toEqual([
      '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id']);
    expect(json.provider.aws[0]).toEqual({ alias: 'aws', region: 'us-east-1', default_tags: [{ tags: { ManagedBy: 'cdktf-isolation', team: 'platform' } }] });
    const subnet = Object.values<any>(json.resource.aws_subnet)[0];
    expect(subnet.availability_zone).toMatch(/element\(data\.aws_availability_zones\./);
    expect(Object.values<any>(json.resource.aws_kms_key)[0].policy).toContain('data.aws_caller_identity');
    expect(target.availableTiers).not.toContain(PlacementTier.SANDBOXED_CONTAINER);
    expect(target.availableTiers).toHaveLength(5);
    expect(target.elasticBilling).toBe(true);
    expect(target.targetKind).toBe('aws');
  });

  test('with everything given, nothing is looked up', () => {
    const { stack, target } = awsStack();
    new IsolatedTenant(stack, 'tenant', { tenantId: 'acme', target, workload: WEB });
    new DenseService(stack, 'svc', { serviceName: 'svc', target, workload: WEB });
    expect(JSON.parse(Testing.synth(stack)).data).toBeUndefined();
  });
});

describe('ECS on EC2: valid task sizes', () => {
  test('a task below 128 CPU units is rounded up to 128, and the notes say so', () => {
    const { stack, target } = awsStack();
    const t = new IsolatedTenant(stack, 'tenant', {
      tenantId: 'hooli', target, workload: { ...WEB, cpu: 0.1 }, isolation: { coTenancy: CoTenancy.TRUSTED },
    });
    const s = new DenseService(stack, 'svc', { serviceName: 'tiny', target, workload: { ...WEB, cpu: 0.1 }, efficiency: { priority: EfficiencyPriority.BALANCED } });
    expect([t.placement.tier, s.placement.tier]).toEqual([PlacementTier.SHARED_CONTAINER, PlacementTier.SHARED_CONTAINER]);
    const { resources } = synthesize(stack);
    const tasks = ofType(resources, 'aws_ecs_task_definition');
    expect(tasks.map((r) => [r.body.family, r.body.cpu]).sort()).toEqual([['hooli', '128'], ['tiny', '128']]);
    for (const r of tasks) expect(JSON.parse(r.body.container_definitions)[0].cpu).toBe(128);
    for (const notes of [t.realized.notes, s.realized.notes]) {
      expect(notes).toContain('ECS task CPU rounded up from 0.1 vCPU (103 units) to the EC2 minimum of 128 units (0.125 vCPU).');
    }
    expect(s.realized.capacity).toBe('0.125 vCPU / 512 MiB x1 on pool cp_test_dense_aws_trusted');
  });
});

describe('ECS capacity provider names', () => {
  test('never start with aws, ecs or fargate, whatever the tenant id', () => {
    const { stack, target } = awsStack();
    new IsolatedTenant(stack, 'tenant', { tenantId: 'ecs-corp', target, workload: WEB, isolation: { coTenancy: CoTenancy.TRUSTED } });
    new IsolatedTenant(stack, 'other', { tenantId: 'fargate-fans', target, workload: WEB, isolation: { coTenancy: CoTenancy.TRUSTED } });
    new DenseService(stack, 'svc', { serviceName: 'svc', target, workload: WEB });
    const { resources } = synthesize(stack);
    const names = ofType(resources, 'aws_ecs_capacity_provider').map((p) => p.body.name).sort();
    expect(names).toEqual(['cp_test_dense_aws_trusted', 'cp_test_tenant_ecs-corp_tenant', 'cp_test_tenant_fargate-fans_tenant']);
    for (const name of names) expect(name).not.toMatch(/^(aws|ecs|fargate)/i);
    const services = ofType(resources, 'aws_ecs_service').map((s) => s.body.capacity_provider_strategy[0].capacity_provider).sort();
    expect(services).toEqual(names);
  });
});

test('capacity provider associations reference their cluster, so Terraform orders create and destroy', () => {
  const { stack, target } = awsStack();
  new IsolatedTenant(stack, 'tenant', { tenantId: 'hooli', target, workload: WEB, isolation: { coTenancy: CoTenancy.TRUSTED } });
  new DenseService(stack, 'svc', { serviceName: 'svc', target, workload: WEB });
  const { resources } = synthesize(stack);
  const associations = ofType(resources, 'aws_ecs_cluster_capacity_providers').map((a) => [a.path, a.body.cluster_name]).sort();
  expect(associations).toEqual([
    ['aws/dense/capacity-providers', expect.stringMatching(/^\$\{aws_ecs_cluster\.aws_dense_cluster_[0-9A-F]+\.name\}$/)],
    ['tenant/capacity-providers', expect.stringMatching(/^\$\{aws_ecs_cluster\.tenant_cluster_[0-9A-F]+\.name\}$/)],
  ]);
});
