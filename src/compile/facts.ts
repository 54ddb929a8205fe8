/**
 * Typed facts: the one place both evaluators read a fact. Every read checks
 * the value against the fact's declaration (facts.lcff), so the
 * json-rules-engine path and the fast path see the same values and fail the
 * same way:
 *
 * - a missing value (absent, null or "") of an `optional` fact is missing
 *   (`is present` is false; the checker, LCFF-E037, guarantees nothing else
 *   reads it);
 * - a missing value of a required fact is an evaluation error;
 * - a value of the wrong type (text where a number is declared, a JS number
 *   instead of an exact decimal, a word that is not a member of the enum, a
 *   fractional Count) is an evaluation error.
 *
 * Errors are positioned at the fact's declaration: the contract the data
 * broke.
 */
import { excerpt } from '../core/safe-text.js';
import type { Expr } from '../syntax/ast.js';
import type { FactInfo, Library } from '../semantics/library.js';
import { typeText, type Type } from '../semantics/types.js';
import { EvalError } from './eval-error.js';
import { isDec, isFy, isMissing, readPath, type Value } from './values.js';

/** A facts group handed to json-rules-engine: its pathResolver reads paths of it through `readFact`. */
export class FactGroup {
  constructor(
    readonly name: string,
    readonly value: unknown,
  ) {}
}

const memberSets = new WeakMap<Library, Map<string, Set<string>>>();

function members(lib: Library, enumName: string): Set<string> | undefined {
  let byEnum = memberSets.get(lib);
  if (!byEnum) memberSets.set(lib, (byEnum = new Map()));
  let set = byEnum.get(enumName);
  if (!set) {
    const decl = lib.enums.get(enumName)?.decl;
    if (!decl) return undefined;
    set = new Set(decl.members.map((m) => m.name.text));
    byEnum.set(enumName, set);
  }
  return set;
}

function conforms(lib: Library, t: Type, v: unknown): boolean {
  switch (t.k) {
    case 'scalar':
      switch (t.name) {
        case 'Bool':
          return typeof v === 'boolean';
        case 'Text':
          return typeof v === 'string';
        case 'FiscalYear':
          return isFy(v as Value) && Number.isInteger((v as { fy: unknown }).fy);
        case 'Count':
          return isDec(v as Value) && (v as { isInteger(): boolean }).isInteger();
        default:
          return isDec(v as Value) && (v as { isFinite(): boolean }).isFinite();
      }
    case 'enum': {
      const set = members(lib, t.name);
      return typeof v === 'string' && (set === undefined || set.has(v));
    }
    case 'list':
      return Array.isArray(v) && v.every((x) => !isMissing(x) && conforms(lib, t.element, x));
    default:
      return true;
  }
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `the text ${excerpt(v)}`;
  if (typeof v === 'number') return `the floating-point number ${String(v)} (facts hold exact decimals)`;
  if (typeof v === 'boolean') return `the truth value ${String(v)}`;
  if (isDec(v as Value)) return `the number ${String(v)}`;
  if (isFy(v as Value)) return 'a fiscal year';
  if (Array.isArray(v)) return `a list of ${v.length} value(s)`;
  return `a value of kind ${v === null ? 'null' : typeof v}`;
}

function at(info: FactInfo, message: string): EvalError {
  const e = new EvalError(message, { kind: 'text', value: info.path, range: info.field.name.range } as Expr);
  e.file = info.file;
  return e;
}

/** The value of fact `group.path` in a group's object, checked against its declaration; undefined when an optional fact is missing. */
export function readFact(lib: Library, group: string, path: string, groupValue: unknown): Value {
  const info = lib.factGroups.get(group)?.get(path);
  const key = `${group}.${path}`;
  if (!info) throw new EvalError(`fact ${key} is not declared`, { kind: 'text', value: key, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } } as Expr);
  const v = readPath(groupValue, path);
  if (isMissing(v)) {
    if (info.field.optional) return undefined;
    throw at(info, `fact ${key} has no value, but it is required (not declared optional)`);
  }
  if (!conforms(lib, info.type, v)) throw at(info, `fact ${key} is declared ${typeText(info.type)} but holds ${describe(v)}`);
  return v as Value;
}
