import { PoolPlanner } from '../../lib/capacity';
import { AwsvpcTrunking } from '../../lib/capacity/trunking';
import { PlacementError } from '../../lib';

const twelve = Array(12).fill({ cpu: 0.25, memoryMiB: 512 });

describe('PoolPlanner.plan', () => {
  test('12 tasks of 0.25 vCPU / 512 MiB: at least 4 tasks per instance on at most 3 instances (done-when)', () => {
    for (const minInstances of [1, 2, 3]) {
      const plan = PoolPlanner.plan({ tasks: twelve, minInstances });
      expect(plan.instances).toBeLessThanOrEqual(3);
      expect(plan.instances).toBe(minInstances);
      expect(plan.tasksPerInstance).toBeGreaterThanOrEqual(4);
      expect(plan.assignment).toHaveLength(12);
    }
    expect(PoolPlanner.plan({ tasks: twelve })).toMatchObject({ instanceType: 'c6i.xlarge', instances: 1, tasksPerInstance: 12, monthlyUsd: 124.1 });
  });

  test('the cheapest pool, not the one sized to the largest task; burstable only when allowed', () => {
    const plan = PoolPlanner.plan({ tasks: twelve, minInstances: 2 });
    expect(plan).toMatchObject({ instanceType: 'c6i.large', instances: 2, tasksPerInstance: 7, monthlyUsd: 124.1 }); // 7 + 5: memory holds 7
    expect(plan.utilization).toBe(0.857); // 12 x 512 of 2 x 3,584 MiB
    const burst = PoolPlanner.plan({ tasks: twelve, minInstances: 2, allowBurstable: true });
    expect(burst.instanceType.startsWith('t3')).toBe(true);
    expect(burst.monthlyUsd).toBeLessThan(plan.monthlyUsd);
  });

  test('a task limit per instance (ENIs without trunking) needs more instances', () => {
    const plan = PoolPlanner.plan({ tasks: twelve, maxTasksPerInstance: 2, instanceTypes: ['c6i.large', 'm6i.large'] });
    expect(plan).toMatchObject({ instanceType: 'c6i.large', instances: 6, tasksPerInstance: 2 });
  });

  test('regional prices rank the types', () => {
    expect(PoolPlanner.plan({ tasks: twelve, region: 'eu-west-1' }).monthlyUsd).toBe(140.16); // c6i.xlarge 0.192 x 730
  });

  test.each([
    ['a task larger than every candidate', { tasks: [{ cpu: 4, memoryMiB: 1024 }], instanceTypes: ['c6i.large'] }, /no candidate instance type holds the largest task/],
    ['an unknown type', { tasks: twelve, instanceTypes: ['x9.large'] }, /'x9.large' is not in the bundled catalogue/],
    ['minInstances 0', { tasks: twelve, minInstances: 0 }, /minInstances must be a whole number of at least 1/],
  ])('%s is a PlacementError', (_name, request, message) => {
    expect(() => PoolPlanner.plan(request)).toThrow(PlacementError);
    expect(() => PoolPlanner.plan(request)).toThrow(message);
  });
});

