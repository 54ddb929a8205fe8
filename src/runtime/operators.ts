/**
 * The json-rules-engine operators the compiled conditions use besides the
 * built-in equal/notEqual/in/notIn: list overlap, presence, and decimal
 * comparisons (never JS floats).
 */
import type { Engine } from 'json-rules-engine';
import { dec, Dec } from './money.js';

function asDec(v: unknown): Dec | undefined {
  if (v instanceof Dec) return v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.endsWith('%')) return dec(t.slice(0, -1)).div(100);
    return dec(t);
  }
  return undefined;
}

function decOp(test: (c: number) => boolean) {
  return (factValue: unknown, jsonValue: unknown): boolean => {
    const a = asDec(factValue);
    const b = asDec(jsonValue);
    return a !== undefined && b !== undefined && test(a.cmp(b));
  };
}

export function addLcffOperators(engine: Engine): void {
  const shares = (a: unknown, b: unknown): boolean => Array.isArray(a) && Array.isArray(b) && a.some((x) => b.includes(x));
  engine.addOperator('lcffSharesAny', (a: unknown, b: unknown) => shares(a, b));
  engine.addOperator('lcffSharesNone', (a: unknown, b: unknown) => Array.isArray(a) && !shares(a, b));
  engine.addOperator('lcffPresent', (a: unknown) => a !== undefined && a !== null && a !== '');
  engine.addOperator('lcffMissing', (a: unknown) => a === undefined || a === null || a === '');
  engine.addOperator('lcffDecLt', decOp((c) => c < 0));
  engine.addOperator('lcffDecLe', decOp((c) => c <= 0));
  engine.addOperator('lcffDecGt', decOp((c) => c > 0));
  engine.addOperator('lcffDecGe', decOp((c) => c >= 0));
  engine.addOperator('lcffDecEq', decOp((c) => c === 0));
  engine.addOperator('lcffDecNe', decOp((c) => c !== 0));
}
