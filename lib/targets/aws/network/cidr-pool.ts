import { createHash } from 'crypto';
import { PlacementError } from '../../../placement-error';
import { checkCidr } from '../../ingress';

// IPv4 address plans, pure. The layout of a tenant network (shared or dedicated) splits its CIDR by
// kind first, then by zone: 2 bits of kind (isolated, egress, public, one spare) and 3 bits of zone
// (up to 8 zones, the most AwsTarget accepts). A subnet's CIDR depends only on its kind and zone
// index, so adding a zone renumbers nothing; isolated and egress subnets together are the first half
// of the VPC, so one rule can name "the tenants' subnets" without naming the public ones.

/** The kinds of subnet of a tenant network, in address order. */
export enum SubnetKind {
  /** No route out of the VPC: tenants without egress, the interface endpoints. */
  ISOLATED = 'isolated',
  /** A default route through the zone's NAT gateway (once egress is enabled): tenants with egress. */
  EGRESS = 'egress',
  /** A default route to the internet gateway (once enabled): load balancers and NAT gateways. */
  PUBLIC = 'public',
}

const KIND_BITS = 2;
const ZONE_BITS = 3;
/** The most zones a layout has room for. */
export const MAX_ZONES = 2 ** ZONE_BITS;
const KIND_INDEX: Record<SubnetKind, number> = { [SubnetKind.ISOLATED]: 0, [SubnetKind.EGRESS]: 1, [SubnetKind.PUBLIC]: 2 };
/** AWS's smallest subnet is a /28, so a VPC of the layout is at most a /23. */
export const SMALLEST_NETWORK_PREFIX = 28 - KIND_BITS - ZONE_BITS;

/** An IPv4 block as a 32-bit base address and a prefix length. */
export interface Block {
  readonly base: number;
  readonly prefix: number;
}

export function parseCidr(where: string, cidr: string): Block {
  checkCidr(where, cidr);
  const [address, prefixText] = cidr.split('/');
  const base = address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
  const prefix = Number(prefixText);
  if (base % 2 ** (32 - prefix) !== 0) {
    throw new PlacementError(where, `${cidr} has host bits set: it is not the first address of a /${prefix}.`,
      `write the block's first address, e.g. ${formatCidr({ base: base - (base % 2 ** (32 - prefix)), prefix })}.`);
  }
  return { base, prefix };
}

export function formatCidr(block: Block): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(block.base / 2 ** shift) % 256);
  return `${octets.join('.')}/${block.prefix}`;
}

/** The `index`-th block of `newBits` more prefix bits inside `block` (Terraform's cidrsubnet). */
export function subBlock(block: Block, newBits: number, index: number): Block {
  const prefix = block.prefix + newBits;
  return { base: block.base + index * 2 ** (32 - prefix), prefix };
}

/** The CIDR of the subnet of one kind in one zone of a network laid out as described above. */
export function subnetCidr(networkCidr: string, kind: SubnetKind, zoneIndex: number): string {
  const network = parseCidr('subnet layout', networkCidr);
  return formatCidr(subBlock(network, KIND_BITS + ZONE_BITS, KIND_INDEX[kind] * MAX_ZONES + zoneIndex));
}

/** The isolated and egress subnets of a network together (its first half): where tenants run. */
export function tenantSubnetsCidr(networkCidr: string): string {
  return formatCidr(subBlock(parseCidr('subnet layout', networkCidr), 1, 0));
}

/** Whether two blocks share an address. */
export function overlaps(a: Block, b: Block): boolean {
  const aEnd = a.base + 2 ** (32 - a.prefix);
  const bEnd = b.base + 2 ** (32 - b.prefix);
  return a.base < bEnd && b.base < aEnd;
}

/**
 * The blocks of `cidr` outside `excluded`, fewest first-to-last (CIDR blocks are nested or disjoint,
 * so this halves the block until no half overlaps `excluded` partly). Empty when `cidr` lies inside it.
 */
export function subtractCidr(where: string, cidr: string, excluded: string): string[] {
  const drop = parseCidr(where, excluded);
  const pieces = (block: Block): Block[] => {
    if (!overlaps(block, drop)) return [block];
    if (block.prefix >= drop.prefix) return [];
    return [...pieces(subBlock(block, 1, 0)), ...pieces(subBlock(block, 1, 1))];
  };
  return pieces(parseCidr(where, cidr)).map(formatCidr);
}

/**
 * Allocates non-overlapping network CIDRs of one size from a pool, for dedicated tenant networks.
 *
 * A tenant's preferred slot is a hash of its id, so its CIDR does not depend on how many tenants
 * exist or where in the program it is declared; only when two ids prefer the same slot does the
 * later claim probe to the next free slot, and then the result depends on the order of claims. So
 * claims in program order keep every earlier tenant's CIDR when a tenant is added, and
 * {@link CidrPool.allocate} (ids sorted) gives the same result for the same set of ids whatever the
 * order. A tenant that must never move can be reserved with its CIDR.
 */
