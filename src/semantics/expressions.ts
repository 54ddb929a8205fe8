/**
 * Name resolution and type/unit checking of expressions. Records what every
 * name means (library.resolutions), the type of every expression
 * (library.types), every reference (for the language server), and the
 * parameters and formulas an expression uses (for effective-date checks).
 */
import { suggest, type SourceRange } from '../core/diagnostics.js';
import type { Expr, Name } from '../syntax/ast.js';
import { SemanticCodes as C } from './diagnostic-codes.js';
import { diag, symbolKey } from './declarations.js';
import type { Library } from './library.js';
import { paramType } from './param-types.js';
import { arithmetic, isNumeric, isUnknown, sameType, T, type Type, typeText } from './types.js';

export interface Use {
  name: string;
  range: SourceRange;
}

export interface ExprScope {
  file: string;
  locals: Map<string, { type: Type; key: string }>;
  params: Use[];
  formulas: Use[];
}

export function newScope(file: string): ExprScope {
  return { file, locals: new Map(), params: [], formulas: [] };
}

export function checkExpr(lib: Library, scope: ExprScope, e: Expr, expected?: Type): Type {
  const t = infer(lib, scope, e, expected);
  lib.types.set(e, t);
  return t;
}

function report(lib: Library, scope: ExprScope, code: string, range: SourceRange, message: string, data?: Record<string, unknown>): Type {
  lib.diagnostics.push(diag(code, scope.file, range, message, data ? { data } : undefined));
  return T.unknown;
}

function ref(lib: Library, scope: ExprScope, key: string, range: SourceRange): void {
  lib.references.push({ key, file: scope.file, range });
}

