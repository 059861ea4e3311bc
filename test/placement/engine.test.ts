import {
  CoTenancy, EfficiencyPriority, HardwareExclusivity, IsolationBoundary, LoadProfile, PlacementEngine,
  PlacementError, PlacementTier as T,
} from '../../lib';

const AWS = { name: 'AWS', tiers: [T.SHARED_CONTAINER, T.MICROVM_CONTAINER, T.VM, T.DEDICATED_VM, T.DEDICATED_HOST], elastic: true };
const DOCKER_SANDBOXES = { name: 'Docker+runsc+kata', tiers: [T.SHARED_CONTAINER, T.SANDBOXED_CONTAINER, T.MICROVM_CONTAINER], elastic: false };
const DOCKER_PLAIN = { name: 'plain Docker', tiers: [T.SHARED_CONTAINER], elastic: false };
const TARGETS = [AWS, DOCKER_SANDBOXES, DOCKER_PLAIN];

// An independent transcription of DESIGN.md "The decision", written as plain ifs on purpose:
// the engine keeps the same rules as data tables, and the two must agree on every combination.
const ORDER = ['process', 'sandbox', 'hypervisor', 'account-hardware', 'tenant-hardware'];
const PROVIDES: Record<string, string> = {
  'shared-container': 'process', 'sandboxed-container': 'sandbox', 'microvm-container': 'hypervisor',
  'vm': 'hypervisor', 'dedicated-vm': 'account-hardware', 'dedicated-host': 'tenant-hardware',
};
const CONTAINERS = ['shared-container', 'sandboxed-container', 'microvm-container'];
function expected(co: string, hw: string, ownKernel: boolean, priority: string, load: string, tiers: string[], elastic: boolean,
  costs?: Record<string, number>, refused: string[] = []): string | undefined {
  let required = 0;
  if (co === 'untrusted') required = Math.max(required, 1);
  if (co === 'hostile') required = Math.max(required, 2);
  if (hw === 'account') required = Math.max(required, 3);
  if (hw === 'tenant') required = Math.max(required, 4);
  if (ownKernel) required = Math.max(required, 2);
  // A tier the target cannot run the workload on is never a candidate, whatever the priority.
  let candidates = tiers.filter((t) => ORDER.indexOf(PROVIDES[t]) >= required && !(ownKernel && CONTAINERS.includes(t)) && !refused.includes(t));
  if (candidates.length === 0) return undefined;
  if (priority === 'performance' && candidates.some((t) => !CONTAINERS.includes(t))) {
    candidates = candidates.filter((t) => !CONTAINERS.includes(t));
  }
  if (load === 'spiky' && elastic && priority !== 'performance' && candidates.includes('microvm-container')) return 'microvm-container';
  if (priority === 'balanced' && ORDER[required] === 'hypervisor' && candidates.includes('vm')) return 'vm';
  // An unpriced candidate is not compared while a priced one remains.
  const priced = candidates.filter((t) => costs?.[t] !== undefined);
  if (priority === 'cost' && costs && priced.length > 0) {
    let cheapest = priced[0];
    for (const t of priced) if (costs[t] < costs[cheapest]) cheapest = t;
    return cheapest;
  }
  return candidates[0];
}

