import { block, blocks, Config, GuardRule, isTrue, sentence } from '../../rule';

/** Volumes, each with a label for the message. */
function volumes(type: string, config: Config): Array<{ label: string; encrypted: unknown; key: unknown }> {
  if (type === 'aws_ebs_volume') return [{ label: 'the volume', encrypted: config.encrypted, key: config.kms_key_id }];
  if (type === 'aws_launch_template') {
    const mappings = blocks(config.block_device_mappings);
    // Without mappings the root volume takes the AMI's settings, unencrypted unless the snapshot is.
    if (mappings.length === 0) return [{ label: 'the root volume (no block_device_mappings: the AMI\'s default)', encrypted: undefined, key: undefined }];
    return mappings.filter((m) => block(m.ebs) !== undefined).map((m) => {
      const ebs = block(m.ebs)!;
      return { label: `block device ${m.device_name ?? '(unnamed)'}`, encrypted: ebs.encrypted, key: ebs.kms_key_id };
    });
  }
  // aws_instance: the root volume always exists, even without a root_block_device block.
  const root = block(config.root_block_device) ?? {};
  return [
    { label: 'the root volume', encrypted: root.encrypted, key: root.kms_key_id },
    ...blocks(config.ebs_block_device).map((d) => ({ label: `EBS volume ${d.device_name ?? '(unnamed)'}`, encrypted: d.encrypted, key: d.kms_key_id })),
  ];
}

/** Encrypted EBS; a tenant's volumes with a key of their own (DESIGN.md: the tenant's KMS key encrypts its volumes). */
export const ENCRYPTED_VOLUMES: GuardRule = {
  id: 'ISO-AWS-002',
  title: 'EBS volumes are encrypted, a tenant\'s with a customer-managed KMS key',
  resourceTypes: ['aws_instance', 'aws_launch_template', 'aws_ebs_volume'],
  fix: 'set encrypted = true and kms_key_id to the tenant\'s KMS key (the library\'s default; remove the override).',
  check: (config, resource) => {
    const tenant = resource.tenant;
    const problems: string[] = [];
    for (const v of volumes(resource.type, config)) {
      if (!isTrue(v.encrypted)) problems.push(`${v.label} is not encrypted`);
      else if (tenant !== undefined && (typeof v.key !== 'string' || v.key === '')) {
        problems.push(`${v.label} of tenant '${tenant}' is encrypted with the AWS-managed key, not a customer-managed one`);
      }
    }
    return sentence(problems);
  },
};
