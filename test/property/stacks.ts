import fc from 'fast-check';
import { App, TerraformStack, Testing } from 'cdktf';
import {
  AutoscalingOptions, AwsTarget, DenseService, DockerTarget, DockerTargetProps, EfficiencyNeeds, IngressRule, IPlacementTarget, IsolatedTenant,
  IsolationNeeds, KubernetesDelivery, KubernetesTarget, KubernetesTargetProps, LoadBalancerOptions, PlacementTier, WorkloadSpec,
} from '../../lib';
import { OFFLINE } from '../support/aws-stacks';
import {
  autoscaling, awsIsolation, dockerIsolation, efficiency, ingress, kubernetesIngress, loadBalancer, pinFor, requiredStrength, TIER_STRENGTH, workload,
} from './arbitraries';
import { CLUSTER_CIDRS, RUNTIME_CLASSES } from '../kubernetes/support';

/** One IsolatedTenant or DenseService, as plain props (no target): what a property run builds. */
export interface WorkloadInput {
  readonly kind: 'tenant' | 'service';
  readonly name: string;
  readonly workload: WorkloadSpec;
  readonly isolation: IsolationNeeds;
  readonly efficiency?: EfficiencyNeeds;
  readonly pin?: PlacementTier;
  readonly acknowledgeWeakerIsolation?: string;
  readonly instanceType?: string;
  readonly ingress?: IngressRule[];
  readonly egress?: boolean;
  readonly loadBalancer?: LoadBalancerOptions;
  readonly autoscaling?: AutoscalingOptions;
}

export type TargetKind = 'aws' | 'docker' | 'kubernetes';
export interface StackInput {
  readonly target: TargetKind;
  readonly docker?: DockerTargetProps;
  readonly kubernetes?: KubernetesTargetProps;
  readonly workloads: WorkloadInput[];
}

const AWS_TIERS = [PlacementTier.SHARED_CONTAINER, PlacementTier.MICROVM_CONTAINER, PlacementTier.VM, PlacementTier.DEDICATED_VM, PlacementTier.DEDICATED_HOST];
const VM_TIERS: string[] = [PlacementTier.VM, PlacementTier.DEDICATED_VM, PlacementTier.DEDICATED_HOST];

function dockerTiers(props: DockerTargetProps): PlacementTier[] {
  if (props.swarm) return [PlacementTier.SHARED_CONTAINER];
  return [PlacementTier.SHARED_CONTAINER, ...(props.runtimes?.gvisor ? [PlacementTier.SANDBOXED_CONTAINER] : []),
    ...(props.runtimes?.kata ? [PlacementTier.MICROVM_CONTAINER] : [])];
}

/** The i-th workload on AWS: every tier may be chosen, so shapes fit Fargate and the catalogue; Fargate adds only SYS_PTRACE. */
function awsWorkload(i: number): fc.Arbitrary<WorkloadInput> {
  const port = 10000 + i * 10;
  return fc.record({
    kind: fc.constantFrom<'tenant' | 'service'>('tenant', 'service'),
    workload: workload({ maxCpu: 4, maxMemoryMiB: 8192, capabilities: ['SYS_PTRACE'], secrets: true, port }),
    isolation: awsIsolation,
    efficiency,
    ingress: ingress(port, false),
    egress: fc.boolean(),
    loadBalancer: fc.option(loadBalancer, { nil: undefined }),
    wantsAutoscaling: fc.option(autoscaling, { nil: undefined }),
  }).chain((w) => pinFor(w.isolation, AWS_TIERS).map((pin) => {
    // instanceType only where it takes effect (a pinned VM tier; m6i fits the shapes and every VM tier);
    // autoscaling only where the service runs on ECS (a pinned container tier).
    const vmPin = pin.pin !== undefined && VM_TIERS.includes(pin.pin);
    const ecsPin = pin.pin !== undefined && !vmPin;
    const base = { name: `w${i}`, workload: w.workload, isolation: w.isolation, efficiency: w.efficiency, ingress: w.ingress, ...pin };
    return w.kind === 'tenant'
      ? { ...base, kind: 'tenant' as const, egress: w.egress, instanceType: vmPin ? 'm6i.xlarge' : undefined }
      : { ...base, kind: 'service' as const, loadBalancer: w.loadBalancer, autoscaling: ecsPin ? w.wantsAutoscaling : undefined };
  }));
}

/** The i-th workload on Docker: no secrets, no load balancer or autoscaling; tenants with ingress declare egress; Swarm publishes only 0.0.0.0/0. */
function dockerWorkload(props: DockerTargetProps, i: number): fc.Arbitrary<WorkloadInput> {
  const port = 20000 + i * 10;
  const tiers = dockerTiers(props);
  return fc.record({
    kind: fc.constantFrom<'tenant' | 'service'>('tenant', 'service'),
    workload: workload({ maxCpu: 8, maxMemoryMiB: 16384, capabilities: ['NET_BIND_SERVICE', 'CHOWN', 'SETUID', 'SETGID'], secrets: false, port }),
    isolation: dockerIsolation(props),
    efficiency,
    ingress: ingress(port, props.swarm === true),
    egress: fc.boolean(),
  }).chain((w) => pinFor(w.isolation, tiers).map((pin) => ({
    kind: w.kind, name: `w${i}`, workload: w.workload, isolation: w.isolation, efficiency: w.efficiency, ingress: w.ingress, ...pin,
    egress: w.kind === 'tenant' ? w.egress || w.ingress.length > 0 : undefined,
  })));
}

