/** Reading and writing parameter values in their units. Percents are written `20%` and held as fractions (0.2). */
import { dec, isDecimalText, HUNDRED, withoutGrouping, type Dec } from '../runtime/money.js';
import type { ParamUnit, ParamValue } from './model.js';

const PERCENT_TEXT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;
const INTEGER_TEXT = /^\d+$/;

export type UnitParse = { ok: true; value: Dec } | { ok: false; message: string };

/** Parses a percent literal ("2.31%") to a fraction (0.0231); undefined when it is not one. */
export function parsePercentText(text: string): Dec | undefined {
  const m = PERCENT_TEXT.exec(text.trim());
  return m ? dec(m[1]).div(HUNDRED) : undefined;
}

const UNIT_WORDS: Record<ParamUnit, string> = {
  USD: 'a dollar amount',
  'USD/ADA': 'a dollar amount per ADA',
  percent: 'a percent',
  ADA: 'an ADA figure',
  count: 'a count',
  number: 'a number',
};

/** Parses the source text of one value for `unit`; the message says what was expected. */
export function parseUnitValue(unit: ParamUnit, text: string): UnitParse {
  const t = text.trim();
  const what = UNIT_WORDS[unit];
  if (unit === 'percent') {
    const p = parsePercentText(t);
    if (p) return { ok: true, value: p };
    if (isDecimalText(t.replace(/,/g, ''))) return { ok: false, message: `${JSON.stringify(t)} is not a percent: write percents with %, e.g. ${t}%` };
    return { ok: false, message: `expected a percent such as 20%, found ${JSON.stringify(t)}` };
  }
  if (PERCENT_TEXT.test(t)) return { ok: false, message: `${JSON.stringify(t)} is a percent, but this parameter is ${what} (unit ${unit}): write it without %` };
  if (t.startsWith('$')) return { ok: false, message: `write ${what} without $: ${t.slice(1)}` };
  const plain = withoutGrouping(t);
  if (plain === undefined) return { ok: false, message: `${JSON.stringify(t)}: a comma may only group thousands (9,572.00); write decimals with a point, e.g. 0.95` };
  if (!isDecimalText(plain)) return { ok: false, message: `expected ${what} (unit ${unit}), found ${JSON.stringify(t)}` };
  if (unit === 'count' && !INTEGER_TEXT.test(plain)) return { ok: false, message: `a count is a whole non-negative number, found ${JSON.stringify(t)}` };
  return { ok: true, value: dec(plain) };
}

/** Display text of one value in its unit ("10.4%", "6952", "1.30"). */
export function formatUnitValue(unit: ParamUnit, v: Dec): string {
  if (unit === 'percent') return `${v.times(HUNDRED).toString()}%`;
  return v.toString();
}

/** Display text of a scalar or a breakdown ("k3: 6952, g4_6: 7056"). */
export function formatParamValue(unit: ParamUnit, value: ParamValue, text?: string): string {
  if (value instanceof Map) return [...value].map(([k, v]) => `${k}: ${formatUnitValue(unit, v)}`).join(', ');
  return text ?? formatUnitValue(unit, value);
}
