/**
 * The terminal summary of a batch of comparisons: the two sides, a row per
 * scenario (each side's COE entitlement and transfers, the change, the
 * students that changed), then per fiscal year the sides' totals and their
 * change (students and ADA by category, transfers, COE entitlement
 * components, findings by code) and the law that caused the deltas.
 * Errors and warnings of each scenario are on stderr, in input order.
 */
import pc from 'picocolors';
import type { CompareBatchSummary, CompareYearTotals } from '../batch/compare-contract.js';
import type { CompareResult, CompareSide } from '../compare/result.js';
import { visible } from '../core/safe-text.js';
import { dec, grouped } from '../runtime/money.js';
import { statusCell } from './batch-tables.js';
import { PROJECTED_MARK } from './projection-tables.js';
import { newTable, styled } from './table.js';

const money = (s: string): string => grouped(dec(s), 2);
const signed = (s: string): string => (dec(s).isNegative() ? money(s) : `+${money(s)}`);
const count = (n: number): string => (n < 0 ? String(n) : `+${n}`);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function sideText(s: CompareSide): string {
  return [s.rules, s.reform !== undefined ? `reform ${s.reform}` : '', s.set.length > 0 ? `--set ${s.set.join(', ')}` : ''].filter(Boolean).join(' + ');
}

export function renderCompareBatch(summary: CompareBatchSummary, first: CompareResult | undefined): string {
  const n = summary.scenarios.length;
  const out: string[] = [pc.bold(`Batch of ${plural(n, 'comparison')}: ${summary.ran} ran, ${summary.failed} failed${summary.failed > 0 ? ' (their errors are above, on stderr)' : ''}; exit ${summary.exit_code}`)];
  if (first) out.push(visible(`  a = ${first.a.label}: ${sideText(first.a)}`), visible(`  b = ${first.b.label}: ${sideText(first.b)}`));
  const t = newTable({ head: ['#', 'scenario', 'year', 'county', 'students', 'COE entitlement a', 'b', 'change', 'transfers a', 'b', 'change', 'students changed', 'status'] });
  for (const r of summary.scenarios) {
    const m = (s: string | undefined, f: (x: string) => string = money): string => (s === undefined ? '' : f(s));
    // side a's figures of a scenario whose side a ran past its library's last year are projected, and marked
    const pa = (s: string): string => (r.a_projected ? `${money(s)}${PROJECTED_MARK}` : money(s));
    const row: Array<string | number | { content: string }> = [String(r.index), r.scenario, r.fiscal_year ?? '', r.county ? `${r.county.code} ${r.county.name}` : '', r.students ?? '', m(r.a?.coe_entitlement, pa), m(r.b?.coe_entitlement), m(r.change?.coe_entitlement, signed), m(r.a?.transfers, pa), m(r.b?.transfers), m(r.change?.transfers, signed), r.students_changed ?? '', statusCell(r.status, r.exit_code)];
    t.push(row);
  }
  out.push(`\n${t.toString()}`);
  if (summary.scenarios.some((r) => r.a_projected)) out.push(`${PROJECTED_MARK} side a projected: past its library's last year, on its law extended by the assumed COLA (each scenario's assumptions are in its JSON and CSV)`);
  for (const y of summary.totals) out.push(yearSection(y));
  return `${out.join('\n')}\n`;
}

function yearSection(y: CompareYearTotals): string {
  const lines = [`\n${pc.bold(`Totals, fiscal year ${y.fiscal_year}: ${plural(y.scenarios, 'scenario')}, ${y.students} students, ${y.students_changed} of them changed category, crediting or codes`)}`];
  if (y.a_projected > 0) lines.push(`Side a is projected in ${plural(y.a_projected, 'scenario')} of this year: its totals hold projected figures`);
  const cat = newTable({ head: ['category', 'students a', 'b', 'change', 'ADA a', 'b', 'change'] });
  for (const c of y.categories) cat.push([c.category, c.a.students, c.b.students, count(c.change.students), money(c.a.ada), money(c.b.ada), signed(c.change.ada)]);
  lines.push(cat.toString());
  const tr = y.transfers;
  lines.push(`Transfers of funds (EC 2576): a ${plural(tr.a.lines, 'line')}, ${money(tr.a.ada)} ADA, ${money(tr.a.amount)} → b ${plural(tr.b.lines, 'line')}, ${money(tr.b.ada)} ADA, ${money(tr.b.amount)} (${signed(tr.change.amount)})`);
  const coe = newTable({ head: ['COE entitlement component', 'a', 'b', 'change', 'not computed a / b'] });
  for (const c of y.coe_entitlement.components) coe.push([c.name, money(c.a), money(c.b), signed(c.change), `${c.not_computed.a} / ${c.not_computed.b}`]);
  const tot = y.coe_entitlement.total;
  coe.push([styled('total', pc.bold), money(tot.a), money(tot.b), signed(tot.change), `${y.coe_entitlement.incomplete.a} / ${y.coe_entitlement.incomplete.b} incomplete`]);
  lines.push(coe.toString());
  if (y.findings.length > 0) {
    const f = newTable({ head: ['code', 'severity', 'findings a (scenarios)', 'b (scenarios)', 'change'] });
    for (const x of y.findings) f.push([x.code, styled(x.severity, x.severity === 'error' ? pc.red : x.severity === 'warning' ? pc.yellow : (s) => s), `${x.a.count} (${x.a.scenarios})`, `${x.b.count} (${x.b.scenarios})`, count(x.change)]);
    lines.push(`Findings by code\n${f.toString()}`);
  } else lines.push('Findings: none on either side');
  if (y.causes.length > 0) {
    const c = newTable({ head: ['law that caused deltas', 'scenarios', 'deltas'] });
    for (const x of y.causes) c.push([x.kind === 'parameter' ? x.name : `${x.kind} ${x.name}`, x.scenarios, x.deltas]);
    lines.push(`Causes\n${c.toString()}`);
  } else lines.push('Causes: no figure changed');
  return lines.join('\n');
}
