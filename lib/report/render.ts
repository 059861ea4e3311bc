// Renders placement records as the report's JSON, Markdown and console summary. Pure: no cdktf, no I/O.
import type { PlacementRecord, PoolRecord } from './record';
import type { CostEstimate, CostItem, TierAlternative } from '../capacity/cost-estimator';
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

/** A warning synth printed for a construct of the stack (a cdktf annotation), as the report carries it. */
export interface ReportWarning {
  /** The construct it was given on. */
  readonly path: string;
  readonly message: string;
}

/** What the stack's workloads share, as the bill shows it: networks, keys, the region fee, pool slack. */
export interface SharedCost {
  /** The sum of the items, in cents exactly. */
  readonly monthlyUsd: number;
  readonly items: CostItem[];
}

/** What the stack costs beside its workloads, and what synth warned about: the report's input besides the records. */
export interface StackBill {
  /** The stack's capacity pools as planned. */
  readonly pools: PoolRecord[];
  /** Items no workload owns: networks, shared keys, the region fee. */
  readonly shared: CostEstimate[];
  /** Each shared pool's unreserved capacity. */
  readonly poolSlack: CostItem[];
  /** Every warning annotation under the stack. */
  readonly warnings: ReportWarning[];
}

/** The report of one stack. */
export interface ReportModel {
  readonly stack: string;
  readonly workloads: ReportEntry[];
  /** Workload count per tier, in tier order (weakest isolation first). */
  readonly byTier: Record<string, number>;
  /**
   * The stack's bill: every workload's cost plus the shared items, in cents exactly; every billable
   * resource the stack creates is in exactly one of those items (absent when nothing is priced).
   */
  readonly totalMonthlyUsd?: number;
  /** The sum of the workloads' costs. */
  readonly workloadsMonthlyUsd?: number;
  /** What the workloads share: networks, shared keys, the Dedicated Instances region fee, pool slack. */
  readonly shared?: SharedCost;
  /** Monthly USD per tier of the priced workloads, in tier order, and 'shared'. */
  readonly costByTier?: Record<string, number>;
  /** The region the workloads are priced for. */
  readonly region?: string;
  /** The region whose price table was used (another one when the region has none). */
  readonly pricesRegion?: string;
  /** The date of the price tables. */
  readonly pricesAsOf?: string;
  /** Every warning synth printed for the stack's constructs. */
  readonly warnings: ReportWarning[];
  /** The stack's capacity pools as planned. */
  readonly pools: PoolRecord[];
}

/** Builds the report; `text` turns a value that may hold unresolved tokens into printable text. */
export function reportModel(stack: string, records: PlacementRecord[], text: (s: string) => string,
  bill: StackBill = { pools: [], shared: [], poolSlack: [], warnings: [] }): ReportModel {
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
    // The construct's reasons already end with the sizing's and the realization's notes (instance type, Fargate rounding).
    reasons: r.decision.reasons.map(text),
    replicas: r.replicas,
    ...(r.realized.capacity !== undefined ? { capacity: text(r.realized.capacity) } : {}),
    ...(r.cost ? { cost: { monthlyUsd: r.cost.monthlyUsd, items: r.cost.items } } : {}),
    ...(r.alternatives?.length ? { alternatives: r.alternatives } : {}),
    ...(r.isolationPremiumUsd !== undefined ? { isolationPremiumUsd: r.isolationPremiumUsd } : {}),
  }));
  const byTier: Record<string, number> = {};
  for (const tier of Object.values(PlacementTier)) {
    const count = workloads.filter((w) => w.tier === tier).length;
    if (count > 0) byTier[tier] = count;
  }
  return { stack, workloads, byTier, ...costSummary(records, workloads, bill), warnings: dedupe(bill.warnings.map((w) => ({ path: w.path, message: text(w.message) }))), pools: bill.pools };
}

/** The stack's bill: workloads and shared items, the cost per tier, and which prices were used (one region per stack: the first priced one's). */
function costSummary(records: PlacementRecord[], workloads: ReportEntry[], bill: StackBill): Partial<ReportModel> {
  const priced = [...records.filter((r) => r.cost !== undefined).map((r) => r.cost!), ...bill.shared];
  if (priced.length === 0) return {};
  const cents = (items: Array<{ monthlyUsd: number }>) => items.reduce((sum, i) => sum + Math.round(i.monthlyUsd * 100), 0);
  const workloadCents = cents(workloads.map((w) => w.cost ?? { monthlyUsd: 0 }));
  const sharedItems = [...bill.shared.flatMap((e) => e.items), ...bill.poolSlack];
  const costByTier: Record<string, number> = {};
  for (const tier of Object.values(PlacementTier)) {
    const c = cents(workloads.filter((w) => w.tier === tier && w.cost).map((w) => w.cost!));
    if (c > 0) costByTier[tier] = c / 100;
  }
  if (cents(sharedItems) > 0) costByTier.shared = cents(sharedItems) / 100;
  const first = priced[0];
  return {
    totalMonthlyUsd: (workloadCents + cents(sharedItems)) / 100, workloadsMonthlyUsd: workloadCents / 100,
    shared: { monthlyUsd: cents(sharedItems) / 100, items: sharedItems },
    costByTier, region: first.requestedRegion, pricesRegion: first.pricesRegion, pricesAsOf: first.pricesAsOf,
  };
}

