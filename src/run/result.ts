/**
 * The result of a run (design.md "The result"): the public JSON contract,
 * decimals as fixed-place strings. `schemas/result.schema.json` describes it.
 */
export interface StudentResult {
  id: string;
  category: string;
  credited_to: string;
  rule: string;
  cite: string;
  expected_transfer_codes: string[];
  census_day: boolean;
  ada: string;
}

export interface BeforeAfter<T> {
  before: T;
  after: T;
}

export interface SpanRate {
  base: string;
  supplemental: string;
  concentration: string;
  total: string;
}

export interface LeaResult {
  cds: string;
  kind: 'coe' | 'district' | 'charter';
  name: string;
  ada: BeforeAfter<string>;
  enrollment: BeforeAfter<number>;
  unduplicated: BeforeAfter<number>;
  upp: { before: string; after: string; rolling_before: string; rolling_after: string; window_years: number };
  rates?: Record<string, SpanRate>;
}

export interface TransferResult {
  from: string;
  to: string;
  grade_span: string;
  ada: string;
  rate_per_ada: string;
  amount: string;
  basis: string;
  reason: string;
  rule: string;
  cite: string;
}

export interface FindingResult {
  code: string;
  severity: 'error' | 'warning' | 'info';
  subject: string;
  message: string;
  rule: string;
  cite: string;
}

export interface AccountingEntry {
  lea: string;
  side: 'payer' | 'payee';
  goal?: string;
  object: string;
  amount: string;
  /** the other side of the payment */
  counterparty: string;
  cite: string;
}

export interface AegResult {
  known: boolean;
  ada: string;
  upp: string;
  base: string;
  supplemental: string;
  concentration: string;
  total: string;
  note: string;
  rule: string;
  cite: string;
}

export interface PriorYearAdjustment {
  district: string;
  for_year: string;
  applied_in: string;
  enrollment_change: number;
  unduplicated_change: number;
  applies: boolean;
  affects: string;
  rule: string;
  cite: string;
}

export interface Conservation {
  ada_in: string;
  ada_out: string;
  enrollment_in: number;
  enrollment_out: number;
  upc_in: number;
  upc_out: number;
  transfers_net: string;
}

/** Where the COE reports the transfer code and the district of residence that year. */
export interface CalpadsFields {
  file: 'SENR' | 'SINF';
  transfer_code_field: string;
  residence_field: string;
  rule: string;
  cite: string;
}

export interface RunResult {
  fiscal_year: string;
  county: { code: string; name: string };
  calpads: CalpadsFields;
  students: StudentResult[];
  leas: LeaResult[];
  transfers: TransferResult[];
  findings: FindingResult[];
  accounting: AccountingEntry[];
  aeg: AegResult;
  prior_year_adjustments: PriorYearAdjustment[];
  unconfirmed: string[];
  conservation: Conservation;
}
