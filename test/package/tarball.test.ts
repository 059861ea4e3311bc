import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, packedFiles, ROOT } from './scratch';

// What a user gets from `npm pack` / `npm publish`: the compiled library and its docs, nothing else.
assertBuilt();
const FILES = packedFiles();
const own = FILES.filter((f) => !f.startsWith('node_modules/'));

function libSources(dir = path.join(ROOT, 'lib')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return libSources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.relative(ROOT, full)] : [];
  });
}

test('every lib source is shipped compiled, as .js and .d.ts, and no .ts source is', () => {
  const sources = libSources();
  expect(sources.length).toBeGreaterThan(50);
  const expected = sources.flatMap((s) => [s.replace(/\.ts$/, '.js'), s.replace(/\.ts$/, '.d.ts')]);
  expect(own.filter((f) => f.startsWith('lib/')).sort()).toEqual(expected.sort());
});

test('the assembly, README, API reference, licence and package.json are shipped, and nothing else of the repository', () => {
  expect(own.filter((f) => !f.startsWith('lib/')).sort()).toEqual(['.jsii', 'API.md', 'LICENSE', 'README.md', 'package.json']);
  expect(own.filter((f) => /^(test|bench|examples|scripts)\//.test(f))).toEqual([]);
});

test('yaml is bundled, with its licence', () => {
  expect(FILES).toEqual(expect.arrayContaining(['node_modules/yaml/package.json', 'node_modules/yaml/dist/index.js', 'node_modules/yaml/LICENSE']));
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.bundledDependencies).toEqual(['yaml']);
  // Only yaml: the peers come from the user's project.
  expect(new Set(FILES.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/')[1]))).toEqual(new Set(['yaml']));
});

test('peers are ranges a user can live with, both providers optional; devDependencies pin the tested versions', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.peerDependencies).toEqual({
    'cdktf': '>=0.21.0 <0.25.0',
    'constructs': '^10.4.2',
    '@cdktf/provider-aws': '^20.1.0',
    '@cdktf/provider-docker': '^12.0.3',
  });
  expect(pkg.peerDependenciesMeta).toEqual({ '@cdktf/provider-aws': { optional: true }, '@cdktf/provider-docker': { optional: true } });
  for (const name of ['cdktf', 'constructs', '@cdktf/provider-aws', '@cdktf/provider-docker']) {
    expect(pkg.devDependencies[name]).toMatch(/^\d+\.\d+\.\d+$/);
  }
});
