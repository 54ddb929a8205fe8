/**
 * What the generated kernel code calls: the same value semantics as the
 * closures (compile/values.ts, runtime/money.ts), the same positioned errors
 * (EvalError with the expression, the fact declaration or the rule). The
 * generated source receives this object as its one parameter `RT`; nothing
 * else of the process is in its scope.
 */
import { Dec, maxDec, minDec, roundTo, type RoundingMode } from '../../runtime/money.js';
import type { Expr } from '../../syntax/ast.js';
import type { CompiledRule } from '../program.js';
import { EvalError } from '../eval-error.js';
import { factMissingError, factTypeError } from '../facts.js';
import { compareValues, isFy, valuesEqual, valueText, type Value } from '../values.js';

/** A Decimal operand, or the closures' error. */
function dec(v: Value, e: Expr): Dec {
  if (v instanceof Dec) return v;
  throw new EvalError(`expected a number but the value is ${valueText(v)}`, e);
}

/** A truth value operand, or the closures' error. */
function bool(v: Value, e: Expr): boolean {
  if (typeof v === 'boolean') return v;
  throw new EvalError(`expected true or false but the value is ${valueText(v)}`, e);
}

function div(a: Dec, d: Dec, e: Expr): Dec {
  if (d.isZero()) throw new EvalError('division by zero', e);
  return a.div(d);
}

function order(l: Value, r: Value, op: string, e: Expr): boolean {
  const c = compareValues(l, r);
  if (c === undefined) throw new EvalError(`cannot order ${valueText(l)} and ${valueText(r)}`, e);
  return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

/** `left in items`: the list is evaluated before the left side (the closures' order), so it comes first. */
function inList(items: Value, left: Value, e: Expr): boolean {
  if (!Array.isArray(items)) throw new EvalError('"in" needs a list', e);
  return Array.isArray(left) ? left.some((x) => items.some((y) => valuesEqual(x, y))) : items.some((y) => valuesEqual(left, y));
}

/** `left in items` where the left side is text, a member or a truth value (or missing): SameValueZero is valuesEqual on those. */
function inScalars(items: Value, left: Value, e: Expr): boolean {
  if (!Array.isArray(items)) throw new EvalError('"in" needs a list', e);
  return items.includes(left);
}

/** The places of `round(...) to <name> places`, checked before the operand is evaluated (the closures' order). */
function places(v: Value, at: Expr): number {
  const n = dec(v, at);
  if (!n.isInteger() || n.isNegative() || n.greaterThan(20)) throw new EvalError(`cannot round to ${n.toString()} places: give a whole number from 0 to 20`, at);
  return n.toNumber();
}

function roundPlaces(n: number, v: Dec, mode: RoundingMode | undefined): Dec {
  return roundTo(v, { places: n }, mode);
}

function noFormula(name: string, e: Expr, ..._args: Value[]): never {
  throw new EvalError(`formula ${name} is not in force in this fiscal year`, e);
}

/** Tags an evaluation error with the rule that was running, as the closures' `atRule` does. */
function tag(err: unknown, rule: CompiledRule | undefined): unknown {
  if (rule && err instanceof EvalError) {
    if (err.file === undefined) err.file = rule.file;
    if (err.rule === undefined) err.rule = `${rule.decision}.${rule.name}`;
  }
  return err;
}

/** Freezes a value shared between evaluations (a cached firing's output values: lists, fiscal years). */
function deepFreeze(v: Value): void {
  if (Array.isArray(v)) {
    for (const x of v) deepFreeze(x);
    Object.freeze(v);
  } else if (v !== null && typeof v === 'object' && !(v instanceof Dec)) Object.freeze(v);
}

/** Freezes a shared firing's outputs object and every value in it. */
function freezeOutputs(o: Record<string, Value>): void {
  for (const k of Object.keys(o)) deepFreeze(o[k]);
  Object.freeze(o);
}

export const RT = { Dec, dec, bool, div, order, inList, inScalars, eq: valuesEqual, isFy, maxDec, minDec, roundTo, places, roundPlaces, noFormula, tag, freezeOutputs, hasOwn: Object.hasOwn, missing: factMissingError, bad: factTypeError } as const;
export type KernelRuntime = typeof RT;
