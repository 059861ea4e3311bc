import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PlacementChangeKind, PlacementLock, WorkloadPlacement } from '../../lib/placement/placement-lock';
import { PlacementLockFile } from '../../lib/placement/placement-lock-file';
import { PlacementError, PlacementTier as T } from '../../lib';

const LOCK = 'placement.lock.json';
const locked = PlacementLock.render({ 'app/tenant-b': T.VM, 'app/tenant-a': T.MICROVM_CONTAINER, 'app/gone': T.DEDICATED_VM });

describe('PlacementLock', () => {
  test('the format: version, workloads sorted by key, one line each', () => {
    expect(locked).toBe('{\n  "version": 1,\n  "workloads": {\n    "app/gone": "dedicated-vm",\n'
      + '    "app/tenant-a": "microvm-container",\n    "app/tenant-b": "vm"\n  }\n}\n');
    expect(PlacementLock.parse(LOCK, locked)).toEqual({ 'app/gone': T.DEDICATED_VM, 'app/tenant-a': T.MICROVM_CONTAINER, 'app/tenant-b': T.VM });
    expect(PlacementLock.render({})).toBe('{\n  "version": 1,\n  "workloads": {}\n}\n');
    expect(PlacementLock.parse(LOCK, PlacementLock.render({}))).toEqual({});
  });

  test('no lock yet: every workload is new, and the lock is written', () => {
    const c = PlacementLock.compare(LOCK, [{ key: 'app/x', tier: T.VM }]);
    expect(c.changes).toEqual([{ key: 'app/x', kind: PlacementChangeKind.NEW, tier: T.VM, accepted: true }]);
    expect(c).toMatchObject({ refusals: [], changed: true });
    expect(PlacementLock.parse(LOCK, c.lockText)).toEqual({ 'app/x': T.VM });
  });

  test('unchanged placements: no changes, the same text', () => {
    const c = PlacementLock.compare(LOCK, [
      { key: 'app/tenant-a', tier: T.MICROVM_CONTAINER }, { key: 'app/tenant-b', tier: T.VM }, { key: 'app/gone', tier: T.DEDICATED_VM },
    ], locked);
    expect(c).toEqual({ changes: [], refusals: [], lockText: locked, changed: false });
  });

  test('new added, removed dropped, a changed tier refused with the workload, both tiers and the fix', () => {
    const placements: WorkloadPlacement[] = [
      { key: 'app/tenant-a', tier: T.VM }, { key: 'app/tenant-b', tier: T.VM }, { key: 'app/new', tier: T.SHARED_CONTAINER },
    ];
    const c = PlacementLock.compare(LOCK, placements, locked);
    expect(c.changes).toEqual([
      { key: 'app/gone', kind: PlacementChangeKind.REMOVED, lockedTier: T.DEDICATED_VM, accepted: true },
      { key: 'app/new', kind: PlacementChangeKind.NEW, tier: T.SHARED_CONTAINER, accepted: true },
      { key: 'app/tenant-a', kind: PlacementChangeKind.CHANGED, lockedTier: T.MICROVM_CONTAINER, tier: T.VM, accepted: false, reason: undefined },
    ]);
    expect(c.refusals).toEqual([`workload 'app/tenant-a' is locked to microvm-container in ${LOCK} but is now placed on vm, which replaces its compute; `
      + "set acceptPlacementChange: '<reason>' on it, or delete its entry from the lock."]);
    // A refused change keeps the locked tier in the updated content.
    expect(PlacementLock.parse(LOCK, c.lockText)).toEqual({ 'app/new': T.SHARED_CONTAINER, 'app/tenant-a': T.MICROVM_CONTAINER, 'app/tenant-b': T.VM });
    expect(() => PlacementLock.enforce(c, LOCK)).toThrow(PlacementError);
    expect(() => PlacementLock.enforce(c, LOCK)).toThrow(/placement\.lock\.json: workload 'app\/tenant-a' is locked to microvm-container.*Fix: .*acceptPlacementChange/);
  });

  test('an accepted change is written back with its reason in the changes; a blank reason does not count', () => {
    const accepted = PlacementLock.compare(LOCK, [{ key: 'app/tenant-a', tier: T.VM, acceptPlacementChange: ' moving off Fargate for GPU ' }], locked);
    expect(accepted.refusals).toEqual([]);
    expect(accepted.changes.find((ch) => ch.key === 'app/tenant-a')).toMatchObject({ accepted: true, reason: 'moving off Fargate for GPU' });
    expect(PlacementLock.parse(LOCK, accepted.lockText)).toEqual({ 'app/tenant-a': T.VM });
    const blank = PlacementLock.compare(LOCK, [{ key: 'app/tenant-a', tier: T.VM, acceptPlacementChange: '  ' }], locked);
    expect(blank.refusals[0]).toContain('(acceptPlacementChange is blank)');
  });

  test.each([
    ['not JSON', '{ nope', /not valid JSON/],
    ['another version', '{ "version": 2, "workloads": {} }', /not a version 1 lock/],
    ['an unknown tier', '{ "version": 1, "workloads": { "a": "mainframe" } }', /workload 'a' the tier "mainframe", which is not a placement tier/],
  ])('a lock that is %s is a PlacementError naming the file', (_name, text, message) => {
    expect(() => PlacementLock.parse(LOCK, text)).toThrow(PlacementError);
    expect(() => PlacementLock.parse(LOCK, text)).toThrow(message);
    expect(() => PlacementLock.parse(LOCK, text)).toThrow(/^placement\.lock\.json: /);
  });

  test('duplicate keys are refused', () => {
    expect(() => PlacementLock.compare(LOCK, [{ key: 'a', tier: T.VM }, { key: 'a', tier: T.VM }])).toThrow(/two workloads share the lock key 'a'/);
  });
});

describe('PlacementLockFile', () => {
  test('writes the first lock, leaves it untouched when nothing changed, refuses a change without writing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));
    try {
      const file = path.join(dir, LOCK);
      PlacementLockFile.apply(file, [{ key: 'app/t', tier: T.VM }]);
      const first = fs.readFileSync(file, 'utf8');
      expect(PlacementLock.parse(file, first)).toEqual({ 'app/t': T.VM });
      expect(PlacementLockFile.apply(file, [{ key: 'app/t', tier: T.VM }]).changed).toBe(false);
      expect(() => PlacementLockFile.apply(file, [{ key: 'app/t', tier: T.DEDICATED_HOST }])).toThrow(/locked to vm/);
      expect(fs.readFileSync(file, 'utf8')).toBe(first);
      PlacementLockFile.apply(file, [{ key: 'app/t', tier: T.DEDICATED_HOST, acceptPlacementChange: 'tenant bought hardware exclusivity' }]);
      expect(PlacementLock.parse(file, fs.readFileSync(file, 'utf8'))).toEqual({ 'app/t': T.DEDICATED_HOST });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
