import { DEDICATED_TENANCY } from './rules/aws/dedicated-tenancy';
import { ECS_CONTAINERS_HARDENED } from './rules/aws/ecs-containers';
import { ENCRYPTED_VOLUMES } from './rules/aws/encrypted-volumes';
import { VPC_FLOW_LOG } from './rules/aws/flow-log';
import { IAM_SCOPED_RESOURCES } from './rules/aws/iam-scoped';
import { NO_WILDCARD_ACTIONS } from './rules/aws/iam-wildcard';
import { IMDSV2_REQUIRED } from './rules/aws/imdsv2';
import { KMS_ROTATION } from './rules/aws/kms-rotation';
import { LB_ACCESS_LOGS } from './rules/aws/lb-access-logs';
import { LOG_GROUP_RETENTION_AND_KEY } from './rules/aws/log-group';
import { NO_KEY_PAIR } from './rules/aws/no-key-pair';
import { NO_SSH_INGRESS } from './rules/aws/no-ssh-ingress';
import { NO_UNDECLARED_PUBLIC_INGRESS } from './rules/aws/open-ingress';
import { TENANT_EGRESS_CLOSED } from './rules/aws/tenant-egress';
import { DROP_ALL_CAPABILITIES } from './rules/docker/drop-all-capabilities';
import { MEMORY_LIMIT } from './rules/docker/memory-limit';
import { NO_DOCKER_SOCKET } from './rules/docker/no-docker-socket';
import { NO_HOST_NAMESPACES } from './rules/docker/no-host-namespaces';
import { NO_NEW_PRIVILEGES } from './rules/docker/no-new-privileges';
import { NOT_PRIVILEGED } from './rules/docker/not-privileged';
import { READ_ONLY_ROOT } from './rules/docker/read-only-root';
import { K8S_CAPABILITIES } from './rules/kubernetes/capabilities';
import { K8S_TENANT_DEFAULT_DENY } from './rules/kubernetes/default-deny';
import { K8S_LIMITS } from './rules/kubernetes/limits';
import { K8S_NO_HOST_NAMESPACES } from './rules/kubernetes/no-host-namespaces';
import { K8S_NO_HOST_PATH } from './rules/kubernetes/no-host-path';
import { K8S_NON_ROOT_SECCOMP } from './rules/kubernetes/non-root-seccomp';
import { K8S_NOT_PRIVILEGED } from './rules/kubernetes/not-privileged';
import { K8S_TENANT_POD_SECURITY } from './rules/kubernetes/pod-security-restricted';
import { K8S_NO_PRIVILEGE_ESCALATION } from './rules/kubernetes/privilege-escalation';
import { K8S_READ_ONLY_ROOT } from './rules/kubernetes/read-only-root';
import { K8S_TIER_RUNTIME_CLASS } from './rules/kubernetes/runtime-class';
import { K8S_NO_SERVICE_ACCOUNT_TOKEN } from './rules/kubernetes/service-account-token';
import { NO_CROSS_TENANT_REFERENCE } from './rules/tenant/cross-tenant-reference';
import { NO_CROSS_TENANT_NETWORK_POLICY } from './rules/tenant/network-policy';
import { NO_TENANT_VPC_BRIDGE } from './rules/tenant/no-peering';
import type { GuardRule } from './rule';

/**
 * Rule packs, as data: the hardened defaults of DESIGN.md "Realization", one list per concern.
 * The library's own output passes every pack (test/guards).
 */
export const AWS_HARDENING: readonly GuardRule[] = [
  IMDSV2_REQUIRED, ENCRYPTED_VOLUMES, NO_KEY_PAIR, NO_UNDECLARED_PUBLIC_INGRESS, NO_SSH_INGRESS,
  KMS_ROTATION, LOG_GROUP_RETENTION_AND_KEY, NO_WILDCARD_ACTIONS, ECS_CONTAINERS_HARDENED, DEDICATED_TENANCY,
  IAM_SCOPED_RESOURCES, LB_ACCESS_LOGS, TENANT_EGRESS_CLOSED, VPC_FLOW_LOG,
];

export const DOCKER_HARDENING: readonly GuardRule[] = [
  NOT_PRIVILEGED, DROP_ALL_CAPABILITIES, NO_NEW_PRIVILEGES, READ_ONLY_ROOT, NO_HOST_NAMESPACES, NO_DOCKER_SOCKET, MEMORY_LIMIT,
];

/** Kubernetes objects, in either delivery (kubernetes_manifest resources and GitOps files). */
export const KUBERNETES_HARDENING: readonly GuardRule[] = [
  K8S_NOT_PRIVILEGED, K8S_NO_HOST_NAMESPACES, K8S_NO_HOST_PATH, K8S_LIMITS, K8S_READ_ONLY_ROOT, K8S_NO_PRIVILEGE_ESCALATION,
  K8S_CAPABILITIES, K8S_NON_ROOT_SECCOMP, K8S_NO_SERVICE_ACCOUNT_TOKEN, K8S_TENANT_DEFAULT_DENY, K8S_TENANT_POD_SECURITY, K8S_TIER_RUNTIME_CLASS,
];

export const TENANT_BOUNDARY: readonly GuardRule[] = [NO_TENANT_VPC_BRIDGE, NO_CROSS_TENANT_REFERENCE, NO_CROSS_TENANT_NETWORK_POLICY];
