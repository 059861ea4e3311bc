import { TerraformResource } from 'cdktf';

// What user code may grant and reference of a placed workload. Each handle carries the tokens users
// need and the resource itself; resources are typed as cdktf's TerraformResource so these declarations
// need no provider package (a Docker-only project has no @cdktf/provider-aws installed).

/**
 * An IAM role of a workload (AWS).
 */
export interface RoleHandle {
  /** The role's name (`aws_iam_role.name`): attach policies with `aws_iam_role_policy.role` or `aws_iam_role_policy_attachment.role`. */
  readonly roleName: string;
  /** The role's ARN (`aws_iam_role.arn`): the principal to name in bucket, key or queue policies. */
  readonly roleArn: string;
  /** The `aws_iam_role` (an `IamRole` of the AWS provider package). */
  readonly resource: TerraformResource;
}

/**
 * A workload's own security group (AWS).
 */
export interface SecurityGroupHandle {
  /** The group's id (`aws_security_group.id`): admit the workload to a database with `referenced_security_group_id`. */
  readonly securityGroupId: string;
  /** The VPC the group and the workload are in (`aws_security_group.vpc_id`): where a security group that admits it must be. */
  readonly vpcId: string;
  /** The `aws_security_group` (a `SecurityGroup` of the AWS provider package). */
  readonly resource: TerraformResource;
}

/**
 * A workload's own CloudWatch log group (AWS).
 */
export interface LogGroupHandle {
  /** The group's name (`aws_cloudwatch_log_group.name`), e.g. for a subscription or metric filter. */
  readonly logGroupName: string;
  /** The group's ARN (`aws_cloudwatch_log_group.arn`, without the `:*` suffix). */
  readonly logGroupArn: string;
  /** The `aws_cloudwatch_log_group` (a `CloudwatchLogGroup` of the AWS provider package). */
  readonly resource: TerraformResource;
}

/**
 * The KMS key that encrypts a workload's volumes and logs (AWS).
 */
export interface KeyHandle {
  /** The key's ARN (`aws_kms_key.arn`): for `kms_key_id` of resources the workload owns, and in IAM policies. */
  readonly keyArn: string;
  /** The key's id (`aws_kms_key.key_id`). */
  readonly keyId: string;
  /**
   * Whether other workloads use the key too: a DenseService's key is its target's, shared by the
   * target's DenseServices; an IsolatedTenant's key is its own.
   */
  readonly shared: boolean;
  /** The `aws_kms_key` (a `KmsKey` of the AWS provider package). */
  readonly resource: TerraformResource;
}

/**
 * The Docker network a workload's containers or Swarm service are attached to (Docker).
 */
export interface NetworkHandle {
  /** The network's name (`docker_network.name`): attach another container with `networks_advanced { name }`. */
  readonly networkName: string;
  /** The network's id (`docker_network.id`). */
  readonly networkId: string;
  /**
   * Whether other workloads are attached too: a DenseService's network is its co-tenancy group's,
   * shared by the group's DenseServices on the target; an IsolatedTenant's network is its own.
   */
  readonly shared: boolean;
  /** The `docker_network` (a `Network` of the Docker provider package). */
  readonly resource: TerraformResource;
}

/**
 * What a realization built that user code may grant and reference. A target fills what its tier has
 * and leaves the rest undefined; a new target adds its own kinds here (optional fields, so existing
 * targets are unaffected).
 */
export interface WorkloadHandles {
  /**
   * The role the workload's code runs as: on AWS the ECS task role (container tiers) or the instance
   * role (VM tiers, whose container reaches it through the instance metadata service).
   * @default - none (Docker)
   */
  readonly role?: RoleHandle;
  /**
   * The ECS task execution role: what ECS uses to pull the image, write the logs and read the secrets.
   * @default - none (VM tiers, Docker)
   */
  readonly executionRole?: RoleHandle;
  /**
   * The workload's own security group.
   * @default - none (Docker)
   */
  readonly securityGroup?: SecurityGroupHandle;
  /**
   * The workload's own log group.
   * @default - none (Docker: json-file logs on the engine)
   */
  readonly logGroup?: LogGroupHandle;
  /**
   * The key that encrypts the workload's volumes and logs.
   * @default - none (Docker)
   */
  readonly key?: KeyHandle;
  /**
   * The Docker network the workload is attached to.
   * @default - none (AWS: the security group is the workload's network boundary)
   */
  readonly network?: NetworkHandle;
}
