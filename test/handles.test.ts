// Handles: every placed workload exposes its role(s), security group, log group and key (AWS) or its
// network (Docker) to user code, which grants and references them. One synth per target; each test
// reads it. What matters: user code's references resolve to the workload's own resources.
import { Container } from '@cdktf/provider-docker/lib/container';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { TerraformResource, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import {
  AwsTarget, CoTenancy, DenseService, DockerTarget, IsolatedTenant, PlacementTier, RoleHandle,
} from '../lib';
import { OFFLINE, WEB } from './support/aws-stacks';
import { grantOwnResources, UserGrants } from './support/user-grants';

type Json = Record<string, any>;
type Workload = IsolatedTenant | DenseService;

/** `${type.logicalId.attribute}`: how a synthesized reference to `resource` reads. */
const ref = (resource: IConstruct | undefined, attribute: string) => {
  const r = resource as TerraformResource;
  return `\${${r.terraformResourceType}.${r.friendlyUniqueId}.${attribute}}`;
};
const body = (json: Json, resource: IConstruct) => {
  const r = resource as TerraformResource;
  return json.resource[r.terraformResourceType][r.friendlyUniqueId];
};

describe('AWS: handles on every tier, granted and referenced by user code', () => {
  const w: Record<string, Workload> = {};
  const grants: Record<string, UserGrants> = {};
  let json: Json;
  beforeAll(() => {
    json = JSON.parse(Testing.synthScope((stack) => {
      const aws = new AwsTarget(stack, 'aws', OFFLINE);
      w.acme = new IsolatedTenant(stack, 'acme', { tenantId: 'acme', target: aws, workload: WEB });
      w.globex = new IsolatedTenant(stack, 'globex', { tenantId: 'globex', target: aws, workload: WEB });
      w.umbrella = new IsolatedTenant(stack, 'umbrella', { tenantId: 'umbrella', target: aws, workload: WEB, pin: PlacementTier.MICROVM_CONTAINER });
      w.hooli = new IsolatedTenant(stack, 'hooli', { tenantId: 'hooli', target: aws, workload: WEB, isolation: { coTenancy: CoTenancy.TRUSTED } });
      w.web = new DenseService(stack, 'web', { serviceName: 'web', target: aws, workload: WEB, pin: PlacementTier.SHARED_CONTAINER });
      w.jobs = new DenseService(stack, 'jobs', { serviceName: 'jobs', target: aws, workload: WEB, pin: PlacementTier.MICROVM_CONTAINER });
      for (const [name, workload] of Object.entries(w)) grants[name] = grantOwnResources(stack, workload, aws.provider);
    }));
  });

  test('the workloads are on the tiers the handles are checked for', () => {
    expect(Object.fromEntries(Object.entries(w).map(([n, x]) => [n, x.placement.tier]))).toEqual({
      acme: 'vm', globex: 'vm', umbrella: 'microvm-container', hooli: 'shared-container', web: 'shared-container', jobs: 'microvm-container',
    });
  });

  test("user code's grants refer to each workload's own role, security group, log group and key", () => {
    for (const [name, workload] of Object.entries(w)) {
      const g = grants[name];
      expect([name, body(json, g.policy).role]).toEqual([name, ref(workload.role!.resource, 'name')]);
      expect(body(json, g.policy).policy).toContain(`"Resource":"${ref(workload.key!.resource, 'arn')}"`);
      expect([name, body(json, g.admission).referenced_security_group_id]).toEqual([name, ref(workload.securityGroup!.resource, 'id')]);
      expect([name, body(json, g.database).vpc_id]).toEqual([name, body(json, workload.securityGroup!.resource).vpc_id]);
      expect([name, body(json, g.errors).log_group_name]).toEqual([name, ref(workload.logGroup!.resource, 'name')]);
    }
  });

  test("a tenant's handles are its own resources, no other workload's", () => {
    const tenants = ['acme', 'globex', 'umbrella', 'hooli'];
    for (const name of tenants) {
      const t = w[name];
      for (const handle of [t.role, t.securityGroup, t.logGroup, t.key]) expect(handle!.resource.node.scope).toBe(t);
      expect(t.key!.shared).toBe(false);
    }
    const roles = tenants.map((n) => ref(w[n].role!.resource, 'name'));
    expect(new Set(roles).size).toBe(tenants.length);
  });

  test('VM tiers: the role is the instance role of its instances; there is no execution role', () => {
    const acme = w.acme;
    expect(acme.executionRole).toBeUndefined();
    const profile = Object.values<Json>(json.resource.aws_iam_instance_profile).find((p) => p.role === ref(acme.role!.resource, 'name'));
    expect(profile).toBeDefined();
    const instance = body(json, acme.node.findChild('instance-1'));
    expect(instance.iam_instance_profile).toMatch(/^\$\{aws_iam_instance_profile\..*acme.*\.name\}$/);
    expect(instance.vpc_security_group_ids).toEqual([ref(acme.securityGroup!.resource, 'id')]);
    // The workload's container reaches the instance role through IMDSv2, one hop beyond the host.
    expect(instance.metadata_options.http_put_response_hop_limit).toBe(2);
  });

  test('container tiers: the role is the task role (nothing granted, ECS tasks of this account only), the execution role is separate', () => {
    for (const name of ['umbrella', 'hooli', 'web', 'jobs']) {
      const x = w[name];
      const task = body(json, x.node.findChild('task'));
      expect([name, task.task_role_arn]).toEqual([name, ref(x.role!.resource, 'arn')]);
      expect([name, task.execution_role_arn]).toEqual([name, ref(x.executionRole!.resource, 'arn')]);
      const trust = JSON.parse(body(json, x.role!.resource).assume_role_policy);
      expect(trust.Statement).toEqual([{
        Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: ['sts:AssumeRole'],
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:eu-central-1:123456789012:*' }, StringEquals: { 'aws:SourceAccount': '123456789012' } },
      }]);
      // The task role carries no policy of the library's: only what user code grants it.
      const policies = Object.values<Json>(json.resource.aws_iam_role_policy).filter((p) => p.role === ref(x.role!.resource, 'id'));
      expect([name, policies]).toEqual([name, []]);
      expect(JSON.parse(body(json, x.node.findChild('task')).container_definitions)[0].logConfiguration.options['awslogs-group'])
        .toBe(body(json, x.logGroup!.resource).name);
    }
  });

  test("DenseServices: their own role, security group and log group; the key is the target's, shared and said so", () => {
    const { web, jobs } = w;
    expect(web.key).toBe(jobs.key);
    expect(web.key!.shared).toBe(true);
    expect(web.role!.resource).not.toBe(jobs.role!.resource);
    expect(web.securityGroup!.resource).not.toBe(jobs.securityGroup!.resource);
    expect(body(json, web.logGroup!.resource).kms_key_id).toBe(ref(web.key!.resource, 'arn'));
  });

  test('handles read each attribute once: a field read twice is one token, and a token the realization used is reused', () => {
    const role: RoleHandle = w.umbrella.role!;
    expect(role.roleName).toBe(role.roleName);
    const task = w.umbrella.node.findChild('task') as EcsTaskDefinition;
    expect(task.taskRoleArnInput).toBe(role.roleArn);
    expect(task.executionRoleArnInput).toBe(w.umbrella.executionRole!.roleArn);
    expect(w.umbrella.network).toBeUndefined();
  });
});

describe('Docker: the network handle', () => {
  const w: Record<string, Workload> = {};
  let json: Json;
  let dockerStack: TerraformStack;
  beforeAll(() => {
    json = JSON.parse(Testing.synthScope((stack) => {
      dockerStack = stack as TerraformStack;
      const docker = new DockerTarget(stack, 'docker');
      w.acme = new IsolatedTenant(stack, 'acme', {
        tenantId: 'acme', target: docker, workload: WEB, isolation: { coTenancy: CoTenancy.TRUSTED },
      });
      w.api = new DenseService(stack, 'api', { serviceName: 'api', target: docker, workload: WEB });
      w.web = new DenseService(stack, 'web', { serviceName: 'web', target: docker, workload: WEB });
      // User code: the tenant's database, on the tenant's own network.
      new Container(stack, 'acme-db', {
        provider: docker.provider, name: 'acme-db', image: 'postgres:17', networksAdvanced: [{ name: w.acme.network!.networkName }],
      });
    }));
  });

  test("a tenant's network is its own; user code attached to it refers to that network", () => {
    const acme = w.acme;
    expect(acme.network!.shared).toBe(false);
    expect(acme.network!.resource.node.scope).toBe(acme);
    const db = json.resource.docker_container[(dockerStack.node.findChild('acme-db') as TerraformResource).friendlyUniqueId];
    expect(db.networks_advanced).toEqual([{ name: ref(acme.network!.resource, 'name') }]);
    expect(body(json, acme.node.findChild('acme-0')).network_mode).toBe(ref(acme.network!.resource, 'name'));
  });

  test("DenseServices of one co-tenancy share their group's network, and the handle says so", () => {
    expect(w.api.network).toBe(w.web.network);
    expect(w.api.network!.shared).toBe(true);
  });

  test('Docker has no roles, security groups, log groups or keys: the handles are undefined', () => {
    for (const x of Object.values(w)) {
      expect([x.role, x.executionRole, x.securityGroup, x.logGroup, x.key]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    }
  });
});

test('Swarm: the handle reuses the id the services name the network by', () => {
  let tenant: IsolatedTenant | undefined;
  const json: Json = JSON.parse(Testing.synthScope((stack) => {
    const swarm = new DockerTarget(stack, 'swarm', { swarm: true });
    tenant = new IsolatedTenant(stack, 'acme', {
      tenantId: 'acme', target: swarm, workload: WEB, isolation: { coTenancy: CoTenancy.TRUSTED },
    });
  }));
  const service = body(json, tenant!.node.findChild('service'));
  expect(service.task_spec.networks_advanced).toEqual([{ name: ref(tenant!.network!.resource, 'id') }]);
  expect(tenant!.network!.networkName).toMatch(/^\$\{TfToken/);
});
