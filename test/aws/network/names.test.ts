import { PlacementError } from '../../../lib/placement-error';
import { AwsNames, NameKind, WorkloadKind } from '../../../lib/targets/aws/network/names';

const LONG = 'a'.repeat(32);

// [kind, stack, workload, id, purpose, expected]
const CASES: Array<[NameKind, string, WorkloadKind, string, string | undefined, string]> = [
  [NameKind.LOG_GROUP, 'prod', WorkloadKind.TENANT, 'acme', undefined, '/isolation/prod/tenant/acme'],
  [NameKind.LOG_GROUP, 'prod', WorkloadKind.SERVICE, 'web', undefined, '/isolation/prod/service/web'],
  [NameKind.KMS_ALIAS, 'staging', WorkloadKind.TENANT, 'acme', undefined, 'alias/isolation/staging/tenant/acme'],
  [NameKind.ECS_CLUSTER, 'prod', WorkloadKind.TENANT, 'dense-aws', undefined, 'iso_prod_tenant_dense-aws'],
  [NameKind.ECS_CLUSTER, 'prod', WorkloadKind.DENSE, 'aws', undefined, 'iso_prod_dense_aws'],
  [NameKind.CAPACITY_PROVIDER, 'prod', WorkloadKind.DENSE, 'aws', 'internal', 'cp_prod_dense_aws_internal'],
  [NameKind.IAM_ROLE, 'prod', WorkloadKind.TENANT, 'acme', 'instance', 'iso_prod_tenant_acme_instance'],
  [NameKind.INSTANCE_PROFILE, 'prod', WorkloadKind.TENANT, 'acme', 'instance', 'iso_prod_tenant_acme_instance'],
  // Upper case or other characters in the stack id: lower-cased, plus a hash of the original.
  [NameKind.LOG_GROUP, 'Prod', WorkloadKind.TENANT, 'acme', undefined, '/isolation/prod-5f56/tenant/acme'],
  // Load balancers and target groups: kind letter first, always a hash, 32 characters at most. The hashes
  // are pinned: a changed name replaces the resource.
  [NameKind.LOAD_BALANCER, 'prod', WorkloadKind.TENANT, 'acme', undefined, 't-prod-acme-9d1f0e'],
  [NameKind.TARGET_GROUP, 'prod', WorkloadKind.TENANT, 'acme', undefined, 't-prod-acme-a3afcd'],
  [NameKind.LOAD_BALANCER, 'internal', WorkloadKind.SERVICE, 'web', undefined, 's-internal-web-8ad0df'],
  [NameKind.LOAD_BALANCER, 'production-eu-central', WorkloadKind.TENANT, LONG, undefined, 't-production-eu-central-a-30292c'],
  [NameKind.IAM_ROLE, 'production-eu-central', WorkloadKind.TENANT, LONG, 'execution', 'iso_production-eu-central_tenant_aaaaaaaaaaaaaaaaaaaaaaaa_11c7d6'],
];

describe.each(CASES)('%s in stack %s for %s %s (%s)', (kind, stack, workload, id, purpose, expected) => {
  const name = AwsNames.of(kind, stack, workload, id, purpose);
  test(`is ${expected}`, () => {
    expect(name).toBe(expected);
  });
  test('fits the limit and is stable', () => {
    expect(name.length).toBeLessThanOrEqual(AwsNames.maxLength(kind));
    expect(AwsNames.of(kind, stack, workload, id, purpose)).toBe(name);
  });
});

test.each(Object.values(NameKind))('%s: two stacks, two kinds of workload and two ids never share a name', (kind) => {
  const names = new Set<string>();
  for (const stack of ['prod', 'staging', 'Prod', 'prod-t']) {
    for (const workload of Object.values(WorkloadKind)) {
      for (const id of ['aws', 'dense-aws', 't-aws', LONG, `${LONG}b`]) names.add(AwsNames.of(kind, stack, workload, id));
    }
  }
  expect(names.size).toBe(4 * 4 * 5);
});

test('load balancer names never start with internal- and end with no hyphen', () => {
  for (const stack of ['internal', 'x', 'a-b-c-d-e-f-g-h-i-j-k-l-m']) {
    const name = AwsNames.of(NameKind.LOAD_BALANCER, stack, WorkloadKind.TENANT, 'z');
    expect(name).not.toMatch(/^internal-|-$/);
    expect(name).toMatch(/^[a-zA-Z0-9-]{1,32}$/);
  }
});

test('capacity provider names never start with aws, ecs or fargate', () => {
  for (const stack of ['aws', 'ecs', 'fargate']) {
    expect(AwsNames.of(NameKind.CAPACITY_PROVIDER, stack, WorkloadKind.DENSE, 'aws')).toMatch(/^cp_/);
  }
});

test.each([['Acme'], ['a_b'], ['a/b'], ['']])('an id %j that is not a DNS label is refused', (id) => {
  expect(() => AwsNames.of(NameKind.LOG_GROUP, 'prod', WorkloadKind.TENANT, id)).toThrow(PlacementError);
});
