import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LockContent, PlacementChangeKind, PlacementLock, utcDate, WorkloadPlacement } from '../../lib/placement/placement-lock';
import { PlacementLockFile } from '../../lib/placement/placement-lock-file';
import { PlacementError, PlacementTier as T } from '../../lib';

const LOCK = 'placement.lock.json';
const workloads = (w: LockContent['workloads']): LockContent => ({ workloads: w, acceptedChanges: [] });
const locked = PlacementLock.render(workloads({ 'app/tenant-b': T.VM, 'app/tenant-a': T.MICROVM_CONTAINER, 'app/gone': T.DEDICATED_VM }));
const DAY = '2026-12-04';
const fixFor = (member: string, tier: string) => `set acceptPlacementChange: { to: PlacementTier.${member}, reason: '<why the replacement is intended>' } `
  + `(in a fleet file: acceptPlacementChange: { to: ${tier}, reason: "<why the replacement is intended>" }) on it, or delete its entry from the lock.`;

describe('PlacementLock', () => {
  test('the format: version 2, workloads sorted by key and accepted changes by workload, one line each', () => {
    expect(locked).toBe('{\n  "version": 2,\n  "workloads": {\n    "app/gone": "dedicated-vm",\n'
      + '    "app/tenant-a": "microvm-container",\n    "app/tenant-b": "vm"\n  },\n  "acceptedChanges": []\n}\n');
    expect(PlacementLock.parse(LOCK, locked)).toEqual(workloads({ 'app/gone': T.DEDICATED_VM, 'app/tenant-a': T.MICROVM_CONTAINER, 'app/tenant-b': T.VM }));
    expect(PlacementLock.render(workloads({}))).toBe('{\n  "version": 2,\n  "workloads": {},\n  "acceptedChanges": []\n}\n');
    const history: LockContent = {
      workloads: { 'app/b': T.VM, 'app/a': T.VM },
      acceptedChanges: [
        { workload: 'app/b', from: T.MICROVM_CONTAINER, to: T.VM, reason: 'GPU "soon"', when: '2026-11-02' },
        { workload: 'app/a', from: T.DEDICATED_VM, to: T.VM, reason: 'cost', when: '2026-11-03' },
      ],
    };
    const text = PlacementLock.render(history);
    expect(text).toBe('{\n  "version": 2,\n  "workloads": {\n    "app/a": "vm",\n    "app/b": "vm"\n  },\n  "acceptedChanges": [\n'
      + '    { "workload": "app/a", "from": "dedicated-vm", "to": "vm", "reason": "cost", "when": "2026-11-03" },\n'
      + '    { "workload": "app/b", "from": "microvm-container", "to": "vm", "reason": "GPU \\"soon\\"", "when": "2026-11-02" }\n  ]\n}\n');
    expect(PlacementLock.parse(LOCK, text)).toEqual({ workloads: history.workloads, acceptedChanges: [history.acceptedChanges[1], history.acceptedChanges[0]] });
  });

  test('no lock yet: every workload is new, and the lock is written', () => {
    const c = PlacementLock.compare(LOCK, [{ key: 'app/x', tier: T.VM }], undefined, DAY);
    expect(c.changes).toEqual([{ key: 'app/x', kind: PlacementChangeKind.NEW, tier: T.VM, accepted: true }]);
    expect(c).toMatchObject({ refusals: [], changed: true });
    expect(PlacementLock.parse(LOCK, c.lockText)).toEqual(workloads({ 'app/x': T.VM }));
  });

  test('unchanged placements: no changes, the same text', () => {
    const c = PlacementLock.compare(LOCK, [
      { key: 'app/tenant-a', tier: T.MICROVM_CONTAINER }, { key: 'app/tenant-b', tier: T.VM }, { key: 'app/gone', tier: T.DEDICATED_VM },
    ], locked, DAY);
    expect(c).toEqual({ changes: [], refusals: [], lockText: locked, changed: false });
  });

  test('new added, removed dropped, a changed tier refused with the workload, both tiers and the exact acceptance to write', () => {
    const placements: WorkloadPlacement[] = [
      { key: 'app/tenant-a', tier: T.VM }, { key: 'app/tenant-b', tier: T.VM }, { key: 'app/new', tier: T.SHARED_CONTAINER },
    ];
    const c = PlacementLock.compare(LOCK, placements, locked, DAY);
    expect(c.changes).toEqual([
      { key: 'app/gone', kind: PlacementChangeKind.REMOVED, lockedTier: T.DEDICATED_VM, accepted: true },
      { key: 'app/new', kind: PlacementChangeKind.NEW, tier: T.SHARED_CONTAINER, accepted: true },
      { key: 'app/tenant-a', kind: PlacementChangeKind.CHANGED, lockedTier: T.MICROVM_CONTAINER, tier: T.VM, accepted: false, reason: undefined },
    ]);
    expect(c.refusals).toEqual([`workload 'app/tenant-a' is locked to microvm-container in ${LOCK} but is now placed on vm, which replaces its compute; `
      + fixFor('VM', 'vm')]);
    // A refused change keeps the locked tier in the updated content.
    expect(PlacementLock.parse(LOCK, c.lockText).workloads).toEqual({ 'app/new': T.SHARED_CONTAINER, 'app/tenant-a': T.MICROVM_CONTAINER, 'app/tenant-b': T.VM });
    expect(() => PlacementLock.enforce(c, LOCK)).toThrow(PlacementError);
    expect(() => PlacementLock.enforce(c, LOCK)).toThrow(/placement\.lock\.json: workload 'app\/tenant-a' is locked to microvm-container.*Fix: .*acceptPlacementChange/);
  });

  test('an acceptance approves the change it names, once: recorded with from, to, reason and date; left in code it approves no later change', () => {
    const accept = { to: T.VM, reason: ' moving off Fargate for GPU ' };
    const first = PlacementLock.compare(LOCK, [{ key: 'app/tenant-a', tier: T.VM, acceptPlacementChange: accept }], locked, DAY);
    expect(first.refusals).toEqual([]);
    expect(first.changes.find((ch) => ch.key === 'app/tenant-a')).toMatchObject({ accepted: true, reason: 'moving off Fargate for GPU' });
    expect(PlacementLock.parse(LOCK, first.lockText)).toEqual({
      workloads: { 'app/tenant-a': T.VM },
      acceptedChanges: [{ workload: 'app/tenant-a', from: T.MICROVM_CONTAINER, to: T.VM, reason: 'moving off Fargate for GPU', when: DAY }],
    });
    // Synthesized again the next day with the acceptance still in code: nothing changes, nothing is rewritten.
    const again = PlacementLock.compare(LOCK, [{ key: 'app/tenant-a', tier: T.VM, acceptPlacementChange: accept }], first.lockText, '2026-12-05');
    expect(again).toEqual({ changes: [], refusals: [], lockText: first.lockText, changed: false });
    // A later change to another tier is not approved by the acceptance left in code.
    const later = PlacementLock.compare(LOCK, [{ key: 'app/tenant-a', tier: T.DEDICATED_VM, acceptPlacementChange: accept }], first.lockText, '2026-12-06');
    expect(later.refusals).toEqual([`workload 'app/tenant-a' is locked to vm in ${LOCK} but is now placed on dedicated-vm, which replaces its compute `
      + '(its acceptPlacementChange accepts a move to vm, not to dedicated-vm: an acceptance approves only the change it names); '
      + fixFor('DEDICATED_VM', 'dedicated-vm')]);
    expect(later.changes).toEqual([{ key: 'app/tenant-a', kind: PlacementChangeKind.CHANGED, lockedTier: T.VM, tier: T.DEDICATED_VM, accepted: false, reason: undefined }]);
    // Its own acceptance passes, and the history keeps both changes, oldest first.
    const second = PlacementLock.compare(LOCK, [{ key: 'app/tenant-a', tier: T.DEDICATED_VM, acceptPlacementChange: { to: T.DEDICATED_VM, reason: 'bank audit' } }],
      first.lockText, '2026-12-06');
    expect(PlacementLock.parse(LOCK, second.lockText).acceptedChanges.map((ch) => `${ch.from}>${ch.to} ${ch.when}`))
      .toEqual(['microvm-container>vm 2026-12-04', 'vm>dedicated-vm 2026-12-06']);
  });

  test('a blank reason accepts nothing; a removed workload takes its history with it', () => {
    const blank = PlacementLock.compare(LOCK, [{ key: 'app/tenant-a', tier: T.VM, acceptPlacementChange: { to: T.VM, reason: '  ' } }], locked, DAY);
    expect(blank.refusals[0]).toContain('(its acceptPlacementChange has a blank reason)');
    const accepted = PlacementLock.compare(LOCK, [{ key: 'app/tenant-a', tier: T.VM, acceptPlacementChange: { to: T.VM, reason: 'GPU' } }, { key: 'app/tenant-b', tier: T.VM }], locked, DAY);
    const removed = PlacementLock.compare(LOCK, [{ key: 'app/tenant-b', tier: T.VM }], accepted.lockText, DAY);
    expect(PlacementLock.parse(LOCK, removed.lockText)).toEqual(workloads({ 'app/tenant-b': T.VM }));
  });

  test('a version 1 lock (before accepted changes were recorded) is read; unchanged, it is left as it is; changed, it is written as version 2', () => {
    const v1 = '{\n  "version": 1,\n  "workloads": {\n    "app/a": "vm",\n    "app/b": "microvm-container"\n  }\n}\n';
    expect(PlacementLock.parse(LOCK, v1)).toEqual(workloads({ 'app/a': T.VM, 'app/b': T.MICROVM_CONTAINER }));
    const same = PlacementLock.compare(LOCK, [{ key: 'app/a', tier: T.VM }, { key: 'app/b', tier: T.MICROVM_CONTAINER }], v1, DAY);
    expect(same.changed).toBe(false);
    const moved = PlacementLock.compare(LOCK, [{ key: 'app/a', tier: T.VM }, { key: 'app/b', tier: T.VM, acceptPlacementChange: { to: T.VM, reason: 'r' } }], v1, DAY);
    expect(moved.changed).toBe(true);
    expect(moved.lockText).toContain('"version": 2');
    expect(PlacementLock.parse(LOCK, moved.lockText).acceptedChanges).toEqual([{ workload: 'app/b', from: T.MICROVM_CONTAINER, to: T.VM, reason: 'r', when: DAY }]);
  });

  test.each([
    ['not JSON', '{ nope', /not valid JSON/],
    ['another version', '{ "version": 7, "workloads": {} }', /not a version 1 or 2 lock.*Fix: a newer cdktf-isolation wrote it/],
    ['an unknown tier', '{ "version": 2, "workloads": { "a": "mainframe" } }', /workload 'a' the tier "mainframe", which is not a placement tier/],
    ['a list of changes that is not one', '{ "version": 2, "workloads": {}, "acceptedChanges": {} }', /acceptedChanges is \{\}, not a list/],
    ['a recorded change without its date', '{ "version": 2, "workloads": {}, "acceptedChanges": [{ "workload": "a", "from": "vm", "to": "vm", "reason": "r" }] }',
      /acceptedChanges\[0\] is .* not a recorded change/],
  ])('a lock that is %s is a PlacementError naming the file', (_name, text, message) => {
    expect(() => PlacementLock.parse(LOCK, text)).toThrow(PlacementError);
    expect(() => PlacementLock.parse(LOCK, text)).toThrow(message);
    expect(() => PlacementLock.parse(LOCK, text)).toThrow(/^placement\.lock\.json: /);
  });

  test('duplicate keys are refused', () => {
    expect(() => PlacementLock.compare(LOCK, [{ key: 'a', tier: T.VM }, { key: 'a', tier: T.VM }], undefined, DAY)).toThrow(/two workloads share the lock key 'a'/);
  });
});

