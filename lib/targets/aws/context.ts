import type { TerraformProvider } from 'cdktf';
import { TAG } from '../../labels';
import { PlacementError } from '../../placement-error';
import { ResolvedIngress, resolveIngress } from '../ingress';
import { IngressRule } from '../target';
import { PlacementTier } from '../../placement/boundary';

/**
 * What every AWS realization needs from its target, with each token read once
 * (every attribute read creates a token, and cdktf captures a full stack trace per token).
 */
export interface AwsEnv {
  readonly region: string;
  /** 'aws', 'aws-cn' or 'aws-us-gov'. */
  readonly partition: string;
  /** The account id, or a token of aws_caller_identity. */
  readonly accountId: string;
  /** Availability zone names (tokens when looked up). */
  readonly availabilityZones: string[];
  /** Amazon Linux 2023 AMI for the VM tiers (a token when looked up). */
  readonly ami: string;
  /** ECS-optimized Amazon Linux 2023 AMI for shared container capacity (a token when looked up). */
  readonly ecsAmi: string;
  /** CloudWatch Logs retention in days. */
  readonly logRetentionDays: number;
  /**
   * The target's provider, for the few resources created outside the scopes its provider aspect
   * covers (the per-region account setting at stack level).
   */
  readonly provider?: TerraformProvider;
}

/** Tags every resource of one workload carries. */
export function workloadTags(kind: 'tenant' | 'service', name: string, tier: PlacementTier | string): Record<string, string> {
  return { [TAG[kind]]: name, [TAG.tier]: tier };
}

/** The tags plus a Name. */
export function named(tags: Record<string, string>, name: string): Record<string, string> {
  return { ...tags, Name: name };
}

/** The rule's tags: the workload's, plus the public marker when the source is anywhere. */
export function ingressTags(tags: Record<string, string>, cidr: string, port: number): Record<string, string> {
  return cidr === '0.0.0.0/0' ? { ...tags, [TAG.publicPorts]: String(port) } : tags;
}

/**
 * A workload's declared ingress on AWS, resolved, with SSH refused: instances have no key pair and
 * are reached with Session Manager. Tenants' and services' security groups both start from it.
 */
export function awsIngress(where: string, ingress: IngressRule[] | undefined, port: number | undefined): ResolvedIngress[] {
  const rules = resolveIngress(where, ingress, port);
  if (rules.some((rule) => rule.port === 22)) {
    throw new PlacementError(where, 'ingress on port 22 (SSH) is refused: instances have no key pair and no SSH.',
      'reach instances with AWS Systems Manager Session Manager (aws ssm start-session), or use another port for the workload.');
  }
  return rules;
}
