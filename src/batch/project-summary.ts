/**
 * The summary across a batch of projections, built one outcome at a time in
 * input order: a row per scenario with each of its years (marked projected)
 * and the assumptions it used, and per fiscal year the totals across the
 * scenarios that reach it. Sums are exact decimals (src/runtime/money.ts);
 * dollars of different years are never added.
 */
import { dec, fixed, ZERO, type Dec } from '../runtime/money.js';
import type { ProjectBatchSummary, ProjectScenarioRow, ProjectYearTotals } from './project-contract.js';
import type { ProjectOutcome } from './project-outcome.js';
import { batchExitCode, scenarioRowStart } from './outcome.js';

interface YearSums {
  projected: number;
  scenarios: number;
  students: number;
  ada: Dec;
  transfers: Dec;
  coe: Dec;
  incomplete: number;
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

export class ProjectSummaryBuilder {
  private readonly rows: ProjectScenarioRow[] = [];
  private readonly years = new Map<string, YearSums>();

  add(o: ProjectOutcome): ProjectScenarioRow {
    const ran = o.result !== undefined && o.years !== undefined;
    const row: ProjectScenarioRow = {
      ...scenarioRowStart(this.rows.length + 1, o),
      ...(ran ? { years: o.years!, assumptions: o.result!.projection.assumptions } : {}),
      ...(o.error !== undefined ? { error: o.error } : {}),
    };
    this.rows.push(row);
    for (const f of ran ? o.years! : []) {
      let y = this.years.get(f.fiscal_year);
      if (!y) this.years.set(f.fiscal_year, (y = { projected: 0, scenarios: 0, students: 0, ada: ZERO, transfers: ZERO, coe: ZERO, incomplete: 0 }));
      y.scenarios += 1;
      if (f.projected) y.projected += 1;
      y.students += f.students;
      y.ada = y.ada.plus(dec(f.ada));
      y.transfers = y.transfers.plus(dec(f.transfers));
      y.coe = y.coe.plus(dec(f.coe_entitlement));
      if (!f.complete) y.incomplete += 1;
    }
    return row;
  }

  build(): ProjectBatchSummary {
    const totals: ProjectYearTotals[] = [...this.years.entries()]
      .sort(([x], [z]) => cmp(x, z))
      .map(([fiscal_year, y]) => ({
        fiscal_year,
        projected: y.projected > 0,
        scenarios: y.scenarios,
        projected_scenarios: y.projected,
        students: y.students,
        ada: fixed(y.ada, 2),
        transfers: fixed(y.transfers, 2),
        coe_entitlement: { total: fixed(y.coe, 2), incomplete: y.incomplete },
      }));
    const ran = this.rows.filter((r) => r.status === 'ok' || r.status === 'findings').length;
    return { scenarios: this.rows, ran, failed: this.rows.length - ran, totals, exit_code: batchExitCode(this.rows) };
  }
}
