import fc from 'fast-check';
import {
  AutoscalingOptions, CoTenancy, DockerTargetProps, EfficiencyNeeds, EfficiencyPriority, HardwareExclusivity, HealthCheck, IngressRule,
  IsolationNeeds, LoadBalancerOptions, LoadProfile, PlacementTier, WorkloadSpec,
} from '../../lib';

// Generators of inputs that are valid by construction: each constraint below is a rule of
// NeedsValidation, the engine or a target, written as what the generator may produce. Read together
// they document what a valid workload is.

/** The required boundary's strength per DESIGN.md "The decision", step 1 (0 = process ... 4 = tenant hardware). */
export function requiredStrength(isolation: IsolationNeeds): number {
  const co = { trusted: 0, internal: 0, untrusted: 1, hostile: 2 }[isolation.coTenancy];
  const hw = { none: 0, account: 3, tenant: 4 }[isolation.hardwareExclusivity ?? HardwareExclusivity.NONE];
  return Math.max(co, hw, isolation.ownKernel ? 2 : 0);
}

/** What each tier provides (DESIGN.md tier table). */
export const TIER_STRENGTH: Record<string, number> = {
  [PlacementTier.SHARED_CONTAINER]: 0, [PlacementTier.SANDBOXED_CONTAINER]: 1, [PlacementTier.MICROVM_CONTAINER]: 2,
  [PlacementTier.VM]: 2, [PlacementTier.DEDICATED_VM]: 3, [PlacementTier.DEDICATED_HOST]: 4,
};
const CONTAINER_TIERS: string[] = [PlacementTier.SHARED_CONTAINER, PlacementTier.SANDBOXED_CONTAINER, PlacementTier.MICROVM_CONTAINER];

const lowerName = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);

/** Docker reference grammar: [registry/]name[:tag][@digest], lower-case name. */
export const image = fc.oneof(
  fc.constantFrom('nginx', 'nginx:1.27', 'public.ecr.aws/nginx/nginx:1.27', '123456789012.dkr.ecr.eu-central-1.amazonaws.com/acme/api:1.0'),
  fc.tuple(lowerName, lowerName, fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,9}$/)).map(([org, name, tag]) => `ghcr.io/${org}/${name}:${tag}`),
);

/** Env names: letters, digits, underscore, not starting with a digit. Values: one line, no NUL. */
const envName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,11}$/);
const envValue = fc.string({ maxLength: 40 }).filter((v) => !/[\n\r\0]/.test(v));

const healthCheck: fc.Arbitrary<HealthCheck> = fc.record({
  command: fc.constantFrom(['CMD-SHELL', 'wget -q -O- http://localhost/ || exit 1'], ['CMD', 'true']),
  intervalSeconds: fc.integer({ min: 1, max: 300 }),
  timeoutSeconds: fc.integer({ min: 1, max: 60 }),
  retries: fc.integer({ min: 1, max: 10 }),
  startPeriodSeconds: fc.integer({ min: 0, max: 300 }),
}, { requiredKeys: ['command'] });

/** A network address: random bits with the host part cleared (host bits are refused). */
export const networkCidr = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 })).map(([address, prefix]) => {
  const network = prefix === 0 ? 0 : (address & (~0 << (32 - prefix))) >>> 0;
  return `${[24, 16, 8, 0].map((s) => (network >>> s) & 255).join('.')}/${prefix}`;
});

export interface WorkloadShape {
  /** cpu >= 0.01 and memory >= 6 MiB on every target; kept small enough for every tier (Fargate, the catalogue). */
  readonly maxCpu: number;
  readonly maxMemoryMiB: number;
  /** Fargate adds only SYS_PTRACE; Docker and the VM tiers any capability but ALL. */
  readonly capabilities: string[];
  /** Docker cannot resolve AWS ARNs; Kubernetes takes Secret references (`name/key`) instead. */
  readonly secrets: boolean | 'kubernetes';
  /** Docker publishes replica i on port+i, and a host port once per engine: each workload gets its own port range. */
  readonly port: number;
}

export function workload(shape: WorkloadShape): fc.Arbitrary<WorkloadSpec> {
  return fc.record({
    image,
    cpu: fc.integer({ min: 1, max: shape.maxCpu * 100 }).map((n) => n / 100),
    memoryMiB: fc.integer({ min: 6, max: shape.maxMemoryMiB }),
    port: fc.constant(shape.port),
    replicas: fc.integer({ min: 1, max: 3 }),
    command: fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }),
    environment: fc.dictionary(envName, envValue, { maxKeys: 4 }),
    secrets: shape.secrets === 'kubernetes'
      ? fc.dictionary(fc.stringMatching(/^S_[A-Z0-9_]{1,8}$/), fc.tuple(lowerName, fc.stringMatching(/^[-._a-zA-Z0-9]{1,12}$/)).map(([n, k]) => `${n}/${k}`), { maxKeys: 2 })
      : shape.secrets
        ? fc.dictionary(fc.stringMatching(/^S_[A-Z0-9_]{1,8}$/), lowerName.map((n) => `arn:aws:ssm:eu-central-1:123456789012:parameter/${n}`), { maxKeys: 2 })
        : fc.constant({}),
    capabilities: fc.subarray(shape.capabilities),
    healthCheck,
  }, { requiredKeys: ['image', 'cpu', 'memoryMiB', 'port'] });
}

