/** `lcff compare` in the terminal and as CSV: the law that differs, every changed figure with its causes, the totals. */
import { provenanceFooter, provenanceRows } from '../report/provenance.js';
import pc from 'picocolors';
import { stringify } from 'csv-stringify/sync';
import { visible } from '../core/safe-text.js';
import { neutralise, table } from '../report/csv.js';
import { newTable } from '../report/table.js';
import { PROJECTED_MARK } from '../report/projection-tables.js';
import { projectionText } from './projected-side.js';
import type { CompareDelta, CompareResult, CompareSide } from './result.js';

function sideText(s: CompareSide): string {
  const parts = [s.rules];
  if (s.reform !== undefined) parts.push(`reform ${s.reform}`);
  if (s.set.length > 0) parts.push(`--set ${s.set.join(', ')}`);
  return `${s.label}: ${parts.join(' + ')}${s.projection ? ` (projected)` : ''}`;
}

/** A figure of side a, marked `*` when side a ran projected. */
export function aFigure(text: string, projected: boolean | undefined): string {
  return projected && text !== '' ? `${text}${PROJECTED_MARK}` : text;
}

/** The lines that say side a is projected and by what; none when it is not. */
export function projectedLines(c: CompareResult): string[] {
  const p = c.a.projection;
  if (!p) return [];
  return [`Side a is ${projectionText(p)}.`, `${PROJECTED_MARK} projected: a figure of side a, computed with the law extended past ${p.library_last_year} by the assumed COLA — not enacted law.`];
}

function causesText(d: CompareDelta): string {
  if (d.causes.length === 0) return '(no differing law found)';
  const names = d.causes.map((c) => (c.kind === 'parameter' ? c.name : `${c.kind} ${c.name}`)).join(', ');
  return d.causes.every((c) => c.traced) ? names : `${names} (used by the run, not by this figure's trace)`;
}

const KIND_TITLES: Record<CompareDelta['subject_kind'], string> = { lea: 'LEAs: credits, UPP and rates', transfer: 'Transfers (EC 2576)', coe: 'County office: AEG and entitlement', student: 'Students whose category, crediting or codes changed', finding: 'Findings that appear or go' };

export function renderCompare(c: CompareResult): string {
  const out: string[] = [];
  out.push(pc.bold(visible(`Comparing ${c.scenario} in ${c.fiscal_year}`)));
  out.push(visible(`  a = ${sideText(c.a)}`));
  out.push(visible(`  b = ${sideText(c.b)}`));
  for (const line of projectedLines(c)) out.push(pc.magenta(visible(line)));
  out.push('');
  if (c.law.values.length === 0 && c.law.rules.length === 0) out.push('The law is the same on both sides in this year.');
  else {
    const t = newTable({ head: ['law that differs', 'a', 'b', 'citation (b)'], wordWrap: true, colWidths: [44, 30, 30, 36] });
    for (const v of c.law.values) t.push([`parameter ${v.name}${v.user_supplied ? ' (--set)' : ''}`, aFigure(v.from, c.a.projection !== undefined), v.to, v.cite]);
    for (const r of c.law.rules) t.push([`${r.what} ${r.name} (${r.kind})`, r.from ? `${r.from.effective}\n${r.from.source}` : '—', r.to ? `${r.to.effective}\n${r.to.source}` : '—', r.to?.cite.join('; ') ?? '']);
    out.push(t.toString());
  }
  if (c.deltas.length === 0) out.push('\nNo figure of the run changed.');
  for (const kind of Object.keys(KIND_TITLES) as Array<CompareDelta['subject_kind']>) {
    const rows = c.deltas.filter((d) => d.subject_kind === kind);
    if (rows.length === 0) continue;
    const t = newTable({ head: ['subject', 'figure', 'a', 'b', 'change', 'because of'], wordWrap: true, colWidths: [24, 30, 16, 16, 12, 34] });
    for (const d of rows) t.push([d.name ? `${d.subject}\n${d.name}` : d.subject, d.field, aFigure(d.a, d.a_projected) || '—', d.b || '—', d.change ?? '', causesText(d)]);
    out.push(`\n${pc.bold(KIND_TITLES[kind])}\n${t.toString()}`);
  }
  const t = c.totals;
  out.push(`\nTransfers in total: ${aFigure(t.transfers.a, t.transfers.a_projected)} → ${t.transfers.b} (${t.transfers.change})`);
  out.push(`COE entitlement total: ${aFigure(t.coe_entitlement.a, t.coe_entitlement.a_projected)} → ${t.coe_entitlement.b} (${t.coe_entitlement.change})\n`);
  return out.join('\n');
}

export const COMPARE_CSV_COLUMNS = ['subject_kind', 'subject', 'name', 'field', 'a', 'b', 'change', 'causes', 'a_projected'] as const;

/** One row per changed figure; causes as `kind:name` separated by `; `; `a_projected` true when side a ran projected (its assumptions: the provenance file beside, projectionRows). Formula-like texts are neutralised (src/report/csv.ts). */
export function compareCsv(c: CompareResult): string {
  const rows = c.deltas.map((d) => ({ ...d, change: d.change ?? '', causes: d.causes.map((x) => `${x.kind}:${x.name}${x.traced ? '' : ' (run)'}`).join('; '), a_projected: d.a_projected ? 'true' : 'false' }));
  return stringify(rows, { header: true, columns: [...COMPARE_CSV_COLUMNS], cast: { string: neutralise } });
}

/** The closing lines: the provenance of each side (the law it ran, the program, the time). */
export function sidesProvenance(r: CompareResult): string {
  return (['a', 'b'] as const).map((k) => (r[k].provenance ? `\nSide ${k} (${r[k].label}):\n${provenanceFooter(r[k].provenance)}\n` : '')).join('');
}

/** Side a's projection as key,value rows for the provenance file beside the CSV: how far its law was extended and by which assumptions. */
export function projectionRows(c: CompareResult): Array<[string, string]> {
  const p = c.a.projection;
  if (!p) return [];
  return [
    ['projected_past', p.library_last_year],
    ['projected_years', p.years.join(' ')],
    ['assumptions_source', p.assumptions.source],
    ...p.assumptions.cola.map((x): [string, string] => ['assumption_cola', `${x.fiscal_year} ${x.value}`]),
    ['cola_parameters', p.cola_parameters.join(' ')],
    ...p.derived.map((d): [string, string] => ['derived', `${d.parameter} (${d.steps.join(', ')}${d.round ? `; ${d.round}` : ''})`]),
    ...p.carried_forward.map((x): [string, string] => ['carried_forward', `${x.parameter} = ${x.value} (${x.from})`]),
  ];
}

/** The provenance file beside a comparison's CSV (docs/outputs.md, "Provenance"): each side's provenance, and side a's projection and its assumptions when side a ran projected. */
export function compareProvenanceCsv(c: CompareResult): string {
  const rows = (['a', 'b'] as const).flatMap((k) => [...provenanceRows(c[k].provenance!), ...(k === 'a' ? projectionRows(c) : [])].map(([key, value]) => ({ side: k, key, value })));
  return table(['side', 'key', 'value'], rows);
}
