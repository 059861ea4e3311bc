#!/usr/bin/env node
// Prints the placement decisions for a sample set of workloads on AWS and on Docker.
'use strict';
const { PlacementEngine, PlacementError } = require('../lib');

const AWS = { availableTiers: ['shared-container', 'microvm-container', 'vm', 'dedicated-vm', 'dedicated-host'], elasticBilling: true };
const DOCKER = { availableTiers: ['shared-container', 'sandboxed-container', 'microvm-container'], elasticBilling: false };
const SAMPLES = [
  ['tenant, defaults (HOSTILE, BALANCED)', { isolation: { coTenancy: 'hostile' } }],
  ['tenant, HOSTILE + COST', { isolation: { coTenancy: 'hostile' }, efficiency: { priority: 'cost' } }],
  ['tenant, own hardware', { isolation: { coTenancy: 'hostile', hardwareExclusivity: 'tenant' } }],
  ['dense service, defaults (TRUSTED, COST)', { isolation: { coTenancy: 'trusted' }, efficiency: { priority: 'cost' } }],
  ['CI job runner (UNTRUSTED, SPIKY)', { isolation: { coTenancy: 'untrusted' }, efficiency: { priority: 'cost', loadProfile: 'spiky' } }],
  ['kernel tuning (ownKernel, PERFORMANCE)', { isolation: { coTenancy: 'internal', ownKernel: true }, efficiency: { priority: 'performance' } }],
];

for (const [targetName, target] of [['AWS', AWS], ['Docker (runsc + kata)', DOCKER]]) {
  console.log(`\n${targetName}`);
  for (const [name, needs] of SAMPLES) {
    try {
      const d = PlacementEngine.decide({ ...needs, ...target });
      console.log(`  ${name.padEnd(42)} -> ${d.tier.padEnd(18)} (${d.boundary}; required ${d.requiredBoundary})`);
      console.log(`  ${''.padEnd(42)}    ${d.reasons[d.reasons.length - 1]}`);
    } catch (e) {
      if (!(e instanceof PlacementError)) throw e;
      console.log(`  ${name.padEnd(42)} -> refused: ${e.problem.split('. ')[0]}.`);
    }
  }
}
