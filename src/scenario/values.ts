/**
 * The typed conversion of values the schema accepted, and the checks a
 * schema cannot make: exact decimals and their places, counts that fit a
 * safe integer, consecutive fiscal years. A value the schema rejected (or
 * an absent one) reads as undefined without a second report; a value that
 * fails a check here is reported at its place and reads as undefined.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import { parseFiscalYear, type FiscalYear } from '../core/fiscal-year.js';
import { dec, type Dec } from '../runtime/money.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { At, Rec } from './place.js';

export type { At };

export class Sink {
  readonly diagnostics: Diagnostic[] = [];
  error(code: string, message: string, at: At, data?: Record<string, unknown>): void {
    this.diagnostics.push({ code, severity: 'error', message, file: at.file, range: at.range, ...(data ? { data } : {}) });
  }
  warning(code: string, message: string, at: At, data?: Record<string, unknown>): void {
    this.diagnostics.push({ code, severity: 'warning', message, file: at.file, range: at.range, ...(data ? { data } : {}) });
  }
}

/** A text (names, ids, codes), trimmed. */
export function text(rec: Rec, key: string): string | undefined {
  return rec.str(key)?.trim();
}

/** A census count: a whole number ≥ 0 that a count can be (the schema checked its form). */
export function count(sink: Sink, rec: Rec, key: string): number | undefined {
  const t = rec.str(key);
  if (t === undefined) return undefined;
  const n = Number(t);
  if (Number.isSafeInteger(n)) return n;
  sink.error(C.badCount, `${rec.field(key)}: a count of ${rec.place.show([key], t)} is beyond any county (at most ${Number.MAX_SAFE_INTEGER})`, rec.at(key), { field: rec.field(key) });
  return undefined;
}

/** The start year of a fiscal year ("2019-20" → 2019); "2019-21" is reported. */
export function fiscalYearText(sink: Sink, t: string, field: string, at: At): FiscalYear | undefined {
  const y = parseFiscalYear(t);
  if (y !== undefined) return y;
  sink.error(C.badFiscalYear, `${field}: a fiscal year is written YYYY-YY with consecutive years (e.g. "2019-20"); got ${JSON.stringify(t)}`, at, { field });
  return undefined;
}

export function fiscalYear(sink: Sink, rec: Rec, key: string): FiscalYear | undefined {
  const t = rec.str(key);
  return t === undefined ? undefined : fiscalYearText(sink, t, rec.field(key), rec.at(key));
}

/** An exact decimal within `places` decimals (the schema checked its written form). */
function decimal(sink: Sink, rec: Rec, key: string, places: number, code: string, what: string): Dec | undefined {
  const t = rec.str(key);
  if (t === undefined) return undefined;
  let d: Dec;
  try {
    d = dec(t);
  } catch {
    return undefined; // not the schema's form: reported by the schema
  }
  if (d.decimalPlaces() > places) {
    sink.error(code, `${rec.field(key)}: ${what}; got ${rec.place.show([key], t)}`, rec.at(key), { field: rec.field(key) });
    return undefined;
  }
  return d;
}

/** ADA, kept to two decimals as reported (its sign is the schema's business: ≥ 0, or signed for a change). */
export function ada(sink: Sink, rec: Rec, key: string): Dec | undefined {
  return decimal(sink, rec, key, 2, C.adaPlaces, 'ADA is kept to two decimals as reported');
}

/** A per-ADA rate in dollars and cents. */
export function rate(sink: Sink, rec: Rec, key: string): Dec | undefined {
  return decimal(sink, rec, key, 2, C.badDecimal, 'a rate per ADA is in dollars and cents (at most two decimals)');
}

const GRADE_WORDS = new Map([
  ['tk', -1],
  ['k', 0],
]);

/** A grade: -1 (TK) … 12; "TK" and "K" (the schema checked the range). */
export function grade(rec: Rec, key: string): number | undefined {
  const t = rec.str(key)?.trim();
  return t === undefined ? undefined : gradeText(t);
}

/** A grade's text (trimmed) as its number; undefined when it is none. */
export function gradeText(t: string): number | undefined {
  const word = GRADE_WORDS.get(t.toLowerCase());
  if (word !== undefined) return word;
  const n = Number(t);
  return Number.isInteger(n) ? n + 0 : undefined; // + 0: "-0" is grade 0
}

/** Whole-number texts: the schema checked the form, Number() reads them exactly when safe. */
export function signedCount(sink: Sink, rec: Rec, key: string): number | undefined {
  return count(sink, rec, key);
}