function infer(lib: Library, scope: ExprScope, e: Expr, expected?: Type): Type {
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
      return resolveFact(lib, scope, e.group, e.path);
    case 'index': {
      const p = lib.params.get(e.target.text);
      if (!p) return unknownName(lib, scope, e.target);
      lib.resolutions.set(e, { kind: 'param', name: p.name });
      ref(lib, scope, symbolKey('param', p.name), e.target.range);
      scope.params.push({ name: p.name, range: e.target.range });
      if (!p.by) {
        checkExpr(lib, scope, e.index);
        return report(lib, scope, C.badIndex, e.target.range, `parameter "${p.name}" has no breakdown; use it without [ ]`);
      }
      const it = checkExpr(lib, scope, e.index, { k: 'enum', name: p.by });
      if (!sameType(it, { k: 'enum', name: p.by })) report(lib, scope, C.badIndex, e.index.range, `parameter "${p.name}" is broken down by ${p.by}, but the index is ${typeText(it)}`);
      return paramType(p.unit);
    }
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
        return T.bool;
      }
      const t = checkExpr(lib, scope, e.operand);
      if (!isNumeric(t) && !isUnknown(t)) return report(lib, scope, C.unitMismatch, e.range, `cannot negate a ${typeText(t)}`);
      return t;
    }
    case 'binary': {
      if (e.op === 'and' || e.op === 'or') {
        expectBool(lib, scope, e.left);
        expectBool(lib, scope, e.right);
        return T.bool;
      }
      const l = checkExpr(lib, scope, e.left);
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
      checkExpr(lib, scope, e.operand);
      return T.bool;
    case 'if': {
      expectBool(lib, scope, e.cond);
      const a = checkExpr(lib, scope, e.then, expected);
      const b = checkExpr(lib, scope, e.else, expected ?? a);
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

function expectBool(lib: Library, scope: ExprScope, e: Expr): void {
  const t = checkExpr(lib, scope, e, T.bool);
  if (!sameType(t, T.bool)) report(lib, scope, C.notBool, e.range, `a condition must be true or false, but this is ${typeText(t)}`);
}

function resolveName(lib: Library, scope: ExprScope, name: Name, node: Expr, expected?: Type): Type {
  const text = name.text;
  const local = scope.locals.get(text);
  if (local) {
    lib.resolutions.set(node, { kind: 'local', name: text });
    ref(lib, scope, local.key, name.range);
    return local.type;
  }
  if (text === 'fiscal_year') {
    lib.resolutions.set(node, { kind: 'fiscal_year' });
    return T.year;
  }
  const wantEnum = expected?.k === 'enum' ? expected.name : expected?.k === 'list' && expected.element.k === 'enum' ? expected.element.name : undefined;
  const enums = lib.members.get(text) ?? [];
  if (wantEnum && enums.includes(wantEnum)) return member(lib, scope, node, wantEnum, name);
  const p = lib.params.get(text);
  if (p) {
    lib.resolutions.set(node, { kind: 'param', name: text });
    ref(lib, scope, symbolKey('param', text), name.range);
    scope.params.push({ name: text, range: name.range });
    if (p.by) return report(lib, scope, C.badIndex, name.range, `parameter "${text}" is broken down by ${p.by}; write ${text}[<${p.by}>]`);
    return paramType(p.unit);
  }
  if (enums.length === 1) return member(lib, scope, node, enums[0], name);
  if (enums.length > 1) return report(lib, scope, C.unknownMember, name.range, `"${text}" is a member of ${enums.join(' and ')}; the context does not say which`);
  if (wantEnum) {
    const members = lib.enums.get(wantEnum)?.decl.members.map((m) => m.name.text) ?? [];
    const hints = suggest(text, members);
    return report(lib, scope, C.unknownMember, name.range, `"${text}" is not a member of ${wantEnum}${hints.length ? `; did you mean ${hints.map((h) => `"${h}"`).join(' or ')}?` : ''}`, { suggestions: hints });
  }
  return unknownName(lib, scope, name);
}

function member(lib: Library, scope: ExprScope, node: Expr, enumName: string, name: Name): Type {
  lib.resolutions.set(node, { kind: 'member', enumName, member: name.text });
  ref(lib, scope, symbolKey('member', enumName, name.text), name.range);
  return { k: 'enum', name: enumName };
}

export function knownNames(lib: Library, scope?: ExprScope): string[] {
  return [...(scope ? scope.locals.keys() : []), ...lib.params.names(), ...lib.members.keys(), ...lib.formulas.keys(), 'fiscal_year', 'max', 'min'];
}

function unknownName(lib: Library, scope: ExprScope, name: Name): Type {
  const hints = suggest(name.text, knownNames(lib, scope));
  return report(lib, scope, C.unknownName, name.range, `unknown name "${name.text}"${hints.length ? `; did you mean ${hints.map((h) => `"${h}"`).join(' or ')}?` : ''}`, { suggestions: hints });
}

function resolveFact(lib: Library, scope: ExprScope, group: Name, path: Name[]): Type {
  const fields = lib.factGroups.get(group.text);
  if (!fields) {
    const hints = suggest(group.text, lib.factGroups.keys());
    return report(lib, scope, C.unknownFact, group.range, `unknown facts group "${group.text}"${hints.length ? `; did you mean "${hints[0]}"?` : ''}`, { suggestions: hints });
  }
  ref(lib, scope, symbolKey('facts', group.text), group.range);
  const p = path.map((n) => n.text).join('.');
  const info = fields.get(p);
  const pathRange: SourceRange = { start: path[0].range.start, end: path[path.length - 1].range.end };
  if (!info) {
    const hints = suggest(p, fields.keys());
    return report(lib, scope, C.unknownFact, pathRange, `"${group.text}" has no fact "${p}"${hints.length ? `; did you mean "${hints[0]}"?` : ''}`, { suggestions: hints });
  }
  ref(lib, scope, symbolKey('fact', group.text, p), pathRange);
  return info.type;
}

function checkCall(lib: Library, scope: ExprScope, callee: Name, args: Expr[], node: Expr): Type {
  if (callee.text === 'max' || callee.text === 'min') {
    lib.resolutions.set(node, { kind: 'builtin', name: callee.text });
    if (args.length !== 2) {
      args.forEach((a) => checkExpr(lib, scope, a));
      return report(lib, scope, C.arity, node.range, `${callee.text} takes two values, found ${args.length}`);
    }
    const a = checkExpr(lib, scope, args[0]);
    const b = checkExpr(lib, scope, args[1], a);
    if (!isNumeric(a) && !isUnknown(a)) return report(lib, scope, C.unitMismatch, args[0].range, `${callee.text} needs numbers, found ${typeText(a)}`);
    if (!sameType(a, b)) return report(lib, scope, C.unitMismatch, node.range, `${callee.text} of ${typeText(a)} and ${typeText(b)}: the units differ`);
    return arithmetic('+', a, b) ?? a;
  }
  const versions = lib.formulas.get(callee.text);
  if (!versions) {
    args.forEach((a) => checkExpr(lib, scope, a));
    return unknownName(lib, scope, callee);
  }
  lib.resolutions.set(node, { kind: 'formula', name: callee.text });
  ref(lib, scope, symbolKey('formula', callee.text), callee.range);
  scope.formulas.push({ name: callee.text, range: callee.range });
  const f = versions[0].decl;
  if (args.length !== f.params.length) {
    args.forEach((a) => checkExpr(lib, scope, a));
    report(lib, scope, C.arity, node.range, `${callee.text} takes ${f.params.length} value(s) (${f.params.map((p) => p.name.text).join(', ')}), found ${args.length}`);
  } else {
    f.params.forEach((p, i) => {
      const want = lib.types.get(p) ?? T.unknown;
      const got = checkExpr(lib, scope, args[i], want);
      if (!sameType(want, got)) report(lib, scope, C.typeMismatch, args[i].range, `${callee.text}'s "${p.name.text}" is ${typeText(want)}, found ${typeText(got)}`);
    });
  }
  return lib.types.get(f.returns as unknown as Expr) ?? T.unknown;
}
