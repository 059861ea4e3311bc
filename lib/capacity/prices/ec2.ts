import { PriceSource, SOURCES } from './sources';

/** The regions with a price table, in this order in every row below. */
export const PRICED_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'] as const;

/** A region named when a stack's region has no table (the most complete price list, and the default region). */
export const FALLBACK_REGION = 'us-east-1';

/** One price in one region, with where it comes from. */
export interface PriceRow {
  readonly usd: number;
  readonly source: PriceSource;
}

type Row = [family: string, ...large: number[]];

// On-demand Linux USD/hour of the family's `.large` size (normalization factor 4); every size of these
// families is priced in proportion to its normalization factor (nano 0.25 ... large 4, xlarge 8, Nxlarge 8N).
// us-east-1 and us-west-2 list the same rates. Source: see SOURCE_OF below.
const LARGE: Row[] = [
  ['t3', 0.0832, 0.0832, 0.0912, 0.096, 0.1056],
  ['t3a', 0.0752, 0.0752, 0.0816, 0.0864, 0.0944],
  ['m5', 0.096, 0.096, 0.107, 0.115, 0.12],
  ['m6i', 0.096, 0.096, 0.107, 0.115, 0.12],
  ['c5', 0.085, 0.085, 0.096, 0.097, 0.098],
  ['c6i', 0.085, 0.085, 0.096, 0.097, 0.098],
  ['r5', 0.126, 0.126, 0.141, 0.152, 0.152],
  ['r6i', 0.126, 0.126, 0.141, 0.152, 0.152],
];

// Current generations: us-east-1 (and us-west-2) list prices; elsewhere an estimate (marked so): the
// region's 6th-generation rate times the us-east-1 ratio of the two generations.
const CURRENT: Array<[family: string, sixth: string, usEast1: number]> = [
  ['m7i', 'm6i', 0.1008], ['c7i', 'c6i', 0.08925], ['r7i', 'r6i', 0.1323],
  ['m7a', 'm6i', 0.11592], ['c7a', 'c6i', 0.10264], ['r7a', 'r6i', 0.15218],
];

/** us-east-1 rows checked against a public page (see SOURCES.ec2). */
const CONFIRMED_US_EAST_1 = new Set(['m5', 'm6i', 'm7i', 'c5']);

function sourceOf(family: string, region: string, estimated: boolean): PriceSource {
  if (estimated) return SOURCES.currentGeneration;
  return region === 'us-east-1' && CONFIRMED_US_EAST_1.has(family) ? SOURCES.ec2 : SOURCES.priceList;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** `.large` on-demand rate per family, per region. */
export const EC2_LARGE: Record<string, Record<string, PriceRow>> = {};
for (const [family, ...rates] of LARGE) {
  EC2_LARGE[family] = Object.fromEntries(PRICED_REGIONS.map((r, i) => [r, { usd: rates[i], source: sourceOf(family, r, false) }]));
}
for (const [family, sixth, usEast1] of CURRENT) {
  const ratio = usEast1 / EC2_LARGE[sixth]['us-east-1'].usd;
  EC2_LARGE[family] = Object.fromEntries(PRICED_REGIONS.map((r) => {
    const listed = r === 'us-east-1' || r === 'us-west-2';
    return [r, { usd: listed ? usEast1 : round6(EC2_LARGE[sixth][r].usd * ratio), source: sourceOf(family, r, !listed) }];
  }));
}

/** AWS's normalization factor of a size ('large' = 4), or undefined for a size this table does not price. */
export function normalizationFactor(size: string): number | undefined {
  const named: Record<string, number> = { nano: 0.25, micro: 0.5, small: 1, medium: 2, large: 4, xlarge: 8 };
  if (named[size] !== undefined) return named[size];
  const match = /^(\d+)xlarge$/.exec(size);
  return match ? 8 * Number(match[1]) : undefined;
}

/** On-demand USD/hour of a type in a priced region, or undefined when the table lacks it. */
export function ec2Hourly(typeName: string, region: string): PriceRow | undefined {
  const [family, size] = typeName.split('.');
  const large = EC2_LARGE[family]?.[region];
  const factor = normalizationFactor(size ?? '');
  if (!large || factor === undefined) return undefined;
  return { usd: round6((large.usd * factor) / 4), source: large.source };
}
