import * as path from 'path';
import fc from 'fast-check';
import { Testing } from 'cdktf';
import { DenseService, IsolatedTenant, PlacementTier } from '../../lib';
import { initValidatePlan, terraformBinary } from '../support/terraform';
import { build, stackInput } from './stacks';

// A sample of the property suite's random valid AWS stacks (same seed) passes terraform validate
// offline, against the provider mirror. A file of its own, so jest runs it beside the synth properties.
const SEED = 20261201;
const SAMPLE = 3;
const skipTerraform = process.env.CDKTF_ISOLATION_SKIP_TERRAFORM === '1' || !terraformBinary();

/** Three of the first twelve random stacks, picked greedily so that together they reach every AWS tier. */
function sample(): Array<ReturnType<typeof build>> {
  const built = fc.sample(stackInput('aws'), { seed: SEED, numRuns: 12 }).map(build).map((b) => ({
    ...b, tiers: new Set(b.stack.node.children.flatMap((c) => (c instanceof IsolatedTenant || c instanceof DenseService ? [c.placement.tier] : []))),
  }));
  const chosen: typeof built = [];
  const covered = new Set<string>();
  while (chosen.length < SAMPLE) {
    const next = built.filter((b) => !chosen.includes(b))
      .reduce((best, b) => ([...b.tiers].filter((t) => !covered.has(t)).length > [...best.tiers].filter((t) => !covered.has(t)).length ? b : best));
    chosen.push(next);
    next.tiers.forEach((t) => covered.add(t));
  }
  expect([...covered].sort()).toEqual([PlacementTier.DEDICATED_HOST, PlacementTier.DEDICATED_VM, PlacementTier.MICROVM_CONTAINER,
    PlacementTier.SHARED_CONTAINER, PlacementTier.VM].sort());
  return chosen;
}

// Validate only: a plan adds ~10 s per stack here, and the terraform tier plans the examples and the mixed stack.
(skipTerraform ? test.skip : test)('a sample of random valid AWS stacks, reaching every AWS tier, passes terraform validate offline', () => {
  for (const { stack } of sample()) {
    expect(initValidatePlan(path.join(Testing.fullSynth(stack), 'stacks', 'prop'), false).seconds.validate).toBeGreaterThan(0);
  }
}, 120_000);
