// The default quotas of a fresh AWS account that a synthesized stack counts against: data, with the
// source page and the date each row was checked. "Fresh" means a new account in a commercial region
// with nothing raised; the default VPC (with its internet gateway and default security group) exists.

/** A quota of a fresh AWS account that the resources of one stack count against. */
export enum AwsQuota {
  /** VPCs per Region (the default VPC counts). */
  VPCS_PER_REGION = 'VPCS_PER_REGION',
  /** Internet gateways per Region (the default VPC's counts; raised with VPCs per Region). */
  INTERNET_GATEWAYS_PER_REGION = 'INTERNET_GATEWAYS_PER_REGION',
  /** Elastic IP addresses per Region. */
  ELASTIC_IPS_PER_REGION = 'ELASTIC_IPS_PER_REGION',
  /** NAT gateways per Availability Zone. */
  NAT_GATEWAYS_PER_ZONE = 'NAT_GATEWAYS_PER_ZONE',
  /** Gateway VPC endpoints (S3, DynamoDB) per Region. */
  GATEWAY_ENDPOINTS_PER_REGION = 'GATEWAY_ENDPOINTS_PER_REGION',
  /** Interface and Gateway Load Balancer endpoints per VPC. */
  INTERFACE_ENDPOINTS_PER_VPC = 'INTERFACE_ENDPOINTS_PER_VPC',
  /** Subnets per VPC. */
  SUBNETS_PER_VPC = 'SUBNETS_PER_VPC',
  /** VPC security groups per Region (each VPC's default group counts). */
  SECURITY_GROUPS_PER_REGION = 'SECURITY_GROUPS_PER_REGION',
  /** Security groups per network interface (per instance, task, endpoint or load balancer). */
  SECURITY_GROUPS_PER_INTERFACE = 'SECURITY_GROUPS_PER_INTERFACE',
  /** Inbound rules per security group (IPv4; IPv6 rules have their own 60). */
  INBOUND_RULES_PER_SECURITY_GROUP = 'INBOUND_RULES_PER_SECURITY_GROUP',
  /** Outbound rules per security group (IPv4). */
  OUTBOUND_RULES_PER_SECURITY_GROUP = 'OUTBOUND_RULES_PER_SECURITY_GROUP',
  /** Application Load Balancers per Region. */
  APPLICATION_LOAD_BALANCERS_PER_REGION = 'APPLICATION_LOAD_BALANCERS_PER_REGION',
  /** Network Load Balancers per Region. */
  NETWORK_LOAD_BALANCERS_PER_REGION = 'NETWORK_LOAD_BALANCERS_PER_REGION',
  /** Target groups per Region. */
  TARGET_GROUPS_PER_REGION = 'TARGET_GROUPS_PER_REGION',
  /** ECS clusters per Region. */
  ECS_CLUSTERS_PER_REGION = 'ECS_CLUSTERS_PER_REGION',
  /** ECS services per cluster. */
  ECS_SERVICES_PER_CLUSTER = 'ECS_SERVICES_PER_CLUSTER',
  /** Running Dedicated Hosts per instance family (one quota per family). */
  DEDICATED_HOSTS_PER_FAMILY = 'DEDICATED_HOSTS_PER_FAMILY',
}

/** What one count of a quota is taken over. */
export enum QuotaScope {
  REGION = 'region',
  ZONE = 'availability zone',
  VPC = 'VPC',
  SECURITY_GROUP = 'security group',
  NETWORK_INTERFACE = 'network interface',
  CLUSTER = 'ECS cluster',
  INSTANCE_FAMILY = 'instance family',
}

/** One quota: its default in a fresh account, where it is raised, and where the number comes from. */
export interface QuotaDefinition {
  readonly quota: AwsQuota;
  /** AWS's name of the quota, as the Service Quotas console shows it. */
  readonly name: string;
  readonly scope: QuotaScope;
  /** The default value in a fresh account. */
  readonly defaultValue: number;
  /** What a fresh account already uses in every region (the default VPC, its internet gateway, its default security group). */
  readonly baseline: number;
  /** Service Quotas service code, e.g. `vpc`. */
  readonly serviceCode: string;
  /** Service Quotas quota code, e.g. `L-F678F1CE` (per family for Dedicated Hosts: see dedicatedHostQuotaCode). */
  readonly quotaCode: string;
  /** The quota to raise instead, where AWS ties this one to another (internet gateways follow VPCs). */
  readonly raiseVia?: AwsQuota;
  /** The page the default was read from. */
  readonly source: string;
  /** When it was checked (YYYY-MM-DD). */
  readonly checked: string;
}

const VPC_PAGE = 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html';
const PRIVATELINK_PAGE = 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html';
const ALB_PAGE = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html';
const NLB_PAGE = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-limits.html';
const ECS_PAGE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html';
// Dedicated Hosts: the current page lists 0 for every family in a new account (older accounts were
// created with 1 or 2 per family, which `list-aws-default-service-quotas` still showed for some regions).
const EC2_HOSTS_PAGE = 'https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-quotas.html';
const CHECKED = '2026-12-01';

