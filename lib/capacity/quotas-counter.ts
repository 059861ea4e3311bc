import { AwsQuota, QuotaUsage } from './quotas';

// Counts what a synthesized stack (the cdk.tf.json object) creates against each quota: pure, so it
// can run as a stack validation or aspect after synthesis, or over a file. Resources are matched to
// a region by their provider (`aws` or an alias such as `aws.eu`): pass every provider of the region,
// since two targets in one region share its quotas. References are read from
// Terraform's `${type.name.attr}` expressions; a zone that is itself an expression (a zone looked up
// at plan time) is counted under that expression, which names the same zone wherever it appears.

type Body = Record<string, unknown>;
type Resources = Record<string, Record<string, Body>>;

const REF = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[a-z_]+\}$/;

/** The `type.name` a whole-string reference points at, if it is one. */
function target(value: unknown): string | undefined {
  const m = typeof value === 'string' ? REF.exec(value) : null;
  return m ? `${m[1]}.${m[2]}` : undefined;
}

function tally(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function listLength(value: unknown): number | undefined {
  return Array.isArray(value) ? value.length : undefined;
}

/** Counts a synthesized stack's resources against the AWS quotas. */
export class QuotaCounter {
  /**
   * What the stack uses of every quota, per region, zone, VPC, security group, interface, cluster and family.
   * @param stackJson the synthesized stack (parsed cdk.tf.json, or Testing.synth's output parsed)
   * @param providers the providers whose resources count: those of every target in one region (`aws`, or alias references such as `aws.eu`)
   */
  public static count(stackJson: any, providers: string[] = ['aws']): QuotaUsage[] {
    const all: Resources = stackJson?.resource ?? {};
    const of = (type: string): Array<[string, Body]> => Object.entries(all[type] ?? {})
      .filter(([, body]) => providers.includes(String(body.provider ?? 'aws')))
      .map(([name, body]) => [`${type}.${name}`, body]);
    const counts = new Map<AwsQuota, Map<string, number>>();
    const add = (quota: AwsQuota, key: string, by = 1): void => {
      if (!counts.has(quota)) counts.set(quota, new Map());
      tally(counts.get(quota)!, key, by);
    };
    const region = (quota: AwsQuota, type: string, keep: (b: Body) => boolean = () => true): void => {
      add(quota, '', of(type).filter(([, b]) => keep(b)).length);
    };

    const vpcs = of('aws_vpc');
    region(AwsQuota.VPCS_PER_REGION, 'aws_vpc');
    region(AwsQuota.INTERNET_GATEWAYS_PER_REGION, 'aws_internet_gateway');
    region(AwsQuota.ELASTIC_IPS_PER_REGION, 'aws_eip');
    region(AwsQuota.TARGET_GROUPS_PER_REGION, 'aws_lb_target_group');
    region(AwsQuota.ECS_CLUSTERS_PER_REGION, 'aws_ecs_cluster');
    region(AwsQuota.APPLICATION_LOAD_BALANCERS_PER_REGION, 'aws_lb', (b) => (b.load_balancer_type ?? 'application') === 'application');
    region(AwsQuota.NETWORK_LOAD_BALANCERS_PER_REGION, 'aws_lb', (b) => b.load_balancer_type === 'network');
    region(AwsQuota.GATEWAY_ENDPOINTS_PER_REGION, 'aws_vpc_endpoint', (b) => b.vpc_endpoint_type === 'Gateway');
    // Each VPC brings its own default security group.
    add(AwsQuota.SECURITY_GROUPS_PER_REGION, '', of('aws_security_group').length + vpcs.length);

    const vpcKey = (b: Body): string => target(b.vpc_id) ?? String(b.vpc_id);
    for (const [, b] of of('aws_subnet')) add(AwsQuota.SUBNETS_PER_VPC, vpcKey(b));
    for (const [, b] of of('aws_vpc_endpoint')) {
      if (b.vpc_endpoint_type === 'Interface' || b.vpc_endpoint_type === 'GatewayLoadBalancer') add(AwsQuota.INTERFACE_ENDPOINTS_PER_VPC, vpcKey(b));
    }

    // NAT gateways per zone, through their subnet; a subnet not in the stack spreads them evenly over the zones seen.
    const zoneOfSubnet = new Map(of('aws_subnet').map(([address, b]) => [address, String(b.availability_zone ?? '')]));
    const zones = [...new Set(zoneOfSubnet.values())].filter((z) => z !== '').sort();
    let unknown = 0;
    for (const [, b] of of('aws_nat_gateway')) {
      const zone = zoneOfSubnet.get(target(b.subnet_id) ?? '');
      if (zone) add(AwsQuota.NAT_GATEWAYS_PER_ZONE, zone);
      else add(AwsQuota.NAT_GATEWAYS_PER_ZONE, zones.length ? zones[unknown++ % zones.length] : 'unknown zone');
    }

    // Rules per security group and direction: standalone rules, legacy aws_security_group_rule, inline blocks.
    const rule = (inbound: boolean, group: unknown, by = 1): void => {
      add(inbound ? AwsQuota.INBOUND_RULES_PER_SECURITY_GROUP : AwsQuota.OUTBOUND_RULES_PER_SECURITY_GROUP, target(group) ?? String(group), by);
    };
    for (const [, b] of of('aws_vpc_security_group_ingress_rule')) rule(true, b.security_group_id);
    for (const [, b] of of('aws_vpc_security_group_egress_rule')) rule(false, b.security_group_id);
    for (const [, b] of of('aws_security_group_rule')) rule(b.type === 'ingress', b.security_group_id, Math.max(1, listLength(b.cidr_blocks) ?? 1));
    for (const [address, b] of of('aws_security_group')) {
      for (const [field, inbound] of [['ingress', true], ['egress', false]] as const) {
        const blocks = Array.isArray(b[field]) ? b[field] as Body[] : [];
        const n = blocks.reduce((sum, block) => sum + Math.max(1, listLength(block.cidr_blocks) ?? 1), 0);
        if (n) rule(inbound, `\${${address}.id}`, n);
      }
    }

    // Security groups per interface: the groups each interface-owning resource attaches.
    const groupsOn: Array<[string, (b: Body) => unknown]> = [
      ['aws_instance', (b) => b.vpc_security_group_ids],
      ['aws_launch_template', (b) => b.vpc_security_group_ids ?? (b.network_interfaces as Body[] | undefined)?.[0]?.security_groups],
      ['aws_ecs_service', (b) => (b.network_configuration as Body | undefined)?.security_groups],
      ['aws_lb', (b) => b.security_groups],
      ['aws_vpc_endpoint', (b) => b.security_group_ids],
    ];
    for (const [type, groups] of groupsOn) {
      for (const [address, b] of of(type)) {
        const n = listLength(groups(b));
        if (n) add(AwsQuota.SECURITY_GROUPS_PER_INTERFACE, address, n);
      }
    }

    for (const [, b] of of('aws_ecs_service')) add(AwsQuota.ECS_SERVICES_PER_CLUSTER, target(b.cluster) ?? String(b.cluster));
    for (const [, b] of of('aws_ec2_host')) {
      add(AwsQuota.DEDICATED_HOSTS_PER_FAMILY, String(b.instance_family ?? String(b.instance_type ?? '').split('.')[0]));
    }

    const usages: QuotaUsage[] = [];
    for (const [quota, byKey] of counts) {
      for (const [key, count] of byKey) usages.push({ quota, key, count });
    }
    return usages.sort((a, b) => a.quota.localeCompare(b.quota) || a.key.localeCompare(b.key));
  }
}
