import * as path from 'path';
import fc from 'fast-check';
import { Testing } from 'cdktf';
import { initValidatePlan, terraformBinary } from '../support/terraform';
import { build, stackInput } from './stacks';

// A sample of the property suite's random valid AWS stacks (same seed) passes terraform validate
// offline, against the provider mirror. A file of its own, so jest runs it beside the synth properties.
const SEED = 20261201;
const skipTerraform = process.env.CDKTF_ISOLATION_SKIP_TERRAFORM === '1' || !terraformBinary();
// Validate only: a plan adds ~10 s per stack here, and the terraform tier plans the examples and the mixed stack.
(skipTerraform ? test.skip : test)('a sample of random valid AWS stacks passes terraform validate offline', () => {
  for (const input of fc.sample(stackInput('aws'), { seed: SEED, numRuns: 3 })) {
    const { stack } = build(input);
    expect(initValidatePlan(path.join(Testing.fullSynth(stack), 'stacks', 'prop'), false).seconds.validate).toBeGreaterThan(0);
  }
}, 120_000);
