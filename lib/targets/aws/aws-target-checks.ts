import { PlacementError } from '../../placement-error';
import { checkCidr } from '../ingress';
import type { AwsTargetProps } from './aws-target';

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const AMI = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;
const ACCOUNT = /^\d{12}$/;
// CloudWatch Logs' accepted retention values (PutRetentionPolicy), checked 2026-11.
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** Refuses AwsTarget props AWS would refuse at apply (or that would place nothing). */
export function checkProps(where: string, props: AwsTargetProps): void {
  if (!props || typeof props !== 'object') {
    throw new PlacementError(where, 'AwsTarget props are missing.', "pass { region: 'eu-central-1' }.");
  }
  if (typeof props.region !== 'string' || !REGION.test(props.region)) {
    throw new PlacementError(where, `region ${JSON.stringify(props.region)} is not an AWS region name.`, "use a region such as 'eu-central-1' or 'us-east-1'.");
  }
  const zones = props.availabilityZones;
  if (zones !== undefined) {
    if (!Array.isArray(zones) || zones.length === 0 || zones.length > 8) {
      throw new PlacementError(where, 'availabilityZones must list 1 to 8 zones.', `list zones of ${props.region}, e.g. ['${props.region}a', '${props.region}b'], or leave it out.`);
    }
    for (const zone of zones) {
      if (typeof zone !== 'string' || !new RegExp(`^${props.region}[a-z]$`).test(zone)) {
        throw new PlacementError(where, `availability zone ${JSON.stringify(zone)} is not a zone of ${props.region}.`, `use zone names such as '${props.region}a'.`);
      }
    }
    if (new Set(zones).size !== zones.length) {
      throw new PlacementError(where, 'availabilityZones lists a zone twice.', 'list each zone once.');
    }
  }
  for (const field of ['ami', 'ecsAmi'] as const) {
    const ami = props[field];
    if (ami !== undefined && (typeof ami !== 'string' || !AMI.test(ami))) {
      throw new PlacementError(where, `${field} ${JSON.stringify(ami)} is not an AMI id.`, "use an id such as 'ami-0123456789abcdef0', or leave it out to look it up.");
    }
  }
  if (props.accountId !== undefined && (typeof props.accountId !== 'string' || !ACCOUNT.test(props.accountId))) {
    throw new PlacementError(where, `accountId ${JSON.stringify(props.accountId)} is not a 12-digit AWS account id.`, "quote it as a string of 12 digits, e.g. '123456789012'.");
  }
  if (props.logRetentionDays !== undefined && !RETENTION_DAYS.includes(props.logRetentionDays)) {
    throw new PlacementError(where, `logRetentionDays ${props.logRetentionDays} is not a value CloudWatch Logs accepts.`, `use one of ${RETENTION_DAYS.join(', ')}.`);
  }
  // Removed (issue 21): the shared network and the region fee are now priced once, as the stack's shared items.
  if ((props as { expectedTenants?: unknown }).expectedTenants !== undefined) {
    throw new PlacementError(where, 'expectedTenants is no longer a prop: what tenants share (the tenant network, the Dedicated Instances region fee) '
      + 'is billed once, as the stack\'s shared items, instead of in shares of each tenant.', 'remove expectedTenants.');
  }
  for (const field of ['tenantNetworkCidr', 'dedicatedNetworkPool'] as const) {
    if (props[field] !== undefined) checkCidr(where, props[field], field);
  }
  const prefix = props.dedicatedNetworkPrefix;
  if (prefix !== undefined && (!Number.isInteger(prefix) || prefix < 16 || prefix > 23)) {
    throw new PlacementError(where, `dedicatedNetworkPrefix ${prefix} is not a VPC size the subnet layout fits.`, 'use a whole number from 16 to 23 (20 gives 4,096 addresses per tenant VPC).');
  }
  for (const [key, value] of Object.entries(props.defaultTags ?? {})) {
    if (typeof value !== 'string') {
      throw new PlacementError(where, `defaultTags.${key} must be a string.`, 'quote the tag value.');
    }
  }
}

/**
 * Refuses a Kubernetes Secret reference (`name/key`, which NeedsValidation accepts for the Kubernetes
 * target) in workload.secrets: ECS and the VM tiers read secrets by ARN only.
 */
export function requireSecretArns(where: string, secrets: Record<string, string> | undefined): void {
  for (const [name, value] of Object.entries(secrets ?? {})) {
    if (!value.startsWith('arn:') && !value.includes('${')) {
      throw new PlacementError(where, `workload.secrets.${name} is ${JSON.stringify(value)}, a Kubernetes Secret reference, and AWS reads secrets by ARN.`,
        "use 'arn:aws:ssm:<region>:<account>:parameter/<name>' or 'arn:aws:secretsmanager:<region>:<account>:secret:<name>'.");
    }
  }
}
