/**
 * The json-rules-engine operators the compiled conditions use besides the
 * built-in equal/notEqual/in/notIn (which compare the text, enum and boolean
 * constants of native conditions exactly as the closures do): list overlap,
 * presence, and decimal comparisons. They are defined with the closures' own
 * value functions (compile/values.ts), and receive facts already read and
 * type-checked by compile/facts.ts, so they cannot disagree with the fast
 * path: a fact value is a Decimal, never a text to be parsed.
 */
import type { Engine } from 'json-rules-engine';
import { compareValues, isDec, literalDec, valuesEqual, type Value } from '../compile/values.js';
import type { Dec } from './money.js';

/** The constant of a native comparison as compiled (`"2.5"`, `"20%"`, `"9572.00"`). */
function literal(json: unknown): Dec | undefined {
  if (typeof json !== 'string') return undefined;
  return json.endsWith('%') ? literalDec('percent', json.slice(0, -1)) : literalDec('number', json);
}

function decOp(test: (c: number) => boolean) {
  return (factValue: unknown, jsonValue: unknown): boolean => {
    const b = literal(jsonValue);
    if (!isDec(factValue as Value) || b === undefined) return false;
    const c = compareValues(factValue as Value, b);
    return c !== undefined && test(c);
  };
}

function shares(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) && a.some((x: Value) => b.some((y: Value) => valuesEqual(x, y)));
}

export function addLcffOperators(engine: Engine): void {
  engine.addOperator('lcffSharesAny', (a: unknown, b: unknown) => shares(a, b));
  engine.addOperator('lcffSharesNone', (a: unknown, b: unknown) => Array.isArray(a) && !shares(a, b));
  // a fact read gives undefined only for a missing optional fact
  engine.addOperator('lcffPresent', (a: unknown) => a !== undefined);
  engine.addOperator('lcffMissing', (a: unknown) => a === undefined);
  engine.addOperator('lcffDecLt', decOp((c) => c < 0));
  engine.addOperator('lcffDecLe', decOp((c) => c <= 0));
  engine.addOperator('lcffDecGt', decOp((c) => c > 0));
  engine.addOperator('lcffDecGe', decOp((c) => c >= 0));
  engine.addOperator('lcffDecEq', decOp((c) => c === 0));
  engine.addOperator('lcffDecNe', decOp((c) => c !== 0));
}
