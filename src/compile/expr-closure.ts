/**
 * Compiles checked expressions to closures over decimal.js values. The
 * closures record every parameter value they read (for the trace) and never
 * round unless the expression says `round(...)`.
 */
import { inRange } from '../core/fiscal-year.js';
import { Dec, maxDec, minDec, roundTo } from '../runtime/money.js';
import type { Expr, LetDecl } from '../syntax/ast.js';
import type { Library } from '../semantics/library.js';
import type { ResolvedValue } from '../params/model.js';
import { EvalError } from './eval-error.js';
import { factReader } from './facts.js';
import { compareValues, isDec, literalDec, valuesEqual, valueText, type Value } from './values.js';

export interface ParamRead {
  name: string;
  year: number; // the key year of the value read
  member?: string;
  value: string;
  cite: string;
  status: 'confirmed' | 'unconfirmed';
  note?: string;
  /** Supplied for this run (`--set`), or derived from such a value. */
  user?: 'supplied' | 'derived';
}

export interface EvalContext {
  year: number;
  facts: Record<string, unknown>;
  locals: Map<string, Value>;
  /** values of the rules' lets computed so far in this evaluation (each at most once, when first used) */
  lets?: Map<LetDecl, Value>;
  reads: ParamRead[];
  /** names of the formulas called (for the trace and the unconfirmed list) */
  calls: string[];
}

export type Closure = (ctx: EvalContext) => Value;

export { EvalError };

/** Closures by library (they capture it) and expression. */
const caches = new WeakMap<Library, WeakMap<Expr, Closure>>();

export function compileExpr(lib: Library, e: Expr): Closure {
  let cache = caches.get(lib);
  if (!cache) caches.set(lib, (cache = new WeakMap()));
  let c = cache.get(e);
  if (!c) {
    c = build(lib, e);
    cache.set(e, c);
  }
  return c;
}

function dec(v: Value, e: Expr): Dec {
  if (isDec(v)) return v;
  throw new EvalError(`expected a number but the value is ${valueText(v)}`, e);
}

function bool(v: Value, e: Expr): boolean {
  if (typeof v === 'boolean') return v;
  throw new EvalError(`expected true or false but the value is ${valueText(v)}`, e);
}

