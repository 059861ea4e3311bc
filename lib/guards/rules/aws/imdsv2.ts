import { block, GuardRule, sentence } from '../../rule';

/** IMDSv2 only, and a token that cannot cross the extra network hop into a container (SSRF to credentials). */
export const IMDSV2_REQUIRED: GuardRule = {
  id: 'ISO-AWS-001',
  title: 'Instances and launch templates require IMDSv2 with hop limit 1',
  resourceTypes: ['aws_instance', 'aws_launch_template'],
  fix: 'set metadata_options { http_tokens = "required", http_put_response_hop_limit = 1 } (the library\'s default; remove the override).',
  check: (config) => {
    const options = block(config.metadata_options);
    if (options?.http_endpoint === 'disabled') return undefined; // no metadata service at all
    const problems: string[] = [];
    const tokens = options?.http_tokens;
    if (tokens !== 'required') problems.push(`http_tokens is ${tokens === undefined ? 'not set' : JSON.stringify(tokens)}, so IMDSv1 answers without a session token`);
    if (Number(options?.http_put_response_hop_limit) !== 1) problems.push(`http_put_response_hop_limit is ${options?.http_put_response_hop_limit ?? 'not set'}, so containers on the instance can reach its credentials`);
    return sentence(problems);
  },
};
