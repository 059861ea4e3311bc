import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { StackSynthesizer } from 'cdktf/lib/synthesize/synthesizer';
import {
  CoTenancy, DenseService, EfficiencyPriority, HardwareExclusivity, IsolatedTenant, LoadProfile,
  PlacementReport, PlacementTier, TenantFleet,
} from '../../lib';
import { FakeTarget } from '../support/fake-target';

const WORKLOAD = { image: 'ghcr.io/acme/api:1.0', cpu: 0.5, memoryMiB: 512 };

/** An app with one stack of mixed workloads, synthesized into a fresh outdir. */
function synthesized(configure?: (stack: TerraformStack) => void): { app: App; stack: TerraformStack; dir: string; workloads: Array<IsolatedTenant | DenseService> } {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'report-')) });
  const stack = new TerraformStack(app, 'saas');
  const target = new FakeTarget(stack, 'target');
  const fleet = new TenantFleet(stack, 'fleet', {
    target,
    tenants: [
      { tenantId: 'acme', workload: { ...WORKLOAD, replicas: 2 } },
      { tenantId: 'globex', workload: WORKLOAD, isolation: { coTenancy: CoTenancy.HOSTILE, hardwareExclusivity: HardwareExclusivity.TENANT } },
      { tenantId: 'initech', workload: WORKLOAD, efficiency: { loadProfile: LoadProfile.SPIKY } },
      { tenantId: 'hooli', workload: WORKLOAD, pin: PlacementTier.SHARED_CONTAINER, acknowledgeWeakerIsolation: 'internal demo | no data' },
    ],
  });
  const api = new DenseService(stack, 'api', { target, serviceName: 'api', workload: { ...WORKLOAD, replicas: 3 } });
  configure?.(stack);
  app.synth();
  return { app, stack, dir: path.join(app.outdir, 'stacks', 'saas'), workloads: [...fleet.tenants, api] };
}

describe('every synth writes the report beside cdk.tf.json', () => {
  const { stack, dir, workloads } = synthesized();
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'placement-report.json'), 'utf8'));
  const markdown = fs.readFileSync(path.join(dir, 'placement-report.md'), 'utf8');

  test('both files sit beside cdk.tf.json', () => {
    expect(fs.readdirSync(dir).sort()).toEqual(['cdk.tf.json', 'placement-report.json', 'placement-report.md']);
  });

  test('the JSON agrees with every construct\'s placement', () => {
    expect(json.stack).toBe('saas');
    expect(json.workloads.map((w: { name: string }) => w.name)).toEqual(['acme', 'globex', 'initech', 'hooli', 'api']);
    workloads.forEach((workload, i) => {
      const entry = json.workloads[i];
      expect(entry.path).toBe(workload.node.path);
      expect(entry.tier).toBe(workload.placement.tier);
      expect(entry.boundary).toBe(workload.placement.boundary);
      expect(entry.requiredBoundary).toBe(workload.placement.requiredBoundary);
      expect(entry.reasons).toEqual(workload.placement.reasons);
      expect(entry.pinned).toBe(workload.placement.pinned);
      expect(entry.target).toBe('fake');
      expect(entry.capacity).toBe(workload.realized.capacity);
      expect(entry.reasons).toEqual(expect.arrayContaining(workload.realized.notes ?? []));
    });
    expect(json.workloads.map((w: { kind: string; replicas: number }) => [w.kind, w.replicas])).toEqual([
      ['IsolatedTenant', 2], ['IsolatedTenant', 1], ['IsolatedTenant', 1], ['IsolatedTenant', 1], ['DenseService', 3],
    ]);
    expect(json.workloads[0].needs).toEqual({
      isolation: { coTenancy: 'hostile', hardwareExclusivity: 'none', ownKernel: false },
      efficiency: { priority: EfficiencyPriority.BALANCED, loadProfile: 'steady' },
    });
    expect(json.byTier).toEqual({ 'shared-container': 2, 'microvm-container': 1, 'vm': 1, 'dedicated-host': 1 });
    // The acknowledgement of a weaker pin is part of the reasons a reviewer reads.
    expect(json.workloads[3].reasons.join(' ')).toContain('internal demo | no data');
    expect(json.workloads.map((w: { weakerThanRequired: boolean }) => w.weakerThanRequired)).toEqual([false, false, false, true, false]);
  });

  test('the Markdown has the summary table, a mermaid flowchart with one subgraph per tier, and the reasons', () => {
    expect(markdown).toContain('# Placement report: stack `saas`');
    expect(markdown).toContain('| Workload | Kind | Target | Tier | Boundary | Required | Replicas | Capacity | USD/month | Isolation premium |');
    // The fake target prices nothing: the cost cells stay empty and there is no cost chart.
    expect(markdown).toContain('| acme | IsolatedTenant | fake | vm | hypervisor | hypervisor | 2 | 0.5 vCPU x2 |  |  |');
    expect(markdown).not.toContain('## Cost by tier');
    expect(markdown).toContain('| hooli | IsolatedTenant | fake | shared-container (pinned) | process (weaker than required, acknowledged) | hypervisor | 1 |');
    const mermaid = markdown.slice(markdown.indexOf('```mermaid'), markdown.indexOf('```', markdown.indexOf('```mermaid') + 3));
    expect(mermaid.split('\n').slice(0, 2)).toEqual(['```mermaid', 'flowchart LR']);
    expect(mermaid.match(/subgraph /g)).toHaveLength(4);
    expect(mermaid).toContain('subgraph shared_container["shared-container · process"]\n    w3["hooli x1"]\n    w4["api x3"]\n  end');
    expect(mermaid).toContain('subgraph dedicated_host["dedicated-host · tenant-hardware"]\n    w1["globex x1"]\n  end');
    for (const reason of workloads[1].placement.reasons) expect(markdown).toContain(`- ${reason}`);
    expect(markdown).toContain('`saas/fleet/globex`: IsolatedTenant on fake, tier **dedicated-host**');
    expect(markdown).toMatchSnapshot();
  });

  test('PlacementReport renders the same files without synthesizing', () => {
    expect(PlacementReport.json(stack)).toBe(fs.readFileSync(path.join(dir, PlacementReport.JSON_FILE_NAME), 'utf8'));
    expect(PlacementReport.markdown(stack)).toBe(markdown);
  });
});

