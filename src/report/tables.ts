/** The readable terminal report of a run. Every text from the scenario or the rules is shown visible-safe (table cells by newTable, lines here by `visible`). */
import { newTable, styled } from './table.js';
import pc from 'picocolors';
import { visible } from '../core/safe-text.js';
import { dec, grouped, percentText } from '../runtime/money.js';
import type { FindingResult, RunResult } from '../run/result.js';
import { SEVERITIES } from '../run/severity.js';
import { provenanceFooter } from './provenance.js';
import { RowTable } from './table-stream.js';
import type { TextOut } from './text-out.js';
import { userSuppliedLine } from './user-supplied.js';

function money(s: string): string {
  return grouped(dec(s), 2);
}

function pct(s: string): string {
  return percentText(dec(s), 2);
}

function severity(s: FindingResult['severity']): { content: string } {
  return styled(s, s === 'error' ? pc.red : s === 'warning' ? pc.yellow : (t) => t);
}

/** A result as the terminal report reads it: its findings may be a sequence built as it is read (a streamed run). */
export type TerminalSource = Omit<RunResult, 'students' | 'findings'> & { findings: Iterable<FindingResult> };

export interface TerminalOptions {
  /** How many findings of each code and severity to list (default 20); 'all' lists every one. */
  findings?: number | 'all';
}

/** The first findings of each code listed by default. */
export const FINDINGS_SHOWN = 20;

/** The report as one string (small results, tests). */
export function renderTables(r: TerminalSource, title: string, opts: TerminalOptions = {}): string {
  return [...tableSections(r, title, opts)].join('');
}

/** Writes the report piece by piece: a listing of every finding of a large run is never one string. */
export async function writeTables(out: TextOut, r: TerminalSource, title: string, opts: TerminalOptions = {}): Promise<void> {
  for (const piece of tableSections(r, title, opts)) await out.write(piece);
  await out.flush();
}

function* tableSections(r: TerminalSource, title: string, opts: TerminalOptions): Iterable<string> {
  const out: string[] = [pc.bold(visible(`${title} — ${r.county.name} County, fiscal year ${r.fiscal_year}`))];
  const supplied = userSuppliedLine(r.user_supplied);
  if (supplied) out.push(pc.magenta(visible(supplied)));

  const cat = newTable({ head: ['category', 'students', 'census day', 'ADA'] });
  for (const c of r.categories) cat.push([c.category, c.students, c.census_day, money(c.ada)]);
  out.push(`\n${pc.bold('Students by funding category')}\n${cat.toString()}`);

  const leas = newTable({ head: ['LEA', 'kind', 'ADA before', 'ADA after', 'enrollment', 'UPC', 'UPP', 'UPP rolling'] });
  for (const l of r.leas) {
    leas.push([
      `${l.cds} ${l.name}`,
      l.kind,
      money(l.ada.before),
      money(l.ada.after),
      `${l.enrollment.before} → ${l.enrollment.after}`,
      `${l.unduplicated.before} → ${l.unduplicated.after}`,
      `${pct(l.upp.before)} → ${pct(l.upp.after)}`,
      `${pct(l.upp.rolling_before)} → ${pct(l.upp.rolling_after)} (${l.upp.window_years}y)`,
    ]);
  }
  out.push(`\n${pc.bold('Credits by LEA (before → after county-program adjustments)')}\n${leas.toString()}`);

  const districts = r.leas.filter((l) => l.rates && r.transfers.some((t) => t.from === l.cds));
  if (districts.length > 0) {
    const t = newTable({ head: ['district', 'UPP rolling', 'grade span', 'base (adjusted)', 'supplemental', 'concentration', 'rate per ADA'] });
    for (const l of districts) {
      for (const [span, x] of Object.entries(l.rates!)) t.push([`${l.cds} ${l.name}`, pct(l.upp.rolling_after), span, money(x.base), money(x.supplemental), money(x.concentration), money(x.total)]);
    }
    out.push(`\n${pc.bold("Districts' LCFF rates per ADA (statewide base, the district's own UPP)")}\n${t.toString()}`);
  }

  if (r.transfers.length > 0) {
    const t = newTable({ head: ['from', 'to', 'span', 'ADA', 'rate per ADA', 'amount', 'basis'] });
    for (const x of r.transfers) t.push([x.from, x.to, x.grade_span, x.ada, money(x.rate_per_ada), money(x.amount), x.basis]);
    const why = new Map(r.transfers.map((x) => [x.rule, visible(`  ${x.basis}: ${x.reason} (${x.rule}; ${x.cite})`)]));
    out.push(`\n${pc.bold('Transfers of funds (EC 2576)')}\n${t.toString()}\n${[...why.values()].join('\n')}`);
  } else out.push(`\n${pc.bold('Transfers of funds (EC 2576)')}: none (no District Funded County Program ADA)`);

  const c0 = r.calpads;
  out.push(`\n${pc.bold('CALPADS reporting')}: ${visible(`Student School Transfer Code in ${c0.file} field ${c0.transfer_code_field}, District of Geographic Residence in ${c0.file} field ${c0.residence_field}`)} ${pc.dim(visible(`(${c0.cite})`))}`);

  const aeg = r.aeg;
  const aegText = aeg.known ? `${aeg.ada} ADA at UPP ${pct(aeg.upp)}: base ${money(aeg.base)} + supplemental ${money(aeg.supplemental)} + concentration ${money(aeg.concentration)} = ${money(aeg.total)}` : `${aeg.ada} ADA; ${aeg.note}`;
  out.push(`\n${pc.bold('Alternative Education Grant')}: ${visible(aegText)} ${pc.dim(visible(`(${aeg.cite})`))}`);

  out.push(coeEntitlementSection(r));

  if (r.accounting.length > 0) {
    const a = newTable({ head: ['LEA', 'side', 'goal', 'object', 'amount', 'paid to / received from', 'citation'] });
    for (const e of r.accounting) a.push([e.lea, e.side, e.goal ?? '', e.object, money(e.amount), e.counterparty, e.cite]);
    out.push(`\n${pc.bold('Accounting entries (SACS)')}\n${a.toString()}`);
  }

  if (r.prior_year_adjustments.length > 0) {
    const p = newTable({ head: ['district', 'for year', 'audit reference', 'enrollment', 'UPC', 'prior-year adjustment?'], wordWrap: true, colWidths: [10, 10, 20, 12, 8, 50] });
    for (const x of r.prior_year_adjustments) p.push([x.district, x.fiscal_year, x.audit_reference, x.enrollment_change, x.unduplicated_change, `${x.applies ? `yes, in ${x.applied_in}` : 'no'}: ${x.affects}`]);
    out.push(`\n${pc.bold('Corrections after the amendment window')}\n${p.toString()}`);
  }

  yield `${out.join('\n')}\n`;
  out.length = 0;
  yield* findingsSection(r.findings, opts.findings ?? FINDINGS_SHOWN);
  yield '\n';

  const c = r.conservation;
  out.push(`\n${pc.dim(`Conservation: ADA ${c.ada_in} in = ${c.ada_out} out; enrollment ${c.enrollment_in} = ${c.enrollment_out}; UPC ${c.upc_in} = ${c.upc_out}; transfers net ${c.transfers_net}.`)}`);
  if (r.unconfirmed.length > 0) out.push(pc.yellow(visible(`Unconfirmed values and rules used (double-check these dollars): ${r.unconfirmed.join(', ')}`)));
  if (r.provenance) out.push(`\n${provenanceFooter(r.provenance)}`);
  yield `${out.join('\n')}\n`;
}

