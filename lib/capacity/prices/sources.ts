/** Where a price comes from, and whether it was confirmed from a public source on the table's date. */
export interface PriceSource {
  readonly source: string;
  readonly confirmed: boolean;
  /** Derived by a stated rule rather than listed: `source` states the rule and its basis. */
  readonly estimate?: boolean;
}

/** Hours in a month, as AWS's own calculator counts them. */
export const HOURS_PER_MONTH = 730;

/** The date the tables were compiled and checked (confirmed rows) or carried over (unconfirmed rows). */
export const PRICES_AS_OF = '2026-12-01';

const AWS_PRICE_LIST = 'AWS Price List (pricing.us-east-1.amazonaws.com offer files) as last seen by the authors';

/** Sources by key; the price tables name one per row. */
export const SOURCES = {
  /** us-east-1 Fargate Linux x86/ARM rates, quoted from aws.amazon.com/fargate/pricing. */
  fargate: { source: 'aws.amazon.com/fargate/pricing, quoted by vantage.sh/blog/fargate-pricing and wring.co (us-east-1, 2026-03)', confirmed: true },
  /** Interface endpoint hour per AZ and per GB, us-east-1. */
  privatelink: { source: 'aws.amazon.com/privatelink/pricing (billing per endpoint per AZ-hour); rates quoted by factualminds.com VPC pricing (us-east-1, 2026-06)', confirmed: true },
  nat: { source: 'aws.amazon.com/vpc/pricing, quoted by zacfukuda.com NAT vs endpoint (us-east-1, 2026-06-01)', confirmed: true },
  ipv4: { source: 'aws.amazon.com/vpc/pricing (public IPv4, since 2024-02), quoted by factualminds.com ($3.60/month, 2026-06)', confirmed: true },
  ec2: { source: 'aws.amazon.com/ec2/pricing/on-demand, quoted by c3x.dev m5 vs m6i vs m7i (us-east-1 xlarge) and the EC2 Auto Scaling user guide spot example (c5)', confirmed: true },
  kms: { source: 'aws.amazon.com/kms/pricing ($1 per KMS key per month; each automatic rotation adds $1, the first year has none)', confirmed: true },
  elb: { source: 'aws.amazon.com/elasticloadbalancing/pricing, quoted by awsnegotiations.com ELB cost (us-east-1, 2026-05)', confirmed: true },
  /** Everything else: carried from the AWS Price List as the authors last saw it, not re-checked against a public page. */
  priceList: { source: AWS_PRICE_LIST, confirmed: false },
  /** Derived by a stated rule, not a list price: each says its rule and what it rests on. */
  hostPremium: {
    source: 'Dedicated Host hour = 1.1 x the on-demand rate of the vCPUs one host of the family offers (m5 and r5 hosts list at 1.1 x m5.24xlarge / r5.24xlarge in us-east-1)',
    confirmed: false, estimate: true,
  },
  dedicatedUplift: {
    source: 'dedicated instance hour = on-demand + 10 % (m5.large dedicated $0.106 against $0.096 shared in us-east-1)', confirmed: false, estimate: true,
  },
  currentGeneration: {
    source: "7th-generation rate outside us-east-1/us-west-2 = the region's 6th-generation rate x the us-east-1 ratio of the two generations",
    confirmed: false, estimate: true,
  },
} as const satisfies Record<string, PriceSource>;