// Cost tables for every combination: none, table order, reversed, all equal, one tier missing, and a
// realistic one (Fargate under a VM, shared containers dearer than Fargate for a tiny task).
const TABLE = ['shared-container', 'sandboxed-container', 'microvm-container', 'vm', 'dedicated-vm', 'dedicated-host'];
const COSTS: Array<[string, Record<string, number> | undefined]> = [
  ['no costs', undefined],
  ['costs in table order', Object.fromEntries(TABLE.map((t, i) => [t, 10 + i]))],
  ['costs reversed', Object.fromEntries(TABLE.map((t, i) => [t, 100 - i]))],
  ['equal costs', Object.fromEntries(TABLE.map((t) => [t, 42]))],
  ['vm unpriced', Object.fromEntries(TABLE.filter((t) => t !== 'vm').map((t, i) => [t, 100 - i]))],
  ['realistic', { 'shared-container': 40.5, 'sandboxed-container': 38, 'microvm-container': 36.04, 'vm': 70.08, 'dedicated-vm': 1537.09, 'dedicated-host': 3700.44 }],
];
// Tiers the target refuses (the workload is too large for Fargate, a given type no VM tier takes, ...).
const REFUSALS: string[][] = [[], ['microvm-container'], ['vm'], ['vm', 'dedicated-vm', 'dedicated-host'], ['shared-container', 'microvm-container']];
function offersOf(tiers: string[], costs: Record<string, number> | undefined, refused: string[]) {
  return tiers.map((tier) => (refused.includes(tier) ? { tier: tier as T, refusal: `cannot run it on ${tier}.` }
    : { tier: tier as T, ...(costs?.[tier] !== undefined ? { monthlyUsd: costs[tier] } : {}) }));
}

const combos: Array<[CoTenancy, HardwareExclusivity, boolean, EfficiencyPriority, LoadProfile, string]> = [];
for (const co of Object.values(CoTenancy)) {
  for (const hw of Object.values(HardwareExclusivity)) {
    for (const ownKernel of [false, true]) {
      for (const priority of Object.values(EfficiencyPriority)) {
        for (const load of Object.values(LoadProfile)) {
          for (const [costName] of COSTS) combos.push([co, hw, ownKernel, priority, load, costName]);
        }
      }
    }
  }
}

describe.each(TARGETS)('every combination of needs on $name', (target) => {
  test.each(combos)('%s / exclusivity %s / ownKernel %s / %s / %s / %s', (co, hw, ownKernel, priority, load, costName) => {
    const costs = COSTS.find(([name]) => name === costName)![1];
    for (const refused of REFUSALS) {
      const request = {
        isolation: { coTenancy: co, hardwareExclusivity: hw, ownKernel },
        efficiency: { priority, loadProfile: load },
        availableTiers: target.tiers,
        elasticBilling: target.elastic,
        offers: offersOf(target.tiers, costs, refused.filter((t) => target.tiers.includes(t as T))),
      };
      const want = expected(co, hw, ownKernel, priority, load, target.tiers, target.elastic, costs, refused);
      if (want === undefined) {
        expect(() => PlacementEngine.decide(request)).toThrow(PlacementError);
        continue;
      }
      const decision = PlacementEngine.decide(request);
      expect([refused, decision.tier]).toEqual([refused, want]);
      expect(decision.boundary).toBe(PROVIDES[want]);
      expect(ORDER.indexOf(decision.boundary)).toBeGreaterThanOrEqual(ORDER.indexOf(decision.requiredBoundary));
      expect(decision.pinned).toBe(false);
      expect(decision.reasons.join(' ')).toContain(`Chose ${want}`);
      for (const t of refused.filter((r) => target.tiers.includes(r as T) && ORDER.indexOf(PROVIDES[r]) >= ORDER.indexOf(decision.requiredBoundary))) {
        if (!(ownKernel && CONTAINERS.includes(t))) expect(decision.reasons.join(' ')).toContain(`${t} cannot run this workload, so it is not considered: cannot run it on ${t}.`);
      }
      if (ownKernel) expect(CONTAINERS).not.toContain(decision.tier);
    }
  });
});