/**
 * The findings: how many of each code and severity, then the first `shown`
 * of each (all with 'all'), in the result's order, in a table written row
 * by row.
 */
function* findingsSection(findings: Iterable<FindingResult>, shown: number | 'all'): Iterable<string> {
  const counts = new Map<string, { severity: FindingResult['severity']; code: string; count: number }>();
  let total = 0;
  for (const f of findings) {
    const key = `${f.severity} ${f.code}`;
    const c = counts.get(key);
    if (c) c.count += 1;
    else counts.set(key, { severity: f.severity, code: f.code, count: 1 });
    total += 1;
  }
  if (total === 0) {
    yield `\n${pc.bold('Findings')}: none`;
    return;
  }
  const kinds = [...counts.values()].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const limit = shown === 'all' ? Infinity : shown;
  const cut = kinds.some((k) => k.count > limit);
  const summary = newTable({ head: ['severity', 'code', 'findings', 'listed'] });
  for (const k of kinds) summary.push([severity(k.severity), k.code, k.count.toLocaleString('en-US'), Math.min(k.count, limit).toLocaleString('en-US')]);
  const bySeverity = SEVERITIES.map((sev) => [sev, kinds.filter((k) => k.severity === sev).reduce((a, k) => a + k.count, 0)] as const).filter(([, n]) => n > 0);
  yield `\n${pc.bold(`Findings (${total.toLocaleString('en-US')}: ${bySeverity.map(([sev, n]) => `${n.toLocaleString('en-US')} ${sev === 'info' || n === 1 ? sev : `${sev}s`}`).join(', ')})`)}\n${summary.toString()}\n`;
  const title = cut ? `the first ${limit} of each code and severity (--findings all lists every one)` : 'every one';
  yield `${pc.bold(`Findings listed: ${title}`)}\n`;
  const listed = new Map<string, number>();
  const table = new RowTable(['severity', 'code', 'subject', 'finding', 'citation'], [10, 11, 10, 62, 24]);
  yield* table.pieces(firstOfEachKind(findings, limit, listed));
}

function* firstOfEachKind(findings: Iterable<FindingResult>, limit: number, listed: Map<string, number>): Iterable<Array<string | { content: string }>> {
  for (const f of findings) {
    const key = `${f.severity} ${f.code}`;
    const n = listed.get(key) ?? 0;
    if (n >= limit) continue;
    listed.set(key, n + 1);
    yield [severity(f.severity), f.code, f.subject, f.message, f.cite];
  }
}

/** The COE's LCFF entitlement: each component with its inputs, rate and citation; what is missing and what is not modelled. */
function coeEntitlementSection(r: TerminalSource): string {
  const e = r.coe_entitlement;
  const t = newTable({ head: ['component', 'amount', 'inputs', 'rate', 'citation'], wordWrap: true, colWidths: [28, 17, 32, 34, 24] });
  for (const c of e.components) t.push([c.name, c.computed ? money(c.amount) : 'not computed', c.inputs, c.rate, c.cite]);
  const lines = [`\n${pc.bold(`COE entitlement (target${e.complete ? '' : ', incomplete'})`)}: ${money(e.total)}`, t.toString()];
  for (const m of e.missing) lines.push(pc.yellow(visible(`  missing: ${m}`)));
  for (const n of e.not_modelled) lines.push(pc.dim(visible(`  not modelled: ${n.item} (${n.cite}): ${n.reason}`)));
  return lines.join('\n');
}
