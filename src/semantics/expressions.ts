/**
 * Type/unit checking of expressions. Records the type of every expression
 * (library.types), what every name means (library.resolutions, names.ts),
 * every reference (for the language server), the parameters and formulas an
 * expression uses (for effective-date checks), and where an optional fact is
 * used without a presence guard (guards.ts, LCFF-E037).
 *
 * Stack safety: a chain `a + b + c ...` or `x and y and ...` is a left-nested
 * tree as deep as the chain is long; its left spine is walked with a loop, so
 * recursion depth follows the nesting of the text (bounded by the parser's
 * limit, syntax/nesting.ts), never the length of a chain.
 */
import type { SourceRange } from '../core/diagnostics.js';
import type { BinaryExpr, Expr, LetDecl } from '../syntax/ast.js';
import { SemanticCodes as C } from './diagnostic-codes.js';
import { diag } from './declarations.js';
import * as G from './guards.js';
import type { Library } from './library.js';
import { checkCall, resolveFact, resolveIndex, resolveName } from './names.js';
import { arithmetic, isNumeric, isUnknown, sameType, T, type Type, typeText } from './types.js';

export interface Use {
  name: string;
  range: SourceRange;
}

/** A name local to a formula (its inputs) or a rule (its lets). */
export interface LocalName {
  type: Type;
  key: string;
  /** the let that defines it (rules); absent for a formula's inputs */
  let?: LetDecl;
  /** set when an expression uses it (the unused-let warning) */
  used?: boolean;
}

export interface ExprScope {
  file: string;
  locals: Map<string, LocalName>;
  params: Use[];
  formulas: Use[];
  /** Optional facts ("group.path") known to be present where the expression is evaluated. */
  present: ReadonlySet<string>;
  /** The presence guard of each checked boolean expression (shared by the derived scopes of one rule or formula). */
  guards: WeakMap<Expr, G.Guard>;
}

export function newScope(file: string): ExprScope {
  return { file, locals: new Map(), params: [], formulas: [], present: new Set(), guards: new WeakMap() };
}

/** The same scope with more facts known present. */
export function guarded(scope: ExprScope, facts: ReadonlySet<string>): ExprScope {
  return facts.size === 0 ? scope : { ...scope, present: G.withFacts(scope.present, facts) };
}

export function guardOf(scope: ExprScope, e: Expr): G.Guard {
  return scope.guards.get(e) ?? G.NO_GUARD;
}

export function checkExpr(lib: Library, scope: ExprScope, e: Expr, expected?: Type): Type {
  if (e.kind === 'binary') return checkChain(lib, scope, e);
  const t = infer(lib, scope, e, expected);
  lib.types.set(e, t);
  return t;
}

export function report(lib: Library, scope: ExprScope, code: string, range: SourceRange, message: string, data?: Record<string, unknown>): Type {
  lib.diagnostics.push(diag(code, scope.file, range, message, data ? { data } : undefined));
  return T.unknown;
}

const isLogical = (b: BinaryExpr): boolean => b.op === 'and' || b.op === 'or';

/** A binary expression and the binary expressions down its left spine, innermost first, in one loop. */
function checkChain(lib: Library, scope: ExprScope, top: BinaryExpr): Type {
  const spine: BinaryExpr[] = [];
  let cur: Expr = top;
  while (cur.kind === 'binary') {
    spine.push(cur);
    cur = cur.left;
  }
  const innermost = spine[spine.length - 1];
  let type = isLogical(innermost) ? expectBool(lib, scope, cur) : checkExpr(lib, scope, cur);
  for (let i = spine.length - 1; i >= 0; i--) {
    const b = spine[i];
    type = binary(lib, scope, b, type);
    lib.types.set(b, type);
    if (i > 0 && isLogical(spine[i - 1]) && !sameType(type, T.bool)) report(lib, scope, C.notBool, b.range, `a condition must be true or false, but this is ${typeText(type)}`);
  }
  return type;
}

