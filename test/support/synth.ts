import { TerraformStack, Testing } from 'cdktf';

/** One resource of a synthesized stack. */
export interface SynthResource {
  readonly type: string;
  readonly name: string;
  /** `type.name`, as references write it. */
  readonly address: string;
  /** The construct path below the stack. */
  readonly path: string;
  readonly body: Record<string, any>;
}

/** The synthesized stack as parsed JSON plus its resources as a flat list. */
export function synthesize(stack: TerraformStack): { json: Record<string, any>; text: string; resources: SynthResource[] } {
  const text = Testing.synth(stack);
  const json = JSON.parse(text);
  const resources: SynthResource[] = [];
  for (const [type, byName] of Object.entries<Record<string, any>>(json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      // Testing.synth drops metadata: cdktf names are the construct path joined by '_' plus a hash.
      resources.push({ type, name, address: `${type}.${name}`, path: name.replace(/_[0-9A-F]{8}$/, '').split('_').join('/'), body });
    }
  }
  return { json, text, resources };
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
