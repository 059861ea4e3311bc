import { AwsQuota, dedicatedHostQuotaCode, QUOTA_TABLE, QuotaDefinition, QuotaScope } from './quotas-table';
import { PlacementError } from '../placement-error';

export { AwsQuota, QuotaDefinition, QuotaScope } from './quotas-table';

/**
 * The quotas of the account an AwsTarget deploys into (`AwsTarget.quotas`): each defaults to a fresh
 * account's value (see {@link QuotaCheck.definition} for the source and date). Synth counts what the
 * stack creates per region, zone, VPC, security group, cluster and instance family, and warns for
 * each count over its quota, naming the quota and the increase to request; `enforce` makes that a
 * PlacementError instead.
 */
export interface AwsQuotasProps {
  /**
   * Refuse the stack (PlacementError) instead of warning when a count goes over a quota.
   * @default false
   */
  readonly enforce?: boolean;
  /**
   * Whether the region still has its default VPC (with an internet gateway and a default security group), which counts against the quotas.
   * @default true
   */
  readonly defaultVpc?: boolean;
  /** VPCs per Region (L-F678F1CE). @default 5 */
  readonly vpcsPerRegion?: number;
  /** Internet gateways per Region (L-A4707A72; raised with VPCs per Region). @default 5 */
  readonly internetGatewaysPerRegion?: number;
  /** EC2-VPC Elastic IPs per Region (L-0263D0A3). @default 5 */
  readonly elasticIpsPerRegion?: number;
  /** NAT gateways per Availability Zone (L-FE5A380F). @default 5 */
  readonly natGatewaysPerZone?: number;
  /** Gateway VPC endpoints per Region (L-1B52E74A). @default 20 */
  readonly gatewayEndpointsPerRegion?: number;
  /** Interface and Gateway Load Balancer endpoints per VPC (L-29B6F2EB). @default 50 */
  readonly interfaceEndpointsPerVpc?: number;
  /** Subnets per VPC (L-407747CB). @default 200 */
  readonly subnetsPerVpc?: number;
  /** VPC security groups per Region (L-E79EC296). @default 2500 */
  readonly securityGroupsPerRegion?: number;
  /** Security groups per network interface (L-2AFB9258). @default 5 */
  readonly securityGroupsPerInterface?: number;
  /** Inbound or outbound rules per security group (L-0EA8095F), applied to each direction. @default 60 */
  readonly rulesPerSecurityGroup?: number;
  /** Application Load Balancers per Region (L-53DA6B97). @default 50 */
  readonly applicationLoadBalancersPerRegion?: number;
  /** Network Load Balancers per Region (L-69A177A2). @default 50 */
  readonly networkLoadBalancersPerRegion?: number;
  /** Target groups per Region (L-B22855CB). @default 3000 */
  readonly targetGroupsPerRegion?: number;
  /** ECS clusters per Region (L-21C621EB). @default 10000 */
  readonly ecsClustersPerRegion?: number;
  /** ECS services per cluster (L-9EF96962). @default 5000 */
  readonly ecsServicesPerCluster?: number;
  /**
   * Running Dedicated Hosts per instance family, e.g. `{ m6i: 4 }` ("Running Dedicated m6i Hosts").
   * @default - 0 for every family: a fresh account must request an increase before its first Dedicated Host
   */
  readonly dedicatedHostsPerFamily?: { [family: string]: number };
}

/** How much of one quota a stack uses in one place (a region, a zone, a VPC, a group, a cluster, a family). */
export interface QuotaUsage {
  readonly quota: AwsQuota;
  /** Where: empty for the region, else the zone, VPC, security group, interface owner, cluster or family. */
  readonly key: string;
  /** What the stack creates there. */
  readonly count: number;
}

/** A count over its quota. */
export interface QuotaFinding {
  readonly quota: AwsQuota;
  /** AWS's name of the quota (for Dedicated Hosts, with the family). */
  readonly name: string;
  /** Where, as in {@link QuotaUsage.key}. */
  readonly key: string;
  /** What the stack creates there plus what a fresh account already uses (the default VPC's). */
  readonly count: number;
  /** The quota that applies. */
  readonly limit: number;
  readonly serviceCode: string;
  /** Empty when the table has no code (a Dedicated Host family it does not list). */
  readonly quotaCode: string;
  /** The increase to request, as an AWS CLI command (or console hint). */
  readonly increase: string;
  /** One line: quota, where, count, limit and the increase. */
  readonly message: string;
}

