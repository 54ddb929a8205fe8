/**
 * The only door to decimal.js. Every number of the law (money, ADA, per-ADA
 * rates, percents, counts used in ratios) is a Decimal created here; rounding
 * happens only through `roundTo`, which callers use where a rule or a
 * parameter declares it.
 */
import { Decimal } from 'decimal.js';

/** A private Decimal constructor: high precision, never rounds by itself. */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 60 });
export type Dec = InstanceType<typeof Dec>;

export type RoundingMode = 'half_up' | 'half_even' | 'down' | 'up';
/** How many decimal places a rounding target keeps. */
export type RoundingUnit = 'dollar' | 'cent' | { places: number };

const MODES: Record<RoundingMode, Decimal.Rounding> = {
  half_up: Decimal.ROUND_HALF_UP,
  half_even: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

/**
 * The one written form of a decimal: an optional sign, digits, and
 * optionally a point followed by digits. No grouping commas, no decimal
 * comma, no exponent: "0,95" must never become 95.
 */
const DECIMAL_TEXT = /^[+-]?\d+(\.\d+)?$/;
/** Thousands grouped by commas, the only place a comma may appear in a number: "9,572.00", "-1,234,567". */
const GROUPED_TEXT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** True when `text` is a plain decimal literal ("2.50", "-3", "0.125"). */
export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text.trim());
}

/**
 * The text without its thousands separators when its commas group thousands
 * exactly ("9,572.00" → "9572.00"), the text itself when it has no comma,
 * and undefined when a comma is anything else ("0,95", "1,00,000"): a comma
 * may never change a number's meaning.
 */
export function withoutGrouping(text: string): string | undefined {
  const t = text.trim();
  if (!t.includes(',')) return t;
  return GROUPED_TEXT.test(t) ? t.replace(/,/g, '') : undefined;
}

/**
 * Parses a decimal from text (or from a YAML/JSON number, through its
 * source text when available). Throws a RangeError on anything that is not a
 * plain decimal literal (commas included); callers turn it into a positioned
 * diagnostic.
 */
export function dec(value: string | number | Dec): Dec {
  if (value instanceof Dec) return value;
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  if (!DECIMAL_TEXT.test(text)) throw new RangeError(`not a decimal number: ${JSON.stringify(String(value).slice(0, 40))}`);
  return new Dec(text);
}

/** A JS number's shortest round-trip text; only for numbers that came from source literals. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return String(n);
}

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

export function placesOf(unit: RoundingUnit): number {
  if (unit === 'dollar') return 0;
  if (unit === 'cent') return 2;
  return unit.places;
}

/** Rounds to a declared unit with a declared mode (half-up unless stated). */
export function roundTo(value: Dec, unit: RoundingUnit, mode: RoundingMode = 'half_up'): Dec {
  return value.toDecimalPlaces(placesOf(unit), MODES[mode]);
}

/** Fixed-place text for output contracts ("27399.85"); rounds half-up only for display. */
export function fixed(value: Dec, places: number): string {
  return value.toFixed(places, Decimal.ROUND_HALF_UP);
}

/** "12,345.67" for tables. */
export function grouped(value: Dec, places: number): string {
  const [int, frac] = fixed(value, places).split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const withCommas = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? `${sign}${withCommas}` : `${sign}${withCommas}.${frac}`;
}

/** Percent text from a fraction: 0.6 -> "60.00%". */
export function percentText(fraction: Dec, places = 2): string {
  return `${fixed(fraction.times(HUNDRED), places)}%`;
}

export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.greaterThanOrEqualTo(b) ? a : b;
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lessThanOrEqualTo(b) ? a : b;
}

/**
 * The one place a decimal becomes a binary float: a spreadsheet cell holds an
 * IEEE double. Output only (never computed with). A value of at most 15
 * significant digits — every money, ADA and percent figure of a result —
 * reads back in the spreadsheet exactly as written.
 */
export function spreadsheetNumber(value: Dec | string): number {
  return dec(value).toNumber();
}
