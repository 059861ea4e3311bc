// Reads a fleet file (YAML or JSON) and locates its entries, so every error can name file, line,
// tenant and field.
import * as fs from 'fs';
import * as path from 'path';
import type * as Yaml from 'yaml';
import { checkObject, checkTenant, FLEET_FIELDS, isPlainObject, SchemaProblem } from './fleet-schema';
import { PlacementError } from '../placement-error';

/** One tenant entry as found in a source, before validation. */
export interface RawTenant {
  /** The entry as parsed. */
  readonly value: unknown;
  /** `fleet.yaml:14 tenant 'acme' (tenants[3])`: the prefix of every error about this entry. */
  readonly where: string;
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Loads `file` (relative paths resolve against the process's working directory) and returns its
 * tenant entries, shape-checked against FLEET_FIELDS.
 * @param owner the construct path, for errors that concern the file as a whole
 */
export function loadFleetFile(owner: string, file: string): RawTenant[] {
  if (typeof file !== 'string' || file.trim() === '') {
    throw new PlacementError(owner, `file must be a path to a YAML or JSON fleet file, got ${JSON.stringify(file)}.`,
      "pass file: path.join(__dirname, 'tenants.yaml'), or leave file out and pass tenants.");
  }
  const absolute = path.resolve(file);
  if (!EXTENSIONS.includes(path.extname(file).toLowerCase())) {
    throw new PlacementError(owner, `fleet file '${file}' is neither YAML nor JSON.`, `name it *.yaml, *.yml or *.json.`);
  }
  if (!fs.existsSync(absolute)) {
    throw new PlacementError(owner, `fleet file '${file}' does not exist (looked for ${absolute}; relative paths resolve `
      + `against the working directory ${process.cwd()}).`, 'pass an absolute path, e.g. path.join(__dirname, \'tenants.yaml\').');
  }
  // Loaded on first use: only TenantFleet reads files, and the parser is most of the library's require time.
  const { isMap, isSeq, LineCounter, parseDocument } = require('yaml') as typeof Yaml;
  const lines = new LineCounter();
  // JSON is YAML 1.2, so one parser serves both and reports lines the same way.
  if (!fs.statSync(absolute).isFile()) {
    throw new PlacementError(owner, `fleet file '${file}' is not a file (${absolute}).`, 'pass the path of the YAML or JSON file itself.');
  }
  // merge: YAML merge keys (<<: *defaults) are a common way to share a workload between tenants.
  const doc = parseDocument(fs.readFileSync(absolute, 'utf8'), { lineCounter: lines, uniqueKeys: true, merge: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line;
    throw new PlacementError(`${file}${line ? `:${line}` : ''}`, `${syntax.message.replace(/\s+at line \d+.*$/s, '')} (${syntax.code}).`,
      'fix the syntax at that line (indentation, quotes, brackets), e.g. check it with a YAML linter.');
  }
  // The line of the deepest part of `at` present in the file: a key's own line, or a list item's.
  const lineOf = (at: ReadonlyArray<string | number>): string => {
    for (let n = at.length; n > 0; n--) {
      const parent = doc.getIn(at.slice(0, n - 1), true);
      const last = at[n - 1];
      const node = isMap(parent) ? (parent.items.find((p) => (p.key as { value?: unknown })?.value === last)?.key as { range?: number[] })
        : isSeq(parent) ? (parent.items[last as number] as { range?: number[] }) : undefined;
      if (node?.range) return `:${lines.linePos(node.range[0]).line}`;
    }
    return '';
  };
  let content: unknown;
  try {
    content = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    // The parser's own limits (e.g. an alias expanding too often): name the file, not the parser.
    throw new PlacementError(file, `cannot be read as a fleet: ${(e as Error).message}.`, 'write the tenants out, or use fewer nested aliases.');
  }

  // The top level first; an entry's problems are reported with its tenant.
  const top = checkObject(content, FLEET_FIELDS);
  if (top) throw schemaError(`${file}${lineOf(top.path)}`, top);
  const entries = (content as { tenants: unknown[] }).tenants;
  return entries.map((value, index) => {
    const where = (at: ReadonlyArray<string | number>) => `${file}${lineOf(['tenants', index, ...at])} ${tenantLabel(value, `tenants[${index}]`)}`;
    const problem = checkTenant(value);
    if (problem) throw schemaError(where(problem.path), problem);
    return { value, where: where([]) };
  });
}

/** `tenant 'acme' (tenants[3])`, or just `tenants[3]` when the entry has no usable id. */
export function tenantLabel(value: unknown, position: string): string {
  const id = isPlainObject(value) ? value.tenantId : undefined;
  return typeof id === 'string' && id !== '' ? `tenant '${id}' (${position})` : position;
}

/** A schema problem as a PlacementError under `where`. */
export function schemaError(where: string, problem: SchemaProblem): PlacementError {
  return new PlacementError(where, problem.problem, problem.fix);
}
