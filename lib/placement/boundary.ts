/**
 * What separates a workload from whatever shares its hardware, weakest first.
 */
export enum IsolationBoundary {
  /** Linux namespaces and cgroups on a shared kernel. */
  PROCESS = 'process',
  /** A user-space kernel (gVisor) between the workload and the host kernel. */
  SANDBOX = 'sandbox',
  /** A hypervisor: the workload has its own kernel in a VM or microVM. */
  HYPERVISOR = 'hypervisor',
  /** Hardware not shared with other cloud accounts. */
  ACCOUNT_HARDWARE = 'account-hardware',
  /** Hardware not shared with anyone else, this account's other tenants included. */
  TENANT_HARDWARE = 'tenant-hardware',
}

/**
 * Where a workload runs.
 */
export enum PlacementTier {
  /** A plain container on shared hosts (AWS: ECS on EC2 capacity; Docker: runc). */
  SHARED_CONTAINER = 'shared-container',
  /** A container in a gVisor sandbox (Docker: runtime runsc). */
  SANDBOXED_CONTAINER = 'sandboxed-container',
  /** A container in its own microVM (AWS: ECS on Fargate; Docker: runtime kata). */
  MICROVM_CONTAINER = 'microvm-container',
  /** A virtual machine on shared hardware (AWS: EC2, default tenancy). */
  VM = 'vm',
  /** A virtual machine on hardware dedicated to the account (AWS: EC2, tenancy dedicated). */
  DEDICATED_VM = 'dedicated-vm',
  /** Virtual machines on a physical host allocated to one tenant (AWS: aws_ec2_host, tenancy host). */
  DEDICATED_HOST = 'dedicated-host',
}
