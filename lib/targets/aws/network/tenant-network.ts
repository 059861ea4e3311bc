import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { CidrPool, DEFAULT_SHARED_CIDR, MAX_ZONES, parseCidr, SMALLEST_NETWORK_PREFIX, subnetCidr, SubnetKind, tenantSubnetsCidr } from './cidr-pool';
import { createFlowLog } from './flow-log';
import type { NetworkCost } from '../../../capacity/cost-inputs';
import { PlacementError } from '../../../placement-error';
import { Network } from '../boundary';
import { AwsEnv, named } from '../context';
import { s3EndpointPolicy } from '../policies';

/** Props of {@link TenantNetwork}. */
export interface TenantNetworkProps {
  readonly env: AwsEnv;
  /** The stack's id: account-global names (flow log group, key alias, role) carry it. */
  readonly stack: string;
  /** The network's name, unique in the stack (the target's id, or the tenant id of a dedicated network). */
  readonly name: string;
  /** Tags of every resource (a Name is added per resource). */
  readonly tags: Record<string, string>;
  /** The VPC's CIDR, laid out as in cidr-pool.ts. @default DEFAULT_SHARED_CIDR */
  readonly cidr?: string;
  /** Interface endpoint services to create up front (more with {@link TenantNetwork.addEndpoints}), e.g. `ecr.api`. @default none */
  readonly endpoints?: string[];
}

/**
 * The tenant network of one AwsTarget (or one dedicated tenant): a VPC with isolated, egress and
 * public subnets in every zone, shared interface endpoints in the isolated subnets behind one
 * endpoint security group, the S3 gateway endpoint (restricted policy) on the isolated route table
 * (with egress, a second, unrestricted one on the egress route tables: gateway endpoints are free,
 * and tenants that may reach any host should reach any bucket without NAT data charges), a flow log of all traffic into a key-encrypted log group, and the default security
 * group emptied. What costs money or quota appears only when asked for: the internet gateway with
 * {@link enableInternet} (internet-facing load balancers, NAT), one NAT gateway and Elastic IP per
 * zone with {@link enableEgress}, each interface endpoint with {@link addEndpoints}. All three are
 * idempotent and create their resources at once, so the order of tenants does not matter.
 */
export class TenantNetwork extends Construct {
  /** A dedicated tenant network: the same shape in the tenant's own VPC, its CIDR claimed from the pool. Never peered. */
  public static dedicated(scope: Construct, id: string, props: TenantNetworkProps, pool: CidrPool, tenantId: string): TenantNetwork {
    return new TenantNetwork(scope, id, { ...props, cidr: props.cidr ? pool.reserve(tenantId, props.cidr) : pool.claim(tenantId) });
  }

  public readonly vpcId: string;
  public readonly cidr: string;
  /** Zone names (tokens when looked up), in subnet order. */
  public readonly availabilityZones: string[];
  public readonly isolatedSubnetIds: string[];
  public readonly egressSubnetIds: string[];
  public readonly publicSubnetIds: string[];
  /** The isolated and egress subnets together (one CIDR, the VPC's first half): where tenants run. */
  public readonly tenantSubnetsCidr: string;
  /** Admits tcp/443 from {@link tenantSubnetsCidr}; tenants' egress rules reference it. */
  public readonly endpointSecurityGroupId: string;
  /** The S3 gateway endpoint's prefix list (`pl-...`): tenants without egress may reach it on tcp/443. */
  public readonly s3PrefixListId: string;
  public readonly flowLogGroupName: string;
  /** The network's own key (flow log group). */
  public readonly keyArn: string;
  private readonly env: AwsEnv;
  private readonly tags: Record<string, string>;
  private readonly name: string;
  private readonly publicRoutesId: string;
  private readonly egressRouteIds: string[];
  private readonly endpoints = new Map<string, VpcEndpoint>();
  private readonly egressRoutes: Route[] = [];
  private internetGateway?: InternetGateway;
  private egress = false;

