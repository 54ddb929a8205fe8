/**
 * The CSV files of a batch of comparisons (`lcff compare <many> --csv <dir>`):
 * summary.csv, a row per scenario naming the folder that holds what
 * `lcff compare <scenario> --csv` writes (compare.csv and
 * compare.provenance.csv); per fiscal year totals.csv (each side and the
 * change), totals_categories.csv, totals_components.csv (COE entitlement),
 * totals_findings.csv and totals_causes.csv. Long tables with a fiscal_year
 * column; cells through the same CSV writer as every other (formula cells
 * neutralised).
 */
import type { CompareBatchSummary, CompareScenarioRow } from '../batch/compare-contract.js';
import { scenarioCells } from './batch-csv.js';
import { table } from './csv.js';

const SUMMARY_COLUMNS = ['index', 'scenario', 'status', 'exit_code', 'fiscal_year', 'county_code', 'county_name', 'students', 'coe_entitlement_a', 'coe_entitlement_b', 'coe_entitlement_change', 'transfers_a', 'transfers_b', 'transfers_change', 'students_changed', 'deltas', 'a_projected', 'folder', 'error'];

export function compareBatchCsvTables(s: CompareBatchSummary, folders: ReadonlyMap<number, string>): Record<string, string> {
  const row = (r: CompareScenarioRow) => ({
    ...scenarioCells(r),
    students: r.students,
    coe_entitlement_a: r.a?.coe_entitlement,
    coe_entitlement_b: r.b?.coe_entitlement,
    coe_entitlement_change: r.change?.coe_entitlement,
    transfers_a: r.a?.transfers,
    transfers_b: r.b?.transfers,
    transfers_change: r.change?.transfers,
    students_changed: r.students_changed,
    deltas: r.deltas,
    a_projected: r.a ? r.a_projected === true : undefined,
    folder: folders.get(r.index),
    error: r.error,
  });
  const years = s.totals;
  return {
    'summary.csv': table(SUMMARY_COLUMNS, s.scenarios.map(row)),
    'totals.csv': table(
      ['fiscal_year', 'scenarios', 'students', 'students_changed', 'a_projected', 'transfer_lines_a', 'transfer_lines_b', 'transfer_ada_a', 'transfer_ada_b', 'transfers_a', 'transfers_b', 'transfers_change', 'coe_entitlement_a', 'coe_entitlement_b', 'coe_entitlement_change', 'coe_entitlement_incomplete_a', 'coe_entitlement_incomplete_b'],
      years.map((y) => ({
        fiscal_year: y.fiscal_year,
        scenarios: y.scenarios,
        students: y.students,
        students_changed: y.students_changed,
        a_projected: y.a_projected,
        transfer_lines_a: y.transfers.a.lines,
        transfer_lines_b: y.transfers.b.lines,
        transfer_ada_a: y.transfers.a.ada,
        transfer_ada_b: y.transfers.b.ada,
        transfers_a: y.transfers.a.amount,
        transfers_b: y.transfers.b.amount,
        transfers_change: y.transfers.change.amount,
        coe_entitlement_a: y.coe_entitlement.total.a,
        coe_entitlement_b: y.coe_entitlement.total.b,
        coe_entitlement_change: y.coe_entitlement.total.change,
        coe_entitlement_incomplete_a: y.coe_entitlement.incomplete.a,
        coe_entitlement_incomplete_b: y.coe_entitlement.incomplete.b,
      })),
    ),
    'totals_categories.csv': table(
      ['fiscal_year', 'category', 'label', 'students_a', 'students_b', 'students_change', 'census_day_a', 'census_day_b', 'census_day_change', 'ada_a', 'ada_b', 'ada_change'],
      years.flatMap((y) => y.categories.map((c) => ({ fiscal_year: y.fiscal_year, category: c.category, label: c.label, students_a: c.a.students, students_b: c.b.students, students_change: c.change.students, census_day_a: c.a.census_day, census_day_b: c.b.census_day, census_day_change: c.change.census_day, ada_a: c.a.ada, ada_b: c.b.ada, ada_change: c.change.ada }))),
    ),
    'totals_components.csv': table(
      ['fiscal_year', 'component', 'a', 'b', 'change', 'not_computed_a', 'not_computed_b'],
      years.flatMap((y) => y.coe_entitlement.components.map((c) => ({ fiscal_year: y.fiscal_year, component: c.name, a: c.a, b: c.b, change: c.change, not_computed_a: c.not_computed.a, not_computed_b: c.not_computed.b }))),
    ),
    'totals_findings.csv': table(
      ['fiscal_year', 'code', 'severity', 'count_a', 'scenarios_a', 'count_b', 'scenarios_b', 'change'],
      years.flatMap((y) => y.findings.map((f) => ({ fiscal_year: y.fiscal_year, code: f.code, severity: f.severity, count_a: f.a.count, scenarios_a: f.a.scenarios, count_b: f.b.count, scenarios_b: f.b.scenarios, change: f.change }))),
    ),
    'totals_causes.csv': table(['fiscal_year', 'kind', 'name', 'scenarios', 'deltas'], years.flatMap((y) => y.causes.map((c) => ({ fiscal_year: y.fiscal_year, ...c })))),
  };
}