describe('named cases from DESIGN.md', () => {
  const cases: Array<[string, object, object | undefined, typeof AWS, T, IsolationBoundary, string[]]> = [
    ['IsolatedTenant default on AWS is a VM', { coTenancy: 'hostile' }, undefined, AWS, T.VM, IsolationBoundary.HYPERVISOR,
      ['HOSTILE co-tenancy requires a hypervisor boundary', 'BALANCED prefers a VM over a microVM container']],
    ['DenseService default is a shared container', { coTenancy: 'trusted' }, { priority: 'cost' }, AWS, T.SHARED_CONTAINER,
      IsolationBoundary.PROCESS, ['TRUSTED co-tenancy requires a process boundary', 'Chose shared-container']],
    ['HOSTILE with COST takes the cheapest hypervisor tier', { coTenancy: 'hostile' }, { priority: 'cost' }, AWS,
      T.MICROVM_CONTAINER, IsolationBoundary.HYPERVISOR, ['cheapest']],
    ['SPIKY load on AWS prefers Fargate', { coTenancy: 'internal' }, { priority: 'cost', loadProfile: 'spiky' }, AWS,
      T.MICROVM_CONTAINER, IsolationBoundary.PROCESS, ['SPIKY load', 'per-task billing']],
    ['SPIKY load on Docker has no per-task billing', { coTenancy: 'internal' }, { priority: 'cost', loadProfile: 'spiky' },
      DOCKER_SANDBOXES, T.SHARED_CONTAINER, IsolationBoundary.PROCESS, ['Chose shared-container']],
    ['PERFORMANCE drops containers on AWS', { coTenancy: 'trusted' }, { priority: 'performance', loadProfile: 'spiky' }, AWS,
      T.VM, IsolationBoundary.PROCESS, ['PERFORMANCE priority drops the container tiers']],
    ['PERFORMANCE keeps containers where no VM exists', { coTenancy: 'trusted' }, { priority: 'performance' }, DOCKER_SANDBOXES,
      T.SHARED_CONTAINER, IsolationBoundary.PROCESS, ['offers none']],
    ['UNTRUSTED on Docker with gVisor is sandboxed', { coTenancy: 'untrusted' }, { priority: 'cost' }, DOCKER_SANDBOXES,
      T.SANDBOXED_CONTAINER, IsolationBoundary.SANDBOX, ['UNTRUSTED co-tenancy requires a sandbox boundary']],
    ['UNTRUSTED on AWS skips to Fargate', { coTenancy: 'untrusted' }, { priority: 'cost' }, AWS, T.MICROVM_CONTAINER,
      IsolationBoundary.SANDBOX, ['UNTRUSTED']],
    ['HOSTILE BALANCED on Docker with Kata is a microVM', { coTenancy: 'hostile' }, undefined, DOCKER_SANDBOXES,
      T.MICROVM_CONTAINER, IsolationBoundary.HYPERVISOR, ['BALANCED would prefer a VM', 'offers none']],
    ['ACCOUNT exclusivity gives a dedicated VM', { coTenancy: 'trusted', hardwareExclusivity: 'account' }, undefined, AWS,
      T.DEDICATED_VM, IsolationBoundary.ACCOUNT_HARDWARE, ['ACCOUNT hardware exclusivity requires an account-hardware boundary']],
    ['TENANT exclusivity gives a dedicated host', { coTenancy: 'hostile', hardwareExclusivity: 'tenant' }, undefined, AWS,
      T.DEDICATED_HOST, IsolationBoundary.TENANT_HARDWARE, ['TENANT hardware exclusivity requires a tenant-hardware boundary']],
    ['ownKernel rules out Fargate even when SPIKY', { coTenancy: 'trusted', ownKernel: true }, { priority: 'cost', loadProfile: 'spiky' },
      AWS, T.VM, IsolationBoundary.HYPERVISOR, ['ownKernel true requires a hypervisor boundary', 'SPIKY load would prefer']],
  ];
  test.each(cases)('%s', (_name, isolation, efficiency, target, tier, required, reasonWords) => {
    const decision = PlacementEngine.decide({
      isolation: isolation as never, efficiency: efficiency as never, availableTiers: target.tiers, elasticBilling: target.elastic,
    });
    expect(decision.tier).toBe(tier);
    expect(decision.requiredBoundary).toBe(required);
    for (const words of reasonWords) expect(decision.reasons.join(' ')).toContain(words);
  });

  test('a later preference that a candidate would satisfy says it yielded, not that the target lacks it', () => {
    const decision = PlacementEngine.decide({
      isolation: { coTenancy: CoTenancy.HOSTILE }, efficiency: { loadProfile: LoadProfile.SPIKY }, availableTiers: AWS.tiers, elasticBilling: true,
    });
    expect(decision.tier).toBe(T.MICROVM_CONTAINER);
    const text = decision.reasons.join(' ');
    expect(text).toContain('BALANCED would prefer a VM for hypervisor isolation, but the preference above takes precedence');
    expect(text).not.toContain('offers none');
  });

  test('engine defaults: BALANCED, STEADY, no exclusivity, shared kernel, no elastic billing', () => {
    const decision = PlacementEngine.decide({ isolation: { coTenancy: CoTenancy.INTERNAL }, availableTiers: AWS.tiers });
    expect(decision.tier).toBe(T.SHARED_CONTAINER);
    const spiky = PlacementEngine.decide({
      isolation: { coTenancy: CoTenancy.INTERNAL }, efficiency: { loadProfile: LoadProfile.SPIKY }, availableTiers: AWS.tiers,
    });
    expect(spiky.tier).toBe(T.SHARED_CONTAINER); // elasticBilling defaults to false
  });
});

