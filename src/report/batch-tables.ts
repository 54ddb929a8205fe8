/**
 * The terminal summary of a batch run: a row per scenario, then per fiscal
 * year the totals of the scenarios that ran (students and ADA by category,
 * transfers, COE entitlements, findings by code). Errors and warnings of
 * each scenario are on stderr, in input order; every text is visible-safe.
 */
import pc from 'picocolors';
import { visible } from '../core/safe-text.js';
import { dec, grouped } from '../runtime/money.js';
import type { BatchStatus, BatchSummary, YearTotals } from '../batch/contract.js';
import { newTable, styled } from './table.js';

const money = (s: string): string => grouped(dec(s), 2);

const STATUS_TEXT: Record<BatchStatus, string> = { ok: 'ok', findings: 'ran; --fail-on', input: 'bad input', fatal: 'fatal error' };

/** A scenario's status as a table cell: coloured, with its exit code when not 0 (every batch summary). */
export function statusCell(s: BatchStatus, exit: number): { content: string } {
  const text = exit === 0 ? STATUS_TEXT[s] : `${STATUS_TEXT[s]} (exit ${exit})`;
  return styled(text, s === 'ok' ? (t) => t : s === 'findings' ? pc.yellow : pc.red);
}

export function renderBatch(summary: BatchSummary, suppliedLine?: string): string {
  const n = summary.scenarios.length;
  const head = `Batch of ${n} scenario${n === 1 ? '' : 's'}: ${summary.ran} ran, ${summary.failed} failed${summary.failed > 0 ? ' (their errors are above, on stderr)' : ''}; exit ${summary.exit_code}`;
  const out: string[] = [pc.bold(head)];
  if (suppliedLine) out.push(pc.magenta(visible(suppliedLine)));

  const t = newTable({ head: ['#', 'scenario', 'year', 'county', 'students', 'COE entitlement', 'transfers', 'findings', 'status'] });
  for (const r of summary.scenarios) {
    t.push([String(r.index), r.scenario, r.fiscal_year ?? '', r.county ? `${r.county.code} ${r.county.name}` : '', r.students ?? '', r.coe_entitlement !== undefined ? money(r.coe_entitlement) : '', r.transfers !== undefined ? money(r.transfers) : '', r.findings ?? '', statusCell(r.status, r.exit_code)]);
  }
  out.push(`\n${t.toString()}`);
  for (const y of summary.totals) out.push(yearSection(y));
  return `${out.join('\n')}\n`;
}

function yearSection(y: YearTotals): string {
  const lines = [`\n${pc.bold(`Totals, fiscal year ${y.fiscal_year}: ${y.scenarios} scenario${y.scenarios === 1 ? '' : 's'}, ${y.students} students`)}`];
  const cat = newTable({ head: ['category', 'students', 'census day', 'ADA'] });
  for (const c of y.categories) cat.push([c.category, c.students, c.census_day, money(c.ada)]);
  lines.push(cat.toString());
  lines.push(`Transfers of funds (EC 2576): ${y.transfers.lines} line${y.transfers.lines === 1 ? '' : 's'}, ${money(y.transfers.ada)} ADA, ${money(y.transfers.amount)}`);
  const incomplete = y.coe_entitlement.incomplete > 0 ? ` (${y.coe_entitlement.incomplete} of ${y.scenarios} incomplete: a component not computed)` : '';
  lines.push(`COE entitlements (target): ${money(y.coe_entitlement.total)}${incomplete}`);
  if (y.findings.length > 0) {
    const f = newTable({ head: ['code', 'severity', 'findings', 'scenarios'] });
    for (const x of y.findings) f.push([x.code, styled(x.severity, x.severity === 'error' ? pc.red : x.severity === 'warning' ? pc.yellow : (s) => s), x.count, x.scenarios]);
    lines.push(`Findings by code\n${f.toString()}`);
  } else lines.push('Findings: none');
  if (y.unconfirmed.length > 0) lines.push(pc.yellow(visible(`Unconfirmed values and rules used (double-check these dollars): ${y.unconfirmed.join(', ')}`)));
  return lines.join('\n');
}
