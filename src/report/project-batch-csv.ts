/**
 * The CSV files of a batch of projections (`lcff project <many> --csv <dir>`):
 * summary.csv, a row per scenario naming the folder that holds what
 * `lcff project <scenario> --csv` writes (with its provenance.csv);
 * years.csv, each scenario's years (marked projected); assumptions.csv,
 * what each scenario's projection assumed; totals.csv, per fiscal year
 * across the scenarios. Cells through the same CSV writer as every other.
 */
import type { ProjectBatchSummary } from '../batch/project-contract.js';
import { ASSUMPTION_KINDS } from '../scenario/model.js';
import { scenarioCells } from './batch-csv.js';
import { table } from './csv.js';

const bool = (b: boolean): string => (b ? 'true' : 'false');

export function projectBatchCsvTables(s: ProjectBatchSummary, folders: ReadonlyMap<number, string>): Record<string, string> {
  const rows = s.scenarios;
  return {
    'summary.csv': table(
      ['index', 'scenario', 'status', 'exit_code', 'fiscal_year', 'county_code', 'county_name', 'folder', 'error'],
      rows.map((r) => ({ ...scenarioCells(r), folder: folders.get(r.index), error: r.error })),
    ),
    'years.csv': table(
      ['index', 'scenario', 'county_code', 'fiscal_year', 'projected', 'students', 'ada', 'transfers', 'coe_entitlement', 'coe_entitlement_complete'],
      rows.flatMap((r) => (r.years ?? []).map((y) => ({ index: r.index, scenario: r.scenario, county_code: r.county?.code, fiscal_year: y.fiscal_year, projected: bool(y.projected), students: y.students, ada: y.ada, transfers: y.transfers, coe_entitlement: y.coe_entitlement, coe_entitlement_complete: bool(y.complete) }))),
    ),
    'assumptions.csv': table(
      ['index', 'scenario', 'source', 'assumption', 'fiscal_year', 'value'],
      rows.flatMap((r) => (r.assumptions ? ASSUMPTION_KINDS.flatMap((k) => r.assumptions![k].map((a) => ({ index: r.index, scenario: r.scenario, source: r.assumptions!.source, assumption: k, fiscal_year: a.fiscal_year, value: a.value }))) : [])),
    ),
    'totals.csv': table(
      ['fiscal_year', 'projected', 'scenarios', 'projected_scenarios', 'students', 'ada', 'transfers', 'coe_entitlement', 'coe_entitlement_incomplete'],
      s.totals.map((y) => ({ fiscal_year: y.fiscal_year, projected: bool(y.projected), scenarios: y.scenarios, projected_scenarios: y.projected_scenarios, students: y.students, ada: y.ada, transfers: y.transfers, coe_entitlement: y.coe_entitlement.total, coe_entitlement_incomplete: y.coe_entitlement.incomplete })),
    ),
  };
}
