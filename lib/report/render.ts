// Renders placement records as the report's JSON, Markdown and console summary. Pure: no cdktf, no I/O.
import type { PlacementRecord } from './record';
import { EfficiencyNeeds, IsolationNeeds } from '../needs/needs';
import { PlacementTier } from '../placement/boundary';
import { boundaryStrength } from '../placement/tiers';

/** One workload of the report (the JSON's `workloads[]`). */
export interface ReportEntry {
  readonly kind: string;
  readonly name: string;
  readonly path: string;
  readonly target: string;
  readonly needs: { readonly isolation: IsolationNeeds; readonly efficiency: EfficiencyNeeds };
  readonly tier: string;
  readonly boundary: string;
  readonly requiredBoundary: string;
  readonly pinned: boolean;
  /** A pin with acknowledgeWeakerIsolation placed it below the required boundary. */
  readonly weakerThanRequired: boolean;
  readonly reasons: string[];
  readonly replicas: number;
  readonly capacity?: string;
}

/** The report of one stack. */
export interface ReportModel {
  readonly stack: string;
  readonly workloads: ReportEntry[];
  /** Workload count per tier, in tier order (weakest isolation first). */
  readonly byTier: Record<string, number>;
}

/** Builds the report; `text` turns a value that may hold unresolved tokens into printable text. */
export function reportModel(stack: string, records: PlacementRecord[], text: (s: string) => string): ReportModel {
  const workloads = records.map((r): ReportEntry => ({
    kind: r.kind,
    name: r.name,
    path: r.path,
    target: r.target,
    needs: { isolation: r.isolation, efficiency: r.efficiency },
    tier: r.decision.tier,
    boundary: r.decision.boundary,
    requiredBoundary: r.decision.requiredBoundary,
    pinned: r.decision.pinned,
    weakerThanRequired: boundaryStrength(r.decision.boundary) < boundaryStrength(r.decision.requiredBoundary),
    // The construct's reasons already end with the realization's notes (instance type, Fargate rounding).
    reasons: r.decision.reasons.map(text),
    replicas: r.replicas,
    ...(r.realized.capacity !== undefined ? { capacity: text(r.realized.capacity) } : {}),
  }));
  const byTier: Record<string, number> = {};
  for (const tier of Object.values(PlacementTier)) {
    const count = workloads.filter((w) => w.tier === tier).length;
    if (count > 0) byTier[tier] = count;
  }
  return { stack, workloads, byTier };
}

/** `placement-report.json`: the model, stable key order, no timestamps (same input, same bytes). */
export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

const cell = (s: string | number): string => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const tierLabel = (w: ReportEntry): string => (w.pinned ? `${w.tier} (pinned)` : w.tier);
const boundaryLabel = (w: ReportEntry): string => (w.weakerThanRequired ? `${w.boundary} (weaker than required, acknowledged)` : w.boundary);

/** `placement-report.md`: summary table, Mermaid flowchart with one subgraph per tier, reasons per workload. */
export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [`# Placement report: stack \`${model.stack}\``, ''];
  out.push(`${countLine(model)} Written by cdktf-isolation on every synth; the same data is in \`placement-report.json\`.`, '');
  out.push('| Workload | Kind | Target | Tier | Boundary | Required | Replicas | Capacity |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const w of model.workloads) {
    out.push(`| ${[w.name, w.kind, w.target, tierLabel(w), boundaryLabel(w), w.requiredBoundary, w.replicas, w.capacity ?? ''].map(cell).join(' | ')} |`);
  }
  out.push('', '## Workloads by tier', '', '```mermaid', 'flowchart LR');
  Object.keys(model.byTier).forEach((tier) => {
    const members = model.workloads.map((w, i) => ({ w, i })).filter(({ w }) => w.tier === tier);
    out.push(`  subgraph ${tier.replace(/-/g, '_')}["${tier} · ${members[0].w.boundary}"]`);
    for (const { w, i } of members) out.push(`    w${i}["${mermaidText(w.name)} x${w.replicas}"]`);
    out.push('  end');
  });
  out.push('```', '', '## Why each workload runs where it does', '');
  for (const w of model.workloads) {
    const { isolation: iso, efficiency: eff } = w.needs;
    out.push(`### ${w.name}`, '', `\`${w.path}\`: ${w.kind} on ${w.target}, tier **${tierLabel(w)}** (${w.boundary}${w.weakerThanRequired ? ', weaker than required and acknowledged' : ''}; required ${w.requiredBoundary}).`, '');
    out.push(`- Needs: coTenancy ${iso.coTenancy}, hardwareExclusivity ${iso.hardwareExclusivity}, ownKernel ${iso.ownKernel}; `
      + `priority ${eff.priority}, load ${eff.loadProfile}.`);
    for (const reason of w.reasons) out.push(`- ${reason}`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * The console summary: a header and one line per workload.
 * @param reportFile where the Markdown report is (or will be) written, for the header
 */
export function renderSummary(model: ReportModel, reportFile: string): string {
  const rows = [['WORKLOAD', 'KIND', 'TARGET', 'TIER', 'BOUNDARY', 'REPLICAS'],
    ...model.workloads.map((w) => [w.name, w.kind, w.target, tierLabel(w), w.boundary, String(w.replicas)])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => `  ${r.map((v, c) => v.padEnd(widths[c])).join('  ').trimEnd()}`);
  return `cdktf-isolation: stack '${model.stack}': ${countLine(model)} (report: ${reportFile}; `
    + `CDKTF_ISOLATION_QUIET=1 silences this)\n${lines.join('\n')}\n`;
}

function countLine(model: ReportModel): string {
  const n = model.workloads.length;
  return `${n} workload${n === 1 ? '' : 's'}: ${Object.entries(model.byTier).map(([t, c]) => `${c} ${t}`).join(', ')}.`;
}

function mermaidText(s: string): string {
  return s.replace(/"/g, '#quot;');
}