describe('PoolPlanner.planDedicatedHosts', () => {
  test('the family is chosen by host price and replicas share hosts as zones allow', () => {
    expect(PoolPlanner.planDedicatedHosts({ replicas: 2, cpu: 0.5, memoryMiB: 512 }))
      .toEqual({ family: 'c5', instanceType: 'c5.large', hosts: 1, instancesPerHost: 36, hostVcpus: 72, monthlyUsd: 2457.18 });
    expect(PoolPlanner.planDedicatedHosts({ replicas: 2, cpu: 0.5, memoryMiB: 512, zones: 3 }).hosts).toBe(2);
    // 40 replicas: two c5 hosts (36 each) cost more than one m5 host (48 each).
    expect(PoolPlanner.planDedicatedHosts({ replicas: 40, cpu: 2, memoryMiB: 3000 })).toMatchObject({ family: 'm5', hosts: 1, monthlyUsd: 3700.22 });
    // Memory-heavy replicas: a larger type on the cheapest host beats a small type on a dearer r5 host.
    expect(PoolPlanner.planDedicatedHosts({ replicas: 4, cpu: 2, memoryMiB: 15000 }))
      .toMatchObject({ family: 'c5', instanceType: 'c5.2xlarge', instancesPerHost: 9, hosts: 1 });
  });

  test('a given instance type plans its family\'s hosts: the one place the host count is computed', () => {
    expect(PoolPlanner.planDedicatedHosts({ replicas: 5, cpu: 0.5, memoryMiB: 512, zones: 2, instanceType: 'm5.24xlarge' }))
      .toMatchObject({ family: 'm5', instanceType: 'm5.24xlarge', instancesPerHost: 1, hosts: 5, hostVcpus: 96 });
    expect(() => PoolPlanner.planDedicatedHosts({ replicas: 1, cpu: 1, memoryMiB: 512, instanceType: 't3.large' })).toThrow(/is burstable/);
  });

  test.each([
    ['no replicas', { replicas: 0, cpu: 1, memoryMiB: 1 }, /replicas must be a whole number of at least 1/],
    ['cpu NaN', { replicas: 1, cpu: NaN, memoryMiB: 1 }, /cpu must be a positive number, got NaN/],
    ['a replica larger than any host type', { replicas: 1, cpu: 500, memoryMiB: 1 }, /no Dedicated Host family has a type for 500 vCPU/],
  ])('%s is a PlacementError', (_name, request, message) => {
    expect(() => PoolPlanner.planDedicatedHosts(request)).toThrow(PlacementError);
    expect(() => PoolPlanner.planDedicatedHosts(request)).toThrow(message);
  });
});

describe('AwsvpcTrunking.planPool: dense pools survive a zone and leave room for a deployment (issue 21)', () => {
  const service = (key: string, tasks: number, maxTasks = tasks) => ({ key, cpu: 0.25, memoryMiB: 512, tasks, maxTasks });

  test('a service of 2 or more tasks gets an instance in every zone; the max holds a rolling deployment of the largest service', () => {
    const plan = AwsvpcTrunking.planPool([service('web', 6)], 2, 'eu-central-1', 'pool');
    expect(plan.instances).toBeGreaterThanOrEqual(2);
    expect(plan).toMatchObject({ minInstances: 2, zones: 2, binding: 'memory' });
    expect(plan.maxInstances).toBeGreaterThanOrEqual(plan.instances);
    expect(plan.why).toMatch(/min 2: one instance in each of the 2 zones/);
    expect(plan.why).toMatch(/rolling deployment of the largest service \(6 task\(s\) once more\) at maximumPercent 200 \/ minimumHealthyPercent 100/);
    const three = AwsvpcTrunking.planPool([service('web', 6)], 3, 'eu-central-1', 'pool');
    expect(three).toMatchObject({ instances: 3, minInstances: 3 });
  });

  test('one task: one instance, no zone floor', () => {
    expect(AwsvpcTrunking.planPool([service('job', 1)], 3, 'eu-central-1', 'pool')).toMatchObject({ instances: 1, minInstances: 1 });
  });

  test('autoscaling: priced for the tasks that run, room up to the maximum and a deployment beside it', () => {
    const plan = AwsvpcTrunking.planPool([service('web', 2, 40)], 2, 'eu-central-1', 'pool');
    const steady = AwsvpcTrunking.planPool([service('web', 2)], 2, 'eu-central-1', 'pool');
    expect(plan.instances).toBe(steady.instances);
    expect(plan.maxInstances).toBeGreaterThan(steady.maxInstances);
    expect(plan.why).toContain('every service at its autoscaling maximum');
  });

  test('shares are what each service reserves of the binding dimension, and never add up past the pool', () => {
    const plan = AwsvpcTrunking.planPool([service('a', 4), { key: 'b', cpu: 1, memoryMiB: 4096, tasks: 2, maxTasks: 2 }], 2, 'us-east-1', 'pool');
    const total = plan.shares.reduce((s, x) => s + x.fraction, 0);
    expect(total).toBeCloseTo(plan.utilization, 3);
    expect(total).toBeLessThanOrEqual(1);
    expect(plan.shares.map((s) => s.key)).toEqual(['a', 'b']);
  });
});
