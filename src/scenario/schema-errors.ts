/**
 * ajv's errors → positioned diagnostics with stable LCFF-S codes. The code
 * and the words of each message come from the schema's `x-lcff`
 * annotation of the failing schema object:
 *
 *   "x-lcff": { "code": "LCFF-S021", "expected": "a 7-digit county-district code …",
 *               "noun": "enrollment basis", "message": "…",
 *               "by": { "<keyword>": { code, expected, noun, message } } }
 *
 * `code`/`expected`/`noun` hold for the value keywords (pattern, enum,
 * minLength, …) of that object; `message` is a whole sentence said instead
 * of "expected …"; `by` overrides them for one keyword.
 * Without an annotation: type → S012, required → S011, unknown key → S010,
 * enum → S013. One problem per value; the pointers of rejected values are
 * recorded so the typed conversion does not read them again.
 */
import type { ErrorObject } from 'ajv';
import { suggest } from '../core/diagnostics.js';
import { excerpt } from '../core/safe-text.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Place } from './place.js';
import { pathPointer, pointerPath } from './tree.js';
import type { Sink } from './values.js';

interface Spec {
  code?: string;
  expected?: string;
  noun?: string;
  message?: string;
}

interface Annotation extends Spec {
  by?: Record<string, Spec>;
}

/** Keywords whose errors only repeat what their branches say. */
const SILENT = new Set(['if', 'then', 'else', 'propertyNames', 'anyOf', 'oneOf', 'allOf', 'not', '$ref']);
const DEFAULT_CODE: Record<string, string> = { type: C.wrongType, required: C.missingKey, dependentRequired: C.missingKey, additionalProperties: C.unknownKey, enum: C.unknownEnum };
/** Keywords about the shape of a mapping or the type of a value: an annotation's value code does not apply to them. */
const SHAPE = new Set(['type', 'required', 'dependentRequired', 'additionalProperties']);

export interface ErrorOptions {
  /** CSV rows: booleans are words, a missing value is an empty cell */
  csv?: boolean;
}

function specOf(e: ErrorObject): Spec {
  const ann = (e.parentSchema as { 'x-lcff'?: Annotation } | undefined)?.['x-lcff'];
  const by = ann?.by?.[e.keyword];
  const value = SHAPE.has(e.keyword) ? {} : { code: ann?.code, noun: ann?.noun };
  return {
    code: by?.code ?? value.code ?? DEFAULT_CODE[e.keyword] ?? C.wrongType,
    expected: by?.expected ?? (e.keyword === 'required' || e.keyword === 'dependentRequired' ? undefined : ann?.expected),
    noun: by?.noun ?? value.noun,
    message: by?.message ?? (SHAPE.has(e.keyword) ? undefined : ann?.message),
  };
}

function typePhrase(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('object')) return types.includes('array') ? 'a list or a mapping' : 'a mapping';
  if (types.includes('array')) return 'a list';
  if (types.includes('boolean')) return 'true or false';
  if (types.includes('number') || types.includes('integer')) return 'a text or number value';
  return 'a text';
}

/** A decimal comma or thousands separator: say what to write instead. */
function commaHint(value: unknown): string {
  if (typeof value !== 'string' || !value.includes(',') || !/^[+-]?[\d.,]*\d[\d.,]*$/.test(value.trim())) return '';
  return ' (use a point for decimals and no thousands separators: 0.95, not 0,95; 1000.00, not 1,000.00)';
}

function didYouMean(did: string[], quote: boolean): string {
  if (did.length === 0) return '';
  return ` (did you mean ${did.map((d) => (quote ? `"${d}"` : d)).join(' or ')}?)`;
}

/**
 * Reports every error at `place` (the document, or one CSV row) and marks
 * the values it rejects as failed in `failed` (JSON pointers relative to `place`).
 */
