import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { HardwareExclusivity } from '../needs/enums';
import { IsolationNeeds } from '../needs/needs';
import { shown } from '../needs/show';
import { WorkloadSpec } from '../needs/workload';
import { PlacementTier } from '../placement/boundary';
import { PlacementDecision } from '../placement/engine';
import { PlacementChangeAcceptance, PlacementLock } from '../placement/placement-lock';
import { boundaryStrength, TIER_TABLE } from '../placement/tiers';
import { PlacementError } from '../placement-error';
import { checkReplicaCeiling } from '../needs/limits';
import type { AutoscalingOptions } from './target';

/**
 * Above this many replicas on a VM tier a warning is given: each replica is an EC2 instance and a
 * Terraform resource of its own (10,000 made 26 MB of JSON and 13 s of synth), and a fresh account's
 * On-Demand vCPU quota is far below it. The hard ceiling for every tier is WORKLOAD_LIMITS.maxReplicas.
 */
export const VM_REPLICA_WARNING = 100;

/** The tiers that run the workload on instances of its own, where `instanceType` takes effect. */
const INSTANCE_TIERS: readonly string[] = TIER_TABLE.filter((p) => p.family === 'vm').map((p) => p.tier);

/**
 * Refuses a target built in another stack than the workload: its provider would not be in the
 * workload's stack, and cdktf would fail later with a message naming neither.
 */
export function checkSameStack(where: string, workload: IConstruct, target: IConstruct): void {
  const own = requireStack(where, workload, 'workload');
  // Not TerraformStack.of: it throws a plain Error for a target outside every stack.
  const targets = stackOf(target);
  if (own !== targets) {
    throw new PlacementError(where, `the target ${target.node.path} is ${targets ? `in stack '${targets.node.path}'` : 'in no stack'}, and this `
      + `workload is in stack '${own.node.path}': a target's provider serves only its own stack.`,
    `create one target per stack: new AwsTarget(stack, ...) or new DockerTarget(stack, ...) in '${own.node.path}', and pass that one.`);
  }
}

function stackOf(c: IConstruct): TerraformStack | undefined {
  return c.node.scopes.find((s) => TerraformStack.isStack(s)) as TerraformStack | undefined;
}

/**
 * The stack a workload or target belongs to; a construct outside every stack (e.g. directly under the
 * App) has no Terraform to write into, and cdktf would fail later with a plain Error or write nothing.
 */
export function requireStack(where: string, c: IConstruct, what: string): TerraformStack {
  const stack = stackOf(c);
  if (stack === undefined) {
    throw new PlacementError(where, `this ${what} is not inside a TerraformStack, so it has no Terraform to write into.`,
      `create it in a stack: const stack = new TerraformStack(app, 'name'); then new ...(stack, '${c.node.id}', ...).`);
  }
  return stack;
}

/**
 * Refuses what the engine would otherwise ignore: an acknowledgement without a pin (it acknowledges
 * nothing), and an instance type where it can never take effect (a target without VM tiers, or a
 * pinned container tier).
 */
export function checkPlacementProps(where: string, availableTiers: PlacementTier[], pin: PlacementTier | undefined,
  acknowledgeWeakerIsolation: unknown, instanceType: unknown): void {
  if (acknowledgeWeakerIsolation !== undefined && acknowledgeWeakerIsolation !== null) {
    if (typeof acknowledgeWeakerIsolation !== 'string') {
      throw new PlacementError(where, `acknowledgeWeakerIsolation must be a sentence giving the reason, got ${shown(acknowledgeWeakerIsolation)}.`,
        "write why the weaker isolation is acceptable, e.g. 'synthetic load test, no customer data'.");
    }
    if (pin === undefined) {
      throw new PlacementError(where, 'acknowledgeWeakerIsolation is set without a pin: the engine never places a workload below '
        + 'its required boundary by itself, so there is nothing to acknowledge.',
      'remove acknowledgeWeakerIsolation, or add the pin (tier) whose weaker isolation it accepts.');
    }
  }
  if (instanceType === undefined || instanceType === null) return;
  if (typeof instanceType !== 'string' || instanceType.trim() === '') {
    throw new PlacementError(where, `instanceType must be an EC2 instance type name, got ${shown(instanceType)}.`,
      "write it as e.g. 'm6i.large', or leave it out for the smallest type that fits.");
  }
  if (!availableTiers.some((tier) => INSTANCE_TIERS.includes(tier))) {
    throw new PlacementError(where, `instanceType '${instanceType}' is set, but this target offers no VM tier (it offers `
      + `${availableTiers.join(', ')}), so it could never take effect.`, 'remove instanceType, or use an AwsTarget.');
  }
  if (pin !== undefined && TIER_TABLE.some((p) => p.tier === pin) && !INSTANCE_TIERS.includes(pin)) {
    throw new PlacementError(where, `instanceType '${instanceType}' is set, but the workload is pinned to ${pin}, which runs on `
      + 'capacity it does not choose (Fargate, or a shared pool sized by the library).',
    `remove instanceType, or pin one of ${INSTANCE_TIERS.join(', ')}.`);
  }
}

/**
 * What is legal but surprising once the tier is known: an instance type the engine's choice of a
 * container tier leaves unused (the needs, not the user, chose the tier: a refusal would make a
 * change of needs a breaking edit), many replicas on a VM tier, an acknowledgement the pin did not need.
 */