function dedupe(warnings: ReportWarning[]): ReportWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.path}\n${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
    if (w.cost) out.push(`- Cost: ${usd(w.cost.monthlyUsd)}/month: ${w.cost.items.map(itemText).join('; ')}.`);
    if (w.alternatives?.some((a) => a.monthlyUsd !== undefined || a.refusal !== undefined)) {
      out.push(`- Offers: ${w.alternatives.map((a) => `${a.tier} ${a.refusal !== undefined ? `cannot run it (${a.refusal})` : a.monthlyUsd !== undefined ? usd(a.monthlyUsd) : 'unpriced'}`
        + `${a.meetsNeeds ? '' : ' (isolates too little)'}`).join(', ')}.`);
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
  const total = priced ? `  total ${usd(model.totalMonthlyUsd!)} a month: workloads ${usd(model.workloadsMonthlyUsd!)}, shared ${usd(model.shared!.monthlyUsd)} `
    + `(${model.region}, prices of ${model.pricesRegion} as of ${model.pricesAsOf})\n` : '';
  const n = model.warnings.length;
  const warnings = n ? `  ${n} warning${n === 1 ? '' : 's'}, listed in the report\n` : '';
  return `cdktf-isolation: stack '${model.stack}': ${countLine(model)} (report: ${reportFile}; `
    + `CDKTF_ISOLATION_QUIET=1 silences this)\n${lines.join('\n')}\n${total}${warnings}`;
}

function pricesLines(model: ReportModel): string[] {
  const lines: string[] = [];
  if (model.totalMonthlyUsd !== undefined) {
    lines.push(`Estimated ${usd(model.totalMonthlyUsd)} a month at list prices (730 hours; traffic-priced items not included) for ${model.region}, `
      + `with the prices of ${model.pricesRegion} as of ${model.pricesAsOf}: the workloads ${usd(model.workloadsMonthlyUsd!)} and what they share `
      + `${usd(model.shared!.monthlyUsd)}. Items marked *estimate* rest on a rule, an assumption or a price not re-checked, as they say.`, '');
  }
  for (const w of model.warnings) lines.push(`> **Warning** (\`${w.path}\`): ${w.message}`, '');
  return lines;
}

/** An item as the Markdown shows it, with the basis of an estimate. */
function itemText(i: CostItem): string {
  return `${i.what} ${usd(i.monthlyUsd)}${i.estimate ? ` (*estimate*: ${i.estimate})` : ''}`;
}

/** A pie of cost by tier (Mermaid) and the pools table. */
function costSections(model: ReportModel): string[] {
  const out: string[] = [];
  if (model.costByTier && Object.keys(model.costByTier).length > 0) {
    out.push('## Cost by tier (USD a month)', '', '```mermaid', `pie showData title ${model.stack}: ${usd(model.totalMonthlyUsd!)} a month`);
    for (const [tier, monthly] of Object.entries(model.costByTier)) out.push(`  "${tier}" : ${monthly.toFixed(2)}`);
    out.push('```', '');
  }
  if (model.shared && model.shared.items.length > 0) {
    out.push('## Shared by the workloads (USD a month)', '', '| Item | USD/month |', '|---|---|');
    for (const i of model.shared.items) out.push(`| ${[`${i.what}${i.estimate ? ` (*estimate*: ${i.estimate})` : ''}`, usd(i.monthlyUsd)].map(cell).join(' | ')} |`);
    out.push('');
  }
  if (model.pools.length > 0) {
    out.push('## Capacity pools', '', '| Pool | Owner | Instance type | Instances (min-max) | Tasks per instance | Utilization | USD/month | Unreserved |',
      '|---|---|---|---|---|---|---|---|');
    for (const p of model.pools) {
      out.push(`| ${[p.name, p.owner, p.instanceType, `${p.instances} (${p.minInstances}-${p.maxInstances})`, p.tasksPerInstance,
        `${Math.round(p.utilization * 1000) / 10} % of ${p.binding}`, usd(p.monthlyUsd), p.slackMonthlyUsd !== undefined ? usd(p.slackMonthlyUsd) : ''].map(cell).join(' | ')} |`);
    }
    out.push('', ...model.pools.map((p) => `- ${p.name}: ${p.why}`), '');
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
