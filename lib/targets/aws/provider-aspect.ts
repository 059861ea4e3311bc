import { IAspect, TerraformDataSource, TerraformProvider, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Gives every resource and data source under the scopes it is added to the target's provider, unless
 * one is set: with several AwsTargets in a stack each provider is aliased, and a resource without one
 * would fall to a default provider that does not exist. cdktf's public `provider` property, set
 * before synthesis; the realizations then need not pass the provider to every constructor.
 */
export class ProviderAspect implements IAspect {
  constructor(private readonly provider: TerraformProvider) {}

  public visit(node: IConstruct): void {
    if ((node instanceof TerraformResource || node instanceof TerraformDataSource) && node.provider === undefined) {
      node.provider = this.provider;
    }
  }
}
