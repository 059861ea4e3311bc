import { awsStack, mixedStack } from '../support/aws-stacks';
import { ofType, SynthResource, synthesize } from '../support';

// CKV_AWS_290 / CKV_AWS_355: instance roles grant nothing on `*` that IAM lets us scope or condition.
const { stack, target } = awsStack();
mixedStack(stack, target);
const { resources } = synthesize(stack);
const instanceRoles = ofType(resources, 'aws_iam_role_policy').filter((r) => r.path.endsWith('instance-role-policy'));
const statementsOf = (r: SynthResource) => JSON.parse(r.body.policy).Statement as Array<Record<string, any>>;
const all = instanceRoles.flatMap(statementsOf);
const actionsOf = (s: Record<string, any>): string[] => ([] as string[]).concat(s.Action);

/** Actions the Service Authorization Reference lists with no resource type (checked 2026-12): `*` is the only resource. */
const UNSCOPABLE = /^(ssmmessages:|ec2messages:|ecs:DiscoverPollEndpoint$|ecr:GetAuthorizationToken$)/;

test('the VM tiers and the shared ECS pools have instance roles', () => {
  const paths = instanceRoles.map((r) => r.path);
  expect(paths.filter((p) => p.includes('tenant')).length).toBeGreaterThanOrEqual(3);
  expect(all.some((s) => actionsOf(s).includes('ecs:Poll'))).toBe(true);
});

test('every statement on `*` holds only unscopable actions, or carries a condition', () => {
  for (const s of all.filter((st) => st.Resource === '*' && st.Condition === undefined)) {
    const scopable = actionsOf(s).filter((action) => !UNSCOPABLE.test(action));
    expect(`${s.Sid}: ${scopable.join(', ')}`).toBe(`${s.Sid}: `);
  }
});

test('ssm:UpdateInstanceInformation only on the instances of this account and region', () => {
  const ssm = all.filter((s) => actionsOf(s).includes('ssm:UpdateInstanceInformation'));
  expect(ssm.length).toBe(instanceRoles.length);
  for (const s of ssm) {
    expect(s.Action).toEqual(['ssm:UpdateInstanceInformation']);
    expect(s.Resource).toBe('arn:aws:ec2:eu-central-1:123456789012:instance/*');
  }
});

test('the ECS agent polls, reports telemetry and updates state for its own cluster only, and tags only on registration', () => {
  const pools = instanceRoles.filter((r) => r.body.policy.includes('ecs:Poll'));
  expect(pools.length).toBeGreaterThan(0);
  for (const pool of pools) {
    const byAction = (action: string) => statementsOf(pool).filter((s) => actionsOf(s).includes(action));
    const onCluster = byAction('ecs:RegisterContainerInstance')[0].Resource;
    expect(onCluster).toMatch(/^\$\{aws_ecs_cluster\.[^.]+\.arn\}$/);
    for (const action of ['ecs:Poll', 'ecs:StartTelemetrySession', 'ecs:UpdateContainerInstancesState']) {
      const [s] = byAction(action);
      expect(s.Condition).toEqual({ ArnEquals: { 'ecs:cluster': onCluster } });
    }
    const [tag] = byAction('ecs:TagResource');
    expect(tag.Action).toEqual(['ecs:TagResource']);
    expect(tag.Condition).toEqual({ StringEquals: { 'ecs:CreateAction': ['RegisterContainerInstance'] } });
    expect(byAction('ecs:DiscoverPollEndpoint')[0].Action).toEqual(['ecs:DiscoverPollEndpoint']);
  }
});