test('the report does not change cdk.tf.json', () => {
  const withReport = synthesized();
  // The same app with the stack's plain cdktf synthesizer: no report, and the same Terraform.
  const plain = synthesized((stack) => { stack.synthesizer = new StackSynthesizer(stack); });
  expect(fs.existsSync(path.join(plain.dir, 'placement-report.json'))).toBe(false);
  expect(fs.readFileSync(path.join(withReport.dir, 'cdk.tf.json'), 'utf8')).toBe(fs.readFileSync(path.join(plain.dir, 'cdk.tf.json'), 'utf8'));
});

test('the hook is installed once per stack, and stacks without placed workloads get no report', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'report-')) });
  const stack = new TerraformStack(app, 'one');
  const target = new FakeTarget(stack, 'target');
  new IsolatedTenant(stack, 'a', { target, tenantId: 'a', workload: WORKLOAD });
  const hook = stack.synthesizer;
  new IsolatedTenant(stack, 'b', { target, tenantId: 'b', workload: WORKLOAD });
  expect(stack.synthesizer).toBe(hook);
  new TerraformStack(app, 'empty');
  app.synth();
  expect(JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'one', 'placement-report.json'), 'utf8')).workloads).toHaveLength(2);
  expect(fs.readdirSync(path.join(app.outdir, 'stacks', 'empty'))).toEqual(['cdk.tf.json']);
});

describe('console summary', () => {
  let written: string[];
  let spy: jest.SpyInstance;
  const previous = process.env.CDKTF_ISOLATION_QUIET;
  beforeEach(() => {
    written = [];
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { written.push(String(chunk)); return true; });
  });
  afterEach(() => {
    spy.mockRestore();
    if (previous === undefined) delete process.env.CDKTF_ISOLATION_QUIET;
    else process.env.CDKTF_ISOLATION_QUIET = previous;
  });

  test('CDKTF_ISOLATION_QUIET=0 prints a header and one line per workload', () => {
    process.env.CDKTF_ISOLATION_QUIET = '0';
    const synthesizedRun = synthesized();
    const lines = written.join('').trimEnd().split('\n');
    const { dir } = synthesizedRun;
    expect(lines[0]).toBe("cdktf-isolation: stack 'saas': 5 workloads: 2 shared-container, 1 microvm-container, 1 vm, 1 dedicated-host. "
      + `(report: ${path.join(dir, 'placement-report.md')}; CDKTF_ISOLATION_QUIET=1 silences this)`);
    expect(lines[1].split(/\s+/).filter(Boolean)).toEqual(['WORKLOAD', 'KIND', 'TARGET', 'TIER', 'BOUNDARY', 'REPLICAS']);
    expect(lines.slice(2).map((l) => l.split(/\s{2,}/).filter(Boolean))).toEqual([
      ['acme', 'IsolatedTenant', 'fake', 'vm', 'hypervisor', '2'],
      ['globex', 'IsolatedTenant', 'fake', 'dedicated-host', 'tenant-hardware', '1'],
      ['initech', 'IsolatedTenant', 'fake', 'microvm-container', 'hypervisor', '1'],
      ['hooli', 'IsolatedTenant', 'fake', 'shared-container (pinned)', 'process', '1'],
      ['api', 'DenseService', 'fake', 'shared-container', 'process', '3'],
    ]);
    // PlacementReport.summary gives the same lines without synthesizing (the header names the default path).
    const summary = PlacementReport.summary(synthesizedRun.stack).split('\n');
    expect(summary[0]).toContain('(report: stacks/saas/placement-report.md;');
    expect(summary.slice(1, 7)).toEqual(lines.slice(1, 7));
  });

  test.each([['1'], ['true']])('CDKTF_ISOLATION_QUIET=%s silences it', (value) => {
    process.env.CDKTF_ISOLATION_QUIET = value;
    synthesized();
    expect(written.join('')).toBe('');
  });

  test('unset, it is silent under jest', () => {
    delete process.env.CDKTF_ISOLATION_QUIET;
    expect(process.env.JEST_WORKER_ID).toBeDefined();
    synthesized();
    expect(written.join('')).toBe('');
  });
});
