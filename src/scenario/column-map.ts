/**
 * A column mapping for student CSVs: which header of the user's file (an SIS
 * or CALPADS extract) holds each student column, so the file is read as it
 * is. Written as the `columns:` key of `students: { file, columns }` or as a
 * YAML file given with `--columns` (its root is the same mapping); the
 * schema's `$defs/columnMap` checks its shape, this module its meaning: each
 * key is a student column, no two columns read the same header.
 */
import { readFile } from 'node:fs/promises';
import { hasErrors, LineIndex, sortDiagnostics, suggest, type Diagnostic } from '../core/diagnostics.js';
import { excerpt, visible } from '../core/safe-text.js';
import type { CsvColumn } from './csv-students.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import { Doc, isObj, Rec, type At } from './place.js';
import { reportSchemaErrors } from './schema-errors.js';
import type { ScenarioValidators } from './schema.js';
import { toData } from './tree.js';
import * as v from './values.js';
import { parseYamlTree } from './yaml-source.js';

/** One mapped column: the student column, the file's header for it (as written), and where the mapping says so. */
export interface MappedColumn {
  column: string;
  header: string;
  at: At;
  field: string;
}

export type ColumnMap = readonly MappedColumn[];

/** A header as it is matched: case and surrounding spaces do not count. */
export function headerKey(header: string): string {
  return header.trim().toLowerCase();
}

/** Reads a mapping the schema has accepted; undefined when a key is not a student column or two keys read one header (each reported). */
export function readColumnMap(sink: v.Sink, rec: Rec, columns: readonly CsvColumn[]): ColumnMap | undefined {
  const names = columns.map((c) => c.name);
  const out: MappedColumn[] = [];
  const byHeader = new Map<string, MappedColumn>();
  let ok = true;
  for (const key of Object.keys(rec.data)) {
    const header = rec.str(key);
    if (header === undefined) { ok = false; continue; } // the schema reported it
    const field = rec.field(key);
    const where = field === key ? '' : `${visible(field)}: `;
    if (!names.includes(key)) {
      const did = suggest(key, names);
      sink.error(C.csvColumnMap, `${where}${excerpt(key)} is not a student column${did.length ? ` (did you mean ${did.join(' or ')}?)` : ''}; student columns: ${names.join(', ')}`, rec.place.keyAt([key]), { field: excerpt(field, 80), suggestions: did });
      ok = false;
      continue;
    }
    const prior = byHeader.get(headerKey(header));
    if (prior) {
      sink.error(C.csvColumnMap, `${where}the header ${excerpt(header)} is already the column of ${prior.column}; a header holds one column`, rec.at(key), { field: excerpt(field, 80) });
      ok = false;
      continue;
    }
    const mapped = { column: key, header, at: rec.at(key), field };
    byHeader.set(headerKey(header), mapped);
    out.push(mapped);
  }
  return ok ? out : undefined;
}

/** The mapping of a `--columns` file: read, parsed, checked by the schema and by `readColumnMap`. */
export async function loadColumnMapFile(file: string, validators: ScenarioValidators, columns: readonly CsvColumn[]): Promise<{ map?: ColumnMap; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const p = { line: 1, column: 1, offset: 0 };
    const reason = (e as { code?: string }).code === 'ENOENT' ? 'no such file' : (e as { code?: string }).code === 'EISDIR' ? 'it is a folder' : 'it cannot be read';
    return { diagnostics: [{ code: C.fileUnreadable, severity: 'error', message: `--columns: cannot read ${excerpt(file, 120)}: ${reason}`, file, range: { start: p, end: p } }] };
  }
  const sink = new v.Sink();
  const lines = new LineIndex(text);
  const tree = parseYamlTree(text, (code, message, r, severity = 'error') => sink[severity](code, message, { file, range: lines.range(r[0], r[1]) }));
  if (!tree || hasErrors(sink.diagnostics)) return { diagnostics: sortDiagnostics(sink.diagnostics) };
  const doc = new Doc(file, text, tree);
  const data = toData(tree);
  const validate = validators.columnMap;
  if (!validate(data)) reportSchemaErrors(validate.errors ?? [], doc.place(), sink, doc.failed);
  if (!isObj(data)) return { diagnostics: sortDiagnostics(sink.diagnostics) };
  const map = readColumnMap(sink, new Rec(data, doc.place()), columns);
  const diagnostics = sortDiagnostics(sink.diagnostics);
  return hasErrors(diagnostics) || !map ? { diagnostics } : { map, diagnostics };
}
