import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Annotations, TerraformStack } from 'cdktf';
import { Construct, IConstruct, IValidation } from 'constructs';
import { AwsQuotasProps, QuotaCheck, QuotaFinding } from '../../../capacity/quotas';
import { QuotaCounter } from '../../../capacity/quotas-counter';

// The quota check as a stack validation: one per stack and region (a child of the stack found by id,
// so two targets in one region are counted together and warned about once). It counts the stack's
// synthesized JSON, so it costs one extra resolution of the stack at synth; validations run before
// cdktf collects annotations, so its warnings reach the output, and with `enforce` its PlacementError
// stops the synth.

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
    this.findings = QuotaCheck.check(this.region, QuotaCounter.count(stack.toTerraform(), providers), this.quotas);
    if (this.quotas.enforce === true) QuotaCheck.enforce(this.node.path, this.findings);
    for (const finding of this.findings) Annotations.of(this).addWarning(finding.message);
    return [];
  }
}
