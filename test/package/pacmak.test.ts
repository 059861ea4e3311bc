import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './scratch';

// The bindings for the other jsii languages, generated from the .jsii that `npm run build` wrote
// (npm test builds before jest): an API change jsii cannot carry to a language fails here.
const PACMAK = path.join(ROOT, 'node_modules', '.bin', 'jsii-pacmak');
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'pacmak-'));
const assembly = JSON.parse(fs.readFileSync(path.join(ROOT, '.jsii'), 'utf8'));

/** Every text file the generator wrote for a language, concatenated. */
function generated(dir: string): string {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(py|java|cs|go)$/.test(e.name))
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8')).join('\n');
}

test('the assembly declares the four targets and no public parameter starts with an underscore', () => {
  expect(Object.keys(assembly.targets).sort()).toEqual(['dotnet', 'go', 'java', 'js', 'python']);
  const underscored = Object.values(assembly.types as Record<string, any>).flatMap((type) =>
    [...(type.methods ?? []), ...(type.initializer ? [type.initializer] : [])].flatMap((m: any) =>
      (m.parameters ?? []).filter((p: any) => p.name.startsWith('_')).map((p: any) => `${type.fqn}#${m.name ?? '<init>'}(${p.name})`)));
  expect(underscored).toEqual([]);
});

// What each language must expose: the refusal reader, and offerTiers with IPlacementTarget's names.
test.each([
  ['python', [/def from_message\(cls, message: builtins\.str\) -> typing\.Optional\[PlacementProblem\]/, /def offer_tiers\(\s*self,\s*\*,\s*/]],
  ['java', [/public static .*PlacementProblem fromMessage\(final @org\.jetbrains\.annotations\.NotNull java\.lang\.String message\)/, /class PlacementProblem/]],
  ['dotnet', [/public static .*IPlacementProblem\? FromMessage\(string message\)/, /ISizedTierOffer\[\] OfferTiers\(/]],
  ['go', [/func PlacementProblems_FromMessage\(message \*string\) \*PlacementProblem/, /OfferTiers\(request \*OfferRequest\) \*\[\]\*SizedTierOffer/]],
])('jsii-pacmak --code-only generates the %s bindings', (language, expected) => {
  const started = Date.now();
  const dir = path.join(OUT, language as string);
  execFileSync(PACMAK, ['--code-only', '--target', language as string, '--outdir', dir, ROOT],
    { cwd: ROOT, stdio: 'pipe', env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' } });
  const code = generated(dir);
  for (const pattern of expected as RegExp[]) expect(code).toMatch(pattern);
  console.log(`jsii-pacmak ${language}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 120_000);
