// The fleet schema's field table (lib/constructs/fleet-schema.ts) mirrors FleetTenant; this test reads
// the jsii assembly (written by `npm run build`, which `npm test` runs first) so the two cannot drift.
import * as fs from 'fs';
import * as path from 'path';
import { FieldSpec, Fields, TENANT_FIELDS } from '../../lib/constructs/fleet-schema';

interface JsiiType { kind: string; fqn: string; interfaces?: string[]; properties?: Array<{ name: string; optional?: boolean; type: any }> }
const ASSEMBLY = path.join(__dirname, '..', '..', '.jsii');
const types: Record<string, JsiiType> = JSON.parse(fs.readFileSync(ASSEMBLY, 'utf8')).types;

/** Every property of an interface, inherited ones included. */
function properties(fqn: string): Array<{ name: string; optional?: boolean; type: any }> {
  const t = types[fqn];
  return [...(t.interfaces ?? []).flatMap(properties), ...(t.properties ?? [])];
}

/** The schema kinds a jsii type reference may be written as. */
function kindsOf(type: any): string[] {
  if (type.primitive === 'string') return ['string'];
  if (type.primitive === 'number') return ['number', 'integer'];
  if (type.primitive === 'boolean') return ['boolean'];
  if (type.collection) return [type.collection.kind === 'array' ? 'list' : 'map'];
  return [types[type.fqn].kind === 'enum' ? 'enum' : 'object'];
}

/** Differences between a field table and a jsii interface, recursively, as readable lines. */
function drift(fields: Fields, fqn: string, at: string): string[] {
  const props = properties(fqn);
  const out: string[] = [];
  const names = new Set(props.map((p) => p.name));
  for (const key of Object.keys(fields)) if (!names.has(key)) out.push(`${at}${key}: in the schema, not in ${fqn}`);
  for (const p of props) {
    const spec: FieldSpec | undefined = fields[p.name];
    if (!spec) {
      out.push(`${at}${p.name}: in ${fqn}, not in the schema`);
      continue;
    }
    if (!kindsOf(p.type).includes(spec.kind)) out.push(`${at}${p.name}: schema kind ${spec.kind}, jsii type ${JSON.stringify(p.type)}`);
    if ((spec.required ?? false) !== !p.optional) out.push(`${at}${p.name}: required ${spec.required ?? false} in the schema, optional ${!!p.optional} in ${fqn}`);
    const element = p.type.collection?.elementtype ?? p.type;
    if (element.fqn && types[element.fqn].kind === 'interface') {
      const nested = spec.kind === 'object' ? spec.fields : spec.items?.fields;
      if (nested) out.push(...drift(nested, element.fqn, `${at}${p.name}.`));
      else out.push(`${at}${p.name}: the schema does not describe the fields of ${element.fqn}`);
    }
    if (element.fqn && types[element.fqn].kind === 'enum' && spec.kind === 'enum') {
      // The assembly keeps member names; every enum here spells its value as the name in kebab case.
      const members = ((types[element.fqn] as any).members as Array<{ name: string }>).map((m) => m.name.toLowerCase().replace(/_/g, '-')).sort();
      const values = [...(spec.values ?? [])].sort();
      if (values.join() !== members.join()) out.push(`${at}${p.name}: values ${values.join(', ')} in the schema, members ${members.join(', ')} in ${element.fqn}`);
    }
  }
  return out;
}

test('the fleet schema describes exactly the fields of FleetTenant, with the same kinds and required fields', () => {
  expect(types['cdktf-isolation.FleetTenant']).toBeDefined();
  expect(drift(TENANT_FIELDS, 'cdktf-isolation.FleetTenant', '')).toEqual([]);
});

test('the comparison notices drift', () => {
  const { egress: _egress, ...withoutEgress } = TENANT_FIELDS;
  expect(drift({ ...withoutEgress, extra: { kind: 'string', example: "'x'" } }, 'cdktf-isolation.FleetTenant', ''))
    .toEqual(['extra: in the schema, not in cdktf-isolation.FleetTenant', 'egress: in cdktf-isolation.FleetTenant, not in the schema']);
  const { port: _port, ...workloadWithoutPort } = TENANT_FIELDS.workload.fields!;
  expect(drift({ ...TENANT_FIELDS, workload: { ...TENANT_FIELDS.workload, fields: workloadWithoutPort } }, 'cdktf-isolation.FleetTenant', ''))
    .toEqual(['workload.port: in cdktf-isolation.WorkloadSpec, not in the schema']);
});
