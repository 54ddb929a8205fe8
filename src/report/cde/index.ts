/** The CDE-shaped reports by name (`lcff report <name>`, the workbook's CDE sheets). */
import { compileProgram, type Program } from '../../compile/program.js';
import { parseFiscalYear } from '../../core/fiscal-year.js';
import type { RunResult } from '../../run/result.js';
import type { Scenario } from '../../scenario/model.js';
import type { Library } from '../../semantics/library.js';
import { calpads119Report } from './calpads-119.js';
import { calpads120Report } from './calpads-120.js';
import { transferCodeClasses } from './code-classes.js';
import { reconciliationReport } from './reconciliation.js';
import type { CdeInput, CdeReport } from './report.js';
import type { CdeReportName } from './names.js';
import { transfersReport } from './transfers.js';

export type { CdeInput, CdeReport } from './report.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const CDE_REPORTS: Record<CdeReportName, (input: CdeInput) => CdeReport<any>> = {
  transfers: transfersReport,
  'calpads-1.19': calpads119Report,
  'calpads-1.20': calpads120Report,
  reconciliation: reconciliationReport,
};

export type { CdeReportName } from './names.js';

export function isCdeReportName(name: string): name is CdeReportName {
  return Object.hasOwn(CDE_REPORTS, name);
}

/** What the reports read, the transfer code classes from the program of the result's year (compiled unless given). */
export function cdeInput(result: RunResult, scenario: Scenario, lib: Library, program?: Program): CdeInput {
  const year = parseFiscalYear(result.fiscal_year) ?? scenario.fiscal_year;
  const codes = transferCodeClasses(program ?? compileProgram(lib, year));
  return { result, scenario, lib, codes };
}

export function cdeReport(name: CdeReportName, input: CdeInput): CdeReport<unknown> {
  return CDE_REPORTS[name](input) as CdeReport<unknown>;
}
