// Writes the placement report beside each stack's cdk.tf.json whenever the stack is synthesized.
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Token } from 'cdktf';
import type { ISynthesisSession } from 'cdktf';
import { renderJson, renderMarkdown, renderSummary, reportModel, StackBill } from './render';
import type { PlacementRecord } from './record';

/** File names of the report, in the stack's output directory (`<outdir>/stacks/<stack>/`). */
export const REPORT_JSON = 'placement-report.json';
export const REPORT_MARKDOWN = 'placement-report.md';

/**
 * Wraps the stack's synthesizer (a public, assignable TerraformStack property; called once per stack,
 * by the stack's registry when it is created): after the stack's
 * own synthesis has written cdk.tf.json, the report is written next to it. Both `cdktf synth` and
 * `app.synth()` go through it; `Testing.synth` does not (it writes no files). The Terraform is untouched.
 * @param collect the placed workloads of the stack and its bill (pools, shared items, warnings), read at
 * synth time, after the stack's own synthesis (validations, and their warnings, included)
 * @param before runs before the stack writes anything (the placement lock's check)
 */
export function installPlacementReport(stack: TerraformStack, collect: () => { records: PlacementRecord[]; bill: StackBill },
  before: () => void = () => undefined): void {
  const inner = stack.synthesizer;
  stack.synthesizer = {
    synthesize(session: ISynthesisSession): void {
      before();
      inner.synthesize(session);
      const { records, bill } = collect();
      if (records.length === 0) return;
      const model = reportModel(stack.node.id, records, (s) => (Token.isUnresolved(s) ? '(known after apply)' : s), bill);
      const dir = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
      fs.writeFileSync(path.join(dir, REPORT_JSON), renderJson(model));
      const markdown = path.join(dir, REPORT_MARKDOWN);
      fs.writeFileSync(markdown, renderMarkdown(model));
      if (!quiet()) process.stdout.write(renderSummary(model, shortPath(markdown)));
    },
  };
}

/** Relative to the working directory when below it (cdktf.out/stacks/...), else absolute. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * CDKTF_ISOLATION_QUIET=1 (or true/yes) silences the console summary; =0 forces it. Unset, it prints,
 * except under jest, where every app.synth() in every test would repeat it.
 */
export function quiet(): boolean {
  const value = process.env.CDKTF_ISOLATION_QUIET?.trim().toLowerCase();
  if (value) return !['0', 'false', 'no'].includes(value);
  return process.env.JEST_WORKER_ID !== undefined;
}
