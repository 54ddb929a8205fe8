/**
 * Student rows from a CSV file, streamed (large files are CSV, not YAML).
 * The columns are the schema's student definition (`$defs/student`): one
 * column per key, `reported_transfer_code` for `reported.transfer_code`;
 * the required keys are the required columns. Each row becomes a student
 * record, is validated by that same definition and converted like an
 * inline student. `basis` lists bases separated by ";" or "|"; booleans
 * are words (true/false, yes/no, y/n, 1/0); an empty cell is an absent
 * value. A column mapping (column-map.ts) names the file's own headers;
 * headers that are not columns are ignored with one warning. Every problem names the file, line and column, and quotes at most
 * a short, escaped excerpt of a cell.
 */
import { Readable } from 'node:stream';
import { headerKey, type ColumnMap } from './column-map.js';
import { suggest } from '../core/diagnostics.js';
import { excerpt, visible } from '../core/safe-text.js';
import type { Ctx } from './context.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Student } from './model.js';
import { Rec } from './place.js';
import { reportSchemaErrors } from './schema-errors.js';
import type { ScenarioValidators } from './schema.js';
import { assembleStudent, expandStudent } from './students.js';
import { CsvRowPlace, lineAt, RecordPos } from './csv-place.js';
import { csvBatches, type CsvRecord } from './csv-records.js';
import { PlainLines } from './csv-plain-lines.js';
import { cellValue, PlainRows } from './csv-plain-rows.js';
import { newObj, type Obj } from './tree.js';

export interface CsvColumn {
  name: string;
  path: [string] | [string, string];
  boolean: boolean;
}

/** The CSV columns of the schema's student definition, and the required ones. */
export function csvColumns(schema: Record<string, unknown>): { columns: CsvColumn[]; required: string[] } {
  const student = (schema.$defs as Record<string, { properties: Record<string, Record<string, unknown>>; required: string[] }>).student;
  const columns: CsvColumn[] = [];
  for (const [key, prop] of Object.entries(student.properties)) {
    const nested = prop.type === 'object' ? (prop.properties as Record<string, Record<string, unknown>> | undefined) : undefined;
    if (nested) for (const [sub, p] of Object.entries(nested)) columns.push({ name: `${key}_${sub}`, path: [key, sub], boolean: p.type === 'boolean' });
    else columns.push({ name: key, path: [key], boolean: prop.type === 'boolean' });
  }
  return { columns, required: student.required };
}

/** csv-parse's errors in our words: never its text, which quotes the file's content. */
function csvProblem(err: { code?: string } | undefined): string {
  switch (err?.code) {
    case 'CSV_INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted field (quote the whole field and double the quotes inside it)';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'text follows the quote that closes a field';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a record is too large';
    default:
      return `an unreadable record${err?.code && /^CSV_[A-Z_]+$/.test(err.code) ? ` (${err.code})` : ''}`;
  }
}

/** What is done with each student as it is read, besides checking it. */
export interface CsvStudentsOptions {
  /** Takes each good student instead of keeping it in the returned list (a streamed run). */
  onStudent?: (s: Student) => void | Promise<void>;
  /** Rows read so far and the bytes they took (for a progress bar). */
  onProgress?: (rows: number, bytes: number) => void;
  /** The file's own headers for the student columns (column-map.ts). */
  mapping?: ColumnMap;
  /** Every row through the generic schema check (readRow), none through csv-plain-rows.ts: the reference the fast reading is tested against. */
  generic?: boolean;
}

/**
 * Reads students from CSV text or a stream. `file` names the CSV in
 * diagnostics. Returns undefined when any row is bad (all rows reported);
 * with `onStudent`, the list it returns is empty.
 */
