import { TAG, TIER_TENANCY, VM_METADATA_HOP_LIMIT } from '../../../labels';
import { block, GuardRule, sentence, tagsOf } from '../../rule';

/**
 * IMDSv2 only, and a token that cannot cross the extra network hop into a container (SSRF to
 * credentials). The one exception: an instance of a VM tier, which runs one container, the workload
 * the instance role belongs to, may answer it across Docker's bridge (hop limit 2, lib/labels.ts).
 */
export const IMDSV2_REQUIRED: GuardRule = {
  id: 'ISO-AWS-001',
  title: 'Instances and launch templates require IMDSv2 with hop limit 1 (2 on a VM tier\'s workload instance)',
  resourceTypes: ['aws_instance', 'aws_launch_template'],
  fix: 'set metadata_options { http_tokens = "required", http_put_response_hop_limit = 1 } (the library\'s default; remove the override).',
  check: (config, resource) => {
    const options = block(config.metadata_options);
    if (options?.http_endpoint === 'disabled') return undefined; // no metadata service at all
    const problems: string[] = [];
    const tokens = options?.http_tokens;
    if (tokens !== 'required') problems.push(`http_tokens is ${tokens === undefined ? 'not set' : JSON.stringify(tokens)}, so IMDSv1 answers without a session token`);
    const limit = Number(options?.http_put_response_hop_limit);
    const allowed = resource.type === 'aws_instance' && workloadInstance(config) ? VM_METADATA_HOP_LIMIT : 1;
    if (!(limit >= 1 && limit <= allowed)) {
      problems.push(`http_put_response_hop_limit is ${options?.http_put_response_hop_limit ?? 'not set'}, so containers on the instance can reach its credentials`);
    }
    return sentence(problems);
  },
};

/** A VM tier's instance of one tenant or service: its only container is that workload. */
function workloadInstance(config: Record<string, any>): boolean {
  const tags = tagsOf(config);
  return TIER_TENANCY[tags[TAG.tier]] !== undefined && (tags[TAG.tenant] !== undefined || tags[TAG.service] !== undefined);
}