  constructor(scope: Construct, id: string, props: TenantNetworkProps) {
    super(scope, id);
    const where = this.node.path;
    const env = props.env;
    this.env = env;
    this.name = props.name;
    this.tags = props.tags;
    this.cidr = props.cidr ?? DEFAULT_SHARED_CIDR;
    const block = parseCidr(where, this.cidr);
    if (block.prefix < 16 || block.prefix > SMALLEST_NETWORK_PREFIX) {
      throw new PlacementError(where, `a tenant network of ${this.cidr} cannot be a VPC with 3 kinds x ${MAX_ZONES} zones of subnets.`,
        `use a /16 to /${SMALLEST_NETWORK_PREFIX} (AWS allows /16 to /28 VPCs, and each subnet must be at least a /28).`);
    }
    const azs = env.availabilityZones;
    if (azs.length > MAX_ZONES) {
      throw new PlacementError(where, `${azs.length} availability zones do not fit the subnet layout (at most ${MAX_ZONES}).`, `list at most ${MAX_ZONES} zones.`);
    }
    this.availabilityZones = azs;
    const name = props.name;
    const vpc = new Vpc(this, 'vpc', { cidrBlock: this.cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: named(this.tags, name) });
    const vpcId = vpc.id;
    this.vpcId = vpcId;
    // The VPC's default security group, emptied: nothing may fall back to it.
    new DefaultSecurityGroup(this, 'default-sg', { vpcId, tags: named(this.tags, `${name}-default-unused`) });

    const isolatedRoutes = new RouteTable(this, 'isolated-routes', { vpcId, tags: named(this.tags, `${name}-isolated`) });
    const isolatedRoutesId = isolatedRoutes.id;
    this.publicRoutesId = new RouteTable(this, 'public-routes', { vpcId, tags: named(this.tags, `${name}-public`) }).id;
    // One egress route table per zone: each zone's NAT gateway serves its own zone.
    this.egressRouteIds = azs.map((_, i) => new RouteTable(this, `egress-routes-${i + 1}`, { vpcId, tags: named(this.tags, `${name}-egress-${i + 1}`) }).id);
    const subnets = (kind: SubnetKind, routeTableIds: (i: number) => string): string[] => azs.map((az, i) => {
      const subnet = new Subnet(this, `${kind}-${i + 1}`, {
        vpcId, availabilityZone: az, cidrBlock: subnetCidr(this.cidr, kind, i), mapPublicIpOnLaunch: false,
        tags: named({ ...this.tags, 'isolation:subnet': kind }, `${name}-${kind}-${i + 1}`),
      });
      const subnetId = subnet.id;
      new RouteTableAssociation(this, `${kind}-${i + 1}-routes`, { subnetId, routeTableId: routeTableIds(i) });
      return subnetId;
    });
    this.isolatedSubnetIds = subnets(SubnetKind.ISOLATED, () => isolatedRoutesId);
    this.egressSubnetIds = subnets(SubnetKind.EGRESS, (i) => this.egressRouteIds[i]);
    this.publicSubnetIds = subnets(SubnetKind.PUBLIC, () => this.publicRoutesId);

    this.tenantSubnetsCidr = tenantSubnetsCidr(this.cidr);
    const endpointSg = new SecurityGroup(this, 'endpoints-sg', {
      vpcId, name: `${name}-endpoints`, description: `Interface endpoints of ${name}: HTTPS from the tenant subnets only`,
      tags: named(this.tags, `${name}-endpoints`),
    });
    this.endpointSecurityGroupId = endpointSg.id;
    // One CIDR rule, not one rule per tenant group: a group holds at most 60 rules, a fleet has hundreds of tenants.
    new VpcSecurityGroupIngressRule(this, 'endpoints-https', {
      securityGroupId: this.endpointSecurityGroupId, cidrIpv4: this.tenantSubnetsCidr, ipProtocol: 'tcp', fromPort: 443, toPort: 443,
      description: 'HTTPS from the isolated and egress subnets', tags: this.tags,
    });
    const s3 = new VpcEndpoint(this, 'endpoint-s3', {
      vpcId, serviceName: `com.amazonaws.${env.region}.s3`, vpcEndpointType: 'Gateway', routeTableIds: [isolatedRoutesId],
      policy: s3EndpointPolicy(env.partition, env.region, env.accountId), tags: named(this.tags, `${name}-s3`),
    });
    this.s3PrefixListId = s3.prefixListId;
    const flowLog = createFlowLog(this, env, { stack: props.stack, name, vpcId, tags: this.tags });
    this.flowLogGroupName = flowLog.logGroupName;
    this.keyArn = flowLog.keyArn;
    this.addEndpoints(props.endpoints ?? []);
  }

