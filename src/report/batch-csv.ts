/**
 * The CSV files of a batch run (`lcff run <many> --csv <dir>`): summary.csv,
 * a row per scenario naming the folder that holds its own tables (the same
 * files as `lcff run <scenario> --csv`); totals.csv, totals_categories.csv
 * and totals_findings.csv, per fiscal year. Long tables with a fiscal_year
 * column, so a spreadsheet filters or pivots them directly. Cells are
 * written by the same CSV writer as a single run (formula cells neutralised).
 */
import { basename, extname } from 'node:path';
import type { BatchSummary, ScenarioRow } from '../batch/contract.js';
import { table } from './csv.js';

/**
 * The folder of a scenario's tables inside the --csv folder: its position,
 * then its file or folder name with anything but letters, digits, `.`, `_`
 * and `-` replaced ("03-2023-24-csv-students"); unique by its position.
 */
export function scenarioFolderName(index: number, count: number, path: string): string {
  const base = basename(path.replace(/[\\/]+$/, ''));
  const stem = (extname(base) && /^\.(ya?ml|json)$/i.test(extname(base)) ? base.slice(0, -extname(base).length) : base).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '').slice(0, 60);
  return `${String(index).padStart(String(count).length, '0')}-${stem || 'scenario'}`;
}

/** The cells every batch's summary.csv row begins with: position, path, status, exit code, year and county. */
export function scenarioCells(r: { index: number; scenario: string; status: string; exit_code: number; fiscal_year?: string; county?: { code: string; name: string } }) {
  return { index: r.index, scenario: r.scenario, status: r.status, exit_code: r.exit_code, fiscal_year: r.fiscal_year, county_code: r.county?.code, county_name: r.county?.name };
}

const SUMMARY_COLUMNS = ['index', 'scenario', 'status', 'exit_code', 'fiscal_year', 'county_code', 'county_name', 'students', 'coe_entitlement', 'transfers', 'findings', 'evaluator', 'folder', 'error'];

/** The summary files; `folders` names each scenario's table folder (absent for a scenario that did not run). */
export function batchCsvTables(s: BatchSummary, folders: ReadonlyMap<number, string>): Record<string, string> {
  const row = (r: ScenarioRow) => ({
    ...scenarioCells(r),
    students: r.students,
    coe_entitlement: r.coe_entitlement,
    transfers: r.transfers,
    findings: r.findings,
    evaluator: r.evaluator,
    folder: folders.get(r.index),
    error: r.error,
  });
  return {
    'summary.csv': table(SUMMARY_COLUMNS, s.scenarios.map(row)),
    'totals.csv': table(
      ['fiscal_year', 'scenarios', 'students', 'transfer_lines', 'transfer_ada', 'transfer_amount', 'coe_entitlement', 'coe_entitlement_incomplete'],
      s.totals.map((y) => ({ fiscal_year: y.fiscal_year, scenarios: y.scenarios, students: y.students, transfer_lines: y.transfers.lines, transfer_ada: y.transfers.ada, transfer_amount: y.transfers.amount, coe_entitlement: y.coe_entitlement.total, coe_entitlement_incomplete: y.coe_entitlement.incomplete })),
    ),
    'totals_categories.csv': table(['fiscal_year', 'category', 'label', 'students', 'census_day', 'ada'], s.totals.flatMap((y) => y.categories.map((c) => ({ fiscal_year: y.fiscal_year, ...c })))),
    'totals_findings.csv': table(['fiscal_year', 'code', 'severity', 'count', 'scenarios'], s.totals.flatMap((y) => y.findings.map((f) => ({ fiscal_year: y.fiscal_year, ...f })))),
  };
}