describe('COST with offers (DESIGN.md step 3)', () => {
  const hostile = { isolation: { coTenancy: CoTenancy.HOSTILE }, efficiency: { priority: EfficiencyPriority.COST }, availableTiers: AWS.tiers, elasticBilling: true };

  test('the cheapest candidate wins, and the reason says by how much against the runner-up', () => {
    const decision = PlacementEngine.decide({ ...hostile, offers: [
      { tier: T.MICROVM_CONTAINER, monthlyUsd: 117.04 }, { tier: T.VM, monthlyUsd: 146.1 },
      { tier: T.DEDICATED_VM, monthlyUsd: 1550 }, { tier: T.DEDICATED_HOST, monthlyUsd: 3700 }, { tier: T.SHARED_CONTAINER, monthlyUsd: 20 },
    ] });
    expect(decision.tier).toBe(T.MICROVM_CONTAINER);
    expect(decision.reasons.join(' ')).toContain('COST priority: microvm-container is the cheapest candidate at $117.04/month, $29.06 less than vm ($146.10).');
    expect(decision.reasons.join(' ')).toContain('Chose microvm-container (a container in its own microVM): the cheapest estimated tier');
  });

  test('a VM cheaper than Fargate wins under COST', () => {
    const decision = PlacementEngine.decide({ ...hostile, offers: [
      { tier: T.MICROVM_CONTAINER, monthlyUsd: 36.04 }, { tier: T.VM, monthlyUsd: 14.72 }, { tier: T.DEDICATED_VM, monthlyUsd: 1500 }, { tier: T.DEDICATED_HOST, monthlyUsd: 3700 },
    ] });
    expect(decision.tier).toBe(T.VM);
    expect(decision.reasons.join(' ')).toContain('$21.32 less than microvm-container');
  });

  test('a tie goes to table order and says so', () => {
    const decision = PlacementEngine.decide({ ...hostile, offers: AWS.tiers.map((tier) => ({ tier, monthlyUsd: 50 })) });
    expect(decision.tier).toBe(T.MICROVM_CONTAINER);
    expect(decision.reasons.join(' ')).toContain('microvm-container and vm cost the same ($50.00/month); the first in table order wins');
  });

  test('a refused candidate is dropped before the choice, and the cheapest priced one that can run it wins', () => {
    const decision = PlacementEngine.decide({ ...hostile, offers: [
      { tier: T.MICROVM_CONTAINER, refusal: 'larger than the largest Fargate task.' }, { tier: T.VM, monthlyUsd: 70 }, { tier: T.DEDICATED_VM, monthlyUsd: 900 },
    ] });
    expect(decision.tier).toBe(T.VM);
    expect(decision.reasons.join(' ')).toContain('microvm-container cannot run this workload, so it is not considered: larger than the largest Fargate task.');
    expect(decision.reasons.join(' ')).toContain('COST priority: dedicated-host has no estimated cost, so only the priced candidates are compared.');
    expect(decision.reasons.join(' ')).toContain('vm is the cheapest candidate at $70.00/month, $830.00 less than dedicated-vm');
  });

  test('one priced candidate among several is chosen', () => {
    const decision = PlacementEngine.decide({ ...hostile, offers: [{ tier: T.VM, monthlyUsd: 1 }] });
    expect(decision.tier).toBe(T.VM);
    expect(decision.reasons.join(' ')).toContain('vm is the only candidate with an estimated cost ($1.00/month)');
  });

  test('BALANCED and PERFORMANCE ignore costs', () => {
    const offers = [{ tier: T.MICROVM_CONTAINER, monthlyUsd: 1 }, { tier: T.VM, monthlyUsd: 100 }, { tier: T.DEDICATED_VM, monthlyUsd: 2 }, { tier: T.DEDICATED_HOST, monthlyUsd: 3 }];
    expect(PlacementEngine.decide({ ...hostile, efficiency: { priority: EfficiencyPriority.BALANCED }, offers }).tier).toBe(T.VM);
    expect(PlacementEngine.decide({ ...hostile, efficiency: { priority: EfficiencyPriority.PERFORMANCE }, offers }).tier).toBe(T.VM);
  });

  test.each<[string, unknown, RegExp]>([
    ['a negative cost', [{ tier: T.VM, monthlyUsd: -1 }], /offers\[0\]\.monthlyUsd must be a non-negative number, got -1/],
    ['a NaN cost', [{ tier: T.VM, monthlyUsd: NaN }], /got NaN/],
    ['a tier twice', [{ tier: T.VM, monthlyUsd: 1 }, { tier: T.VM, monthlyUsd: 2 }], /offers list tier 'vm' twice/],
    ['a tier the target does not list', [{ tier: T.SANDBOXED_CONTAINER }], /offers\[0\] is for tier 'sandboxed-container', which availableTiers does not list/],
    ['an empty refusal', [{ tier: T.VM, refusal: ' ' }], /offers\[0\]\.refusal must say why the tier cannot run the workload/],
    ['not a list', { tier: T.VM }, /offers must be a list of tier offers/],
    ['a null offer', [null], /offers\[0\] must be an object, got null/],
  ])('%s is a PlacementError', (_name, offers, message) => {
    const run = () => PlacementEngine.decide({ ...hostile, offers: offers as never, where: 'Stack/t' });
    expect(run).toThrow(PlacementError);
    expect(run).toThrow(message);
  });
});

