/**
 * The scenario schema's validators as ajv standalone code, kept in the cache
 * (store.ts) under a key of the schema's text (the library's vocabularies
 * included), ajv's version and options, and lcff's build (key.ts): loading
 * ajv and compiling the schema costs a run ~0.1–0.2 s, evaluating the
 * generated code a few milliseconds. The code is ajv's own output for
 * exactly that schema; it is used only when the entry is sound (store.ts),
 * was made for the same references, and defines a validator for each of them,
 * requiring nothing but ajv's runtime helpers. Otherwise the validators are
 * generated again, as if there were no entry.
 */
import type { ValidateFunction } from 'ajv';
import { AJV_OPTIONS, ajvVersion, runtimeRequire, scenarioAjv, standaloneCode } from '../scenario/schema-ajv.js';
import { packageVersion } from '../cli/package-info.js';
import { libraryKey } from './key.js';
import { arrayOf, isString, shape } from './shape.js';
import { cacheDir, readEntry, writeEntry } from './store.js';

export interface ValidatorCode {
  /** schema references (`<$id>#/$defs/student`), in the order of the code's exports v0, v1, … */
  refs: string[];
  /** ajv's standalone code (CommonJS) */
  code: string;
}

export const isValidatorCode = shape<ValidatorCode>({ refs: arrayOf(isString), code: isString });

/** The validators `entry` defines for `refs`, or undefined when it was made for other references, fails to evaluate or lacks one. */
export function evaluateValidators(entry: ValidatorCode, refs: readonly string[]): Map<string, ValidateFunction> | undefined {
  if (entry.refs.length !== refs.length || entry.refs.some((r, i) => r !== refs[i])) return undefined;
  const module = { exports: {} as Record<string, unknown> };
  try {
    new Function('module', 'exports', 'require', entry.code)(module, module.exports, runtimeRequire);
  } catch {
    return undefined;
  }
  const out = new Map<string, ValidateFunction>();
  for (const [i, ref] of refs.entries()) {
    const fn = module.exports[`v${i}`];
    if (typeof fn !== 'function') return undefined;
    out.set(ref, fn as ValidateFunction);
  }
  return out;
}

/** The cache key of the validators of `schema` for `refs`. */
export function validatorsKey(schema: Record<string, unknown>, annotations: readonly string[], refs: readonly string[]): string {
  return libraryKey(
    [
      { file: 'scenario.schema.json', text: JSON.stringify(schema) },
      { file: 'ajv', text: JSON.stringify({ version: ajvVersion(), options: AJV_OPTIONS, annotations, refs }) },
    ],
    packageVersion(),
  );
}

/**
 * Validators of `schema` (annotation keywords `annotations`) for each of
 * `refs`, references into it; undefined when the cache is off. On a miss the
 * standalone code is generated, written and evaluated: a run uses the same
 * code whether it found the entry or made it.
 */
export function cachedValidators(schema: Record<string, unknown>, annotations: readonly string[], refs: readonly string[]): Map<string, ValidateFunction> | undefined {
  if (!cacheDir()) return undefined;
  const key = validatorsKey(schema, annotations, refs);
  const cached = readEntry('validators', key, isValidatorCode);
  const fromCache = cached && evaluateValidators(cached, refs);
  if (fromCache) return fromCache;
  const ajv = scenarioAjv(annotations, true);
  ajv.addSchema(schema);
  const entry: ValidatorCode = { refs: [...refs], code: standaloneCode(ajv, refs) };
  const made = evaluateValidators(entry, refs);
  if (made) writeEntry('validators', key, entry);
  return made;
}