  /** Creates the interface endpoints not yet there (e.g. `['ssm', 'ecr.api']`), in the isolated subnets of every zone. */
  public addEndpoints(services: string[]): void {
    for (const service of services) {
      if (this.endpoints.has(service)) continue;
      if (!/^[a-z0-9][a-z0-9.-]*$/.test(service)) {
        throw new PlacementError(this.node.path, `${JSON.stringify(service)} is not an interface endpoint service name.`, "use the service part of com.amazonaws.<region>.<service>, e.g. 'ecr.api'.");
      }
      this.endpoints.set(service, new VpcEndpoint(this, `endpoint-${service.replace(/\./g, '-')}`, {
        vpcId: this.vpcId, serviceName: `com.amazonaws.${this.env.region}.${service}`, vpcEndpointType: 'Interface', privateDnsEnabled: true,
        subnetIds: this.isolatedSubnetIds, securityGroupIds: [this.endpointSecurityGroupId], tags: named(this.tags, `${this.name}-${service}`),
      }));
    }
  }

  /** The interface endpoint services the network has, sorted. */
  public get endpointServices(): string[] {
    return [...this.endpoints.keys()].sort();
  }

  /** What the network is billed for as it is now: its interface endpoints in every zone, a NAT gateway and address per zone with egress, its flow log's key. */
  public costInputs(): NetworkCost {
    const zones = this.availabilityZones.length;
    return {
      zones, interfaceEndpoints: this.endpoints.size, kmsKeys: 1,
      natGateways: this.egress ? zones : 0, publicIpv4Addresses: this.egress ? zones : 0,
    };
  }

  /** Whether {@link enableEgress} was called. */
  public get egressEnabled(): boolean {
    return this.egress;
  }

  /** The internet gateway and the public subnets' default route to it (for internet-facing load balancers and NAT). */
  public enableInternet(): void {
    if (this.internetGateway) return;
    this.internetGateway = new InternetGateway(this, 'igw', { vpcId: this.vpcId, tags: named(this.tags, this.name) });
    new Route(this, 'public-default', { routeTableId: this.publicRoutesId, destinationCidrBlock: '0.0.0.0/0', gatewayId: this.internetGateway.id });
  }

  /** One NAT gateway (and Elastic IP) per zone in its public subnet, and each egress route table's default route to its zone's NAT. */
  public enableEgress(): void {
    if (this.egress) return;
    this.egress = true;
    this.enableInternet();
    const igw = this.internetGateway!;
    this.availabilityZones.forEach((_, i) => {
      const eip = new Eip(this, `nat-ip-${i + 1}`, { domain: 'vpc', tags: named(this.tags, `${this.name}-nat-${i + 1}`) });
      const nat = new NatGateway(this, `nat-${i + 1}`, {
        allocationId: eip.allocationId, subnetId: this.publicSubnetIds[i], tags: named(this.tags, `${this.name}-nat-${i + 1}`), dependsOn: [igw],
      });
      this.egressRoutes.push(new Route(this, `egress-default-${i + 1}`, { routeTableId: this.egressRouteIds[i], destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id }));
    });
    new VpcEndpoint(this, 'endpoint-s3-egress', {
      vpcId: this.vpcId, serviceName: `com.amazonaws.${this.env.region}.s3`, vpcEndpointType: 'Gateway', routeTableIds: this.egressRouteIds,
      tags: named(this.tags, `${this.name}-s3-egress`),
    });
  }

  /** The subnets a tenant runs in: egress subnets when it declared egress (and egress is then enabled), else isolated. */
  public subnetsFor(egress: boolean): string[] {
    if (egress) {
      this.enableEgress();
      return this.egressSubnetIds;
    }
    return this.isolatedSubnetIds;
  }

  /**
   * The network as the tiers and createLoadBalancer see it today (boundary.ts `Network`): the tenant's
   * subnets as private ones, and the public subnets once the internet gateway exists (an
   * internet-facing load balancer calls {@link enableInternet} first).
   */
  public asNetwork(egress: boolean, services?: string[]): Network {
    const privateSubnetIds = this.subnetsFor(egress);
    // What boot waits for: the NAT routes with egress, else the endpoints the tenant's tier needs (all, unless named).
    const readiness: ITerraformDependable[] = egress ? [...this.egressRoutes]
      : (services ?? this.endpointServices).map((service) => this.endpoints.get(service)).filter((e): e is VpcEndpoint => e !== undefined);
    const note = egress
      ? `egress: the shared network's egress subnets, one NAT gateway per zone (${this.availabilityZones.length}).`
      : `no egress: isolated subnets with no route out; tcp/443 to the shared endpoints (${[...this.endpointServices, 's3'].join(', ')}) only, so images must come from ECR in ${this.env.region}.`;
    return {
      vpcId: this.vpcId, cidr: this.cidr, privateSubnetIds, publicSubnetIds: this.internetGateway ? this.publicSubnetIds : [],
      availabilityZones: this.availabilityZones, note, readiness,
    };
  }
}
