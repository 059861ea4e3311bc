import { Testing } from 'cdktf';
import { AwsSaasStack } from './main';
import { PlacementTier } from '../../lib';

describe('examples/aws-saas', () => {
  const app = Testing.app();
  const stack = new AwsSaasStack(app, 'aws-saas');
  const synth = Testing.synth(stack);
  const json = JSON.parse(synth);
  const resources = (type: string): any[] => Object.values(json.resource[type] ?? {});

  test('matches the snapshot', () => {
    expect(synth).toMatchSnapshot();
  });

  test('each tenant lands on the tier its needs call for, each service on shared capacity', () => {
    const tiers = Object.fromEntries(Object.entries<any>(json.output).filter(([k]) => k.includes('_tier_')).map(([k, v]) => [k.split('_')[0], v.value]));
    expect(tiers).toEqual({
      northwind: PlacementTier.DEDICATED_HOST,
      contoso: PlacementTier.MICROVM_CONTAINER,
      fabrikam: PlacementTier.VM,
      storefront: PlacementTier.SHARED_CONTAINER,
      reports: PlacementTier.SHARED_CONTAINER,
    });
  });

  test('plans without AWS: no data source lookups, no credentials', () => {
    expect(json.data).toBeUndefined();
    expect(synth).not.toMatch(/access_key|secret_key/);
  });

  test('key security attributes', () => {
    // The target's shared tenant network and the dense services' VPC, however many tenants.
    expect(resources('aws_vpc')).toHaveLength(2);
    expect(resources('aws_ec2_host').every((h) => h.auto_placement === 'off' && h.host_recovery === 'on')).toBe(true);
    for (const i of resources('aws_instance')) {
      expect(i.metadata_options.http_tokens).toBe('required');
      expect(i.root_block_device.encrypted).toBe(true);
    }
    expect(resources('aws_instance').map((i) => i.tenancy).sort()).toEqual(['default', 'host', 'host']);
    expect(resources('aws_kms_key').every((k) => k.enable_key_rotation === true)).toBe(true);
    const open = resources('aws_vpc_security_group_ingress_rule').filter((r) => r.cidr_ipv4 === '0.0.0.0/0');
    expect(open.map((r) => r.from_port).sort()).toEqual([443, 80]);
    expect(resources('aws_ecs_service').map((s) => s.name).sort()).toEqual(['contoso', 'reports', 'storefront']);
  });
});
