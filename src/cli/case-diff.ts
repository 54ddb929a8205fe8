/**
 * `lcff test` failures as a field-level diff: each failure line of a case
 * (src/testing/cases.ts) becomes the field's path with the expected value
 * (-) and the actual one (+); an expected list entry that no entry matches is
 * set against the closest actual entry, field by field. A line of another
 * shape is shown as it is.
 */
import pc from 'picocolors';
import { visible } from '../core/safe-text.js';

const SCALAR = /^(.*?): expected (.*), got (.*)$/s;
const NO_MATCH = /^(.*?): no entry matches (.*); entries: (.*)$/s;

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const show = (v: unknown): string => visible(v === undefined ? '(missing)' : JSON.stringify(v));

type Colours = Pick<typeof pc, 'bold' | 'red' | 'green'>;

function pair(path: string, expected: unknown, actual: unknown, indent: string, c: Colours): string[] {
  return [`${indent}${c.bold(visible(path))}`, `${indent}  ${c.red(`- expected ${show(expected)}`)}`, `${indent}  ${c.green(`+ actual   ${show(actual)}`)}`];
}

function sameScalar(a: unknown, e: unknown): boolean {
  return a === e || String(a) === String(e);
}

/** The fields of `expected` that `actual` does not have, as [path, expected, actual] (nested objects followed). */
export function fieldDifferences(expected: unknown, actual: unknown, path: string): Array<[string, unknown, unknown]> {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected) && actual !== null && typeof actual === 'object' && !Array.isArray(actual)) {
    return Object.entries(expected).flatMap(([k, v]) => fieldDifferences(v, (actual as Record<string, unknown>)[k], `${path}.${k}`));
  }
  if (Array.isArray(expected) || (expected !== null && typeof expected === 'object')) return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [[path, expected, actual]];
  return sameScalar(actual, expected) ? [] : [[path, expected, actual]];
}

/** The failure lines of one case, as the lines to print. */
export function formatCaseFailures(failures: readonly string[], indent = '    ', c: Colours = pc): string[] {
  const out: string[] = [];
  for (const line of failures) {
    const noMatch = NO_MATCH.exec(line);
    if (noMatch) {
      const item = parse(noMatch[2]);
      const entries = parse(noMatch[3]);
      if (item.ok && entries.ok && Array.isArray(entries.value) && entries.value.length > 0) {
        const ranked = entries.value.map((e) => ({ e, diffs: fieldDifferences(item.value, e, '') }));
        ranked.sort((a, b) => a.diffs.length - b.diffs.length);
        const best = ranked[0];
        const n = entries.value.length;
        out.push(`${indent}${c.bold(visible(noMatch[1]))}: no entry matches; the closest of ${n} ${n === 1 ? 'entry' : 'entries'} differs in`);
        for (const [p, e, a] of best.diffs) out.push(...pair(`${noMatch[1]}${p}`, e, a, `${indent}  `, c));
        continue;
      }
    }
    const scalar = SCALAR.exec(line);
    if (scalar) {
      const e = parse(scalar[2]);
      const a = parse(scalar[3]);
      if (e.ok && a.ok) {
        out.push(...pair(scalar[1], e.value, a.value, indent, c));
        continue;
      }
    }
    out.push(`${indent}${visible(line)}`);
  }
  return out;
}
