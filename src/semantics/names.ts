/**
 * Name resolution in expressions: locals, `fiscal_year`, enum members,
 * parameters (with or without a breakdown index), facts, formula and
 * built-in calls. Every lookup keyed by user text goes through a Map, never
 * a plain object, so `constructor` or `__proto__` are ordinary names.
 */
import { suggest, type SourceRange } from '../core/diagnostics.js';
import type { CallExpr, Expr, FactRef, IndexExpr, Name } from '../syntax/ast.js';
import { SemanticCodes as C } from './diagnostic-codes.js';
import { symbolKey } from './declarations.js';
import { checkExpr, report, type ExprScope } from './expressions.js';
import { factKey } from './guards.js';
import type { Library } from './library.js';
import { paramType } from './param-types.js';
import { arithmetic, isNumeric, isUnknown, sameType, T, type Type, typeText } from './types.js';

function ref(lib: Library, scope: ExprScope, key: string, range: SourceRange): void {
  lib.references.push({ key, file: scope.file, range });
}

export function resolveName(lib: Library, scope: ExprScope, name: Name, node: Expr, expected?: Type): Type {
  const text = name.text;
  const local = scope.locals.get(text);
  if (local) {
    lib.resolutions.set(node, local.let ? { kind: 'let', decl: local.let } : { kind: 'local', name: text });
    local.used = true;
    ref(lib, scope, local.key, name.range);
    return local.type;
  }
  if (text === 'fiscal_year') {
    lib.resolutions.set(node, { kind: 'fiscal_year' });
    return T.year;
  }
  const set = lib.sets.get(text);
  if (set) {
    lib.resolutions.set(node, { kind: 'set', name: text, members: set.decl.members.map((m) => m.text) });
    ref(lib, scope, symbolKey('set', text), name.range);
    return lib.enums.has(set.decl.of.text) ? { k: 'list', element: { k: 'enum', name: set.decl.of.text } } : T.unknown;
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
  return [...(scope ? scope.locals.keys() : []), ...lib.params.names(), ...lib.sets.keys(), ...lib.members.keys(), ...lib.formulas.keys(), 'fiscal_year', 'max', 'min'];
}

function unknownName(lib: Library, scope: ExprScope, name: Name): Type {
  const hints = suggest(name.text, knownNames(lib, scope));
  return report(lib, scope, C.unknownName, name.range, `unknown name "${name.text}"${hints.length ? `; did you mean ${hints.map((h) => `"${h}"`).join(' or ')}?` : ''}`, { suggestions: hints });
}

/** `group.path`; with `guard`, an optional fact must be known present here (LCFF-E037). */
export function resolveFact(lib: Library, scope: ExprScope, e: FactRef, guard: boolean): Type {
  const { group, path } = e;
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
  const key = factKey(e);
  if (guard && info.field.optional && !scope.present.has(key)) {
    report(lib, scope, C.unguardedOptional, e.range, `${key} is optional and may be missing here: test it first ("${key} is present and ...", or "if ${key} is present then ... else ...")`);
  }
  return info.type;
}

/** `param[member]`: a parameter broken down by an enum. */
export function resolveIndex(lib: Library, scope: ExprScope, e: IndexExpr): Type {
  const p = lib.params.get(e.target.text);
  if (!p) {
    checkExpr(lib, scope, e.index);
    return unknownName(lib, scope, e.target);
  }
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

export function checkCall(lib: Library, scope: ExprScope, callee: Name, args: Expr[], node: CallExpr): Type {
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