export function placementWarnings(decision: PlacementDecision, workload: WorkloadSpec, instanceType: string | undefined,
  acknowledgeWeakerIsolation: string | undefined): string[] {
  const warnings: string[] = [];
  const tier = decision.tier;
  const instanceTier = INSTANCE_TIERS.includes(tier);
  if (instanceType !== undefined && instanceType !== null && !instanceTier) {
    warnings.push(`instanceType '${instanceType}' has no effect: the needs placed the workload at ${tier}, which runs on capacity it does `
      + `not choose. Remove instanceType, or pin one of ${INSTANCE_TIERS.join(', ')}.`);
  }
  const replicas = workload.replicas ?? 1;
  if (instanceTier && replicas > VM_REPLICA_WARNING) {
    warnings.push(`workload.replicas ${replicas} on ${tier} creates ${replicas} EC2 instances, each a Terraform resource (more than `
      + `${VM_REPLICA_WARNING} makes synth and plan slow, and exceeds a fresh account's On-Demand vCPU quota). Consider a container tier `
      + 'with autoscaling, or check the account quota first.');
  }
  if (typeof acknowledgeWeakerIsolation === 'string' && decision.pinned
    && boundaryStrength(decision.boundary) >= boundaryStrength(decision.requiredBoundary)) {
    warnings.push(`acknowledgeWeakerIsolation is set, but the pinned tier ${tier} provides ${decision.boundary}, which meets the required `
      + `${decision.requiredBoundary} boundary: nothing weaker was accepted. Remove acknowledgeWeakerIsolation.`);
  }
  return warnings;
}

/**
 * Refuses the needs only a VM tier meets, on a target without VM tiers (Docker, a Kubernetes cluster
 * it is given): hardware exclusivity and an own kernel, always (no pin excuses them), naming AwsTarget.
 * @param why the target's reason, per need: what its workloads share, why no kernel of their own
 */
export function refuseVmOnlyNeeds(where: string, isolation: IsolationNeeds, why: { readonly exclusivity: string; readonly ownKernel: string }): void {
  const exclusivity = isolation.hardwareExclusivity ?? HardwareExclusivity.NONE;
  if (exclusivity !== HardwareExclusivity.NONE) {
    throw new PlacementError(where, `hardwareExclusivity ${exclusivity.toUpperCase()}: ${why.exclusivity}`,
      'use an AwsTarget, which places it on DEDICATED_VM (ACCOUNT) or DEDICATED_HOST (TENANT), or set hardwareExclusivity to NONE.');
  }
  if (isolation.ownKernel === true) {
    throw new PlacementError(where, `ownKernel needs a VM with a kernel of its own; ${why.ownKernel}`,
      'use an AwsTarget (VM tiers), or set ownKernel to false if the workload runs in a container.');
  }
}

/** Service auto scaling as ECS accepts it, with its defaults applied. */
export function checkAutoscaling(where: string, a: AutoscalingOptions): Required<AutoscalingOptions> {
  const whole = (n: unknown, min: number) => typeof n === 'number' && Number.isInteger(n) && n >= min;
  if (!whole(a.minReplicas, 0) || !whole(a.maxReplicas, 1) || a.maxReplicas < a.minReplicas) {
    throw new PlacementError(where, `autoscaling needs whole numbers with 0 <= minReplicas <= maxReplicas and maxReplicas >= 1, got ${a.minReplicas}-${a.maxReplicas}.`,
      'set e.g. autoscaling: { minReplicas: 1, maxReplicas: 4 }.');
  }
  checkReplicaCeiling(where, 'autoscaling.maxReplicas', a.maxReplicas);
  const target = a.targetCpuPercent ?? 60;
  if (!(typeof target === 'number' && target >= 1 && target <= 100)) {
    throw new PlacementError(where, `autoscaling.targetCpuPercent must be between 1 and 100, got ${target}.`, 'set it to e.g. 60, or leave it out.');
  }
  return { minReplicas: a.minReplicas, maxReplicas: a.maxReplicas, targetCpuPercent: target };
}

/**
 * An acceptPlacementChange as the lock reads it: `{ to: <a tier>, reason: <non-blank> }`, nothing else.
 * A bare string (the form before acceptances named their change) is refused with the exact acceptance
 * to write, naming the tier the workload is placed on now.
 */
export function checkAcceptance(where: string, value: unknown, tier: PlacementTier): PlacementChangeAcceptance | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    throw new PlacementError(where, `acceptPlacementChange is a string (${shown(value)}), but an acceptance names the change it accepts, so `
      + 'that left in code it approves no later change: the tier the workload moves to, and the reason.',
    `write ${PlacementLock.acceptanceFor(tier, value.trim() || undefined)}.`);
  }
  const fix = `write ${PlacementLock.acceptanceFor(tier)}.`;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new PlacementError(where, `acceptPlacementChange must be { to, reason }, got ${shown(value)}.`, fix);
  }
  const a = value as Record<string, unknown>;
  const unknown = Object.keys(a).filter((k) => k !== 'to' && k !== 'reason');
  if (unknown.length > 0) {
    throw new PlacementError(where, `acceptPlacementChange has ${unknown.map((k) => `'${k}'`).join(', ')}, which it does not know: it has only to and reason.`, fix);
  }
  if (!TIER_TABLE.some((p) => p.tier === a.to)) {
    throw new PlacementError(where, `acceptPlacementChange.to is ${shown(a.to)}, not a placement tier (${TIER_TABLE.map((p) => p.tier).join(', ')}).`, fix);
  }
  if (typeof a.reason !== 'string' || a.reason.trim() === '') {
    throw new PlacementError(where, `acceptPlacementChange.reason is ${shown(a.reason)}: an accepted change records why it is intended.`, fix);
  }
  return { to: a.to as PlacementTier, reason: a.reason.trim() };
}
