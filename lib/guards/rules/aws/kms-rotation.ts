import { GuardRule, isTrue } from '../../rule';

/** Automatic yearly rotation; AWS supports it for symmetric encryption keys only. */
export const KMS_ROTATION: GuardRule = {
  id: 'ISO-AWS-006',
  title: 'KMS keys rotate automatically',
  resourceTypes: ['aws_kms_key'],
  fix: 'set enable_key_rotation = true (the library\'s default; remove the override).',
  check: (config) => {
    const spec = config.customer_master_key_spec ?? 'SYMMETRIC_DEFAULT';
    const usage = config.key_usage ?? 'ENCRYPT_DECRYPT';
    if (spec !== 'SYMMETRIC_DEFAULT' || usage !== 'ENCRYPT_DECRYPT') return undefined;
    return isTrue(config.enable_key_rotation) ? undefined : 'enable_key_rotation is not true, so the key material never changes.';
  },
};
