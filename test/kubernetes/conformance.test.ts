import * as path from 'path';
import * as ts from 'typescript';

// conformance.ts is type-checked by `npm run lint` (tsc over the tests): this shows that the check is
// real, by compiling it beside a copy of the Deployment with one field misspelled (one program, two files).
const IMPORTS = "import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';\nimport type { Assert, Checked, Conform } from './conformance';\n"
  + "import type * as K from '../../lib/targets/kubernetes/objects';\n";
const FILES: Record<string, string> = {
  [path.join(__dirname, 'probe-good.ts')]: `${IMPORTS}export type C = Checked;\nexport type D = Conform<K.Deployment, IDeployment>;\n`,
  [path.join(__dirname, 'probe-misspelled.ts')]: `${IMPORTS}type Bad = K.Deployment & { spec: { template: { spec: { containers: `
    + 'Array<{ securityContext: { readOnlyRootFileSystem: boolean } }> } } } };\nexport type X = Assert<Conform<Bad, IDeployment>>;\n',
};

test('every object interface conforms to the Kubernetes API types, and a misspelled field does not compile', () => {
  const host = ts.createCompilerHost({});
  const { readFile, fileExists } = host;
  host.readFile = (f) => FILES[path.resolve(f)] ?? readFile(f);
  host.fileExists = (f) => path.resolve(f) in FILES || fileExists(f);
  const program = ts.createProgram(Object.keys(FILES), {
    strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: [],
  }, host);
  const problems = (file: string) => ts.getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n');
  const [good, misspelled] = Object.keys(FILES);
  expect(problems(good)).toBe('');
  expect(problems(misspelled)).toContain('.spec.template.spec.containers[].securityContext.readOnlyRootFileSystem: no such field in Kubernetes');
});