describe('offers: a tier that cannot run the workload is dropped for every priority (issue 21)', () => {
  // The case: a HOSTILE, SPIKY, 32-vCPU tenant; Fargate's largest task is 16 vCPU.
  const fargateRefused = { tier: T.MICROVM_CONTAINER, refusal: 'the workload (32 vCPU / 65536 MiB) is larger than the largest Fargate task (16 vCPU / 122880 MiB).' };
  const offers = [{ tier: T.SHARED_CONTAINER, monthlyUsd: 900 }, fargateRefused, { tier: T.VM, monthlyUsd: 1120 }, { tier: T.DEDICATED_VM, monthlyUsd: 1300 }, { tier: T.DEDICATED_HOST, monthlyUsd: 6000 }];

  test.each(Object.values(EfficiencyPriority))('HOSTILE SPIKY 32 vCPU under %s goes to a VM, never to Fargate', (priority) => {
    const decision = PlacementEngine.decide({
      isolation: { coTenancy: CoTenancy.HOSTILE }, efficiency: { priority, loadProfile: LoadProfile.SPIKY }, availableTiers: AWS.tiers, elasticBilling: true, offers,
    });
    expect(decision.tier).toBe(T.VM);
    expect(decision.reasons).toContain(`microvm-container cannot run this workload, so it is not considered: ${fargateRefused.refusal}`);
    if (priority !== EfficiencyPriority.PERFORMANCE) {
      expect(decision.reasons).toContain('SPIKY load would prefer a microVM container billed per task, but it cannot run this workload (above).');
    }
  });

  test('nothing that isolates enough can run it: the refusal names each tier\'s reason', () => {
    const run = () => PlacementEngine.decide({
      isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.ACCOUNT }, availableTiers: AWS.tiers, where: 'Stack/t',
      offers: [{ tier: T.DEDICATED_VM, refusal: "instanceType 't3.large' is burstable.", remedy: "use 'c6i.large'." },
        { tier: T.DEDICATED_HOST, refusal: "instanceType 't3.large' belongs to family t3.", remedy: "use 'c6i.large'." }],
    });
    expect(run).toThrow(/^Stack\/t: no tier that provides the required account-hardware boundary can run this workload\. .*dedicated-vm: instanceType 't3\.large' is burstable\. dedicated-host: instanceType 't3\.large' belongs to family t3\. Fix: use 'c6i\.large'; or relax the isolation needs if they overstate the risk\.$/);
  });

  test('a pin to a refused tier is a PlacementError naming the refusal and the tiers that can run it', () => {
    const run = () => PlacementEngine.decide({ isolation: { coTenancy: CoTenancy.HOSTILE }, availableTiers: AWS.tiers, pin: T.MICROVM_CONTAINER, offers, where: 'Stack/t' });
    expect(run).toThrow(/pin 'microvm-container' cannot run this workload: the workload \(32 vCPU .* Fix: change the workload; or pin a tier that can run it \(shared-container, vm, dedicated-vm, dedicated-host\), or remove pin\.$/);
  });
});