describe('PlacementLockFile', () => {
  test('writes the first lock, leaves it untouched when nothing changed, refuses a change without writing, records an accepted one with today\'s date', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));
    try {
      const file = path.join(dir, LOCK);
      PlacementLockFile.apply(file, [{ key: 'app/t', tier: T.VM }]);
      const first = fs.readFileSync(file, 'utf8');
      expect(PlacementLock.parse(file, first)).toEqual(workloads({ 'app/t': T.VM }));
      expect(PlacementLockFile.apply(file, [{ key: 'app/t', tier: T.VM }]).changed).toBe(false);
      expect(() => PlacementLockFile.apply(file, [{ key: 'app/t', tier: T.DEDICATED_HOST }])).toThrow(/locked to vm/);
      expect(fs.readFileSync(file, 'utf8')).toBe(first);
      const before = utcDate(new Date());
      PlacementLockFile.apply(file, [{ key: 'app/t', tier: T.DEDICATED_HOST, acceptPlacementChange: { to: T.DEDICATED_HOST, reason: 'tenant bought hardware exclusivity' } }]);
      const { workloads: w, acceptedChanges } = PlacementLock.parse(file, fs.readFileSync(file, 'utf8'));
      expect(w).toEqual({ 'app/t': T.DEDICATED_HOST });
      expect(acceptedChanges).toHaveLength(1);
      expect([before, utcDate(new Date())]).toContain(acceptedChanges[0].when);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