function build(lib: Library, e: Expr): Closure {
  switch (e.kind) {
    case 'number':
    case 'percent':
    case 'money':
      return constant(literalDec(e.kind, e.text));
    case 'text':
      return constant(e.value);
    case 'bool':
      return constant(e.value);
    case 'year': {
      const v = { fy: e.year };
      return () => v;
    }
    case 'fact': {
      const group = e.group.text;
      const path = e.path.map((p) => p.text).join('.');
      const read = factReader(lib, group, path);
      return (ctx) => read(Object.hasOwn(ctx.facts, group) ? ctx.facts[group] : undefined);
    }
    case 'name': {
      const r = lib.resolutions.get(e);
      if (!r) throw new EvalError(`unresolved name ${e.name.text}`, e);
      if (r.kind === 'local') return (ctx) => ctx.locals.get(r.name);
      if (r.kind === 'let') return letClosure(lib, r.decl);
      if (r.kind === 'set') {
        const members: Value = r.members.slice();
        return () => members;
      }
      if (r.kind === 'member') return constant(r.member);
      if (r.kind === 'fiscal_year') return (ctx) => ({ fy: ctx.year });
      if (r.kind === 'param') return (ctx) => readParam(lib, ctx, r.name, undefined, e);
      throw new EvalError(`cannot evaluate ${e.name.text}`, e);
    }
    case 'index': {
      const name = e.target.text;
      const index = compileExpr(lib, e.index);
      return (ctx) => readParam(lib, ctx, name, String(index(ctx)), e);
    }
    case 'call':
      return buildCall(lib, e);
    case 'list': {
      const items = e.items.map((i) => compileExpr(lib, i));
      return (ctx) => items.map((i) => i(ctx));
    }
    case 'unary': {
      const operand = compileExpr(lib, e.operand);
      if (e.op === 'not') return (ctx) => !bool(operand(ctx), e);
      return (ctx) => dec(operand(ctx), e).negated();
    }
    case 'binary':
      return buildChain(lib, e);
    case 'is': {
      const l = compileExpr(lib, e.left);
      const r = compileExpr(lib, e.right);
      return (ctx) => valuesEqual(l(ctx), r(ctx)) !== e.negated;
    }
    case 'in': {
      const l = compileExpr(lib, e.left);
      const list = compileExpr(lib, e.list);
      return (ctx) => {
        const items = list(ctx);
        const left = l(ctx);
        if (!Array.isArray(items)) throw new EvalError('"in" needs a list', e);
        const hit = Array.isArray(left) ? left.some((x) => items.some((y) => valuesEqual(x, y))) : items.some((y) => valuesEqual(left, y));
        return hit !== e.negated;
      };
    }
    case 'present': {
      // a fact read yields undefined only for a missing optional fact
      const operand = compileExpr(lib, e.operand);
      return (ctx) => (operand(ctx) !== undefined) !== e.negated;
    }
    case 'if': {
      const c = compileExpr(lib, e.cond);
      const a = compileExpr(lib, e.then);
      const b = compileExpr(lib, e.else);
      return (ctx) => (bool(c(ctx), e.cond) ? a(ctx) : b(ctx));
    }
    case 'round': {
      const operand = compileExpr(lib, e.operand);
      const unit = e.unit;
      if (typeof unit === 'object' && 'placesFrom' in unit) {
        const places = compileExpr(lib, unit.placesFrom);
        return (ctx) => {
          const n = dec(places(ctx), unit.placesFrom);
          if (!n.isInteger() || n.isNegative() || n.greaterThan(20)) throw new EvalError(`cannot round to ${n.toString()} places: give a whole number from 0 to 20`, unit.placesFrom);
          return roundTo(dec(operand(ctx), e.operand), { places: n.toNumber() }, e.mode);
        };
      }
      return (ctx) => roundTo(dec(operand(ctx), e.operand), unit, e.mode);
    }
  }
}

/** A let's value: computed when first used in an evaluation of its rule (in a call of its formula), then reused (json-rules-engine and the fast path share the context, so both compute it once, at the same point). */
function letClosure(lib: Library, decl: LetDecl): Closure {
  return (ctx) => {
    const memo = (ctx.lets ??= new Map());
    if (memo.has(decl)) return memo.get(decl);
    const v = compileExpr(lib, decl.value)(ctx);
    memo.set(decl, v);
    return v;
  };
}

function constant(v: Value): Closure {
  return () => v;
}

type Step = (left: Value, ctx: EvalContext) => Value;

/**
 * A binary expression with the binary expressions down its left spine
 * (`a + b + c ...`, `x and y and ...`) as one loop over steps, evaluated left
 * to right: no recursion proportional to the length of a chain. `and` and
 * `or` short-circuit: the right side is evaluated only when the left side
 * does not decide.
 */
function buildChain(lib: Library, top: Extract<Expr, { kind: 'binary' }>): Closure {
  const spine: Array<Extract<Expr, { kind: 'binary' }>> = [];
  let cur: Expr = top;
  while (cur.kind === 'binary') {
    spine.push(cur);
    cur = cur.left;
  }
  const first = compileExpr(lib, cur);
  const steps = spine.reverse().map((b) => step(b, compileExpr(lib, b.right)));
  if (steps.length === 1) {
    const only = steps[0];
    return (ctx) => only(first(ctx), ctx);
  }
  return (ctx) => {
    let v = first(ctx);
    for (const s of steps) v = s(v, ctx);
    return v;
  };
}