export function reportSchemaErrors(errors: readonly ErrorObject[], place: Place, sink: Sink, failed: Set<string>, opts: ErrorOptions = {}): void {
  const seen = new Set<string>();
  for (const e of errors) {
    if (SILENT.has(e.keyword)) continue;
    const path = pointerPath(e.instancePath);
    const spec = specOf(e);
    const code = spec.code!;
    const params = e.params as Record<string, unknown>;
    const propertyName = e.propertyName ?? (params.propertyName as string | undefined);

    if (propertyName !== undefined) {
      // a key the schema rejects (history years): the entry is not read further
      const keyPath = [...path, propertyName];
      const ptr = pathPointer(keyPath);
      if (seen.has(ptr)) continue;
      seen.add(ptr);
      failed.add(ptr);
      sink.error(code, `${place.field(path)} key: expected ${spec.expected ?? 'a valid key'}; got ${excerpt(propertyName)}`, place.keyAt(keyPath), { field: place.field(keyPath) });
      continue;
    }

    if (e.keyword === 'additionalProperties') {
      const name = String(params.additionalProperty);
      const known = Object.keys(((e.parentSchema as { properties?: object }).properties ?? {}) as object);
      const did = suggest(name, known);
      const where = path.length ? `in ${place.field(path)}` : 'at the top level';
      const keyPath = [...path, name];
      sink.error(code, `unknown ${spec.noun ?? 'key'} ${excerpt(name)} ${where}${didYouMean(did, true)}; allowed: ${known.join(', ')}`, place.keyAt(keyPath), { field: place.field(keyPath), suggestions: did });
      continue;
    }

    if (e.keyword === 'required' || e.keyword === 'dependentRequired') {
      const missing = String(params.missingProperty);
      const missingPath = [...path, missing];
      const key = `${pathPointer(missingPath)}|required`;
      if (seen.has(key)) continue;
      seen.add(key);
      const field = place.field(missingPath);
      if (spec.message && e.keyword === 'dependentRequired') sink.error(code, `${field}: ${spec.message}`, place.at([...path, String(params.property)]), { field });
      else if (spec.message) sink.error(code, `${place.field(path) || 'scenario'}: ${spec.message}`, place.at(path), { field });
      else if (opts.csv) sink.error(code, `${field}: a value is required`, place.at(missingPath), { field });
      else sink.error(code, `${field}: required key "${missing}" is missing`, place.at(path), { field });
      continue;
    }

    // a problem of one value: report it once, and do not read the value further
    const ptr = pathPointer(path);
    if (seen.has(ptr)) continue;
    seen.add(ptr);
    failed.add(ptr);
    const field = place.field(path) || 'scenario';
    const at = place.at(path);
    const data = { field: place.field(path) || 'scenario' };

    if (e.keyword === 'type') {
      const type = (e.parentSchema as { type?: unknown }).type;
      if (opts.csv && type === 'boolean') {
        sink.error(C.badBoolean, `${field}: expected true or false (true/false, yes/no, y/n, 1/0); got ${place.show(path, e.data)}`, at, data);
      } else sink.error(code, `${field}: expected ${spec.expected ?? typePhrase(type)}, got ${place.describe(path)}`, at, { ...data, expected: spec.expected ?? typePhrase(type) });
      continue;
    }
    if (e.keyword === 'enum' || e.keyword === 'const') {
      const allowed = ((params.allowedValues as unknown[]) ?? [params.allowedValue]).map(String);
      const value = typeof e.data === 'string' ? e.data : undefined;
      const did = value === undefined ? [] : suggest(value.trim(), allowed);
      const shown = place.show(path, e.data);
      const message =
        value === ''
          ? `${field}: an empty ${spec.noun ?? 'value'} (a separator with nothing after it?); allowed: ${allowed.join(', ')}`
          : spec.noun
            ? `${field}: unknown ${spec.noun} ${shown}${didYouMean(did, false)}; allowed: ${allowed.join(', ')}`
            : `${field}: ${shown} is not one of ${allowed.join(', ')}${didYouMean(did, false)}`;
      sink.error(code, message, at, { ...data, suggestions: did });
      continue;
    }
    if (e.keyword === 'uniqueItems') {
      const list = Array.isArray(e.data) ? e.data : [];
      const twice = list[Number(params.i)];
      sink.error(code, `${field}: ${place.show([...path, Number(params.i)], twice)} appears twice; ${spec.message ?? 'list each item once'}`, at, data);
      continue;
    }
    if (spec.message) {
      sink.error(code, `${field}: ${spec.message}`, at, data);
      continue;
    }
    sink.error(code, `${field}: expected ${spec.expected ?? e.message ?? 'another value'}; got ${place.show(path, e.data)}${commaHint(e.data)}`, at, data);
  }
}
