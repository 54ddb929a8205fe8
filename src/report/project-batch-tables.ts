/**
 * The terminal summary of a batch of projections: per scenario each year's
 * students, ADA, transfers and COE entitlement (projected figures marked, as
 * in `lcff project`), the assumptions each scenario's projection used, and
 * per fiscal year the totals across the scenarios that reach it. Errors and
 * warnings of each scenario are on stderr, in input order.
 */
import pc from 'picocolors';
import type { ProjectBatchSummary } from '../batch/project-contract.js';
import { dec, grouped } from '../runtime/money.js';
import { statusCell } from './batch-tables.js';
import { assumptionsText, PROJECTED_MARK } from './projection-tables.js';
import { newTable } from './table.js';

const money = (s: string): string => grouped(dec(s), 2);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const yearText = (fiscalYear: string, projected: boolean): string => (projected ? `${fiscalYear} ${PROJECTED_MARK}` : fiscalYear);

export function renderProjectBatch(summary: ProjectBatchSummary): string {
  const n = summary.scenarios.length;
  const out: string[] = [pc.bold(`Batch of ${plural(n, 'projection')}: ${summary.ran} ran, ${summary.failed} failed${summary.failed > 0 ? ' (their errors are above, on stderr)' : ''}; exit ${summary.exit_code}`)];
  out.push(`${PROJECTED_MARK} projected: computed from the scenario's assumptions (students rolled forward; past the library's last year, the law extended too), not reported data`);
  const t = newTable({ head: ['#', 'scenario', 'county', 'year', 'students', 'ADA', 'transfers', 'COE entitlement', 'status'] });
  for (const r of summary.scenarios) {
    const county = r.county ? `${r.county.code} ${r.county.name}` : '';
    const status = statusCell(r.status, r.exit_code);
    if (!r.years) {
      t.push([String(r.index), r.scenario, county, r.fiscal_year ?? '', '', '', '', '', status]);
      continue;
    }
    for (const [i, y] of r.years.entries()) {
      const row: Array<string | number | { content: string }> = [i === 0 ? String(r.index) : '', i === 0 ? r.scenario : '', i === 0 ? county : '', yearText(y.fiscal_year, y.projected), y.students, money(y.ada), money(y.transfers), `${money(y.coe_entitlement)}${y.complete ? '' : ' (incomplete)'}`, i === 0 ? status : ''];
      t.push(row);
    }
  }
  out.push(`\n${t.toString()}`);
  const ran = summary.scenarios.filter((r) => r.assumptions);
  if (ran.length > 0) {
    const a = newTable({ head: ['#', 'scenario', 'assumptions from', 'assumed'], wordWrap: true });
    for (const r of ran) a.push([String(r.index), r.scenario, r.assumptions!.source || '(none needed)', assumptionsText(r.assumptions!)]);
    out.push(`\n${pc.bold('Assumptions of each projection')}\n${a.toString()}`);
  }
  if (summary.totals.length > 0) {
    const y = newTable({ head: ['year', 'scenarios (projected)', 'students', 'ADA', 'transfers', 'COE entitlement'] });
    for (const x of summary.totals) {
      const incomplete = x.coe_entitlement.incomplete > 0 ? ` (${x.coe_entitlement.incomplete} incomplete)` : '';
      y.push([yearText(x.fiscal_year, x.projected), `${x.scenarios} (${x.projected_scenarios})`, x.students, money(x.ada), money(x.transfers), `${money(x.coe_entitlement.total)}${incomplete}`]);
    }
    out.push(`\n${pc.bold('Totals per fiscal year, across the scenarios that reach it')}\n${y.toString()}`);
  }
  return `${out.join('\n')}\n`;
}