export const efficiency: fc.Arbitrary<EfficiencyNeeds> = fc.record({
  priority: fc.constantFrom(EfficiencyPriority.COST, EfficiencyPriority.BALANCED, EfficiencyPriority.PERFORMANCE),
  loadProfile: fc.constantFrom(LoadProfile.STEADY, LoadProfile.SPIKY),
}, { requiredKeys: [] });

/** The pin (with its acknowledgement when it is weaker than required) that the engine accepts for these needs. */
export function pinFor(isolation: IsolationNeeds, tiers: PlacementTier[]): fc.Arbitrary<{ pin?: PlacementTier; acknowledgeWeakerIsolation?: string }> {
  const allowed = tiers.filter((t) => !(isolation.ownKernel && CONTAINER_TIERS.includes(t)));
  return fc.option(fc.constantFrom(...allowed), { nil: undefined }).map((pin) => {
    if (pin === undefined) return {};
    return TIER_STRENGTH[pin] < requiredStrength(isolation) ? { pin, acknowledgeWeakerIsolation: 'property test: synthetic data only' } : { pin };
  });
}

export const awsIsolation: fc.Arbitrary<IsolationNeeds> = fc.record({
  coTenancy: fc.constantFrom(CoTenancy.TRUSTED, CoTenancy.INTERNAL, CoTenancy.UNTRUSTED, CoTenancy.HOSTILE),
  // Weighted towards the shared-hardware needs, so the container tiers come up as often as the VM tiers.
  hardwareExclusivity: fc.constantFrom(HardwareExclusivity.NONE, HardwareExclusivity.NONE, HardwareExclusivity.NONE,
    HardwareExclusivity.ACCOUNT, HardwareExclusivity.TENANT),
  ownKernel: fc.constantFrom(false, false, false, true),
}, { requiredKeys: ['coTenancy'] });

/** Docker: no hardware exclusivity, no own kernel; HOSTILE needs Kata, UNTRUSTED gVisor or Kata (unpinned). */
export function dockerIsolation(props: DockerTargetProps): fc.Arbitrary<IsolationNeeds> {
  const co = [CoTenancy.TRUSTED, CoTenancy.INTERNAL];
  if (!props.swarm && (props.runtimes?.gvisor || props.runtimes?.kata)) co.push(CoTenancy.UNTRUSTED);
  if (!props.swarm && props.runtimes?.kata) co.push(CoTenancy.HOSTILE);
  return fc.record({ coTenancy: fc.constantFrom(...co) });
}

export function ingress(port: number, publicOnly: boolean): fc.Arbitrary<IngressRule[]> {
  const cidr = publicOnly ? fc.constant('0.0.0.0/0') : networkCidr;
  return fc.array(fc.record({ cidr, port: fc.constant(port), description: fc.stringMatching(/^[a-zA-Z0-9 ._:/()#,@+=&;{}!$*-]{0,40}$/) }, { requiredKeys: ['cidr', 'port'] }), { maxLength: 2 });
}

/** Ingress on Kubernetes: any network CIDR but one inside the test clusters' pod and Service CIDRs (10.244/16, 10.96/12), which is refused. */
export function kubernetesIngress(port: number): fc.Arbitrary<IngressRule[]> {
  const outsideCluster = networkCidr.filter((cidr) => !(cidr.startsWith('10.') && Number(cidr.split('/')[1]) >= 12));
  return fc.array(fc.record({ cidr: outsideCluster, port: fc.constant(port) }, { requiredKeys: ['cidr', 'port'] }), { maxLength: 2 });
}

const CERTIFICATE = 'arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

/** internetFacing or allowedCidrs, never both; listenerPort only without a certificate; a path starting with '/'. */
export const loadBalancer: fc.Arbitrary<LoadBalancerOptions> = fc.oneof(
  fc.record({ internetFacing: fc.constant(true), certificateArn: fc.constant(CERTIFICATE), healthCheckPath: fc.constantFrom('/', '/healthz') },
    { requiredKeys: ['internetFacing'] }),
  fc.record({ allowedCidrs: fc.array(networkCidr, { minLength: 1, maxLength: 2 }), listenerPort: fc.integer({ min: 1, max: 65535 }).filter((p) => p !== 22) },
    { requiredKeys: [] }),
);

/** Autoscaling within ECS's 5,000 tasks, only where the service runs on ECS (a pinned container tier). */
export const autoscaling: fc.Arbitrary<AutoscalingOptions> = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 5000 }),
  fc.integer({ min: 1, max: 100 })).map(([min, extra, cpu]) => ({ minReplicas: min, maxReplicas: Math.max(min, 1) + extra - 1, targetCpuPercent: cpu }));
