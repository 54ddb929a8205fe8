/**
 * The summary across a batch's scenarios, built one outcome at a time in
 * input order (so a caller need not keep every result): a row per scenario,
 * and per fiscal year the totals of the scenarios that ran — students and
 * ADA by category, transfers, COE entitlements, findings by code. Sums are
 * exact decimals (src/runtime/money.ts); dollars of different fiscal years
 * are never added together.
 */
import { dec, fixed, ZERO, type Dec } from '../runtime/money.js';
import type { FindingResult, RunResult } from '../run/result.js';
import { SEVERITIES } from '../run/severity.js';
import type { BatchSummary, FindingCount, ScenarioRow, YearTotals } from './contract.js';
import { batchExitCode, scenarioRowStart, type ScenarioOutcome } from './outcome.js';

interface YearSums {
  scenarios: number;
  students: number;
  categories: Map<string, { label: string; students: number; census_day: number; ada: Dec }>;
  transfers: { lines: number; ada: Dec; amount: Dec };
  coe: { total: Dec; incomplete: number };
  findings: Map<string, FindingCount>;
  unconfirmed: Set<string>;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const severityRank = (s: FindingResult['severity']): number => SEVERITIES.indexOf(s);

/** The sum of a result's transfer amounts. */
export function transfersTotal(r: RunResult): Dec {
  return r.transfers.reduce((t, x) => t.plus(dec(x.amount)), ZERO);
}

export class BatchSummaryBuilder {
  private readonly rows: ScenarioRow[] = [];
  private readonly years = new Map<string, YearSums>();

  add(o: ScenarioOutcome): ScenarioRow {
    const r = o.result;
    const row: ScenarioRow = {
      ...scenarioRowStart(this.rows.length + 1, o),
      ...(r
        ? {
            students: r.students.length,
            coe_entitlement: r.coe_entitlement.total,
            transfers: fixed(transfersTotal(r), 2),
            findings: r.findings.length,
          }
        : {}),
      ...(o.evaluator !== undefined ? { evaluator: o.evaluator } : {}),
      ...(o.error !== undefined ? { error: o.error } : {}),
    };
    this.rows.push(row);
    if (r) this.addResult(r);
    return row;
  }

  private addResult(r: RunResult): void {
    let y = this.years.get(r.fiscal_year);
    if (!y) {
      y = { scenarios: 0, students: 0, categories: new Map(), transfers: { lines: 0, ada: ZERO, amount: ZERO }, coe: { total: ZERO, incomplete: 0 }, findings: new Map(), unconfirmed: new Set() };
      this.years.set(r.fiscal_year, y);
    }
    y.scenarios += 1;
    y.students += r.students.length;
    for (const c of r.categories) {
      const t = y.categories.get(c.category) ?? { label: c.label, students: 0, census_day: 0, ada: ZERO };
      t.students += c.students;
      t.census_day += c.census_day;
      t.ada = t.ada.plus(dec(c.ada));
      y.categories.set(c.category, t);
    }
    y.transfers.lines += r.transfers.length;
    for (const x of r.transfers) y.transfers.ada = y.transfers.ada.plus(dec(x.ada));
    y.transfers.amount = y.transfers.amount.plus(transfersTotal(r));
    y.coe.total = y.coe.total.plus(dec(r.coe_entitlement.total));
    if (!r.coe_entitlement.complete) y.coe.incomplete += 1;
    for (const u of r.unconfirmed) y.unconfirmed.add(u);
    const seen = new Set<string>();
    for (const f of r.findings) {
      const key = `${f.severity} ${f.code}`;
      const t = y.findings.get(key) ?? { code: f.code, severity: f.severity, count: 0, scenarios: 0 };
      t.count += 1;
      if (!seen.has(key)) t.scenarios += 1;
      seen.add(key);
      y.findings.set(key, t);
    }
  }

  build(): BatchSummary {
    const totals: YearTotals[] = [...this.years.entries()]
      .sort(([a], [b]) => cmp(a, b))
      .map(([fiscal_year, y]) => ({
        fiscal_year,
        scenarios: y.scenarios,
        students: y.students,
        categories: [...y.categories.entries()].map(([category, c]) => ({ category, label: c.label, students: c.students, census_day: c.census_day, ada: fixed(c.ada, 2) })),
        transfers: { lines: y.transfers.lines, ada: fixed(y.transfers.ada, 2), amount: fixed(y.transfers.amount, 2) },
        coe_entitlement: { total: fixed(y.coe.total, 2), incomplete: y.coe.incomplete },
        findings: [...y.findings.values()].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || cmp(a.code, b.code)),
        unconfirmed: [...y.unconfirmed].sort(cmp),
      }));
    const ran = this.rows.filter((r) => r.status === 'ok' || r.status === 'findings').length;
    return {
      scenarios: this.rows,
      ran,
      failed: this.rows.length - ran,
      totals,
      exit_code: batchExitCode(this.rows),
    };
  }
}
