/**
 * Runtime values of the rule language. Numbers of the law are Decimals (from
 * the money module); enum members and text are strings; fiscal years are
 * `{ fy: 2019 }`; lists are arrays; an absent optional fact is undefined.
 */
import { Dec } from '../runtime/money.js';
import { formatFiscalYear } from '../core/fiscal-year.js';

export interface FyValue {
  fy: number;
}
export type Value = Dec | string | boolean | FyValue | Value[] | undefined;

export function isDec(v: Value): v is Dec {
  return v instanceof Dec;
}

export function isFy(v: Value): v is FyValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Dec) && 'fy' in v;
}

export function valuesEqual(a: Value, b: Value): boolean {
  if (isDec(a) && isDec(b)) return a.eq(b);
  if (isFy(a) && isFy(b)) return a.fy === b.fy;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
  return a === b;
}

/** Orders two numeric values (Decimals or fiscal years); undefined when they have no order. */
export function compareValues(a: Value, b: Value): number | undefined {
  if (isDec(a) && isDec(b)) return a.cmp(b);
  if (isFy(a) && isFy(b)) return a.fy - b.fy;
  return undefined;
}

export function valueText(v: Value): string {
  if (v === undefined) return 'missing';
  if (isDec(v)) return v.toString();
  if (isFy(v)) return formatFiscalYear(v.fy);
  if (Array.isArray(v)) return `[${v.map(valueText).join(', ')}]`;
  return String(v);
}

/**
 * Reads a dotted path ("reported.transfer_code") from a facts object: own
 * properties only, so a fact named `constructor` or `toString` is absent
 * rather than a function of Object.prototype.
 */
export function readPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** A fact without a value: absent, null, or the empty text. */
export function isMissing(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** The value of a number, percent or money literal of the language (`2.5`, `20%` is 0.20, `$9572.00`); the one conversion both evaluators use. */
export function literalDec(kind: 'number' | 'percent' | 'money', text: string): Dec {
  const d = new Dec(text);
  return kind === 'percent' ? d.div(100) : d;
}