const OVERRIDES: Partial<Record<AwsQuota, keyof AwsQuotasProps>> = {
  [AwsQuota.VPCS_PER_REGION]: 'vpcsPerRegion',
  [AwsQuota.INTERNET_GATEWAYS_PER_REGION]: 'internetGatewaysPerRegion',
  [AwsQuota.ELASTIC_IPS_PER_REGION]: 'elasticIpsPerRegion',
  [AwsQuota.NAT_GATEWAYS_PER_ZONE]: 'natGatewaysPerZone',
  [AwsQuota.GATEWAY_ENDPOINTS_PER_REGION]: 'gatewayEndpointsPerRegion',
  [AwsQuota.INTERFACE_ENDPOINTS_PER_VPC]: 'interfaceEndpointsPerVpc',
  [AwsQuota.SUBNETS_PER_VPC]: 'subnetsPerVpc',
  [AwsQuota.SECURITY_GROUPS_PER_REGION]: 'securityGroupsPerRegion',
  [AwsQuota.SECURITY_GROUPS_PER_INTERFACE]: 'securityGroupsPerInterface',
  [AwsQuota.INBOUND_RULES_PER_SECURITY_GROUP]: 'rulesPerSecurityGroup',
  [AwsQuota.OUTBOUND_RULES_PER_SECURITY_GROUP]: 'rulesPerSecurityGroup',
  [AwsQuota.APPLICATION_LOAD_BALANCERS_PER_REGION]: 'applicationLoadBalancersPerRegion',
  [AwsQuota.NETWORK_LOAD_BALANCERS_PER_REGION]: 'networkLoadBalancersPerRegion',
  [AwsQuota.TARGET_GROUPS_PER_REGION]: 'targetGroupsPerRegion',
  [AwsQuota.ECS_CLUSTERS_PER_REGION]: 'ecsClustersPerRegion',
  [AwsQuota.ECS_SERVICES_PER_CLUSTER]: 'ecsServicesPerCluster',
};

/** Compares what a stack uses with the account's quotas. */
export class QuotaCheck {
  /** The default, source and date of one quota. */
  public static definition(quota: AwsQuota): QuotaDefinition {
    return QUOTA_TABLE[quota];
  }

  /** Every quota the library counts. */
  public static definitions(): QuotaDefinition[] {
    return Object.values(QUOTA_TABLE);
  }

  /**
   * Refuses overrides that are not whole numbers of zero or more.
   * @param where construct path of the target
   */
  public static validate(where: string, props: AwsQuotasProps): void {
    const entries: Array<[string, unknown]> = Object.entries(props ?? {}).filter(([k]) => !['enforce', 'defaultVpc', 'dedicatedHostsPerFamily'].includes(k));
    entries.push(...Object.entries(props?.dedicatedHostsPerFamily ?? {}).map(([f, v]): [string, unknown] => [`dedicatedHostsPerFamily.${f}`, v]));
    for (const [field, value] of entries) {
      if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
        throw new PlacementError(where, `quotas.${field} is ${JSON.stringify(value)}, not a whole number of zero or more.`,
          "set it to the account's value from the Service Quotas console, or leave it out for a fresh account's default.");
      }
    }
  }

  /**
   * The counts over their quotas, most over first.
   * @param region the region the counts are in (for the increase command)
   * @param usages what the stack uses (QuotaCounter.count)
   * @param props the account's quotas where they differ from a fresh account's
   */
  public static check(region: string, usages: QuotaUsage[], props: AwsQuotasProps = {}): QuotaFinding[] {
    const findings: QuotaFinding[] = [];
    const limitOf = (quota: AwsQuota, key: string): number => {
      const def = QUOTA_TABLE[quota];
      if (def.scope === QuotaScope.INSTANCE_FAMILY) return props.dedicatedHostsPerFamily?.[key] ?? def.defaultValue;
      const field = OVERRIDES[quota];
      return (field ? props[field] as number | undefined : undefined) ?? def.defaultValue;
    };
    for (const usage of usages) {
      const def = QUOTA_TABLE[usage.quota];
      const family = def.scope === QuotaScope.INSTANCE_FAMILY;
      const limit = limitOf(usage.quota, usage.key);
      const count = usage.count + (props.defaultVpc === false ? 0 : def.baseline);
      if (count <= limit) continue;
      const raise = def.raiseVia ? QUOTA_TABLE[def.raiseVia] : def;
      const quotaCode = family ? dedicatedHostQuotaCode(usage.key) ?? '' : raise.quotaCode;
      const name = family ? def.name.replace('<family>', usage.key) : def.name;
      // A quota raised through another (internet gateways through VPCs) rises with it one for one.
      const desired = limitOf(raise.quota, usage.key) + count - limit;
      const increase = quotaCode
        ? `aws service-quotas request-service-quota-increase --region ${region} --service-code ${raise.serviceCode} --quota-code ${quotaCode} --desired-value ${desired}`
        : `request "${name}" of at least ${count} in the Service Quotas console (${raise.serviceCode}) for ${region}`;
      const where = usage.key ? `${def.scope} ${usage.key}` : region;
      const baseline = count > usage.count ? ` (${usage.count} of this stack + ${count - usage.count} of the default VPC)` : '';
      const via = raise === def ? '' : ` (raised with "${raise.name}")`;
      findings.push({
        quota: usage.quota, name, key: usage.key, count, limit, serviceCode: raise.serviceCode, quotaCode, increase,
        message: `${name}: ${count} in ${where}${baseline}, over the quota of ${limit}${via}. Request an increase: ${increase}.`,
      });
    }
    return findings.sort((a, b) => (b.count - b.limit) - (a.count - a.limit) || a.quota.localeCompare(b.quota) || a.key.localeCompare(b.key));
  }

  /**
   * For `quotas: { enforce: true }`: throws one PlacementError listing every finding (nothing when there are none).
   * @param where construct path of the target
   * @param findings the findings of {@link check}
   */
  public static enforce(where: string, findings: QuotaFinding[]): void {
    if (findings.length === 0) return;
    throw new PlacementError(where, `the stack goes over ${findings.length} quota(s) of the account: ${findings.map((f) => f.message).join(' ')}`,
      'request the increases named above (then set the raised values in AwsTarget quotas), or place fewer resources in this region: '
      + 'tenants without dedicatedNetwork share one VPC, and tenants without egress need no NAT gateway.');
  }
}