/** The i-th workload on Kubernetes: secrets as Secret references, NET_BIND_SERVICE only (Pod Security restricted), autoscaling from 1, no load balancer. */
function kubernetesWorkload(props: KubernetesTargetProps, i: number): fc.Arbitrary<WorkloadInput> {
  const port = 30000 + i * 10;
  const tiers = [PlacementTier.SHARED_CONTAINER, ...(props.runtimeClasses?.gvisor ? [PlacementTier.SANDBOXED_CONTAINER] : []),
    ...(props.runtimeClasses?.kata ? [PlacementTier.MICROVM_CONTAINER] : [])];
  return fc.record({
    kind: fc.constantFrom<'tenant' | 'service'>('tenant', 'service'),
    workload: workload({ maxCpu: 8, maxMemoryMiB: 16384, capabilities: ['NET_BIND_SERVICE'], secrets: 'kubernetes', port }),
    isolation: dockerIsolation({ runtimes: { gvisor: props.runtimeClasses?.gvisor?.name, kata: props.runtimeClasses?.kata?.name } }),
    efficiency,
    ingress: kubernetesIngress(port),
    egress: fc.boolean(),
    wantsAutoscaling: fc.option(autoscaling.filter((a) => a.minReplicas >= 1), { nil: undefined }),
  }).chain((w) => pinFor(w.isolation, tiers).map((pin) => ({
    kind: w.kind, name: `w${i}`, workload: w.workload, isolation: w.isolation, efficiency: w.efficiency, ingress: w.ingress, ...pin,
    ...(w.kind === 'tenant' ? { egress: w.egress } : { autoscaling: w.wantsAutoscaling }),
  })));
}

/** Clusters: with both sandboxes (each delivery), with Kata only, with none; with and without cluster CIDRs. */
const KUBERNETES_TARGETS: KubernetesTargetProps[] = [
  { runtimeClasses: RUNTIME_CLASSES, clusterCidrs: CLUSTER_CIDRS },
  { runtimeClasses: RUNTIME_CLASSES, clusterCidrs: CLUSTER_CIDRS, delivery: KubernetesDelivery.GITOPS },
  { runtimeClasses: { kata: RUNTIME_CLASSES.kata } },
  {},
];

const DOCKER_TARGETS: DockerTargetProps[] = [{}, { runtimes: { gvisor: 'runsc' } }, { runtimes: { kata: 'kata' } }, { runtimes: { gvisor: 'runsc', kata: 'kata' } }, { swarm: true }];

/** 1-3 workloads on one target. */
export function stackInput(target: TargetKind): fc.Arbitrary<StackInput> {
  if (target === 'aws') {
    return fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => awsWorkload(i))))
      .map((workloads) => ({ target, workloads }));
  }
  if (target === 'kubernetes') {
    return fc.constantFrom(...KUBERNETES_TARGETS).chain((kubernetes) => fc.integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => kubernetesWorkload(kubernetes, i))))
      .map((workloads) => ({ target, kubernetes, workloads })));
  }
  return fc.constantFrom(...DOCKER_TARGETS).chain((docker) => fc.integer({ min: 1, max: 3 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => dockerWorkload(docker, i))))
    .map((workloads) => ({ target, docker, workloads })));
}

/** Builds the stack in a fresh app; throws what the constructs throw. */
export function build(input: StackInput): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'prop');
  const target: IPlacementTarget = input.target === 'aws' ? new AwsTarget(stack, 'aws', OFFLINE)
    : input.target === 'kubernetes' ? new KubernetesTarget(stack, 'k8s', input.kubernetes) : new DockerTarget(stack, 'docker', input.docker);
  input.workloads.forEach((w, i) => {
    const common = {
      target, workload: w.workload, isolation: w.isolation, efficiency: w.efficiency, pin: w.pin,
      acknowledgeWeakerIsolation: w.acknowledgeWeakerIsolation, instanceType: w.instanceType, ingress: w.ingress,
    };
    // Construct ids apart from the names, so a bad name reaches the library's own check.
    if (w.kind === 'tenant') new IsolatedTenant(stack, `c${i}`, { ...common, tenantId: w.name, egress: w.egress });
    else new DenseService(stack, `c${i}`, { ...common, serviceName: w.name, loadBalancer: w.loadBalancer, autoscaling: w.autoscaling });
  });
  return { app, stack };
}

/** Whether the engine may weaken this pin: documents that generated pins are acknowledged exactly when weaker. */
export function pinIsWeaker(w: WorkloadInput): boolean {
  return w.pin !== undefined && TIER_STRENGTH[w.pin] < requiredStrength(w.isolation);
}
