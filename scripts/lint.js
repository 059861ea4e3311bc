#!/usr/bin/env node
// Project lint: provider packages must be imported by submodule. The package root loads ~2,200
// modules (about 2 s and 500 MB per process and per jest test file); `lib/<resource>` loads one.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOTS = ['lib', 'examples', 'test', 'bench', 'scripts'];
const SKIP = new Set(['node_modules', 'cdktf.out', '.gen', 'out']);
const ROOT_IMPORT = /(?:from\s+|require\(\s*|import\(\s*)['"](@cdktf\/provider-(?:aws|docker))['"]/g;

function* sourceFiles(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) yield* sourceFiles(full);
    } else if (/\.(ts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield full;
    }
  }
}

// An optional argument lints another tree (the lint's own test uses it).
const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
const problems = [];
for (const top of ROOTS) {
  for (const file of sourceFiles(path.join(root, top))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(ROOT_IMPORT)) {
      const line = text.slice(0, match.index).split('\n').length;
      problems.push(`${path.relative(root, file)}:${line}: imports the package root '${match[1]}'; `
        + `import the submodule instead, e.g. '${match[1]}/lib/instance'.`);
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`lint: ${problems.length} provider package-root import(s).`);
  process.exit(1);
}
console.log('lint: no provider package-root imports.');
