import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsSaasStack } from '../examples/aws-saas/main';
import { DockerLocalStack } from '../examples/docker-local/main';
import { FleetFromFileStack } from '../examples/fleet-from-file/main';
import { KubernetesSaasStack } from '../examples/kubernetes/main';
import { DenseService, IsolatedTenant } from '../lib';

type StackClass = new (scope: Construct, id: string) => TerraformStack;

// Every example stack, synthesized as `cdktf synth` does (app.synth() into an outdir), leaves a
// placement report beside its cdk.tf.json that agrees with the constructs' own `placement`.
test.each<[string, StackClass]>([
  ['aws-saas', AwsSaasStack],
  ['docker-local', DockerLocalStack],
  ['fleet-from-file', FleetFromFileStack],
  ['kubernetes-saas', KubernetesSaasStack],
])('%s writes a placement report that agrees with its constructs', (id, Stack) => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'example-report-')) });
  const stack = new Stack(app, id);
  app.synth();
  const dir = path.join(app.outdir, 'stacks', id);
  expect(fs.existsSync(path.join(dir, 'cdk.tf.json'))).toBe(true);
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'placement-report.json'), 'utf8'));
  const markdown = fs.readFileSync(path.join(dir, 'placement-report.md'), 'utf8');

  const placed = stack.node.findAll().filter((c): c is IsolatedTenant | DenseService => c instanceof IsolatedTenant || c instanceof DenseService);
  expect(placed.length).toBeGreaterThan(0);
  expect(report.workloads.map((w: any) => ({ path: w.path, tier: w.tier, boundary: w.boundary, requiredBoundary: w.requiredBoundary, reasons: w.reasons })))
    .toEqual(placed.map((p) => ({
      path: p.node.path, tier: p.placement.tier, boundary: p.placement.boundary,
      requiredBoundary: p.placement.requiredBoundary, reasons: p.placement.reasons,
    })));
  for (const p of placed) expect(markdown).toContain(`\`${p.node.path}\``);
  expect(markdown).toContain('```mermaid');
});
