import { TerraformStack, Token } from 'cdktf';
import { REPORT_JSON, REPORT_MARKDOWN } from './hook';
import { renderJson, renderMarkdown, renderSummary, reportModel, ReportModel } from './render';
import { PlacementRecord } from './record';
import { StackRegistry } from '../registry';

/**
 * The placement report: per placed workload its needs, target, tier, boundary, required boundary,
 * reasons and replicas. Every synth (`cdktf synth` or `app.synth()`) writes it automatically as
 * `placement-report.json` and `placement-report.md` beside each stack's `cdk.tf.json`
 * (`<outdir>/stacks/<stack>/`) and prints a one-line-per-workload summary; set
 * `CDKTF_ISOLATION_QUIET=1` to silence the summary (it is silent under jest unless
 * `CDKTF_ISOLATION_QUIET=0`). These methods render the same report without synthesizing.
 */
export class PlacementReport {
  /** The JSON report's file name. */
  public static readonly JSON_FILE_NAME = REPORT_JSON;
  /** The Markdown report's file name. */
  public static readonly MARKDOWN_FILE_NAME = REPORT_MARKDOWN;

  /** The JSON report of the stack's placed workloads. */
  public static json(stack: TerraformStack): string {
    return renderJson(PlacementReport.model(stack));
  }

  /** The Markdown report: summary table with costs, Mermaid diagrams by tier (workloads, cost), pools, reasons per workload. */
  public static markdown(stack: TerraformStack): string {
    return renderMarkdown(PlacementReport.model(stack));
  }

  /** The console summary that synth prints: a header and one line per workload. */
  public static summary(stack: TerraformStack): string {
    return renderSummary(PlacementReport.model(stack), `stacks/${stack.node.id}/${REPORT_MARKDOWN}`);
  }

  /** The placement records of the stack's placed workloads, in construct order. */
  public static records(stack: TerraformStack): PlacementRecord[] {
    return StackRegistry.tryOf(stack)?.recordsUnder(stack) ?? [];
  }

  private static model(stack: TerraformStack): ReportModel {
    const registry = StackRegistry.tryOf(stack);
    const { records, bill } = registry?.bill(stack) ?? { records: [], bill: { pools: [], shared: [], poolSlack: [], warnings: [] } };
    return reportModel(stack.node.id, records, (s) => (Token.isUnresolved(s) ? '(known after apply)' : s), bill);
  }

  private constructor() {}
}
