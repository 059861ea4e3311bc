import { ITerraformDependable, TerraformProvider, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { DeliveredObject, ObjectRequest, ObjectSink } from './delivery';
import { KubeObject } from './objects';
import { terraformLiteral } from '../aws/user-data';

// The TERRAFORM delivery: one `kubernetes_manifest` resource per object, written as a plain cdktf
// TerraformResource of that type rather than through @cdktf/provider-kubernetes, whose binding is
// deprecated, 144 MB and pinned to one provider version, for a resource whose only attribute we set
// is `manifest`, a free-form object. The provider block is ours too (below), or the user's.

/** hashicorp/kubernetes: `kubernetes_manifest` without the experiments flag needs 2.8+; 2.x is what was checked. */
export const KUBERNETES_PROVIDER = { source: 'hashicorp/kubernetes', versionConstraint: '>= 2.8.0, < 3.0.0' };

/**
 * The hashicorp/kubernetes provider, configured from the environment: with no attributes it reads
 * `KUBE_CONFIG_PATH` (or `KUBE_CONFIG_PATHS`, `KUBE_CTX`, ... as the provider documents), so no
 * credential or kubeconfig path is ever written into the stack.
 */
export class KubernetesProvider extends TerraformProvider {
  private readonly providerAlias?: string;

  constructor(scope: Construct, id: string, alias: string) {
    super(scope, id, {
      terraformResourceType: 'kubernetes',
      terraformGeneratorMetadata: { providerName: 'kubernetes', providerVersionConstraint: KUBERNETES_PROVIDER.versionConstraint },
      terraformProviderSource: KUBERNETES_PROVIDER.source,
    });
    this.providerAlias = alias;
  }

  public get alias(): string | undefined {
    return this.providerAlias;
  }

  public set alias(_value: string | undefined) {
    // The alias is the target's, fixed at construction: every manifest already refers to it.
  }
}

/** A `kubernetes_manifest` whose manifest is produced at synth, escaped for Terraform once, here. */
export class KubernetesManifest extends TerraformResource {
  constructor(scope: Construct, id: string, private readonly produce: () => KubeObject, provider: TerraformProvider, dependsOn: ITerraformDependable[]) {
    super(scope, id, {
      terraformResourceType: 'kubernetes_manifest',
      terraformGeneratorMetadata: { providerName: 'kubernetes' },
      provider,
      dependsOn: dependsOn.length ? dependsOn : undefined,
    });
  }

  /** The object as Kubernetes receives it (before escaping for Terraform). */
  public get manifest(): KubeObject {
    return this.produce();
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { manifest: forTerraform(this.produce()) };
  }
}

/**
 * Every string of the object as a Terraform string literal: a user's value holding `${` or `%{` (an
 * environment value, a command argument) would otherwise be read as interpolation. The one place the
 * TERRAFORM delivery escapes; GITOPS YAML is never read by Terraform and is written as is.
 */
function forTerraform(value: unknown): unknown {
  if (typeof value === 'string') return terraformLiteral(value);
  if (Array.isArray(value)) return value.map(forTerraform);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forTerraform(v)]));
  }
  return value;
}

/** Objects as `kubernetes_manifest` resources of the target's provider. */
export class TerraformSink implements ObjectSink {
  constructor(private readonly provider: TerraformProvider) {}

  public write(r: ObjectRequest): DeliveredObject {
    const resource = new KubernetesManifest(r.scope, r.id, r.produce, this.provider,
      (r.dependsOn ?? []).map((d) => d.construct as KubernetesManifest));
    return { construct: resource };
  }
}
