import { createHash } from 'crypto';
import { App, TerraformStack, Testing } from 'cdktf';

// The benchmark compares the library with a hand-written L1 program (bench/scenarios/baseline.js).
// The comparison only means something while both build the same Terraform: same resources per type
// and, once construct-derived logical names are factored out, the same resources and outputs.
type Build = (app: App, n: number) => TerraformStack;
const library = require('../../bench/scenarios/library') as { build: Build };
const baseline = require('../../bench/scenarios/baseline') as { build: Build };

const N = 3;
type Json = Record<string, any>;

function synth(build: Build): Json {
  return JSON.parse(Testing.synth(build(Testing.app(), N)));
}

function countsByType(json: Json): Record<string, number> {
  return Object.fromEntries(Object.entries<Json>(json.resource).map(([type, byName]) => [type, Object.keys(byName).length]));
}

const ADDRESS = /\baws_[a-z0-9_]+\.[A-Za-z0-9_-]+/g;

/**
 * Each resource as JSON text with every reference (`${type.name.attr}`, `depends_on`) to another
 * resource replaced by a label derived from that resource's own content, refined until stable
 * (colour refinement): two stacks that differ only in logical names give the same labels.
 */
function canonical(json: Json): { resources: string[]; outputs: string[] } {
  const bodies = new Map<string, string>();
  for (const [type, byName] of Object.entries<Json>(json.resource)) {
    for (const [name, body] of Object.entries(byName)) bodies.set(`${type}.${name}`, JSON.stringify(body));
  }
  const relabel = (text: string, labels: Map<string, string>) => text.replace(ADDRESS, (a) => labels.get(a) ?? a);
  let labels = new Map([...bodies.keys()].map((a) => [a, a.split('.')[0]]));
  let distinct = 1;
  for (;;) {
    const next = new Map([...bodies].map(([a, body]) => [a, `${a.split('.')[0]}.${createHash('sha1').update(relabel(body, labels)).digest('hex').slice(0, 16)}`]));
    const count = new Set(next.values()).size;
    labels = next;
    if (count === distinct) break;
    distinct = count;
  }
  return {
    resources: [...bodies].map(([a, body]) => `${a.split('.')[0]} ${relabel(body, labels)}`).sort(),
    outputs: Object.values<Json>(json.output ?? {}).map((o) => relabel(JSON.stringify(o), labels)).sort(),
  };
}

describe('bench baseline parity', () => {
  const lib = synth(library.build);
  const base = synth(baseline.build);

  test('the same resource count per type', () => {
    expect(countsByType(base)).toEqual(countsByType(lib));
    // N tenants and N services really were built, not an empty stack on both sides.
    // Two VPCs whatever N: the shared tenant network and the dense services' VPC.
    expect(countsByType(lib)).toMatchObject({ aws_instance: N, aws_ecs_service: N, aws_vpc: 2 });
  });

  test('the same resources and outputs, logical names aside', () => {
    const l = canonical(lib);
    const b = canonical(base);
    expect(b.resources).toEqual(l.resources);
    expect(b.outputs).toEqual(l.outputs);
    expect(l.outputs).toHaveLength(4 * N);
  });

  test('the same provider configuration', () => {
    expect(base.provider).toEqual(lib.provider);
    expect(base.terraform.required_providers).toEqual(lib.terraform.required_providers);
  });
});
