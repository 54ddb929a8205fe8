/**
 * What the CDE-shaped reports need to know of the law, read from the rule
 * library of the year, never written here: which CALPADS Student School
 * Transfer Codes move a student's counts to the district of residence and
 * which keep them with the county office (rules/county-programs/transfer-codes.lcff),
 * and which funding categories make each body of ADA the reports line up
 * (rules/county-programs/program-ada.lcff).
 */
import { callFormula, type EvalContext } from '../../compile/expr-closure.js';
import { valueText, type Value } from '../../compile/values.js';
import { compileProgram, type Program } from '../../compile/program.js';
import type { Library } from '../../semantics/library.js';
import { decideFast } from '../../runtime/decide.js';

export interface TransferCodeClasses {
  /** Codes a District Funded County Program student carries (counts move to the district of residence). */
  district: string[];
  /** Codes a County Funded Non-Juvenile Court student carries (counts stay with the COE). */
  county: string[];
  /** Funding categories whose ADA is District Funded County Program ADA (formula transfer_ada_category). */
  districtFunded: Set<string>;
  /** Funding categories of the PADC Attendance COE screen, non-juvenile court line. */
  padcNonJuvenileCourt: Set<string>;
  /** Funding categories of the PADC Attendance COE screen, juvenile court line. */
  padcJuvenileCourt: Set<string>;
}

function call(lib: Library, year: number, name: string, args: Value[]): Value | undefined {
  if (!(lib.formulas.get(name) ?? []).length) return undefined;
  const ctx: EvalContext = { year, facts: {}, locals: new Map(), reads: [], calls: [] };
  try {
    return callFormula(lib, name, args, ctx);
  } catch {
    return undefined; // not in force that year: the report shows no codes of that class
  }
}

function texts(lib: Library, year: number, name: string): string[] {
  const v = call(lib, year, name, []);
  return Array.isArray(v) ? v.map((x) => valueText(x)).sort() : [];
}

function categoriesWhere(lib: Library, year: number, name: string): Set<string> {
  const members = lib.enums.get('funding_category')?.decl.members.map((m) => m.name.text) ?? [];
  return new Set(members.filter((m) => call(lib, year, name, [m]) === true));
}

/** Whether the year's CALPADS SENR file carries the transfer code at all (decision senr_fields; before 2014-15 it did not). */
function transferCodesReported(program: Program): boolean {
  const d = program.decisions.get('senr_fields');
  const first = d ? decideFast(d, { year: program.year, facts: { coe: { cds: '' } } }).firings[0] : undefined;
  return first?.outputs.in_senr !== false;
}

export function transferCodeClasses(program: Program): TransferCodeClasses {
  const { lib, year } = program;
  const reported = transferCodesReported(program);
  return {
    district: reported ? texts(lib, year, 'district_funded_transfer_codes') : [],
    county: reported ? texts(lib, year, 'county_funded_transfer_codes') : [],
    districtFunded: categoriesWhere(lib, year, 'transfer_ada_category'),
    padcNonJuvenileCourt: categoriesWhere(lib, year, 'padc_non_juvenile_court_category'),
    padcJuvenileCourt: categoriesWhere(lib, year, 'padc_juvenile_court_category'),
  };
}

export function transferCodeClassesOf(lib: Library, year: number): TransferCodeClasses {
  return transferCodeClasses(compileProgram(lib, year));
}
