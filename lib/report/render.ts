// Renders placement records as the report's JSON, Markdown and console summary. Pure: no cdktf, no I/O.
import type { PlacementRecord, PoolRecord } from './record';
import type { CostItem, TierAlternative } from '../capacity/cost-estimator';
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
  /** Monthly USD of the chosen tier; monthlyUsd is the sum of the items. Absent on an unpriced target. */
  readonly cost?: { readonly monthlyUsd: number; readonly items: CostItem[] };
  /** Every tier the target priced, and whether it isolates enough. */
  readonly alternatives?: TierAlternative[];
  /** What the chosen tier costs over the cheapest priced tier. */
  readonly isolationPremiumUsd?: number;
}

/** The report of one stack. */
export interface ReportModel {
  readonly stack: string;
  readonly workloads: ReportEntry[];
  /** Workload count per tier, in tier order (weakest isolation first). */
  readonly byTier: Record<string, number>;
  /** The sum of the priced workloads' monthly costs (absent when none is priced). */
  readonly totalMonthlyUsd?: number;
  /** Monthly USD per tier of the priced workloads, in tier order. */
  readonly costByTier?: Record<string, number>;
  /** The region the workloads are priced for. */
  readonly region?: string;
  /** The region whose price table was used (another one when the region has none). */
  readonly pricesRegion?: string;
  /** The date of the price tables. */
  readonly pricesAsOf?: string;
  /** e.g. the region has no price table. */
  readonly warnings?: string[];
  /** The stack's capacity pools as planned. */
  readonly pools: PoolRecord[];
}

/** Builds the report; `text` turns a value that may hold unresolved tokens into printable text. */
export function reportModel(stack: string, records: PlacementRecord[], text: (s: string) => string, pools: PoolRecord[] = []): ReportModel {
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
    ...(r.cost ? { cost: { monthlyUsd: r.cost.monthlyUsd, items: r.cost.items }, alternatives: r.alternatives, isolationPremiumUsd: r.isolationPremiumUsd } : {}),
  }));
  const byTier: Record<string, number> = {};
  for (const tier of Object.values(PlacementTier)) {
    const count = workloads.filter((w) => w.tier === tier).length;
    if (count > 0) byTier[tier] = count;
  }
  return { stack, workloads, byTier, ...costSummary(records, workloads), pools };
}

/** The stack's total and cost per tier, and which prices were used (one region per stack: the first priced workload's). */
function costSummary(records: PlacementRecord[], workloads: ReportEntry[]): Partial<ReportModel> {
  const priced = records.filter((r) => r.cost !== undefined);
  if (priced.length === 0) return {};
  const cents = (ws: ReportEntry[]) => ws.reduce((sum, w) => sum + Math.round((w.cost?.monthlyUsd ?? 0) * 100), 0);
  const costByTier: Record<string, number> = {};
  for (const tier of Object.values(PlacementTier)) {
    const c = cents(workloads.filter((w) => w.tier === tier && w.cost));
    if (c > 0) costByTier[tier] = c / 100;
  }
  const first = priced[0].cost!;
  return {
    totalMonthlyUsd: cents(workloads) / 100, costByTier, region: first.requestedRegion, pricesRegion: first.pricesRegion, pricesAsOf: first.pricesAsOf,
    warnings: [...new Set(priced.flatMap((r) => r.cost!.warnings))],
  };
}

