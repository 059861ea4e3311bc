import { PRICED_REGIONS, PriceRow } from './ec2';
import { PriceSource, SOURCES } from './sources';

/** Prices of everything but EC2 instance hours, per region. */
export interface ServicePrices {
  /** Fargate Linux/x86 per vCPU-hour and per GB-hour; ARM (Graviton) likewise. */
  readonly fargateX86VcpuHour: PriceRow;
  readonly fargateX86GbHour: PriceRow;
  readonly fargateArmVcpuHour: PriceRow;
  readonly fargateArmGbHour: PriceRow;
  /** Interface VPC endpoint per endpoint per zone-hour; per GB processed (noted, not estimated: traffic is unknown at synth). */
  readonly endpointZoneHour: PriceRow;
  readonly endpointGb: PriceRow;
  /** NAT gateway per hour; per GB processed (noted). */
  readonly natHour: PriceRow;
  readonly natGb: PriceRow;
  /** One public IPv4 address per hour (in use or idle). */
  readonly ipv4Hour: PriceRow;
  /** Load balancers per hour, and per capacity unit-hour (LCU for ALB, NLCU for NLB). */
  readonly albHour: PriceRow;
  readonly albLcuHour: PriceRow;
  readonly nlbHour: PriceRow;
  readonly nlbNlcuHour: PriceRow;
  /** One KMS key per month (first year: no rotated backing keys yet). */
  readonly kmsKeyMonth: PriceRow;
  /** EBS gp3 per GB-month (baseline 3,000 IOPS / 125 MB/s included). */
  readonly gp3GbMonth: PriceRow;
  /** CloudWatch Logs ingestion per GB (standard class). */
  readonly logsIngestGb: PriceRow;
  /** Dedicated Instances: the per-region fee per hour while any dedicated instance runs, and the instance-hour uplift (a fraction). */
  readonly dedicatedRegionFeeHour: PriceRow;
  readonly dedicatedUplift: PriceRow;
  /** Dedicated Host hour as a multiple of the on-demand rate of the instances that fill one host (an estimate). */
  readonly hostPremium: PriceRow;
}

type Cell = [usd: number, source: PriceSource];
const L = SOURCES.priceList;

// One row per price: [us-east-1, us-west-2, eu-west-1, eu-central-1, ap-southeast-1] (PRICED_REGIONS order).
// us-east-1 cells cite the public page they were confirmed from; the rest are from the AWS Price List as
// last seen (unconfirmed, see SOURCES.priceList).
const ROWS: Record<keyof ServicePrices, Cell[]> = {
  fargateX86VcpuHour: [[0.04048, SOURCES.fargate], [0.04048, L], [0.04048, L], [0.04656, L], [0.05056, L]],
  fargateX86GbHour: [[0.004445, SOURCES.fargate], [0.004445, L], [0.004445, L], [0.00511, L], [0.00553, L]],
  fargateArmVcpuHour: [[0.03238, SOURCES.fargate], [0.03238, L], [0.03238, L], [0.03725, L], [0.04045, L]],
  fargateArmGbHour: [[0.00356, SOURCES.fargate], [0.00356, L], [0.00356, L], [0.00409, L], [0.00442, L]],
  endpointZoneHour: [[0.01, SOURCES.privatelink], [0.01, L], [0.011, L], [0.012, L], [0.013, L]],
  endpointGb: [[0.01, SOURCES.privatelink], [0.01, L], [0.01, L], [0.01, L], [0.01, L]],
  natHour: [[0.045, SOURCES.nat], [0.045, L], [0.048, L], [0.052, L], [0.059, L]],
  natGb: [[0.045, SOURCES.nat], [0.045, L], [0.048, L], [0.052, L], [0.059, L]],
  ipv4Hour: [[0.005, SOURCES.ipv4], [0.005, L], [0.005, L], [0.005, L], [0.005, L]],
  albHour: [[0.0225, SOURCES.elb], [0.0225, L], [0.0252, L], [0.027, L], [0.0252, L]],
  albLcuHour: [[0.008, SOURCES.elb], [0.008, L], [0.008, L], [0.008, L], [0.008, L]],
  nlbHour: [[0.0225, SOURCES.elb], [0.0225, L], [0.0252, L], [0.027, L], [0.0252, L]],
  nlbNlcuHour: [[0.006, SOURCES.elb], [0.006, L], [0.006, L], [0.006, L], [0.006, L]],
  kmsKeyMonth: PRICED_REGIONS.map(() => [1, SOURCES.kms]),
  gp3GbMonth: [[0.08, L], [0.08, L], [0.088, L], [0.0952, L], [0.096, L]],
  logsIngestGb: [[0.5, L], [0.5, L], [0.57, L], [0.63, L], [0.67, L]],
  // "Dedicated per Region Fee": $2 per hour in any hour at least one dedicated instance runs in the region.
  dedicatedRegionFeeHour: PRICED_REGIONS.map(() => [2, L]),
  // m5.large dedicated $0.106 against $0.096 shared in us-east-1: about 10 %, applied to every type.
  dedicatedUplift: PRICED_REGIONS.map(() => [0.1, SOURCES.dedicatedUplift]),
  // m5 ($5.069) and r5 ($6.653) hosts in us-east-1 list at 1.1 x m5.24xlarge / r5.24xlarge; applied to every family.
  hostPremium: PRICED_REGIONS.map(() => [1.1, SOURCES.hostPremium]),
};

/** Service prices per priced region. */
export const SERVICE_PRICES: Record<string, ServicePrices> = Object.fromEntries(PRICED_REGIONS.map((region, r) => [region,
  Object.fromEntries(Object.entries(ROWS).map(([key, cells]) => [key, { usd: cells[r][0], source: cells[r][1] }])) as unknown as ServicePrices]));