export class CidrPool {
  private readonly where: string;
  private readonly pool: Block;
  private readonly prefix: number;
  private readonly slots: number;
  private readonly taken = new Map<number, string>();
  private readonly claims = new Map<string, string>();
  private readonly excluded: Block[];

  /**
   * @param where construct path of the owner (for errors)
   * @param poolCidr the pool, e.g. `10.64.0.0/10`
   * @param prefix the size of each network, e.g. 20 for /20s
   * @param exclude blocks inside the pool that are used otherwise (the shared network): never allocated
   */
  constructor(where: string, poolCidr: string, prefix: number, exclude: string[] = []) {
    this.where = where;
    this.pool = parseCidr(where, poolCidr);
    if (!Number.isInteger(prefix) || prefix < Math.max(this.pool.prefix, 16) || prefix > SMALLEST_NETWORK_PREFIX) {
      throw new PlacementError(where, `a network size of /${prefix} does not fit the pool ${poolCidr}, AWS's VPC sizes (/16 to /28) and the subnet layout.`,
        `use a prefix from /${Math.max(this.pool.prefix, 16)} to /${SMALLEST_NETWORK_PREFIX} (3 kinds x 8 zones of subnets, each at least a /28).`);
    }
    this.prefix = prefix;
    this.slots = 2 ** (prefix - this.pool.prefix);
    this.excluded = exclude.map((cidr) => parseCidr(where, cidr));
  }

  /** The pool's CIDR. */
  public get cidr(): string {
    return formatCidr(this.pool);
  }

  /** Claims a given CIDR for an id (a pinned tenant); refused when it lies outside the pool or is taken. */
  public reserve(id: string, cidr: string): string {
    const block = parseCidr(this.where, cidr);
    if (block.prefix !== this.prefix || !overlaps(block, this.pool)) {
      throw new PlacementError(this.where, `${cidr} for ${id} is not a /${this.prefix} inside the pool ${this.cidr}.`, `pick a /${this.prefix} inside ${this.cidr}.`);
    }
    const slot = (block.base - this.pool.base) / 2 ** (32 - this.prefix);
    const holder = this.taken.get(slot);
    if ((holder !== undefined && holder !== id) || this.isExcluded(slot)) {
      throw new PlacementError(this.where, `${cidr} for ${id} is already used${holder ? ` by ${holder}` : ' by another network of the target'}.`,
        'pick another block, or leave the CIDR out to have one allocated.');
    }
    return this.take(id, slot);
  }

  /** The id's CIDR: its earlier claim, else its hash slot, else the next free slot after it. */
  public claim(id: string): string {
    const existing = this.claims.get(id);
    if (existing) return existing;
    const preferred = createHash('sha256').update(id).digest().readUInt32BE(0) % this.slots;
    for (let i = 0; i < this.slots; i++) {
      const slot = (preferred + i) % this.slots;
      if (!this.taken.has(slot) && !this.isExcluded(slot)) return this.take(id, slot);
    }
    throw new PlacementError(this.where, `the CIDR pool ${this.cidr} has no free /${this.prefix} left for ${id}: all ${this.slots} are taken by ${this.taken.size} networks.`,
      `declare a larger pool (e.g. a /${Math.max(8, this.pool.prefix - 2)}) or smaller networks, or move some tenants off dedicatedNetwork.`);
  }

  /** Claims for a set of ids, in sorted order: the same set always gets the same CIDRs. */
  public allocate(ids: string[]): Record<string, string> {
    return Object.fromEntries([...ids].sort().map((id) => [id, this.claim(id)]));
  }

  private isExcluded(slot: number): boolean {
    const block = { base: this.pool.base + slot * 2 ** (32 - this.prefix), prefix: this.prefix };
    return this.excluded.some((e) => overlaps(e, block));
  }

  private take(id: string, slot: number): string {
    const cidr = formatCidr({ base: this.pool.base + slot * 2 ** (32 - this.prefix), prefix: this.prefix });
    this.taken.set(slot, id);
    this.claims.set(id, cidr);
    return cidr;
  }
}

/**
 * Default address plan of a target. The shared tenant network is a /16: each subnet a /21 (2,043
 * usable addresses), so 3 zones give tenants without egress about 6,100 addresses (one per Fargate
 * task or instance). Dedicated tenant networks are /20s from 10.64.0.0/10 (1,024 of them, so hash
 * collisions stay rare): each subnet a /25 (123 usable addresses: instances, one address per
 * interface endpoint and zone, load balancer nodes). 10.0.0.0/10 stays free for the shared networks
 * of further targets (and the dense network) so no two networks of a target overlap.
 */
export const DEFAULT_SHARED_CIDR = '10.0.0.0/16';
/** Pool of dedicated tenant networks (see {@link DEFAULT_SHARED_CIDR}). */
export const DEFAULT_DEDICATED_POOL = '10.64.0.0/10';
/** Size of one dedicated tenant network. */
export const DEFAULT_DEDICATED_PREFIX = 20;
