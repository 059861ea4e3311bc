import { Aspects, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { GuardPack, IsolationGuards, IsolationGuardsProps, PlacementError } from '../../lib';
import { refusal } from '../support';

/** Adds the guards to `scope` (a stack or a construct in it), synthesizes, and returns the PlacementError they throw (fails the test when none). */
export function guardError(scope: IConstruct, props?: IsolationGuardsProps): PlacementError {
  Aspects.of(scope).add(new IsolationGuards(props));
  return refusal(() => Testing.synth(TerraformStack.of(scope), true)); // the guards are a node validation
}

/** The error's line for one rule at one construct path, with its problem and the rule's fix asserted. */
export function expectFinding(err: PlacementError, id: string, path: string, problem: string): void {
  const rule = IsolationGuards.rules().find((r) => r.id === id);
  expect(rule).toBeDefined();
  const line = err.message.split('\n').find((l) => l.includes(`[${id}] ${path}: `));
  expect(line).toBeDefined();
  expect(line).toContain(problem);
  expect(line!.endsWith(` Fix: ${rule!.fix}`)).toBe(true);
}

/** Rule ids of the error's findings, in order. */
export function findingIds(err: PlacementError): string[] {
  return [...err.message.matchAll(/^ {2}\[([A-Z]+-[A-Z0-9]+-\d{3})\]/gm)].map((m) => m[1]);
}

/** The L1 resource at a construct path. */
export function resourceAt<T extends TerraformResource = TerraformResource>(stack: TerraformStack, path: string): T {
  const found = stack.node.findAll().find((c: IConstruct) => c.node.path === path);
  if (!found || !TerraformResource.isTerraformResource(found)) throw new Error(`no resource at ${path}`);
  return found as T;
}

export const ALL_PACKS = [GuardPack.AWS_HARDENING, GuardPack.DOCKER_HARDENING, GuardPack.KUBERNETES_HARDENING, GuardPack.TENANT_BOUNDARY];