function step(e: Extract<Expr, { kind: 'binary' }>, r: Closure): Step {
  switch (e.op) {
    case 'and':
      return (l, ctx) => bool(l, e.left) && bool(r(ctx), e.right);
    case 'or':
      return (l, ctx) => bool(l, e.left) || bool(r(ctx), e.right);
    case '+':
      return (l, ctx) => dec(l, e.left).plus(dec(r(ctx), e.right));
    case '-':
      return (l, ctx) => dec(l, e.left).minus(dec(r(ctx), e.right));
    case '*':
      return (l, ctx) => dec(l, e.left).times(dec(r(ctx), e.right));
    case '/':
      return (l, ctx) => {
        const a = dec(l, e.left);
        const d = dec(r(ctx), e.right);
        if (d.isZero()) throw new EvalError('division by zero', e);
        return a.div(d);
      };
    case '=':
      return (l, ctx) => valuesEqual(l, r(ctx));
    case '!=':
      return (l, ctx) => !valuesEqual(l, r(ctx));
    default: {
      const op = e.op;
      return (l, ctx) => {
        const rv = r(ctx);
        const c = compareValues(l, rv);
        if (c === undefined) throw new EvalError(`cannot order ${valueText(l)} and ${valueText(rv)}`, e);
        return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
      };
    }
  }
}

function buildCall(lib: Library, e: Extract<Expr, { kind: 'call' }>): Closure {
  const args = e.args.map((a) => compileExpr(lib, a));
  const r = lib.resolutions.get(e);
  if (r?.kind === 'builtin') {
    const pick = r.name === 'max' ? maxDec : minDec;
    return (ctx) => pick(dec(args[0](ctx), e.args[0]), dec(args[1](ctx), e.args[1]));
  }
  return (ctx) => callFormula(lib, e.callee.text, args.map((a) => a(ctx)), ctx, e);
}

/** Calls the version of a formula in force in the context's fiscal year. */
export function callFormula(lib: Library, name: string, args: Value[], ctx: EvalContext, at?: Expr): Value {
  const v = (lib.formulas.get(name) ?? []).find((f) => inRange(ctx.year, f.decl.effective?.years ?? { from: 0 }));
  if (!v) throw new EvalError(`formula ${name} is not in force in this fiscal year`, at ?? ({ kind: 'text', value: name, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } } as Expr));
  ctx.calls.push(name);
  const locals = new Map<string, Value>();
  v.decl.params.forEach((p, i) => locals.set(p.name.text, args[i]));
  // the formula's own lets: computed at most once per call, never shared with the caller's or another call's
  return compileExpr(lib, v.decl.body)({ ...ctx, locals, lets: new Map() });
}

function readParam(lib: Library, ctx: EvalContext, name: string, member: string | undefined, e: Expr): Value {
  const rv = lib.params.valueInForce(name, ctx.year);
  const value = paramValue(rv, name, member, e);
  ctx.reads.push(paramReadOf(rv!, name, member, value));
  return value;
}

/** The value of a parameter in force (`rv`) for a breakdown member, or the positioned error the closures and the kernel both throw. */
export function paramValue(rv: ResolvedValue | undefined, name: string, member: string | undefined, e: Expr): Dec {
  if (!rv) {
    const err = new EvalError(`parameter ${name} has no value in this fiscal year`, e);
    err.missingParam = name;
    throw err;
  }
  let value: Dec | undefined;
  if (rv.value instanceof Map) {
    if (member === undefined) throw new EvalError(`parameter ${name} needs a breakdown member`, e);
    value = rv.value.get(member);
  } else value = rv.value;
  if (value === undefined) throw new EvalError(`parameter ${name} has no value for ${member}`, e);
  return value;
}

/** The record of one parameter read (for the trace and the unconfirmed list). */
export function paramReadOf(rv: ResolvedValue, name: string, member: string | undefined, value: Dec): ParamRead {
  return { name, year: rv.year, member, value: member === undefined && rv.text ? rv.text : value.toString(), cite: rv.cite, status: rv.status, note: rv.note, ...(rv.userSupplied ? { user: 'supplied' as const } : rv.fromUserSupplied ? { user: 'derived' as const } : {}) };
}
