/**
 * The per-student decisions written by hand, for the kernel benchmark: what a
 * careful engineer would write without the rule library for 2014-15 onward —
 * classify (EC 2574(c)(4), EC 2576, EC 47605.5), the CALPADS transfer codes
 * the student must carry (FAQ Q7), the student-level findings (FAQ Q3, Q4,
 * Q7, Q13) — over the same facts objects the kernel reads, with the same
 * outputs (a category and credited LEA per student; the code list and
 * whether the residence is required; shared constant code lists and finding
 * records, as the kernel shares its constant firings).
 * bench/kernel.ts checks that it decides exactly what the rules decide.
 */
import type { Dec } from '../src/runtime/money.js';

const COUNTY_FUNDED_BASES = new Set(['wic_300', 'wic_601', 'wic_602', 'wic_654', 'probation_not_in_school', 'parole_not_in_school', 'expelled_48915_a', 'expelled_48915_c']);
const CODE_5: readonly string[] = Object.freeze(['5']);
const DISTRICT_CODES: readonly string[] = Object.freeze(['1', '2', '3', '4', '6']);
const NO_CODES: readonly string[] = Object.freeze([]);

export interface HandFinding {
  code: string;
  level: string;
  message: string;
  senr_field: Dec;
}

export interface HandStudent {
  category: string;
  credited_to: string;
  codes: readonly string[];
  residence_required: boolean;
  findings: readonly HandFinding[];
}

const missing = (v: unknown): boolean => v === undefined || v === null || v === '';

/** The finding records, built once from the year's SENR field numbers. */
export function handFindings(transferField: Dec, residenceField: Dec): Record<'v010' | 'v011' | 'v011charter' | 'v012' | 'v013' | 'v014', HandFinding> {
  const f = (code: string, message: string, senr_field: Dec): HandFinding => Object.freeze({ code, level: 'error', message, senr_field });
  return {
    v010: f('LCFF-V010', 'no Student School Transfer Code reported; this student needs one of the expected codes', transferField),
    v011: f('LCFF-V011', 'the reported Student School Transfer Code is not one this student may carry', transferField),
    v011charter: f('LCFF-V011', "a student who stays with the county program charter carries a Student School Transfer Code that would move the student's counts", transferField),
    v012: f('LCFF-V012', 'no District of Geographic Residence reported in CALPADS', residenceField),
    v013: f('LCFF-V013', 'CALPADS names a different district of residence than the one ADA is claimed under', residenceField),
    v014: f('LCFF-V014', 'District Funded student without a district of residence: the counts cannot be attributed and stay with the COE', residenceField),
  };
}

type Facts = Record<string, Record<string, unknown>>;

/** The three decisions for one student; sets student.category and student.expected_codes like the runner. */
export function handDecide(facts: Facts, F: ReturnType<typeof handFindings>): HandStudent {
  const s = facts.student;
  const school = facts.school;
  const coe = facts.coe.cds as string;
  const kind = school.kind;
  const operator = school.operator;
  const residence = s.district_of_residence;
  let category: string;
  let credited: string;
  let aeg = false;
  for (const b of s.basis as string[]) if (COUNTY_FUNDED_BASES.has(b)) aeg = true;
  if (kind === 'juvenile_court' && operator === 'coe') [category, credited] = ['coe_juvenile_court', coe];
  else if (kind === 'juvenile_court' && operator === 'charter') [category, credited] = ['charter_coe_funded', coe];
  else if (operator === 'coe' && aeg) [category, credited] = ['coe_non_juvenile_court', coe];
  else if (operator === 'charter' && aeg) [category, credited] = ['charter_coe_funded', coe];
  else if (operator === 'charter' && !missing(school.charter)) [category, credited] = ['charter_funded', school.charter as string];
  else if (missing(residence)) [category, credited] = ['district_funded', coe];
  else [category, credited] = ['district_funded', residence as string];
  s.category = category;
  const codes = category === 'coe_non_juvenile_court' ? CODE_5 : category === 'district_funded' ? DISTRICT_CODES : category === 'charter_coe_funded' && kind !== 'juvenile_court' ? CODE_5 : NO_CODES;
  s.expected_codes = codes;
  const residenceRequired = codes.length > 0;
  const reported = s.reported as Record<string, unknown>;
  const code = reported.transfer_code;
  const reportedResidence = reported.district_of_residence;
  let findings: HandFinding[] | undefined;
  const add = (f: HandFinding): void => {
    (findings ??= []).push(f);
  };
  if (codes.length > 0 && missing(code)) add(F.v010);
  if (codes.length > 0 && !missing(code) && !codes.includes(code as string)) add(F.v011);
  if (category === 'charter_funded' && !missing(code)) add(F.v011charter);
  if ((category === 'coe_non_juvenile_court' || category === 'district_funded' || category === 'charter_coe_funded') && missing(reportedResidence) && codes.length > 0) add(F.v012);
  if (category === 'district_funded' && !missing(reportedResidence) && !missing(residence) && reportedResidence !== residence) add(F.v013);
  if (category === 'district_funded' && missing(residence)) add(F.v014);
  return { category, credited_to: credited, codes, residence_required: residenceRequired, findings: findings ?? NO_FINDINGS };
}

const NO_FINDINGS: readonly HandFinding[] = Object.freeze([]);