describe('pinning', () => {
  const hostile = { isolation: { coTenancy: CoTenancy.HOSTILE }, availableTiers: AWS.tiers, elasticBilling: true };

  test('a pin at or above the required boundary is taken and says so', () => {
    const decision = PlacementEngine.decide({ ...hostile, pin: T.DEDICATED_HOST });
    expect(decision).toMatchObject({ tier: T.DEDICATED_HOST, boundary: 'tenant-hardware', requiredBoundary: 'hypervisor', pinned: true });
    expect(decision.reasons.join(' ')).toContain('Pinned to dedicated-host');
  });

  test('a pin the target lacks is refused, naming what it offers', () => {
    expect(() => PlacementEngine.decide({ ...hostile, pin: T.SANDBOXED_CONTAINER, where: 'Stack/acme' }))
      .toThrow(/Stack\/acme: pin 'sandboxed-container' is not offered by this target, which offers shared-container, microvm-container, vm.*Fix:/);
  });

  test('a weaker pin without acknowledgement is refused', () => {
    expect(() => PlacementEngine.decide({ ...hostile, pin: T.SHARED_CONTAINER }))
      .toThrow(/provides a process boundary, weaker than the required hypervisor boundary.*HOSTILE.*Fix: .*acknowledgeWeakerIsolation/);
  });

  test.each(['', '   '])('a blank acknowledgement (%j) does not count', (ack) => {
    expect(() => PlacementEngine.decide({ ...hostile, pin: T.SHARED_CONTAINER, acknowledgeWeakerIsolation: ack })).toThrow(PlacementError);
  });

  test('a weaker pin with a reason is taken and the reason kept', () => {
    const decision = PlacementEngine.decide({ ...hostile, pin: T.SHARED_CONTAINER, acknowledgeWeakerIsolation: 'synthetic load test, no customer data' });
    expect(decision).toMatchObject({ tier: T.SHARED_CONTAINER, boundary: 'process', requiredBoundary: 'hypervisor', pinned: true });
    expect(decision.reasons.join(' ')).toContain('acknowledged: synthetic load test, no customer data');
  });

  test.each([T.SHARED_CONTAINER, T.MICROVM_CONTAINER])('a container pin (%s) with ownKernel is refused even when acknowledged', (pin) => {
    expect(() => PlacementEngine.decide({
      isolation: { coTenancy: CoTenancy.TRUSTED, ownKernel: true }, availableTiers: AWS.tiers, pin, acknowledgeWeakerIsolation: 'ok',
    })).toThrow(/container tier, but isolation.ownKernel is true/);
  });

  test('an unknown pin is refused', () => {
    expect(() => PlacementEngine.decide({ ...hostile, pin: 'bare-metal' as T })).toThrow(/pin 'bare-metal' is not a placement tier/);
  });
});