export async function readStudentsCsv(ctx: Ctx, validators: ScenarioValidators, file: string, input: string | Readable, opts: CsvStudentsOptions = {}): Promise<Student[] | undefined> {
  const sink = ctx.sink;
  const { columns, required } = csvColumns(validators.schema);
  const out: Student[] = [];
  let ok = true;
  let skipped = 0;
  /** one syntax error per line: after a bad quote the parser's later complaints are its consequences */
  const syntaxLines = new Set<number>();
  const source = typeof input === 'string' ? Readable.from([input]) : input;
  const records = csvBatches(source, (err, bytes) => {
    ok = false;
    skipped++;
    const line = err?.lines ?? 1;
    const consequence = err?.code === 'CSV_QUOTE_NOT_CLOSED' && syntaxLines.size > 0;
    if (!syntaxLines.has(line) && !consequence) sink.error(C.csvSyntax, `CSV syntax: ${csvProblem(err)}`, lineAt(file, line, bytes));
    syntaxLines.add(line);
  });

  let header: Array<CsvColumn | undefined> | undefined;
  /** the reader of rows without a problem (csv-plain-rows.ts); null: every row the generic way */
  let plain: PlainRows | null | undefined;
  let sawHeader = false;
  let rows = 0;
  /** an error of the consumer (the run), not of the file: thrown as it is, never reported as the file's */
  let consumerError: { error: unknown } | undefined;
  /** The student of a record read with its fields (the header, or a row `fastTried` by PlainRows.readLine): undefined for the header and a bad row. */
  const fromRecord = (row: CsvRecord, fastTried = false): Student | undefined => {
    const pos = new RecordPos(file, row);
    if (!sawHeader) {
      sawHeader = true;
      header = readHeader(ctx, file, columns, required, row.record, pos, opts.mapping ?? []);
      if (!header) ok = false;
      else plain = opts.generic ? null : (PlainRows.for(ctx, validators, file, header) ?? null);
      return undefined;
    }
    if (!fastTried) rows++;
    if (!header) return undefined;
    const cells = row.record;
    for (let i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
    const s = (fastTried ? undefined : plain?.read(cells, pos.startLine)) ?? readRow(ctx, validators, header, cells, pos);
    if (!s) ok = false;
    return s;
  };
  const failed = (error: unknown): false => {
    consumerError = { error };
    return false;
  };
  /** Hands a good student on (or keeps it): false, or a promise of false, when the consumer failed; a promise only when the consumer's is. */
  const take = (s: Student): boolean | Promise<boolean> => {
    if (!opts.onStudent) {
      out.push(s);
      return true;
    }
    // after a bad row the scenario is refused: only checking goes on
    if (!ok) return true;
    try {
      const taken = opts.onStudent(s);
      return taken ? taken.then(() => true, failed) : true;
    } catch (error) {
      return failed(error);
    }
  };
  try {
    reading: for await (const batch of records) {
      if (batch instanceof PlainLines) {
        while (batch.next()) {
          let s: Student | undefined;
          if (plain) {
            rows++;
            s = plain.readLine(batch);
            if (!s) s = fromRecord(batch.record(), true);
          } else s = fromRecord(batch.record());
          if (s) {
            const taken = take(s);
            if (taken !== true && !(await taken)) break reading;
          }
        }
        if (rows > 0) opts.onProgress?.(rows, batch.bytesRead);
        continue;
      }
      for (const row of batch) {
        const s = fromRecord(row);
        if (s) {
          const taken = take(s);
          if (taken !== true && !(await taken)) break reading;
        }
      }
      if (batch.length > 0 && rows > 0) opts.onProgress?.(rows, batch[batch.length - 1].bytes);
    }
    if (consumerError) throw consumerError.error;
  } catch (e) {
    if (consumerError) throw consumerError.error;
    const err = e as { code?: string; lines?: number };
    const known = typeof err.code === 'string' && err.code.startsWith('CSV_');
    if (known && syntaxLines.size > 0) return undefined; // a consequence of a syntax error already reported
    sink.error(known ? C.csvSyntax : C.fileUnreadable, known ? `CSV syntax: ${csvProblem(err)}` : `cannot read ${excerpt(file, 120)}: ${excerpt((e as Error).message ?? String(e), 120)}`, lineAt(file, err.lines ?? 1));
    return undefined;
  }
  if (!sawHeader) {
    sink.error(C.csvEmpty, `the file is empty: expected a header line (${columns.map((c) => c.name).join(',')})`, lineAt(file, 1));
    return undefined;
  }
  if (rows === 0 && skipped === 0 && header) sink.warning(C.noStudents, 'the file has a header line and no student rows: the scenario has no students', lineAt(file, 1));
  return ok ? out : undefined;
}

/**
 * The header line: which column each field is. A column is found under its
 * own name or under the header the mapping gives it. A header that is not a
 * column is an error when it looks like a misspelling of a column the file
 * lacks (its data would be lost); any other is ignored, with one warning.
 */
function readHeader(ctx: Ctx, file: string, columns: CsvColumn[], required: string[], cells: string[], pos: RecordPos, mapping: ColumnMap): Array<CsvColumn | undefined> | undefined {
  const mappedBy = new Map(mapping.map((m) => [m.column, m]));
  const byHeader = new Map<string, CsvColumn>();
  for (const c of columns) if (!mappedBy.has(c.name)) byHeader.set(c.name, c);
  for (const c of columns) { const m = mappedBy.get(c.name); if (m) byHeader.set(headerKey(m.header), c); }
  const seen = new Set<string>();
  const unknown: Array<{ cell: string; i: number }> = [];
  const out: Array<CsvColumn | undefined> = [];
  let ok = true;
  cells.forEach((cell, i) => {
    const column = byHeader.get(headerKey(cell));
    if (!column) unknown.push({ cell, i });
    else if (seen.has(column.name)) {
      ctx.sink.error(C.csvUnknownColumn, `column "${column.name}"${mappedBy.has(column.name) ? ` (header ${excerpt(cell)})` : ''} appears twice`, pos.field(i), { field: column.name });
      ok = false;
    } else seen.add(column.name);
    out.push(column);
  });
  for (const m of mapping) {
    if (seen.has(m.column)) continue;
    ctx.sink.error(C.csvMappedHeaderMissing, `${visible(m.field)}: ${excerpt(file, 80)} has no header ${excerpt(m.header)} for the column ${m.column}; its headers: ${cells.slice(0, 30).map((c) => excerpt(c, 40)).join(', ')}${cells.length > 30 ? ', …' : ''}`, m.at, { field: excerpt(m.field, 80) });
    ok = false;
  }
  for (const req of required) {
    if (seen.has(req) || mappedBy.has(req)) continue;
    ctx.sink.error(C.csvMissingColumn, `missing required column "${req}" (name a header ${req}, or map the file's header to it with columns:)`, pos.record(), { field: req });
    ok = false;
  }
  const absent = columns.filter((c) => !seen.has(c.name) && !mappedBy.has(c.name)).map((c) => c.name);
  const ignored: Array<{ cell: string; i: number }> = [];
  for (const u of unknown) {
    const did = suggest(headerKey(u.cell), absent);
    if (did.length === 0) { ignored.push(u); continue; }
    ctx.sink.error(C.csvUnknownColumn, `unknown column ${excerpt(u.cell)} (did you mean ${did.join(' or ')}?); columns: ${columns.map((c) => c.name).join(', ')}`, pos.field(u.i), { field: excerpt(u.cell), suggestions: did });
    ok = false;
  }
  if (ignored.length > 0) {
    const names = ignored.slice(0, 20).map((u) => excerpt(u.cell, 40));
    ctx.sink.warning(C.csvColumnsIgnored, `${ignored.length === 1 ? '1 column is' : `${ignored.length} columns are`} not a student column and ignored: ${names.join(', ')}${ignored.length > 20 ? `, and ${ignored.length - 20} more` : ''}`, pos.field(ignored[0].i), { columns: ignored.map((u) => excerpt(u.cell, 40)) });
  }
  return ok ? out : undefined;
}

function readRow(ctx: Ctx, validators: ScenarioValidators, header: Array<CsvColumn | undefined>, cells: string[], pos: RecordPos): Student | undefined {
  if (cells.length !== header.length) {
    ctx.sink.error(C.csvColumnCount, `line ${pos.startLine}: expected ${header.length} fields as in the header, got ${cells.length}`, pos.record());
    return undefined;
  }
  const data = newObj();
  header.forEach((col, i) => {
    const cell = cells[i].trim();
    if (!col || cell === '') return; // an empty cell is an absent value
    const value: unknown = col.boolean ? cellValue(col, cell) : cell;
    if (col.path.length === 1) data[col.path[0]] = value;
    else {
      const [outer, inner] = col.path;
      const nested = (data[outer] as Obj | undefined) ?? newObj();
      nested[inner] = value;
      data[outer] = nested;
    }
  });
  expandStudent(data);
  const place = new CsvRowPlace(pos, header, data);
  if (!validators.student(data)) reportSchemaErrors(validators.student.errors ?? [], place, ctx.sink, place.failedSet, { csv: true });
  return assembleStudent(ctx, new Rec(data, place));
}
