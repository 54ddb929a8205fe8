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
import { NO_RANGE } from '../core/diagnostics.js';
import { excerpt } from '../core/safe-text.js';
import type { Expr } from '../syntax/ast.js';
import type { FactInfo, Library } from '../semantics/library.js';
import { typeText, type Type } from '../semantics/types.js';
import { EvalError } from './eval-error.js';
import { isDec, isFy, isMissing, type Value } from './values.js';
import type { Dec } from '../runtime/money.js';

/** A facts group handed to json-rules-engine: its pathResolver reads paths of it through `readFact`. */
export class FactGroup {
  constructor(
    readonly name: string,
    readonly value: unknown,
  ) {}
}

/** A check of a value against a declared type, built once per fact. */
export type Conformer = (v: unknown) => boolean;

/** The check of a value against a declared type (the compiled kernel calls it too). */
export function conformer(lib: Library, t: Type): Conformer {
  switch (t.k) {
    case 'scalar':
      switch (t.name) {
        case 'Bool':
          return (v) => typeof v === 'boolean';
        case 'Text':
          return (v) => typeof v === 'string';
        case 'FiscalYear':
          return (v) => isFy(v as Value) && Number.isInteger((v as { fy: unknown }).fy);
        case 'Count':
          return (v) => isDec(v as Value) && (v as Dec).isInteger();
        default:
          return (v) => isDec(v as Value) && (v as Dec).isFinite();
      }
    case 'enum': {
      const decl = lib.enums.get(t.name)?.decl;
      if (!decl) return (v) => typeof v === 'string';
      const members = new Set(decl.members.map((m) => m.name.text));
      return (v) => typeof v === 'string' && members.has(v);
    }
    case 'list': {
      const element = conformer(lib, t.element);
      return (v) => Array.isArray(v) && v.every((x) => !isMissing(x) && element(x));
    }
    default:
      return () => true;
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

/** The error of a required fact without a value. */
export function factMissingError(info: FactInfo): EvalError {
  return at(info, `fact ${info.group}.${info.path} has no value, but it is required (not declared optional)`);
}

/** The error of a fact whose value does not conform to its declaration. */
export function factTypeError(info: FactInfo, v: unknown): EvalError {
  return at(info, `fact ${info.group}.${info.path} is declared ${typeText(info.type)} but holds ${describe(v)}`);
}

/** Reads one fact from its group's object: the value, or undefined for a missing optional fact; throws EvalError otherwise. */
export type FactReader = (groupValue: unknown) => Value;

function makeReader(lib: Library, group: string, path: string): FactReader {
  const info = lib.factGroups.get(group)?.get(path);
  const key = `${group}.${path}`;
  if (!info) {
    return () => {
      throw new EvalError(`fact ${key} is not declared`, { kind: 'text', value: key, range: NO_RANGE } as Expr);
    };
  }
  const parts = path.split('.');
  const ok = conformer(lib, info.type);
  const optional = info.field.optional;
  return (groupValue) => {
    let v: unknown = groupValue;
    for (const part of parts) {
      if (v === null || typeof v !== 'object' || !Object.hasOwn(v, part)) {
        v = undefined;
        break;
      }
      v = (v as Record<string, unknown>)[part];
    }
    if (isMissing(v)) {
      if (optional) return undefined;
      throw factMissingError(info);
    }
    if (!ok(v)) throw factTypeError(info, v);
    return v as Value;
  };
}

const readers = new WeakMap<Library, Map<string, FactReader>>();

/** The reader of fact `group.path` (one per library and fact). */
export function factReader(lib: Library, group: string, path: string): FactReader {
  let byKey = readers.get(lib);
  if (!byKey) readers.set(lib, (byKey = new Map()));
  const key = `${group}\u0000${path}`;
  let r = byKey.get(key);
  if (!r) byKey.set(key, (r = makeReader(lib, group, path)));
  return r;
}

/** The value of fact `group.path` in a group's object, checked against its declaration; undefined when an optional fact is missing. */
export function readFact(lib: Library, group: string, path: string, groupValue: unknown): Value {
  return factReader(lib, group, path)(groupValue);
}
