import { Assignment, bestFit, firstFit, hostCount, improve, Problem } from './packing-search';
import { PlacementError } from '../placement-error';
import { requireStruct, requireStructs } from '../needs/input-check';

/** One thing to place: a task, a container or an instance. */
export interface PackItem {
  /** vCPUs, counted in units of 1/1024 vCPU (ECS CPU units), rounded up. */
  readonly cpu: number;
  /** MiB, rounded up to a whole MiB. */
  readonly memoryMiB: number;
  /**
   * Task slots the item takes (network interfaces, a per-host task limit).
   * @default 1 when the host has slots, else unused
   */
  readonly slots?: number;
}

/** The capacity of one host. */
export interface PackHost {
  /** vCPUs a host offers, counted in units of 1/1024 vCPU, rounded down. */
  readonly cpu: number;
  /** MiB a host offers, rounded down. */
  readonly memoryMiB: number;
  /**
   * Task slots per host (e.g. network interfaces for awsvpc tasks).
   * @default - no slot limit
   */
  readonly slots?: number;
}

/** What to pack. */
export interface PackRequest {
  /** The items, in any order; the assignment follows this order. */
  readonly items: PackItem[];
  /** Every host is alike. */
  readonly host: PackHost;
  /**
   * Where the request comes from (a construct path), used in error messages.
   * @default 'packHosts'
   */
  readonly where?: string;
}

/** A packing. */
export interface PackResult {
  /** Hosts used. */
  readonly hosts: number;
  /** The host index (0-based) of each item, in the order of the request's items. */
  readonly assignment: number[];
  /** No packing uses fewer hosts: the largest of ceil(total / capacity) per dimension and the count of items over half a host in one dimension. */
  readonly lowerBound: number;
  /** Hosts first-fit decreasing (by the sum of normalized dimensions) uses; `hosts` is never more. */
  readonly firstFitDecreasingHosts: number;
}

/** Units of one vCPU in the packer's integer arithmetic (the ECS CPU unit). */
const CPU_UNITS_PER_VCPU = 1024;

// Bounded work: enough for the search to converge on thousands of items, and 2,000 items stay under a second.
const WORK_PER_ITEM = 1500;
const WORK_FLOOR = 200_000;

/** Packs items onto as few identical hosts as it can find. Pure and deterministic. */
export class CapacityPlanner {
  /** Units of one vCPU in the packer's integer arithmetic (1/1024 vCPU, the ECS CPU unit). */
  public static readonly CPU_UNITS_PER_VCPU = CPU_UNITS_PER_VCPU;

  /**
   * Packs the items onto hosts in every dimension at once (cpu, memory and, when the host has them,
   * task slots), in exact integer arithmetic. Deterministic: the same request gives the same packing.
   * Throws PlacementError for an invalid size or an item larger than the host.
   */
  public static packHosts(request: PackRequest): PackResult {
    requireStruct('packHosts', 'the request', request, '{ items: [{ cpu: 0.5, memoryMiB: 512 }], host: { cpu: 2, memoryMiB: 4096 } }');
    const where = request.where ?? 'packHosts';
    requireStructs(where, 'items', request.items, '{ cpu: 0.5, memoryMiB: 512 }');
    requireStruct(where, 'host', request.host, '{ cpu: 2, memoryMiB: 4096 }');
    const problem = toProblem(where, request);
    const n = problem.weight.length;
    if (n === 0) return { hosts: 0, assignment: [], lowerBound: 0, firstFitDecreasingHosts: 0 };
    const lowerBound = CapacityPlanner.lowerBoundOf(problem);
    const bySum = decreasing(problem, problem.weight);
    const ffd = firstFit(problem, bySum);
    let best = ffd;
    const keys = [largestDimension(problem), ...problem.size];
    const candidates: Assignment[] = [bestFit(problem, bySum), ...keys.flatMap((k) => {
      const order = decreasing(problem, k);
      return [firstFit(problem, order), bestFit(problem, order)];
    })];
    for (const c of candidates) if (hostCount(c) < hostCount(best)) best = c;
    if (hostCount(best) > lowerBound) {
      best = improve(problem, best, lowerBound, Math.max(WORK_FLOOR, WORK_PER_ITEM * n));
    }
    return { hosts: hostCount(best), assignment: best, lowerBound, firstFitDecreasingHosts: hostCount(ffd) };
  }

