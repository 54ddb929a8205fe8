/**
 * Which CALPADS Student School Transfer Codes move a student's counts to the
 * district of residence and which keep them with the county office, in a
 * fiscal year: read from the rule library (decision expected_transfer_codes,
 * asked about a student of each funding category), never written here.
 */
import { compileProgram, type Program } from '../../compile/program.js';
import type { Value } from '../../compile/values.js';
import { decideFast } from '../../runtime/decide.js';
import type { Library } from '../../semantics/library.js';

export interface TransferCodeClasses {
  /** Codes a District Funded County Program student carries (counts move to the district of residence). */
  district: string[];
  /** Codes a County Funded Non-Juvenile Court student carries (counts stay with the COE). */
  county: string[];
}

/** The codes the rules expect of a student of one funding category at a COE county community school. */
function codesOf(program: Program, category: string): string[] {
  const decision = program.decisions.get('expected_transfer_codes');
  if (!decision) return [];
  const facts = {
    student: { id: category, category, basis: [], census_day: true, unduplicated: false, reported: {} },
    school: { code: '', kind: 'county_community', operator: 'coe' },
    coe: { cds: '' },
  };
  const first = decideFast(decision, { year: program.year, facts }).firings[0];
  return first ? (first.outputs.codes as Value[]).map((v) => String(v)).sort() : [];
}

export function transferCodeClasses(program: Program): TransferCodeClasses {
  return { district: codesOf(program, 'district_funded'), county: codesOf(program, 'coe_non_juvenile_court') };
}

export function transferCodeClassesOf(lib: Library, year: number): TransferCodeClasses {
  return transferCodeClasses(compileProgram(lib, year));
}
