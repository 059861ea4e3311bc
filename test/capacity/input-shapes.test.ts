import { CapacityPlanner, CostEstimator, PoolPlanner } from '../../lib/capacity';
import { PlacementError } from '../../lib';
import { PlacementLock } from '../../lib/placement/placement-lock';

// What other languages and plain JavaScript can pass: a missing or mistyped argument is a
// PlacementError naming it, never a TypeError inside the pure layer.
test.each<[string, () => unknown, RegExp]>([
  ['CostEstimator.estimate(undefined)', () => CostEstimator.estimate(undefined as any), /the placement must be an object, got undefined/],
  ['CostEstimator.network(null)', () => CostEstimator.network(null as any), /the network must be an object, got null/],
  ['CostEstimator.pool(undefined)', () => CostEstimator.pool(undefined as any), /the pool must be an object/],
  ['CostEstimator.total([null])', () => CostEstimator.total([null as any]), /estimates\[0\] must be an object, got null/],
  ['CapacityPlanner.packHosts(undefined)', () => CapacityPlanner.packHosts(undefined as any), /the request must be an object/],
  ['CapacityPlanner.packHosts items [null]', () => CapacityPlanner.packHosts({ items: [null as any], host: { cpu: 2, memoryMiB: 4096 } }), /items\[0\] must be an object, got null/],
  ['PoolPlanner.plan({})', () => PoolPlanner.plan({} as any), /tasks must be a list, got undefined/],
  ['PoolPlanner.planDedicatedHosts(undefined)', () => PoolPlanner.planDedicatedHosts(undefined as any), /the request must be an object/],
  ['PlacementLock.compare(path, undefined)', () => PlacementLock.compare('placement.lock.json', undefined as any, undefined, '2026-12-04'), /placements must be a list/],
])('%s', (_name, call, message) => {
  expect(call).toThrow(PlacementError);
  expect(call).toThrow(message);
});
