import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Annotations, DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { Construct, IConstruct, IValidation } from 'constructs';
import { AwsQuotasProps, QuotaCheck, QuotaFinding } from '../../../capacity/quotas';
import { QuotaCounter } from '../../../capacity/quotas-counter';

// The quota check as a stack validation: one per stack and region (a child of the stack found by id,
// so two targets in one region are counted together and warned about once). Validations run before
// cdktf collects annotations, so its warnings reach the output, and with `enforce` its PlacementError
// stops the synth. It counts a sparse view of the stack: only the resource types and fields
// QuotaCounter reads are resolved, not the whole stack (a full second resolution cost about a third
// of the synth of a 100-tenant stack).

/** The fields QuotaCounter reads, per resource type it counts (besides `provider`). */
const COUNTED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  aws_vpc: [],
  aws_internet_gateway: [],
  aws_eip: [],
  aws_lb_target_group: [],
  aws_ecs_cluster: [],
  aws_lb: ['load_balancer_type', 'security_groups'],
  aws_vpc_endpoint: ['vpc_endpoint_type', 'vpc_id', 'security_group_ids'],
  aws_security_group: ['ingress', 'egress'],
  aws_subnet: ['vpc_id', 'availability_zone'],
  aws_nat_gateway: ['subnet_id'],
  aws_vpc_security_group_ingress_rule: ['security_group_id'],
  aws_vpc_security_group_egress_rule: ['security_group_id'],
  aws_security_group_rule: ['type', 'security_group_id', 'cidr_blocks'],
  aws_instance: ['vpc_security_group_ids'],
  aws_launch_template: ['vpc_security_group_ids', 'network_interfaces'],
  aws_ecs_service: ['network_configuration', 'cluster'],
  aws_ec2_host: ['instance_family', 'instance_type'],
};

/**
 * The stack as QuotaCounter reads it (`{ resource: { type: { name: body } } }`), with only the counted
 * types and fields resolved. A test holds it equal, for the counter, to the fully synthesized stack.
 */
export function quotaView(stack: TerraformStack): { resource: Record<string, Record<string, Record<string, unknown>>> } {
  const resource: Record<string, Record<string, Record<string, unknown>>> = {};
  const resolver = new DefaultTokenResolver(new StringConcat());
  const resolve = (value: unknown): unknown => Tokenization.resolve(value, { scope: stack, resolver, preparing: false });
  for (const c of stack.node.findAll()) {
    if (!TerraformResource.isTerraformResource(c)) continue;
    const fields = COUNTED_FIELDS[c.terraformResourceType];
    if (fields === undefined) continue;
    const byName = c.toTerraform().resource?.[c.terraformResourceType] as Record<string, Record<string, unknown>> | undefined;
    for (const [name, body] of Object.entries(byName ?? {})) {
      const picked: Record<string, unknown> = {};
      for (const field of ['provider', ...fields]) {
        if (body[field] !== undefined) picked[field] = resolve(body[field]);
      }
      (resource[c.terraformResourceType] ??= {})[name] = picked;
    }
  }
  return { resource };
}

/** Checks the resources of every AWS provider of one region in a stack against the account's quotas. */
export class QuotaValidation extends Construct implements IValidation {
  /** The check of `region` in the stack of `scope`, created on first use with the quotas of the first target that asks. */
  public static ensure(scope: IConstruct, region: string, quotas: AwsQuotasProps = {}): QuotaValidation {
    const stack = TerraformStack.of(scope);
    const id = `quota-check-${region}`;
    return (stack.node.tryFindChild(id) as QuotaValidation | undefined) ?? new QuotaValidation(stack, id, region, quotas);
  }

  /** The findings of the last validation (for the placement report). */
  public findings: QuotaFinding[] = [];
  private readonly region: string;
  private readonly quotas: AwsQuotasProps;

  private constructor(stack: TerraformStack, id: string, region: string, quotas: AwsQuotasProps) {
    super(stack, id);
    QuotaCheck.validate(this.node.path, quotas);
    this.region = region;
    this.quotas = quotas;
    this.node.addValidation(this);
  }

  public validate(): string[] {
    const stack = TerraformStack.of(this);
    const providers = stack.node.findAll().filter((c): c is AwsProvider => c instanceof AwsProvider && c.region === this.region)
      // As resources name them (`fqn` is a token, not this text).
      .map((p) => (p.alias === undefined ? 'aws' : `aws.${p.alias}`));
    this.findings = QuotaCheck.check(this.region, QuotaCounter.count(quotaView(stack), providers), this.quotas);
    if (this.quotas.enforce === true) QuotaCheck.enforce(this.node.path, this.findings);
    for (const finding of this.findings) Annotations.of(this).addWarning(finding.message);
    return [];
  }
}
