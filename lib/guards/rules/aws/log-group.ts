import { GuardRule, sentence } from '../../rule';

/** Logs neither kept forever nor readable without the workload's key. */
export const LOG_GROUP_RETENTION_AND_KEY: GuardRule = {
  id: 'ISO-AWS-007',
  title: 'CloudWatch log groups have a retention and a KMS key',
  resourceTypes: ['aws_cloudwatch_log_group'],
  fix: 'set retention_in_days (AwsTarget logRetentionDays, default 90) and kms_key_id to the workload\'s KMS key.',
  check: (config) => {
    const problems: string[] = [];
    const days = config.retention_in_days;
    if (days === undefined || days === null || Number(days) === 0) problems.push('retention_in_days is not set, so logs are kept forever');
    if (typeof config.kms_key_id !== 'string' || config.kms_key_id === '') problems.push('kms_key_id is not set, so logs are encrypted with a key CloudWatch shares across accounts');
    return sentence(problems);
  },
};
