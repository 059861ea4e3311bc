// Cost of requiring the library, against requiring cdktf plus the provider submodules the library uses
// (found by scanning the compiled library, so the comparison follows the code).
'use strict';
const fs = require('fs');
const path = require('path');
const { report } = require('./measure');

const LIB = path.join(__dirname, '..', '..', 'lib');

function providerModulesUsedByLibrary() {
  const found = new Set();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/require\("(@cdktf\/provider-[a-z]+\/lib\/[a-z0-9-]+)"\)/g)) found.add(m[1]);
      }
    }
  };
  walk(LIB);
  return [...found].sort();
}

const which = process.argv[2];
const modules = which === 'baseline' ? providerModulesUsedByLibrary() : [];
const started = process.hrtime.bigint();
if (which === 'library') {
  require(LIB);
} else {
  require('cdktf');
  require('constructs');
  for (const m of modules) require(m);
}
const synthMs = Number(process.hrtime.bigint() - started) / 1e6;
report({ synthMs, resources: 0, resourcesByType: {}, bytes: 0, modules: modules.length });
