import { EC2_LARGE, ec2Hourly, FALLBACK_REGION, PRICED_REGIONS, PriceRow } from './prices/ec2';
import { SERVICE_PRICES, ServicePrices } from './prices/services';
import { PRICES_AS_OF } from './prices/sources';

/** The table a region is priced with. */
export interface PricedRegion {
  /** The region asked for. */
  readonly requested: string;
  /** The region whose table is used (the fallback when `requested` has none). */
  readonly region: string;
  readonly asOf: string;
  /** Set when the fallback table is used; the caller shows it. */
  readonly warning?: string;
}

/** Lookups in the dated price tables of lib/capacity/prices. Pure. */
export class PriceTables {
  public static regions(): string[] {
    return [...PRICED_REGIONS];
  }

  /** The table for a region, or the fallback region's with a warning. */
  public static resolve(region: string): PricedRegion {
    if ((PRICED_REGIONS as readonly string[]).includes(region)) return { requested: region, region, asOf: PRICES_AS_OF };
    return {
      requested: region, region: FALLBACK_REGION, asOf: PRICES_AS_OF,
      warning: `no price table for region '${region}': costs use the ${FALLBACK_REGION} prices (the documented fallback) and are indicative only. `
        + `Priced regions: ${PRICED_REGIONS.join(', ')}.`,
    };
  }

  public static services(region: string): ServicePrices {
    return SERVICE_PRICES[PriceTables.resolve(region).region];
  }

  /** On-demand Linux USD/hour of an instance type, or undefined when the tables lack its family or size. */
  public static instanceHourly(typeName: string, region: string): PriceRow | undefined {
    return ec2Hourly(typeName, PriceTables.resolve(region).region);
  }

  /**
   * USD/hour of one Dedicated Host of a family offering `hostVcpus` vCPUs: the host premium times the
   * on-demand rate of that many vCPUs of the family (an estimate, marked so). Undefined for an unpriced family.
   */
  public static hostHourly(family: string, hostVcpus: number, region: string): PriceRow | undefined {
    const priced = PriceTables.resolve(region).region;
    const large = EC2_LARGE[family]?.[priced];
    if (!large || hostVcpus <= 0) return undefined;
    const premium = SERVICE_PRICES[priced].hostPremium;
    return { usd: Math.round(premium.usd * (hostVcpus / 2) * large.usd * 1e4) / 1e4, source: premium.source };
  }
}
