import { GuardRule } from '../../rule';

/** No SSH key pair: instances are reached through Session Manager, which is audited and needs no open port. */
export const NO_KEY_PAIR: GuardRule = {
  id: 'ISO-AWS-003',
  title: 'Instances and launch templates have no SSH key pair',
  resourceTypes: ['aws_instance', 'aws_launch_template', 'aws_spot_instance_request'],
  fix: 'remove key_name and reach instances with AWS Systems Manager Session Manager (aws ssm start-session).',
  check: (config) => (typeof config.key_name === 'string' && config.key_name !== ''
    ? `key_name ${JSON.stringify(config.key_name)} installs an SSH key pair.` : undefined),
};
