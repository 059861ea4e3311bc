import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { loadFleetFile, RawTenant, schemaError, tenantLabel } from './fleet-file';
import { checkTenant } from './fleet-schema';
import { IsolatedTenant, IsolatedTenantOptions } from './isolated-tenant';
import { PlacementError } from '../placement-error';
import { IPlacementTarget } from '../targets/target';

/**
 * One tenant of a {@link TenantFleet}: the options of an {@link IsolatedTenant}, without the target.
 * A fleet file's entries have the same fields, with enum values written as their strings
 * (e.g. `coTenancy: hostile`, `pin: dedicated-vm`).
 */
export interface FleetTenant extends IsolatedTenantOptions {}

/**
 * Props of {@link TenantFleet}. Give `file`, `tenants`, or both.
 */
export interface TenantFleetProps {
  /** Where every tenant is realized: an `AwsTarget` or a `DockerTarget`. */
  readonly target: IPlacementTarget;
  /**
   * A YAML (`.yaml`, `.yml`) or JSON (`.json`) file whose top level is `tenants:`, a list of
   * {@link FleetTenant} entries. A relative path resolves against the process's working directory
   * (for `cdktf synth`, the directory of `cdktf.json`); `path.join(__dirname, 'tenants.yaml')` is
   * the robust choice. The file is checked against a schema: unknown or mistyped fields, a missing
   * `tenantId` or `workload`, duplicate ids and YAML syntax errors fail synth with the file, line,
   * tenant and field.
   * @default - no file
   */
  readonly file?: string;
  /**
   * Tenants declared in code. With `file` as well, the file's tenants come first, then these;
   * a `tenantId` may appear only once across both.
   * @default - no tenants in code
   */
  readonly tenants?: FleetTenant[];
}

/**
 * Many {@link IsolatedTenant}s from one file or list. Each tenant's construct id is its `tenantId`,
 * so adding, removing or reordering tenants leaves every other tenant's resources unchanged.
 */
export class TenantFleet extends Construct {
  /** The tenants, in file order, then code order. */
  public readonly tenants: IsolatedTenant[];

  constructor(scope: Construct, id: string, props: TenantFleetProps) {
    super(scope, id);
    const owner = this.node.path;
    if (!props || (props.file === undefined && props.tenants === undefined)) {
      throw new PlacementError(owner, 'TenantFleet has no tenants: neither file nor tenants is given.',
        "pass file: path.join(__dirname, 'tenants.yaml'), or tenants: [{ tenantId, workload }].");
    }
    const raw: RawTenant[] = props.file !== undefined ? loadFleetFile(owner, props.file) : [];
    if (props.tenants !== undefined && props.tenants !== null && !Array.isArray(props.tenants)) {
      throw new PlacementError(owner, `tenants must be a list of tenants, got ${JSON.stringify(props.tenants)}.`,
        "pass tenants: [{ tenantId: 'acme', workload: { ... } }].");
    }
    (props.tenants ?? []).forEach((value, index) => {
      const where = `${owner} ${tenantLabel(value, `tenants[${index}]`)}`;
      const problem = checkTenant(value);
      if (problem) throw schemaError(where, problem);
      raw.push({ value, where });
    });

    if (raw.length === 0) Annotations.of(this).addWarning(`TenantFleet ${owner} has no tenants (tenants: []): it deploys nothing.`);
    const seen = new Map<string, string>();
    for (const { value, where } of raw) {
      const tenantId = (value as FleetTenant).tenantId;
      const first = seen.get(tenantId);
      if (first !== undefined) {
        throw new PlacementError(where, `field 'tenantId': '${tenantId}' is already used by ${first}.`,
          'give every tenant of the fleet its own tenantId.');
      }
      seen.set(tenantId, where);
    }

    this.tenants = raw.map(({ value, where }) => {
      const tenant = value as FleetTenant;
      try {
        return new IsolatedTenant(this, tenant.tenantId, { ...tenant, target: props.target });
      } catch (e) {
        // Value errors come from NeedsValidation, the engine or the target, naming the construct
        // path; prefix the file, line and tenant so they can be found in the fleet file.
        if (e instanceof PlacementError) throw new PlacementError(`${where} at ${e.where}`, e.problem, e.fix);
        throw e;
      }
    });
  }

  /** The tenant with this id; a PlacementError naming the known ids if there is none. */
  public tenant(tenantId: string): IsolatedTenant {
    const found = this.tenants.find((t) => t.tenantId === tenantId);
    if (!found) {
      throw new PlacementError(this.node.path, `the fleet has no tenant '${tenantId}'.`,
        `use one of ${this.tenants.map((t) => `'${t.tenantId}'`).join(', ') || '(none: the fleet is empty)'}.`);
    }
    return found;
  }
}
