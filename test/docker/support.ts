import { App, Testing, TerraformStack } from 'cdktf';
import { setupJest } from 'cdktf/lib/testing/adapters/jest';
import { DockerTarget, DockerTargetProps } from '../../lib';
import { synthesize } from '../support';

export { refusal } from '../support';

setupJest(); // cdktf's matchers: expect(synthesized).toHaveResourceWithProperties(...)

/** Synthesized Terraform JSON, parsed. */
export type Synth = { resource: Record<string, Record<string, any>>; provider: Record<string, any[]>; output: Record<string, any> };

/** A fresh stack with a DockerTarget in it. */
export function dockerStack(props: DockerTargetProps = {}): { app: App; stack: TerraformStack; target: DockerTarget } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  const target = new DockerTarget(stack, 'docker', props);
  return { app, stack, target };
}

export function synth(stack: TerraformStack): { text: string; json: Synth } {
  const { text, json } = synthesize(stack);
  return { text, json: json as Synth };
}

/** The resources of one type, keyed by Terraform name (construct ids are in the logical id). */
export function resources(json: Synth, type: string): any[] {
  return Object.values(json.resource[type] ?? {});
}

/** Resources keyed by name without the stack's prefix, which every Docker name carries (stacks share engines). */
function byUnprefixedName(list: any[], stack: string): Record<string, any> {
  return Object.fromEntries(list.map((r) => {
    if (!String(r.name).startsWith(`${stack}-`)) throw new Error(`${r.name} does not start with the stack's name ${stack}-`);
    return [r.name.slice(stack.length + 1), r];
  }));
}

/** The containers, keyed by container name less the stack prefix (`stack-api-0` is `api-0`). */
export function containersByName(json: Synth, stack = 'stack'): Record<string, any> {
  return byUnprefixedName(resources(json, 'docker_container'), stack);
}

/** The networks, keyed by network name less the stack prefix. */
export function networksByName(json: Synth, stack = 'stack'): Record<string, any> {
  return byUnprefixedName(resources(json, 'docker_network'), stack);
}

/** `${docker_network.<logical id>.<attr>}` → the network's name. */
export function networkOf(json: Synth, reference: string): any {
  const match = /^\$\{docker_network\.([^.]+)\.(name|id)\}$/.exec(reference);
  if (!match) throw new Error(`not a network reference: ${reference}`);
  return json.resource.docker_network[match[1]];
}

export function label(resource: any, key: string): string | undefined {
  return (resource.labels as Array<{ label: string; value: string }>).find((l) => l.label === key)?.value;
}

export const IMAGE = 'ghcr.io/acme/api:1.4.2';
