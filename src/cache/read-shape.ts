/**
 * The shape of what reading one library file produces (src/semantics/sources.ts
 * ReadSource), checked on what the cache gives back (library-reads.ts): the
 * diagnostics in full (they are printed as they are), and of the syntax tree,
 * parameters, manifest, register and labels the parts every later stage
 * starts from. Anything else is refused and the file is read again.
 */
import type { LibraryManifest } from '../params/manifest.js';
import { PARAM_STATUSES, PARAM_UNITS, type Parameter } from '../params/model.js';
import type { SourceRegister } from '../params/sources.js';
import type { ReadSource } from '../semantics/sources.js';
import { arrayOf, isInteger, isRecord, isString, oneOf, optional, shape, type Guard } from './shape.js';

const isPos = shape({ line: isInteger, column: isInteger, offset: isInteger });
export const isRange = shape({ start: isPos, end: isPos });

const isDiagnostic = shape({
  code: isString,
  severity: oneOf('error', 'warning', 'info'),
  message: isString,
  file: isString,
  range: isRange,
  related: optional(arrayOf(shape({ file: isString, range: isRange, message: isString }))),
  data: optional(isRecord),
});

/** A record whose listed fields pass (other fields allowed: the deeper parts of a tree). */
function having<T = Record<string, unknown>>(fields: Record<string, Guard<unknown>>): Guard<T> {
  const keys = Object.keys(fields);
  return (v: unknown): v is T => isRecord(v) && keys.every((k) => fields[k](v[k]));
}

const isDeclaration = having({ kind: oneOf('enum', 'set', 'facts', 'formula', 'decision'), range: isRange, name: having({ text: isString, range: isRange }) });
const isEntry = having({ year: isInteger, range: isRange, status: oneOf(...PARAM_STATUSES) });
const isParameter = having<Parameter>({ name: isString, description: isString, unit: oneOf(...PARAM_UNITS), file: isString, range: isRange, values: arrayOf(isEntry) });
const isManifest = having<LibraryManifest>({ name: isString, firstYear: isInteger, lastYear: isInteger, cite: isString, citeRange: isRange, file: isString, range: isRange });
const isRegister = having<SourceRegister>({ file: isString, entries: (v: unknown): v is Map<string, unknown> => v instanceof Map && [...v].every(([k, e]) => isString(k) && isRecord(e) && e.id === k), invalid: (v: unknown): v is Set<string> => v instanceof Set && [...v].every(isString) });
const isStringMap = (v: unknown): v is Map<string, string> => v instanceof Map && [...v].every(([k, x]) => isString(k) && isString(x));
const isLabels = (v: unknown): v is Map<string, Map<string, string>> => v instanceof Map && [...v].every(([k, x]) => isString(k) && isStringMap(x));

/** A ReadSource of the file named `file`. */
export function isReadOf(file: string): Guard<ReadSource> {
  const isAst = (v: unknown): boolean => isRecord(v) && Object.keys(v).length === 2 && v.file === file && arrayOf(isDeclaration)(v.declarations);
  return shape<ReadSource>({
    ast: optional(isAst as Guard<ReadSource['ast']>),
    params: optional(arrayOf(isParameter)),
    manifest: optional(isManifest),
    register: optional(isRegister),
    labels: optional(isLabels),
    diagnostics: arrayOf(isDiagnostic),
  });
}
