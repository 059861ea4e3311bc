// Every Terraform resource type the library emits, and how its bill covers it: priced by an item (the
// report's items name the type and how many units they price), billed by usage only (traffic or data the
// library cannot know at synth, said in the report), or free. A type the library starts emitting must be
// added here, or the bill test fails (test/report/bill.test.ts).
// Source: the AWS pricing pages of lib/capacity/prices/sources.ts, checked 2026-12; Docker and Kubernetes
// resources run on the user's own hosts and cluster.

/** How the bill covers a resource type. */
export enum Billing {
  /** A fixed hourly or monthly price: every unit is in exactly one cost item. */
  PRICED = 'priced',
  /** Charged only by usage (GB ingested or stored, requests, metrics): not estimated at synth. */
  USAGE = 'usage',
  /** No charge of its own. */
  FREE = 'free',
}

/** One resource type of the table. */
export interface ResourceBilling {
  readonly billing: Billing;
  /** What prices it (PRICED), what its usage is billed by (USAGE), or why it is free. */
  readonly by: string;
  /**
   * PRICED: the units one resource of the type is billed as, from its synthesized body (0 when that
   * resource is not billable, e.g. a gateway endpoint); the items' quantities of the type add up to them.
   */
  readonly units?: (body: Record<string, unknown>) => number;
}

const each = (): number => 1;
const free = (by: string): ResourceBilling => ({ billing: Billing.FREE, by });
const usage = (by: string): ResourceBilling => ({ billing: Billing.USAGE, by });

/** Keyed by Terraform resource type. */
export const RESOURCE_BILLING: { readonly [type: string]: ResourceBilling } = {
  aws_instance: { billing: Billing.PRICED, by: 'EC2 on demand per type (dedicated: +uplift; on a Dedicated Host: in the host\'s price) and its gp3 root volume', units: each },
  aws_ec2_host: { billing: Billing.PRICED, by: 'Dedicated Host hour per family (an estimate: 1.1 x the host\'s vCPUs on demand)', units: each },
  aws_autoscaling_group: { billing: Billing.PRICED, by: 'its planned instances on demand and their gp3 root volumes (a shared pool: its services\' shares and its slack)', units: each },
  aws_ecs_service: {
    billing: Billing.PRICED, by: 'Fargate vCPU-hours and GB-hours of its tasks (a service on EC2 capacity is priced by its pool)',
    units: (body) => (body.launch_type === 'FARGATE' ? 1 : 0),
  },
  aws_lb: { billing: Billing.PRICED, by: 'load balancer hour and capacity units (assumed), and a public IPv4 address per zone when internet-facing', units: each },
  aws_nat_gateway: { billing: Billing.PRICED, by: 'NAT gateway hour (data processed per GB: usage)', units: each },
  aws_eip: { billing: Billing.PRICED, by: 'public IPv4 address hour', units: each },
  aws_vpc_endpoint: {
    billing: Billing.PRICED, by: 'interface endpoint per zone-hour (data processed per GB: usage); gateway endpoints are free',
    units: (body) => (body.vpc_endpoint_type === 'Interface' ? (body.subnet_ids as unknown[] | undefined)?.length ?? 0 : 0),
  },
  aws_kms_key: { billing: Billing.PRICED, by: 'KMS key month (each rotation adds one after the first year: not estimated)', units: each },
  aws_cloudwatch_log_group: usage('CloudWatch Logs ingestion and storage per GB'),
  aws_flow_log: usage('ingestion of its records into its log group per GB'),
  aws_ecs_cluster: usage('Container Insights metrics; the cluster itself is free'),
  aws_s3_bucket: usage('storage and requests of the load balancer\'s access logs'),
  aws_appautoscaling_policy: free('configuration'),
  aws_appautoscaling_target: free('configuration'),
  aws_default_security_group: free('configuration'),
  aws_ecs_account_setting_default: free('configuration'),
  aws_ecs_capacity_provider: free('configuration (its instances are its auto scaling group\'s)'),
  aws_ecs_cluster_capacity_providers: free('configuration'),
  aws_ecs_task_definition: free('configuration'),
  aws_iam_instance_profile: free('IAM'),
  aws_iam_role: free('IAM'),
  aws_iam_role_policy: free('IAM'),
  aws_internet_gateway: free('no charge of its own (traffic through it is billed as data transfer: usage)'),
  aws_kms_alias: free('configuration'),
  aws_launch_template: free('configuration (its instances are its auto scaling group\'s)'),
  aws_lb_listener: free('configuration of its load balancer'),
  aws_lb_target_group: free('configuration of its load balancer'),
  aws_lb_target_group_attachment: free('configuration of its load balancer'),
  aws_route: free('configuration'),
  aws_route_table: free('configuration'),
  aws_route_table_association: free('configuration'),
  aws_s3_bucket_lifecycle_configuration: free('configuration of its bucket'),
  aws_s3_bucket_ownership_controls: free('configuration of its bucket'),
  aws_s3_bucket_policy: free('configuration of its bucket'),
  aws_s3_bucket_public_access_block: free('configuration of its bucket'),
  aws_s3_bucket_server_side_encryption_configuration: free('configuration of its bucket'),
  aws_security_group: free('configuration'),
  aws_subnet: free('configuration'),
  aws_vpc: free('no charge of its own'),
  aws_vpc_security_group_egress_rule: free('configuration'),
  aws_vpc_security_group_ingress_rule: free('configuration'),
  aws_wafv2_web_acl_association: free('the web ACL is the user\'s, priced with it'),
  docker_container: free('runs on the user\'s Docker hosts'),
  docker_image: free('runs on the user\'s Docker hosts'),
  docker_network: free('runs on the user\'s Docker hosts'),
  docker_service: free('runs on the user\'s Docker hosts'),
  kubernetes_manifest: free('an object on the user\'s cluster (the report shows what the workload reserves of it)'),
};
