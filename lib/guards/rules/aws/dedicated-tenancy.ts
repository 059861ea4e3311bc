import { PlacementTier } from '../../../placement/boundary';
import { block, GuardRule, tagsOf } from '../../rule';
import { TAG, tenanciesAllowed } from '../../../labels';

/** The `isolation:tier` tag promises hardware exclusivity; the tenancy must deliver it. */
export const DEDICATED_TENANCY: GuardRule = {
  id: 'ISO-AWS-010',
  title: 'Instances of dedicated tiers run with dedicated or host tenancy',
  resourceTypes: ['aws_instance', 'aws_launch_template'],
  fix: 'set tenancy = "dedicated" for the dedicated-vm tier, and tenancy = "host" with host_id for the dedicated-host tier (the library\'s default; remove the override).',
  check: (config, resource) => {
    const tier = tagsOf(config)[TAG.tier];
    const allowed = tenanciesAllowed(tier);
    if (!allowed || tier === PlacementTier.VM) return undefined; // default tenancy promises nothing
    const placement = resource.type === 'aws_launch_template' ? block(config.placement) ?? {} : config;
    const tenancy = placement.tenancy ?? 'default';
    if (!allowed.includes(tenancy)) return `it is tagged ${TAG.tier} = ${tier} but runs with tenancy "${tenancy}", on hardware other accounts share.`;
    if (tier === PlacementTier.DEDICATED_HOST && !placement.host_id) return 'it is tagged for the dedicated-host tier but names no host_id, so it may land on any host of the account.';
    return undefined;
  },
};
