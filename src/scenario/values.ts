/**
 * Value checks shared by the YAML and CSV readers. Each takes the source
 * text of one field and a location, and either returns the value or reports
 * a diagnostic and returns undefined: a bad value never silently defaults.
 */
import type { Diagnostic, SourceRange } from '../core/diagnostics.js';
import { suggest } from '../core/diagnostics.js';
import { parseFiscalYear, type FiscalYear } from '../core/fiscal-year.js';
import { dec, type Dec } from '../runtime/money.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import { ENROLLMENT_BASES, type EnrollmentBasis } from './model.js';

/** A place in a source file. */
export interface At {
  file: string;
  range: SourceRange;
}

export class Sink {
  readonly diagnostics: Diagnostic[] = [];
  error(code: string, message: string, at: At, data?: Record<string, unknown>): void {
    this.diagnostics.push({ code, severity: 'error', message, file: at.file, range: at.range, ...(data ? { data } : {}) });
  }
  warning(code: string, message: string, at: At, data?: Record<string, unknown>): void {
    this.diagnostics.push({ code, severity: 'warning', message, file: at.file, range: at.range, ...(data ? { data } : {}) });
  }
}

const DIGITS7 = /^\d{7}$/;
const WHOLE = /^\+?\d+$/;
const SIGNED_WHOLE = /^[+-]?\d+$/;

export function show(text: string): string {
  return JSON.stringify(text);
}

/** A 7-digit county-district (or charter) CDS code. */
export function cds(sink: Sink, text: string, field: string, at: At): string | undefined {
  const t = text.trim();
  if (DIGITS7.test(t)) return t;
  sink.error(C.badCds, `${field}: a county-district code has 7 digits (county + district, e.g. "0161119"); got ${show(text)}`, at, { field });
  return undefined;
}

/** A 7-digit school code. */
export function schoolCode(sink: Sink, text: string, field: string, at: At): string | undefined {
  const t = text.trim();
  if (DIGITS7.test(t)) return t;
  sink.error(C.badSchoolCode, `${field}: a school code has 7 digits (e.g. "0130019"); got ${show(text)}`, at, { field });
  return undefined;
}

export function countyCode(sink: Sink, text: string, field: string, at: At): string | undefined {
  const t = text.trim();
  if (/^\d{2}$/.test(t) && t !== '00' && Number(t) <= 58) return t;
  sink.error(C.badCountyCode, `${field}: a county code has 2 digits, "01".."58"; got ${show(text)}`, at, { field });
  return undefined;
}

export function fiscalYear(sink: Sink, text: string, field: string, at: At): FiscalYear | undefined {
  const y = parseFiscalYear(text);
  if (y !== undefined) return y;
  sink.error(C.badFiscalYear, `${field}: a fiscal year is written YYYY-YY with consecutive years (e.g. "2019-20"); got ${show(text)}`, at, { field });
  return undefined;
}

/** A census count: a whole number ≥ 0. */
export function count(sink: Sink, text: string, field: string, at: At): number | undefined {
  const t = text.trim();
  if (WHOLE.test(t) && Number.isSafeInteger(Number(t))) return Number(t);
  sink.error(C.badCount, `${field}: a count is a whole number ≥ 0; got ${show(text)}`, at, { field });
  return undefined;
}

/** A signed whole number (a correction's net change). */
export function signedCount(sink: Sink, text: string, field: string, at: At): number | undefined {
  const t = text.trim();
  if (SIGNED_WHOLE.test(t) && Number.isSafeInteger(Number(t))) return Number(t);
  sink.error(C.badCount, `${field}: a change in a count is a whole number (may be negative); got ${show(text)}`, at, { field });
  return undefined;
}

export function decimal(sink: Sink, text: string, field: string, at: At): Dec | undefined {
  try {
    return dec(text);
  } catch {
    sink.error(C.badDecimal, `${field}: expected a decimal number such as "12.50"; got ${show(text)}`, at, { field });
    return undefined;
  }
}

/**
 * ADA: a decimal, kept to two decimals as reported. Negative ADA is an error
 * unless `signed` (a correction's net change).
 */