const usd = (n: number): string => `$${n.toFixed(2)}`;

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
  out.push(...pricesLines(model));
  out.push('| Workload | Kind | Target | Tier | Boundary | Required | Replicas | Capacity | USD/month | Isolation premium |');
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const w of model.workloads) {
    out.push(`| ${[w.name, w.kind, w.target, tierLabel(w), boundaryLabel(w), w.requiredBoundary, w.replicas, w.capacity ?? '',
      w.cost ? usd(w.cost.monthlyUsd) : '', w.isolationPremiumUsd !== undefined ? usd(w.isolationPremiumUsd) : ''].map(cell).join(' | ')} |`);
  }
  out.push('', '## Workloads by tier', '', '```mermaid', 'flowchart LR');
  Object.keys(model.byTier).forEach((tier) => {
    const members = model.workloads.map((w, i) => ({ w, i })).filter(({ w }) => w.tier === tier);
    out.push(`  subgraph ${tier.replace(/-/g, '_')}["${tier} · ${members[0].w.boundary}"]`);
    for (const { w, i } of members) out.push(`    w${i}["${mermaidText(w.name)} x${w.replicas}"]`);
    out.push('  end');
  });
  out.push('```', '', ...costSections(model), '## Why each workload runs where it does', '');
  for (const w of model.workloads) {
    const { isolation: iso, efficiency: eff } = w.needs;
    out.push(`### ${w.name}`, '', `\`${w.path}\`: ${w.kind} on ${w.target}, tier **${tierLabel(w)}** (${w.boundary}${w.weakerThanRequired ? ', weaker than required and acknowledged' : ''}; required ${w.requiredBoundary}).`, '');
    out.push(`- Needs: coTenancy ${iso.coTenancy}, hardwareExclusivity ${iso.hardwareExclusivity}, ownKernel ${iso.ownKernel}; `
      + `priority ${eff.priority}, load ${eff.loadProfile}.`);
    for (const reason of w.reasons) out.push(`- ${reason}`);
    if (w.cost) {
      out.push(`- Cost: ${usd(w.cost.monthlyUsd)}/month: ${w.cost.items.map((i) => `${i.what} ${usd(i.monthlyUsd)}`).join('; ')}.`);
      out.push(`- Alternatives: ${(w.alternatives ?? []).map((a) => `${a.tier} ${usd(a.monthlyUsd)}${a.meetsNeeds ? '' : ' (isolates too little)'}`).join(', ')}.`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * The console summary: a header and one line per workload.
 * @param reportFile where the Markdown report is (or will be) written, for the header
 */
export function renderSummary(model: ReportModel, reportFile: string): string {
  const priced = model.totalMonthlyUsd !== undefined;
  const rows = [['WORKLOAD', 'KIND', 'TARGET', 'TIER', 'BOUNDARY', 'REPLICAS', ...(priced ? ['USD/MONTH'] : [])],
    ...model.workloads.map((w) => [w.name, w.kind, w.target, tierLabel(w), w.boundary, String(w.replicas), ...(priced ? [w.cost ? usd(w.cost.monthlyUsd) : '-'] : [])])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => `  ${r.map((v, c) => v.padEnd(widths[c])).join('  ').trimEnd()}`);
  const total = priced ? `  total ${usd(model.totalMonthlyUsd!)} a month (${model.region}, prices of ${model.pricesRegion} as of ${model.pricesAsOf})\n` : '';
  const warnings = (model.warnings ?? []).map((w) => `  warning: ${w}\n`).join('');
  return `cdktf-isolation: stack '${model.stack}': ${countLine(model)} (report: ${reportFile}; `
    + `CDKTF_ISOLATION_QUIET=1 silences this)\n${lines.join('\n')}\n${total}${warnings}`;
}

function pricesLines(model: ReportModel): string[] {
  if (model.totalMonthlyUsd === undefined) return [];
  const lines = [`Estimated ${usd(model.totalMonthlyUsd)} a month at list prices (730 hours; traffic-priced items not included) for ${model.region}, `
    + `with the prices of ${model.pricesRegion} as of ${model.pricesAsOf}.`, ''];
  for (const warning of model.warnings ?? []) lines.push(`> **Warning:** ${warning}`, '');
  return lines;
}

/** A pie of cost by tier (Mermaid) and the pools table. */
function costSections(model: ReportModel): string[] {
  const out: string[] = [];
  if (model.costByTier && Object.keys(model.costByTier).length > 0) {
    out.push('## Cost by tier (USD a month)', '', '```mermaid', `pie showData title ${model.stack}: ${usd(model.totalMonthlyUsd!)} a month`);
    for (const [tier, monthly] of Object.entries(model.costByTier)) out.push(`  "${tier}" : ${monthly.toFixed(2)}`);
    out.push('```', '');
  }
  if (model.pools.length > 0) {
    out.push('## Capacity pools', '', '| Pool | Instance type | Instances | Tasks per instance | Utilization | USD/month |', '|---|---|---|---|---|---|');
    for (const p of model.pools) {
      out.push(`| ${[p.name, p.instanceType, p.instances, p.tasksPerInstance, `${Math.round(p.utilization * 1000) / 10} %`, usd(p.monthlyUsd)].map(cell).join(' | ')} |`);
    }
    out.push('');
  }
  return out;
}

function countLine(model: ReportModel): string {
  const n = model.workloads.length;
  return `${n} workload${n === 1 ? '' : 's'}: ${Object.entries(model.byTier).map(([t, c]) => `${c} ${t}`).join(', ')}.`;
}

function mermaidText(s: string): string {
  return s.replace(/"/g, '#quot;');
}
