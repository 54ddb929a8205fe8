/** The parameter model: what a parameter file says, with source positions. */
import type { SourceRange } from '../core/diagnostics.js';
import type { FiscalYear } from '../core/fiscal-year.js';
import type { Dec, RoundingMode, RoundingUnit } from '../runtime/money.js';

export type ParamUnit = 'USD' | 'USD/ADA' | 'percent' | 'ADA' | 'count' | 'number';
export const PARAM_UNITS: readonly ParamUnit[] = ['USD', 'USD/ADA', 'percent', 'ADA', 'count', 'number'];

export type ParamStatus = 'confirmed' | 'unconfirmed';
export const PARAM_STATUSES: readonly ParamStatus[] = ['confirmed', 'unconfirmed'];

/** A scalar, or a map keyed by the members of the `by` enum. Percents are fractions (20% → 0.2). */
export type ParamValue = Dec | Map<string, Dec>;

/** One growth step: a percent parameter (its value in force that year) or a percent literal. */
export type DeriveStep =
  | { kind: 'param'; name: string; range: SourceRange }
  | { kind: 'literal'; value: Dec; text: string; range: SourceRange };

export interface DeriveSpec {
  /** Prior value × (1 + step), step by step, each step rounded when `round` is given. */
  growBy: DeriveStep[];
  round?: RoundingUnit;
  mode: RoundingMode;
  range: SourceRange;
}

export interface ParamEntry {
  year: FiscalYear;
  /** Range of the fiscal-year key. */
  range: SourceRange;
  cite?: string;
  /** Range of the entry's own `cite` text (for the citation check). */
  citeRange?: SourceRange;
  /** Effective status: the entry's own, else the parameter's default (required one way or the other). */
  status: ParamStatus;
  /** Effective note: the entry's own, else the parameter's. */
  note?: string;
  value?: ParamValue;
  /** Source text of a scalar value ("1.30"), kept for field numbers and display. */
  text?: string;
  /** `value: unknown`: the law changed this year but the library has no figure; no value is in force. */
  unknown?: boolean;
  derive?: DeriveSpec;
  /** Published figures the derived value is checked against (may cover only some members). */
  published?: ParamValue;
  /** Ranges of member keys (value or published maps) for membership diagnostics. */
  memberRanges?: Map<string, SourceRange>;
  publishedRanges?: Map<string, SourceRange> | SourceRange;
  /** True when the entry was malformed (already reported): it yields no value and no further diagnostics. */
  invalid?: boolean;
  /** Written by an override (`--set`), not by the library. */
  userSupplied?: boolean;
  /** A value carried over from one derived from a user-supplied value. */
  fromUserSupplied?: boolean;
  /** Written by a projection past the library's horizon (src/params/projection.ts), not by the library. */
  projected?: boolean;
  /** The file this entry is written in, when it is not the parameter's: a reform's entry overlaid on a library parameter (src/semantics/reform.ts). */
  file?: string;
}

export interface Parameter {
  name: string;
  description: string;
  unit: ParamUnit;
  cite?: string;
  /** Range of the parameter's `cite` text (for the citation check). */
  citeRange?: SourceRange;
  /** Breakdown enum name; values are then maps keyed by its members. */
  by?: string;
  byRange?: SourceRange;
  file: string;
  /** Range of the parameter's name key. */
  range: SourceRange;
  /** Entries in increasing year order. */
  values: ParamEntry[];
  /** Default status of the entries. */
  status?: ParamStatus;
  note?: string;
}

/** A value as the engine uses it: computed, cited, with its confidence. */
export interface ResolvedValue {
  param: string;
  /** The key year of the entry (the value holds from here until the next key). */
  year: FiscalYear;
  value: ParamValue;
  unit: ParamUnit;
  text?: string;
  cite: string;
  status: ParamStatus;
  note?: string;
  derived: boolean;
  file: string;
  range: SourceRange;
  /** Supplied by the user for this run (`--set`), not by the library. */
  userSupplied?: boolean;
  /** Derived (directly or not) from a user-supplied value. */
  fromUserSupplied?: boolean;
  /** A value of a projected year (assumed or derived from assumptions), not enacted law. */
  projected?: boolean;
}
