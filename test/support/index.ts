// The shared test helpers: one synth helper that reads the real construct paths from cdktf's
// metadata, and one refusal helper. Target- and guard-specific helpers build on these.
import { TerraformStack, Testing } from 'cdktf';
import { PlacementError } from '../../lib';

/** One resource of a synthesized stack. */
export interface SynthResource {
  readonly type: string;
  readonly name: string;
  /** `type.name`, as references write it. */
  readonly address: string;
  /** The construct path below the stack, from the resource's `//` metadata. */
  readonly path: string;
  readonly body: Record<string, any>;
}

/**
 * The synthesized stack: `text` exactly as `Testing.synth` gives it (metadata dropped, as snapshots
 * hold it), `json` parsed from it, and every resource with its construct path from the metadata
 * that `Testing.synth` drops (read from the stack's own Terraform).
 */
export function synthesize(stack: TerraformStack): { json: Record<string, any>; text: string; resources: SynthResource[] } {
  const text = Testing.synth(stack);
  const json = JSON.parse(text);
  const withMetadata = stack.toTerraform() as Record<string, any>;
  const below = `${stack.node.path}/`;
  const resources: SynthResource[] = [];
  for (const [type, byName] of Object.entries<Record<string, any>>(json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      const full: string = withMetadata.resource[type][name]['//'].metadata.path;
      resources.push({ type, name, address: `${type}.${name}`, path: full.startsWith(below) ? full.slice(below.length) : full, body });
    }
  }
  return { json, text, resources };
}

/** Runs `build` and returns the PlacementError it throws; fails the test when it throws nothing or something else. */
export function refusal(build: () => unknown): PlacementError {
  try {
    build();
  } catch (e) {
    if (e instanceof PlacementError) return e;
    throw e;
  }
  throw new Error('expected a PlacementError, but nothing was thrown');
}

export function ofType(resources: SynthResource[], type: string): SynthResource[] {
  return resources.filter((r) => r.type === type);
}

/** Every `type.name` a resource body references. */
export function references(body: unknown): string[] {
  const found = new Set<string>();
  const text = JSON.stringify(body);
  for (const m of text.matchAll(/\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)[.}\[]/g)) found.add(m[1]);
  return [...found];
}

/** Every IAM / KMS policy document in the stack, parsed, with where it came from. */
export function policyDocuments(resources: SynthResource[]): Array<{ where: string; doc: any }> {
  const docs: Array<{ where: string; doc: any }> = [];
  for (const r of resources) {
    for (const field of ['policy', 'assume_role_policy']) {
      const value = r.body[field];
      if (typeof value === 'string' && value.trim().startsWith('{')) docs.push({ where: `${r.address}.${field}`, doc: JSON.parse(value) });
    }
  }
  return docs;
}

/** Every container definition of every ECS task definition. */
export function containers(resources: SynthResource[]): Array<Record<string, any>> {
  return ofType(resources, 'aws_ecs_task_definition').flatMap((r) => JSON.parse(r.body.container_definitions));
}
