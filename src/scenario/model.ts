/**
 * The typed scenario: one county, one fiscal year (design.md "Scenarios").
 * Every ADA and money value is a Dec built from its source text; counts are
 * whole numbers; fiscal years are start years (2019 for "2019-20").
 */
import type { Dec } from '../runtime/money.js';
import type { FiscalYear } from '../core/fiscal-year.js';
import type { SourceRange } from '../core/diagnostics.js';

/**
 * An enrollment basis and a school kind are members of the rule library's
 * enums `enrollment_basis` and `school_kind`: the loader validates them
 * against the library it runs with (schema.ts `vocabulariesOf`), so no list
 * of them is kept here.
 */
export type EnrollmentBasis = string;
export type SchoolKind = string;

/** Who authorized a charter (schemas/scenario.schema.json, `$defs/charter`). */
export type Authorizer = 'coe' | 'district';

/**
 * Scenario options are named, with their allowed values, in
 * schemas/scenario.schema.json (`properties.options`); add an option there
 * before a rule reads it.
 */

/** Where a record came from, for messages and traces. */
export interface SourceRef {
  file: string;
  line: number;
}

export interface CountPair {
  enrollment: number;
  unduplicated: number;
}

export interface District {
  cds: string; // 7-digit county-district code
  name: string;
  enrollment: number;
  unduplicated: number;
  /** Prior fiscal years (start year → counts), all before the scenario's year. */
  history: Map<FiscalYear, CountPair>;
  source: SourceRef;
}

export interface Charter {
  cds: string;
  name: string;
  authorizer: Authorizer;
  enrollment: number;
  unduplicated: number;
  history?: Map<FiscalYear, CountPair>;
  /** The district the charter is physically located in (declared in `districts`). */
  district?: string;
  source: SourceRef;
}

export type SchoolOperator = { kind: 'coe' } | { kind: 'charter'; cds: string };

export interface School {
  code: string; // 7-digit school code
  name: string;
  operator: SchoolOperator;
  kind: SchoolKind;
  source: SourceRef;
}

export interface Student {
  id: string;
  school: string;
  /** -1 = TK, 0 = K, 1..12. */
  grade: number;
  basis: EnrollmentBasis[];
  /** Absent → a finding of the evaluator, not a load error. */
  district_of_residence?: string;
  unduplicated: boolean;
  census_day: boolean;
  ada: Dec;
  reported?: { transfer_code?: string; district_of_residence?: string };
  source: SourceRef;
}

/**
 * An EC 2576 agreement with a district of residence.
 * - 2019-20 onward: `alternative_rate_per_ada` (zero allowed: no transfer)
 *   with `district_concurred` (the district's concurrence; without it the
 *   statutory rate applies).
 * - 2014-15 … 2018-19: `transfer_agreed: true` records that the COE and the
 *   district both agreed to the optional transfer.
 */
export interface Agreement {
  district: string;
  alternative_rate_per_ada?: Dec;
  district_concurred: boolean;
  transfer_agreed?: boolean;
  source: SourceRef;
}

export interface DistrictAda {
  district: string;
  ada: Dec;
}

export interface CharterAda {
  charter: string;
  ada: Dec;
}

/** ADA as reported on the PADC data entry screens (to validate). */
export interface Padc {
  attendance_coe: { juvenile_court: Dec; non_juvenile_court: Dec };
  attendance_district_funded: DistrictAda[];
  attendance_coe_charter?: CharterAda[];
  attendance_charter_funded?: CharterAda[];
}

/** A prior-year correction reported after the Fall 1 amendment window. */
export interface Correction {
  district: string;
  fiscal_year: FiscalYear; // a prior year
  enrollment_change: number; // signed whole number
  unduplicated_change: number;
  ada_change?: Dec;
  audit_reference: string;
  source: SourceRef;
}

/** The COE's inputs for its own LCFF entitlement (EC 2574, 2575.1); each absent when the scenario does not give it. */
export interface CoeInputs {
  /** School districts under the county superintendent's jurisdiction (EC 1253). */
  school_districts?: number;
  /** Countywide ADA as EC 2574(a)(3)(E) defines it. */
  countywide_ada?: Dec;
  /** Prior fiscal years' AEG ADA (EC 2574(c)(5)). */
  aeg_ada_history: Map<FiscalYear, Dec>;
  /** Funded under EC 2575(d) as of 2016-17 (EC 2575.1). */
  funded_under_ec_2575d_2016_17?: boolean;
}

/** One assumed percent of a projected year, as written (`3.02%`), with where it was written. */
export interface AssumedPercent {
  year: FiscalYear;
  /** A fraction (3.02% → 0.0302). */
  value: Dec;
  text: string;
  file: string;
  range: SourceRange;
  /** The field for messages: `assumptions.cola.2026-27`. */
  field: string;
}

/** The kinds of assumption a projection reads (schemas/scenario.schema.json `$defs/assumptions`). */
export const ASSUMPTION_KINDS = ['cola', 'ada_growth', 'enrollment_growth', 'upc_growth'] as const;
export type AssumptionKind = (typeof ASSUMPTION_KINDS)[number];

/** What a projection (`lcff project`) assumes for the years after the scenario's, each kind in year order; read by nothing else. */
export interface Assumptions {
  /** The file they were written in (the scenario, or an --assumptions file). */
  file: string;
  /** Where the COLAs are written (`cola:`), else the assumptions themselves: where a missing COLA is reported. */
  range?: SourceRange;
  cola: AssumedPercent[];
  ada_growth: AssumedPercent[];
  enrollment_growth: AssumedPercent[];
  upc_growth: AssumedPercent[];
}

export interface Scenario {
  file: string;
  fiscal_year: FiscalYear;
  county: { code: string; name: string };
  /** The COE; `history` holds its own prior-year counts (after adjustments) for its rolling UPP. */
  coe: { cds: string; name: string; history: Map<FiscalYear, CountPair>; inputs: CoeInputs };
  districts: District[];
  charters: Charter[];
  schools: School[];
  /** In input order; each carries its source line. */
  students: Student[];
  agreements: Agreement[];
  padc?: Padc;
  corrections: Correction[];
  options: Map<string, string>;
  /** `assumptions:` for a projection, when the scenario states them. */
  assumptions?: Assumptions;
}
