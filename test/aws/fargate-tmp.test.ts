import { EfficiencyPriority, IsolatedTenant } from '../../lib';
import { containerDefinitions, PREPARE_TMP } from '../../lib/targets/aws/container-definition';
import { awsStack, WEB } from '../support/aws-stacks';
import { ofType, synthesize } from '../support';

// A non-root image (nginx-unprivileged) with a read-only root on Fargate must be able to write /tmp:
// Fargate's bind mount is root-owned 0755, so a non-essential init container opens it first.
const NON_ROOT = { ...WEB, image: 'nginxinc/nginx-unprivileged:1.27-alpine' };

test('a Fargate task: the workload waits for a non-essential init container that makes the shared /tmp writable', () => {
  const { stack, target } = awsStack();
  new IsolatedTenant(stack, 'fargate-tenant', { tenantId: 'umbrella', target, efficiency: { priority: EfficiencyPriority.COST }, workload: NON_ROOT, egress: true });
  const [task] = ofType(synthesize(stack).resources, 'aws_ecs_task_definition');
  expect(task.body.requires_compatibilities).toEqual(['FARGATE']);
  expect(task.body.volume).toEqual([{ name: 'tmp' }]);
  const [workload, init] = JSON.parse(task.body.container_definitions);
  // Container dependency (ECS task definition parameters): the init exits before the workload starts.
  expect(workload.dependsOn).toEqual([{ containerName: PREPARE_TMP, condition: 'COMPLETE' }]);
  expect(workload).toMatchObject({ essential: true, readonlyRootFilesystem: true, mountPoints: [{ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false }] });
  expect(init).toMatchObject({
    name: PREPARE_TMP, image: NON_ROOT.image, essential: false, user: '0', readonlyRootFilesystem: true, privileged: false,
    entryPoint: ['/bin/sh', '-c'], command: ['chmod 1777 /tmp'], linuxParameters: { capabilities: { drop: ['ALL'] } },
    mountPoints: workload.mountPoints, logConfiguration: workload.logConfiguration,
  });
  // Fargate sizes the task, not the init container: it reserves nothing of its own.
  expect(init.cpu).toBeUndefined();
  expect(init.memory).toBeUndefined();
});

test('on EC2 the agent\'s task-scoped volume is writable already: no init container', () => {
  const defs = JSON.parse(containerDefinitions('web', NON_ROOT, 512, 'eu-central-1', '/isolation/service/web', false));
  expect(defs).toHaveLength(1);
  expect(defs[0].dependsOn).toBeUndefined();
});