export function ada(sink: Sink, text: string, field: string, at: At, signed = false): Dec | undefined {
  const d = decimal(sink, text, field, at);
  if (d === undefined) return undefined;
  let ok = true;
  if (!signed && d.isNegative() && !d.isZero()) {
    sink.error(C.negativeAda, `${field}: ADA cannot be negative; got ${show(text)}`, at, { field });
    ok = false;
  }
  if (d.decimalPlaces() > 2) {
    sink.error(C.adaPlaces, `${field}: ADA is kept to two decimals as reported; got ${show(text)}`, at, { field });
    ok = false;
  }
  return ok ? d : undefined;
}

/** A per-ADA rate in dollars: ≥ 0, at most two decimals. */
export function rate(sink: Sink, text: string, field: string, at: At): Dec | undefined {
  const d = decimal(sink, text, field, at);
  if (d === undefined) return undefined;
  if (d.isNegative() && !d.isZero()) {
    sink.error(C.negativeRate, `${field}: a rate per ADA cannot be negative; got ${show(text)}`, at, { field });
    return undefined;
  }
  if (d.decimalPlaces() > 2) {
    sink.error(C.badDecimal, `${field}: a rate per ADA is in dollars and cents (at most two decimals); got ${show(text)}`, at, { field });
    return undefined;
  }
  return d;
}

const GRADE_WORDS: Record<string, number> = { tk: -1, k: 0 };

/** A grade: whole number -1..12 (-1 = TK, 0 = K); "TK" and "K" are accepted. */
export function grade(sink: Sink, text: string, field: string, at: At): number | undefined {
  const t = text.trim();
  const word = GRADE_WORDS[t.toLowerCase()];
  if (word !== undefined) return word;
  if (/^[+-]?\d+$/.test(t)) {
    const n = Number(t);
    if (n >= -1 && n <= 12) return n;
  }
  sink.error(C.badGrade, `${field}: a grade is a whole number from -1 (TK) and 0 (K) to 12, or "TK"/"K"; got ${show(text)}`, at, { field });
  return undefined;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** CSV booleans: true/false, yes/no, y/n, 1/0 (any case). YAML uses real booleans. */
export function csvBoolean(sink: Sink, text: string, field: string, at: At): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  sink.error(C.badBoolean, `${field}: expected true or false; got ${show(text)}`, at, { field });
  return undefined;
}

export function nonEmpty(sink: Sink, text: string, field: string, at: At): string | undefined {
  const t = text.trim();
  if (t !== '') return t;
  sink.error(C.emptyText, `${field}: must not be empty`, at, { field });
  return undefined;
}

/** One enrollment basis from the closed list. */
export function basisItem(sink: Sink, text: string, field: string, at: At): EnrollmentBasis | undefined {
  const t = text.trim();
  if ((ENROLLMENT_BASES as readonly string[]).includes(t)) return t as EnrollmentBasis;
  const did = suggest(t, ENROLLMENT_BASES);
  sink.error(
    C.unknownBasis,
    `${field}: unknown enrollment basis ${show(text)}${did.length ? ` (did you mean ${did.join(' or ')}?)` : ''}; allowed: ${ENROLLMENT_BASES.join(', ')}`,
    at,
    { field, suggestions: did },
  );
  return undefined;
}

/** Whole-list checks of a basis: not empty, `none` alone. */
export function basisList(sink: Sink, items: EnrollmentBasis[], field: string, at: At, anyBad: boolean): EnrollmentBasis[] | undefined {
  if (anyBad) return undefined;
  if (items.length === 0) {
    sink.error(C.emptyBasis, `${field}: list at least one enrollment basis (use "none" when there is none)`, at, { field });
    return undefined;
  }
  if (items.includes('none') && items.length > 1) {
    sink.error(C.basisNoneWithOthers, `${field}: "none" cannot be combined with other bases`, at, { field });
    return undefined;
  }
  return [...new Set(items)];
}

export function enumValue<T extends string>(sink: Sink, text: string, allowed: readonly T[], field: string, at: At): T | undefined {
  const t = text.trim();
  if ((allowed as readonly string[]).includes(t)) return t as T;
  const did = suggest(t, allowed);
  sink.error(
    C.unknownEnum,
    `${field}: ${show(text)} is not one of ${allowed.join(', ')}${did.length ? ` (did you mean ${did.join(' or ')}?)` : ''}`,
    at,
    { field, suggestions: did },
  );
  return undefined;
}
