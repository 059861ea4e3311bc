/**
 * A container health check.
 */
export interface HealthCheck {
  /**
   * The check, in Docker's form: `["CMD", "curl", "-f", "http://localhost/"]` or `["CMD-SHELL", "..."]`.
   */
  readonly command: string[];
  /**
   * Seconds between checks.
   * @default 30
   */
  readonly intervalSeconds?: number;
  /**
   * Seconds before a check counts as failed.
   * @default 5
   */
  readonly timeoutSeconds?: number;
  /**
   * Consecutive failures before the container is unhealthy.
   * @default 3
   */
  readonly retries?: number;
  /**
   * Grace period after start during which failures do not count.
   * @default 0
   */
  readonly startPeriodSeconds?: number;
}

/**
 * What runs: one container image and the resources one replica needs.
 */
export interface WorkloadSpec {
  /** The container image reference, e.g. `public.ecr.aws/nginx/nginx:1.27`. */
  readonly image: string;
  /** vCPUs one replica needs (may be fractional, e.g. 0.25); at least 0.01 on every target. */
  readonly cpu: number;
  /** Memory one replica needs, in whole MiB; at least 6 on every target (Docker's and ECS's minimum). */
  readonly memoryMiB: number;
  /**
   * The TCP port the container listens on.
   * @default - no port is exposed
   */
  readonly port?: number;
  /**
   * How many replicas run: at most 5,000 (ECS's tasks per service, the ceiling on every target);
   * more than 100 on a VM tier (one EC2 instance each) is a warning.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Overrides the image's command.
   * @default - the image's own command
   */
  readonly command?: string[];
  /**
   * Plain (non-secret) environment variables. Each value on one line: a line break or NUL is refused
   * (in a VM's env file it would start another variable). On the VM tiers the variables are written into
   * the user data, which EC2 limits to 16 KB.
   * @default - none
   */
  readonly environment?: { [name: string]: string };
  /**
   * Secret environment variables: variable name to where the secret is. On AWS the ARN of an SSM
   * Parameter Store parameter or a Secrets Manager secret; on Kubernetes `<secret name>/<key>` of an
   * existing Secret in the workload's namespace. Values are resolved by the runtime, never written
   * into Terraform (Docker accepts none).
   * @default - none
   */
  readonly secrets?: { [name: string]: string };
  /**
   * Linux capabilities added back after dropping ALL, without the `CAP_` prefix,
   * e.g. `['NET_BIND_SERVICE']` to listen on a port below 1024, or `['CHOWN', 'SETUID', 'SETGID']`
   * for images whose entrypoint switches user. Fargate accepts only `SYS_PTRACE`.
   * @default - none: every capability is dropped
   */
  readonly capabilities?: string[];
  /**
   * A container health check.
   * @default - the image's own health check, if any
   */
  readonly healthCheck?: HealthCheck;
}
