import { PlacementError } from '../../../lib/placement-error';
import {
  CidrPool, DEFAULT_DEDICATED_POOL, DEFAULT_DEDICATED_PREFIX, DEFAULT_SHARED_CIDR, overlaps, parseCidr, subnetCidr, SubnetKind, subtractCidr, tenantSubnetsCidr,
} from '../../../lib/targets/aws/network/cidr-pool';

test.each([
  ['10.0.0.0/16', SubnetKind.ISOLATED, 0, '10.0.0.0/21'],
  ['10.0.0.0/16', SubnetKind.ISOLATED, 7, '10.0.56.0/21'],
  ['10.0.0.0/16', SubnetKind.EGRESS, 0, '10.0.64.0/21'],
  ['10.0.0.0/16', SubnetKind.PUBLIC, 2, '10.0.144.0/21'],
  ['10.64.16.0/20', SubnetKind.ISOLATED, 1, '10.64.16.128/25'],
  ['10.64.16.0/20', SubnetKind.PUBLIC, 0, '10.64.24.0/25'],
  ['192.168.0.0/23', SubnetKind.EGRESS, 7, '192.168.0.240/28'],
])('in %s the %s subnet of zone %i is %s', (network, kind, zone, expected) => {
  expect(subnetCidr(network, kind, zone)).toBe(expected);
});

test('every subnet of a layout lies in its network and none overlaps another; the tenant half excludes the public subnets', () => {
  const network = parseCidr('t', '10.64.16.0/20');
  const half = parseCidr('t', tenantSubnetsCidr('10.64.16.0/20'));
  const blocks = Object.values(SubnetKind).flatMap((kind) => [...Array(8).keys()].map((z) => ({ kind, block: parseCidr('t', subnetCidr('10.64.16.0/20', kind, z)) })));
  for (const [i, a] of blocks.entries()) {
    expect(overlaps(a.block, network)).toBe(true);
    expect(overlaps(a.block, half)).toBe(a.kind !== SubnetKind.PUBLIC);
    for (const b of blocks.slice(i + 1)) expect(overlaps(a.block, b.block)).toBe(false);
  }
});

test.each([['10.0.0.1/16', /host bits/], ['10.0.0.0/33', /not an IPv4 CIDR/], ['banana', /not an IPv4 CIDR/]])('%s is refused', (cidr, message) => {
  expect(() => parseCidr('t', cidr)).toThrow(message);
});

test.each([
  ['203.0.113.0/24', '10.0.0.0/16', ['203.0.113.0/24']],
  ['10.0.0.0/8', '10.0.0.0/16', ['10.1.0.0/16', '10.2.0.0/15', '10.4.0.0/14', '10.8.0.0/13', '10.16.0.0/12', '10.32.0.0/11', '10.64.0.0/10', '10.128.0.0/9']],
  ['10.0.5.0/24', '10.0.0.0/16', []],
  ['10.0.0.0/16', '10.0.0.0/16', []],
])('%s without %s is %j', (cidr, excluded, expected) => {
  expect(subtractCidr('t', cidr, excluded)).toEqual(expected);
});

test('0.0.0.0/0 without a /16 is 16 blocks that cover everything else', () => {
  const pieces = subtractCidr('t', '0.0.0.0/0', '10.0.0.0/16').map((c) => parseCidr('t', c));
  expect(pieces).toHaveLength(16);
  expect(pieces.reduce((sum, b) => sum + 2 ** (32 - b.prefix), 0)).toBe(2 ** 32 - 2 ** 16);
  expect(pieces.some((b) => overlaps(b, parseCidr('t', '10.0.0.0/16')))).toBe(false);
});

describe('CidrPool', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `tenant-${i}`);

  test('allocates unique /20s inside the pool, none overlapping the shared network', () => {
    const pool = new CidrPool('t', '10.0.0.0/12', DEFAULT_DEDICATED_PREFIX, [DEFAULT_SHARED_CIDR]);
    const cidrs = Object.values(pool.allocate(ids));
    expect(new Set(cidrs).size).toBe(ids.length);
    const shared = parseCidr('t', DEFAULT_SHARED_CIDR);
    for (const cidr of cidrs) {
      expect(cidr).toMatch(/\/20$/);
      expect(overlaps(parseCidr('t', cidr), parseCidr('t', '10.0.0.0/12'))).toBe(true);
      expect(overlaps(parseCidr('t', cidr), shared)).toBe(false);
    }
  });

  test('gives the same set the same CIDRs whatever the order', () => {
    const a = new CidrPool('t', DEFAULT_DEDICATED_POOL, 20).allocate(ids);
    const b = new CidrPool('t', DEFAULT_DEDICATED_POOL, 20).allocate([...ids].reverse());
    expect(b).toEqual(a);
  });

  test('a claim prefers the hash slot of the id, so adding a tenant keeps the earlier ones', () => {
    const before = new CidrPool('t', DEFAULT_DEDICATED_POOL, 20);
    const after = new CidrPool('t', DEFAULT_DEDICATED_POOL, 20);
    const first = ids.map((id) => before.claim(id));
    after.claim('newcomer');
    // Only an id whose slot the newcomer took could move; with 1,024 slots that is rare, and not the case here.
    expect(ids.map((id) => after.claim(id))).toEqual(first);
    expect(before.claim('tenant-3')).toBe(first[3]);
  });

  test('probes past a collision: a pool of 4 slots takes 4 tenants, then names the pool and the fix', () => {
    const pool = new CidrPool('stack/aws', '10.64.0.0/18', 20);
    const got = ['a', 'b', 'c', 'd'].map((id) => pool.claim(id));
    expect(new Set(got).size).toBe(4);
    let error: unknown;
    try {
      pool.claim('e');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlacementError);
    expect((error as PlacementError).message).toMatch(/^stack\/aws: the CIDR pool 10\.64\.0\.0\/18 has no free \/20 left for e: all 4 are taken.*Fix: declare a larger pool/);
  });

  test('reserve pins a CIDR and refuses one outside the pool, of another size, or taken', () => {
    const pool = new CidrPool('t', DEFAULT_DEDICATED_POOL, 20, ['10.64.0.0/16']);
    expect(pool.reserve('pinned', '10.100.0.0/20')).toBe('10.100.0.0/20');
    expect(pool.claim('pinned')).toBe('10.100.0.0/20');
    expect(() => pool.reserve('other', '10.100.0.0/20')).toThrow(/already used by pinned/);
    expect(() => pool.reserve('other', '10.64.16.0/20')).toThrow(/already used by another network/);
    expect(() => pool.reserve('other', '172.16.0.0/20')).toThrow(/not a \/20 inside the pool/);
    expect(() => pool.reserve('other', '10.101.0.0/21')).toThrow(/not a \/20 inside the pool/);
  });

  test.each([[15], [24], [8]])('a network size of /%i is refused', (prefix) => {
    expect(() => new CidrPool('t', '10.64.0.0/10', prefix)).toThrow(PlacementError);
  });
});
