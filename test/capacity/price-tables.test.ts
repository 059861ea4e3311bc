import { InstanceCatalog } from '../../lib/capacity';
import { PriceTables } from '../../lib/capacity/price-tables';
import { SERVICE_PRICES } from '../../lib/capacity/prices/services';
import { PRICES_AS_OF } from '../../lib/capacity/prices/sources';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'];

describe('price tables', () => {
  test('the five required regions have a table, dated', () => {
    expect(PriceTables.regions()).toEqual(REGIONS);
    for (const region of REGIONS) expect(PriceTables.resolve(region)).toEqual({ requested: region, region, asOf: PRICES_AS_OF });
    expect(PRICES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test.each(REGIONS)('%s prices every catalogue type and every service, each row with a source and a confirmed flag', (region) => {
    for (const type of InstanceCatalog.all()) {
      const row = PriceTables.instanceHourly(type.name, region);
      expect(row?.usd).toBeGreaterThan(0);
      expect(typeof row!.source.confirmed).toBe('boolean');
      expect(row!.source.source.length).toBeGreaterThan(10);
      const hostVcpus = InstanceCatalog.hostVcpus(type.family);
      // A host costs more than any one instance that fits on it.
      if (hostVcpus >= type.vcpus) expect(PriceTables.hostHourly(type.family, hostVcpus, region)?.usd).toBeGreaterThan(type.hourlyUsd);
    }
    for (const [key, row] of Object.entries(SERVICE_PRICES[region])) {
      expect([key, row.usd > 0]).toEqual([key, true]);
      expect(typeof row.source.confirmed).toBe('boolean');
    }
  });

  test('us-east-1 list prices the issue names, and regions differ where AWS prices differ', () => {
    expect(PriceTables.instanceHourly('m5.large', 'us-east-1')).toMatchObject({ usd: 0.096, source: { confirmed: true } });
    expect(PriceTables.instanceHourly('m5.large', 'eu-west-1')).toMatchObject({ usd: 0.107, source: { confirmed: false } });
    expect(PriceTables.instanceHourly('c5.9xlarge', 'us-east-1')!.usd).toBe(1.53);
    expect(PriceTables.instanceHourly('t3a.nano', 'us-east-1')!.usd).toBe(0.0047);
    expect(PriceTables.instanceHourly('m7i.xlarge', 'us-east-1')!.usd).toBe(0.2016);
    expect(PriceTables.instanceHourly('m7i.large', 'eu-west-1')!.source).toMatchObject({ estimate: true, confirmed: false, source: expect.stringMatching(/^7th-generation rate outside us-east-1/) });
    const us = PriceTables.services('us-east-1');
    expect([us.fargateX86VcpuHour.usd, us.fargateX86GbHour.usd, us.fargateArmVcpuHour.usd, us.fargateArmGbHour.usd]).toEqual([0.04048, 0.004445, 0.03238, 0.00356]);
    expect([us.kmsKeyMonth.usd, us.ipv4Hour.usd, us.dedicatedRegionFeeHour.usd]).toEqual([1, 0.005, 2]);
    expect(PriceTables.hostHourly('m5', 96, 'us-east-1')!.usd).toBe(5.0688); // AWS lists $5.069
    expect(PriceTables.hostHourly('r5', 96, 'us-east-1')!.usd).toBe(6.6528); // AWS lists $6.653
  });

  test('a region without a table gets the fallback prices and a warning naming both', () => {
    const resolved = PriceTables.resolve('sa-east-1');
    expect(resolved.region).toBe('us-east-1');
    expect(resolved.warning).toMatch(/no price table for region 'sa-east-1': costs use the us-east-1 prices \(the documented fallback\)/);
    expect(PriceTables.instanceHourly('m5.large', 'sa-east-1')!.usd).toBe(0.096);
    expect(PriceTables.instanceHourly('x9.large', 'us-east-1')).toBeUndefined();
  });
});