/** One binary node whose left operand has been checked (type `l`). */
function binary(lib: Library, scope: ExprScope, e: BinaryExpr, l: Type): Type {
  if (e.op === 'and' || e.op === 'or') {
    const left = guardOf(scope, e.left);
    // the right side is evaluated only when the left one is true (and) or false (or)
    const rightScope = guarded(scope, e.op === 'and' ? left.t : left.f);
    expectBool(lib, rightScope, e.right);
    const right = guardOf(scope, e.right);
    scope.guards.set(e, e.op === 'and' ? G.and(left, right) : G.or(left, right));
    return T.bool;
  }
  const r = checkExpr(lib, scope, e.right, l);
  if (e.op === '+' || e.op === '-' || e.op === '*' || e.op === '/') {
    const t = arithmetic(e.op, l, r);
    if (!t) return report(lib, scope, C.unitMismatch, e.range, `${typeText(l)} ${e.op} ${typeText(r)} does not make sense: the units do not combine`);
    return t;
  }
  if (!sameType(l, r)) report(lib, scope, C.typeMismatch, e.range, `cannot compare ${typeText(l)} with ${typeText(r)}`);
  else if ((e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=') && !isNumeric(l) && !(l.k === 'scalar' && l.name === 'FiscalYear') && !isUnknown(l)) report(lib, scope, C.typeMismatch, e.range, `${typeText(l)} values have no order`);
  return T.bool;
}

function infer(lib: Library, scope: ExprScope, e: Exclude<Expr, BinaryExpr>, expected?: Type): Type {
  switch (e.kind) {
    case 'number':
      return T.number;
    case 'percent':
      return T.percent;
    case 'money':
      // a dollar literal is a per-ADA rate where a rate is expected ($0 per ADA)
      return expected?.k === 'scalar' && expected.name === 'Rate' ? T.rate : T.money;
    case 'text':
      return T.text;
    case 'bool':
      return T.bool;
    case 'year':
      return T.year;
    case 'name':
      return resolveName(lib, scope, e.name, e, expected);
    case 'fact':
      return resolveFact(lib, scope, e, true);
    case 'index':
      return resolveIndex(lib, scope, e);
    case 'call':
      return checkCall(lib, scope, e.callee, e.args, e);
    case 'list': {
      const elem = expected?.k === 'list' ? expected.element : undefined;
      let first: Type | undefined;
      for (const item of e.items) {
        const it = checkExpr(lib, scope, item, elem ?? first);
        if (first === undefined) first = it;
        else if (!sameType(first, it)) report(lib, scope, C.typeMismatch, item.range, `list items must have one type: ${typeText(first)} and ${typeText(it)}`);
      }
      return { k: 'list', element: elem ?? first ?? T.unknown };
    }
    case 'unary': {
      if (e.op === 'not') {
        expectBool(lib, scope, e.operand);
        scope.guards.set(e, G.not(guardOf(scope, e.operand)));
        return T.bool;
      }
      const t = checkExpr(lib, scope, e.operand);
      if (!isNumeric(t) && !isUnknown(t)) return report(lib, scope, C.unitMismatch, e.range, `cannot negate a ${typeText(t)}`);
      return t;
    }
    case 'is': {
      const l = checkExpr(lib, scope, e.left);
      const r = checkExpr(lib, scope, e.right, l);
      if (!sameType(l, r)) report(lib, scope, C.typeMismatch, e.range, `cannot compare ${typeText(l)} with ${typeText(r)}`);
      return T.bool;
    }
    case 'in': {
      const l = checkExpr(lib, scope, e.left);
      const elem = l.k === 'list' ? l.element : l;
      const r = checkExpr(lib, scope, e.list, { k: 'list', element: elem });
      if (r.k !== 'list' && !isUnknown(r)) report(lib, scope, C.typeMismatch, e.list.range, `"in" needs a list on its right, found ${typeText(r)}`);
      else if (r.k === 'list' && !sameType(elem, r.element)) report(lib, scope, C.typeMismatch, e.range, `cannot look for ${typeText(elem)} in a list of ${typeText(r.element)}`);
      return T.bool;
    }
    case 'present':
      if (e.operand.kind === 'fact') {
        // testing presence is the one use of an optional fact that needs no guard
        lib.types.set(e.operand, resolveFact(lib, scope, e.operand, false));
        scope.guards.set(e, G.presence(G.factKey(e.operand), e.negated));
      } else checkExpr(lib, scope, e.operand);
      return T.bool;
    case 'if': {
      expectBool(lib, scope, e.cond);
      const c = guardOf(scope, e.cond);
      const a = checkExpr(lib, guarded(scope, c.t), e.then, expected);
      const b = checkExpr(lib, guarded(scope, c.f), e.else, expected ?? a);
      scope.guards.set(e, G.ifThenElse(c, guardOf(scope, e.then), guardOf(scope, e.else)));
      if (!sameType(a, b)) return report(lib, scope, C.typeMismatch, e.range, `both branches must have one type: ${typeText(a)} and ${typeText(b)}`);
      return isUnknown(a) ? b : a;
    }
    case 'round': {
      if (typeof e.unit === 'object' && 'placesFrom' in e.unit) {
        const pt = checkExpr(lib, scope, e.unit.placesFrom, T.count);
        if (!sameType(pt, T.count)) report(lib, scope, C.typeMismatch, e.unit.placesFrom.range, `the number of places must be a Count, but ${e.unit.placesFrom.name.text} is ${typeText(pt)}`);
      }
      const t = checkExpr(lib, scope, e.operand);
      if (!isNumeric(t) && !isUnknown(t)) return report(lib, scope, C.unitMismatch, e.operand.range, `cannot round a ${typeText(t)}`);
      return t;
    }
  }
}

/** Checks a condition; reports LCFF-E022 when it is not true/false. */
export function expectBool(lib: Library, scope: ExprScope, e: Expr): Type {
  const t = checkExpr(lib, scope, e, T.bool);
  if (!sameType(t, T.bool)) report(lib, scope, C.notBool, e.range, `a condition must be true or false, but this is ${typeText(t)}`);
  return t;
}
