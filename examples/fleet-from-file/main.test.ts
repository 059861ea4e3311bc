import { Testing } from 'cdktf';
import { FleetFromFileStack } from './main';
import { IsolationBoundary, PlacementTier } from '../../lib';

describe('examples/fleet-from-file', () => {
  const stack = new FleetFromFileStack(Testing.app(), 'fleet-from-file');
  const synth = Testing.synth(stack);
  const json = JSON.parse(synth);
  const resources = (type: string): any[] => Object.values(json.resource[type] ?? {});
  const tenants = stack.fleet.tenants;

  test('matches the snapshot', () => {
    expect(synth).toMatchSnapshot();
  });

  test('every tenant of tenants.yaml is placed where its needs say, on the real AwsTarget', () => {
    expect(Object.fromEntries(tenants.map((t) => [t.tenantId, t.placement.tier]))).toEqual({
      acme: PlacementTier.VM,
      globex: PlacementTier.DEDICATED_VM,
      initech: PlacementTier.DEDICATED_HOST,
      umbrella: PlacementTier.MICROVM_CONTAINER,
      hooli: PlacementTier.MICROVM_CONTAINER,
      // COST: priced, Fargate is cheaper than a tenant's own ECS pool (fewer endpoints, no idle instance).
      stark: PlacementTier.MICROVM_CONTAINER,
      wayne: PlacementTier.MICROVM_CONTAINER,
      wonka: PlacementTier.VM,
      tyrell: PlacementTier.VM,
      cyberdyne: PlacementTier.DEDICATED_VM,
      soylent: PlacementTier.SHARED_CONTAINER,
      oscorp: PlacementTier.MICROVM_CONTAINER,
      aperture: PlacementTier.DEDICATED_VM,
      nakatomi: PlacementTier.SHARED_CONTAINER,
    });
  });

  test('only the acknowledged pin sits below its required boundary, and its reason is kept', () => {
    const strength = (b: IsolationBoundary) => Object.values(IsolationBoundary).indexOf(b);
    const weaker = tenants.filter((t) => strength(t.placement.boundary) < strength(t.placement.requiredBoundary));
    expect(weaker.map((t) => t.tenantId)).toEqual(['soylent']);
    expect(stack.fleet.tenant('soylent').placement.reasons.join(' ')).toContain('approved in SEC-142');
    expect(stack.fleet.tenant('cyberdyne').placement.pinned).toBe(true);
  });

  test('every tenant has its own security group and KMS key in the one tenant network; dedicated tiers carry their tenancy', () => {
    expect(resources('aws_vpc')).toHaveLength(1);
    const groups = resources('aws_security_group').filter((g) => g.name === `tenant-${g.tags['isolation:tenant']}`).map((g) => g.tags['isolation:tenant']);
    expect(groups.sort()).toEqual(tenants.map((t) => t.tenantId).sort());
    // One per tenant, and the network's own (its flow log).
    expect(resources('aws_kms_key')).toHaveLength(tenants.length + 1);
    expect(resources('aws_kms_key').every((k) => k.enable_key_rotation === true)).toBe(true);
    const tenancy = (id: string) => resources('aws_instance').filter((i) => i.tags['isolation:tenant'] === id).map((i) => i.tenancy);
    expect(tenancy('globex')).toEqual(['dedicated']);
    expect(tenancy('initech')).toEqual(['host']);
    expect(resources('aws_ec2_host')).toHaveLength(1);
    for (const instance of resources('aws_instance')) {
      expect(instance.metadata_options).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 2 });
      expect(instance.key_name).toBeUndefined();
    }
  });

  test('plans without AWS: no data source lookups', () => {
    expect(json.data).toBeUndefined();
  });
});
