import { Testing } from 'cdktf';
import { awsStack, mixedStack } from '../support/aws-stacks';
test('smoke', () => {
  const { stack, target } = awsStack();
  mixedStack(stack, target);
  const t0 = Date.now();
  const json = JSON.parse(Testing.synth(stack));
  console.log(Date.now() - t0, Object.keys(json.resource).map((k) => `${k}:${Object.keys(json.resource[k]).length}`).join(' '));
});