type Row = [AwsQuota, string, QuotaScope, number, number, string, string, string, AwsQuota?];
// [quota, AWS name, scope, default, baseline, service code, quota code, source, raise via]
const ROWS: Row[] = [
  [AwsQuota.VPCS_PER_REGION, 'VPCs per Region', QuotaScope.REGION, 5, 1, 'vpc', 'L-F678F1CE', VPC_PAGE],
  [AwsQuota.INTERNET_GATEWAYS_PER_REGION, 'Internet gateways per Region', QuotaScope.REGION, 5, 1, 'vpc', 'L-A4707A72', VPC_PAGE, AwsQuota.VPCS_PER_REGION],
  [AwsQuota.ELASTIC_IPS_PER_REGION, 'EC2-VPC Elastic IPs', QuotaScope.REGION, 5, 0, 'ec2', 'L-0263D0A3', VPC_PAGE],
  [AwsQuota.NAT_GATEWAYS_PER_ZONE, 'NAT gateways per Availability Zone', QuotaScope.ZONE, 5, 0, 'vpc', 'L-FE5A380F', VPC_PAGE],
  [AwsQuota.GATEWAY_ENDPOINTS_PER_REGION, 'Gateway VPC endpoints per Region', QuotaScope.REGION, 20, 0, 'vpc', 'L-1B52E74A', PRIVATELINK_PAGE],
  [AwsQuota.INTERFACE_ENDPOINTS_PER_VPC, 'Interface and Gateway Load Balancer endpoints per VPC', QuotaScope.VPC, 50, 0, 'vpc', 'L-29B6F2EB', PRIVATELINK_PAGE],
  [AwsQuota.SUBNETS_PER_VPC, 'Subnets per VPC', QuotaScope.VPC, 200, 0, 'vpc', 'L-407747CB', VPC_PAGE],
  [AwsQuota.SECURITY_GROUPS_PER_REGION, 'VPC security groups per Region', QuotaScope.REGION, 2500, 1, 'vpc', 'L-E79EC296', VPC_PAGE],
  [AwsQuota.SECURITY_GROUPS_PER_INTERFACE, 'Security groups per network interface', QuotaScope.NETWORK_INTERFACE, 5, 0, 'vpc', 'L-2AFB9258', VPC_PAGE],
  [AwsQuota.INBOUND_RULES_PER_SECURITY_GROUP, 'Inbound or outbound rules per security group', QuotaScope.SECURITY_GROUP, 60, 0, 'vpc', 'L-0EA8095F', VPC_PAGE],
  [AwsQuota.OUTBOUND_RULES_PER_SECURITY_GROUP, 'Inbound or outbound rules per security group', QuotaScope.SECURITY_GROUP, 60, 0, 'vpc', 'L-0EA8095F', VPC_PAGE],
  [AwsQuota.APPLICATION_LOAD_BALANCERS_PER_REGION, 'Application Load Balancers per Region', QuotaScope.REGION, 50, 0, 'elasticloadbalancing', 'L-53DA6B97', ALB_PAGE],
  [AwsQuota.NETWORK_LOAD_BALANCERS_PER_REGION, 'Network Load Balancers per Region', QuotaScope.REGION, 50, 0, 'elasticloadbalancing', 'L-69A177A2', NLB_PAGE],
  [AwsQuota.TARGET_GROUPS_PER_REGION, 'Target Groups per Region', QuotaScope.REGION, 3000, 0, 'elasticloadbalancing', 'L-B22855CB', ALB_PAGE],
  [AwsQuota.ECS_CLUSTERS_PER_REGION, 'Clusters per account', QuotaScope.REGION, 10000, 0, 'ecs', 'L-21C621EB', ECS_PAGE],
  [AwsQuota.ECS_SERVICES_PER_CLUSTER, 'Services per cluster', QuotaScope.CLUSTER, 5000, 0, 'ecs', 'L-9EF96962', ECS_PAGE],
  [AwsQuota.DEDICATED_HOSTS_PER_FAMILY, 'Running Dedicated <family> Hosts', QuotaScope.INSTANCE_FAMILY, 0, 0, 'ec2', '', EC2_HOSTS_PAGE],
];

/** Every quota the library counts, keyed by quota. */
export const QUOTA_TABLE: Record<AwsQuota, QuotaDefinition> = Object.fromEntries(ROWS.map(([quota, name, scope, defaultValue, baseline, serviceCode, quotaCode, source, raiseVia]) =>
  [quota, { quota, name, scope, defaultValue, baseline, serviceCode, quotaCode, source, checked: CHECKED, raiseVia }])) as Record<AwsQuota, QuotaDefinition>;

// "Running Dedicated <family> Hosts" quota codes (same page and date), for the families the instance
// catalog offers Dedicated Hosts for.
const DEDICATED_HOST_CODES: Record<string, string> = {
  c5: 'L-81657574', c6i: 'L-5FA3355A', m5: 'L-8B7BF662', m6i: 'L-D269BEFD', r5: 'L-EA4FD6CF', r6i: 'L-F13A970A',
};

/** The Service Quotas code of "Running Dedicated <family> Hosts", or undefined for a family not in the table. */
export function dedicatedHostQuotaCode(family: string): string | undefined {
  return DEDICATED_HOST_CODES[family];
}