describe('refusals', () => {
  test('no candidate: names the boundary, why, what the target offers and the fix', () => {
    let error: unknown;
    try {
      PlacementEngine.decide({ isolation: { coTenancy: CoTenancy.HOSTILE }, availableTiers: DOCKER_PLAIN.tiers, where: 'app/stack/tenant-a' });
    } catch (e) { error = e; }
    expect(error).toBeInstanceOf(PlacementError);
    const message = (error as Error).message;
    expect(message).toContain('app/stack/tenant-a: no available tier provides the required hypervisor boundary');
    expect(message).toContain('HOSTILE co-tenancy requires a hypervisor boundary');
    expect(message).toContain('This target offers: shared-container (process)');
    expect(message).toMatch(/Fix: use a target that offers microvm-container or vm or dedicated-vm or dedicated-host/);
    expect((error as PlacementError).where).toBe('app/stack/tenant-a');
  });

  test('ownKernel on a container-only target is refused as such', () => {
    expect(() => PlacementEngine.decide({ isolation: { coTenancy: CoTenancy.TRUSTED, ownKernel: true }, availableTiers: DOCKER_SANDBOXES.tiers }))
      .toThrow(/no available tier provides the required hypervisor boundary outside a container.*ownKernel true/);
  });

  test.each([
    ['missing isolation', { availableTiers: AWS.tiers }, /isolation needs are missing/],
    ['unknown coTenancy', { isolation: { coTenancy: 'friendly' }, availableTiers: AWS.tiers }, /isolation.coTenancy 'friendly' is not a known value.*'trusted', 'internal', 'untrusted', 'hostile'/],
    ['missing coTenancy', { isolation: {}, availableTiers: AWS.tiers }, /isolation.coTenancy is missing/],
    ['unknown exclusivity', { isolation: { coTenancy: 'trusted', hardwareExclusivity: 'rack' }, availableTiers: AWS.tiers }, /hardwareExclusivity 'rack'/],
    ['non-boolean ownKernel', { isolation: { coTenancy: 'trusted', ownKernel: 'yes' }, availableTiers: AWS.tiers }, /ownKernel must be true or false/],
    ['unknown priority', { isolation: { coTenancy: 'trusted' }, efficiency: { priority: 'cheap' }, availableTiers: AWS.tiers }, /efficiency.priority 'cheap'/],
    ['unknown load', { isolation: { coTenancy: 'trusted' }, efficiency: { loadProfile: 'bursty' }, availableTiers: AWS.tiers }, /efficiency.loadProfile 'bursty'/],
    ['no tiers', { isolation: { coTenancy: 'trusted' }, availableTiers: [] }, /offers no placement tiers/],
    ['unknown tier', { isolation: { coTenancy: 'trusted' }, availableTiers: ['lambda'] }, /'lambda', which is not a placement tier/],
  ])('%s is a PlacementError', (_name, request, message) => {
    expect(() => PlacementEngine.decide(request as never)).toThrow(PlacementError);
    expect(() => PlacementEngine.decide(request as never)).toThrow(message);
  });
});

describe('helpers', () => {
  test('boundaryOf and requiredBoundary follow the tables', () => {
    expect(PlacementEngine.boundaryOf(T.DEDICATED_VM)).toBe(IsolationBoundary.ACCOUNT_HARDWARE);
    expect(PlacementEngine.requiredBoundary({ coTenancy: CoTenancy.UNTRUSTED, ownKernel: true })).toBe(IsolationBoundary.HYPERVISOR);
    expect(PlacementEngine.isAtLeast(IsolationBoundary.SANDBOX, IsolationBoundary.PROCESS)).toBe(true);
    expect(PlacementEngine.isAtLeast(IsolationBoundary.SANDBOX, IsolationBoundary.HYPERVISOR)).toBe(false);
  });
});