  private static lowerBoundOf(p: Problem): number {
    let bound = 0;
    for (let d = 0; d < p.cap.length; d++) {
      const total = p.size[d].reduce((s, v) => s + v, 0);
      bound = Math.max(bound, Math.ceil(total / p.cap[d]));
      // Two items over half a host in the same dimension never share one.
      bound = Math.max(bound, p.size[d].filter((v) => 2 * v > p.cap[d]).length);
    }
    return bound;
  }
}

function toProblem(where: string, request: PackRequest): Problem {
  const { host, items } = request;
  if (!Array.isArray(items)) throw new PlacementError(where, 'items must be a list.', 'give items: [{ cpu, memoryMiB }].');
  const slotted = host.slots !== undefined;
  const cap = [
    whole(where, 'host.cpu', host.cpu * CPU_UNITS_PER_VCPU, Math.floor, true),
    whole(where, 'host.memoryMiB', host.memoryMiB, Math.floor, true),
    ...(slotted ? [whole(where, 'host.slots', host.slots!, Math.floor, true)] : []),
  ];
  // The weight scales each dimension by the other capacities; it must stay an exact integer.
  const product = cap.reduce((a, b) => a * b, 1);
  if (product * cap.length * 4 > Number.MAX_SAFE_INTEGER) {
    throw new PlacementError(where, `the host (${host.cpu} vCPU / ${host.memoryMiB} MiB) is too large to pack exactly.`,
      'give the host in realistic units: vCPUs and MiB of one instance or Dedicated Host.');
  }
  const size: number[][] = cap.map(() => []);
  items.forEach((item, i) => {
    const dims = [
      whole(where, `items[${i}].cpu`, item.cpu * CPU_UNITS_PER_VCPU, Math.ceil, false),
      whole(where, `items[${i}].memoryMiB`, item.memoryMiB, Math.ceil, false),
      ...(slotted ? [whole(where, `items[${i}].slots`, item.slots ?? 1, Math.ceil, false)] : []),
    ];
    dims.forEach((v, d) => {
      if (v > cap[d]) {
        throw new PlacementError(where, `item ${i} (${item.cpu} vCPU / ${item.memoryMiB} MiB${slotted ? ` / ${item.slots ?? 1} slots` : ''}) `
          + `is larger than the host (${host.cpu} vCPU / ${host.memoryMiB} MiB${slotted ? ` / ${host.slots} slots` : ''}).`,
        'use a larger host (instance type or host family), or split the item into smaller replicas.');
      }
      size[d].push(v);
    });
  });
  const weight = items.map((_, i) => cap.reduce((s, c, d) => s + size[d][i] * (product / c), 0));
  return { size, cap, weight };
}

function whole(where: string, field: string, value: number, round: (x: number) => number, positive: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (positive && value <= 0)) {
    throw new PlacementError(where, `${field} must be a ${positive ? 'positive' : 'non-negative'} number, got ${String(value)}.`,
      `give ${field} as a ${positive ? 'positive' : 'non-negative'} number.`);
  }
  // A value a hair off a whole unit (0.1 * 1024) is that unit, not the next one.
  const nearest = Math.round(value);
  return Math.abs(value - nearest) < 1e-9 ? nearest : round(value);
}

/** Item indices by a key, largest first; ties by index (stable, deterministic). */
function decreasing(p: Problem, key: readonly number[]): number[] {
  return p.weight.map((_, i) => i).sort((a, b) => key[b] - key[a] || a - b);
}

/** Each item's largest normalized dimension (as an integer on the weight's scale). */
function largestDimension(p: Problem): number[] {
  const product = p.cap.reduce((a, b) => a * b, 1);
  return p.weight.map((_, i) => Math.max(...p.cap.map((c, d) => p.size[d][i] * (product / c))));
}

