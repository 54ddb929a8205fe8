/**
 * Student rows from a CSV file, streamed (large files are CSV, not YAML).
 * The columns are the schema's student definition (`$defs/student`): one
 * column per key, `reported_transfer_code` for `reported.transfer_code`;
 * the required keys are the required columns. Each row becomes a student
 * record, is validated by that same definition and converted like an
 * inline student. `basis` lists bases separated by ";" or "|"; booleans
 * are words (true/false, yes/no, y/n, 1/0); an empty cell is an absent
 * value. Every problem names the file, line and column, and quotes at most
 * a short, escaped excerpt of a cell.
 */
import { parse, type Info } from 'csv-parse';
import { Readable } from 'node:stream';
import { suggest } from '../core/diagnostics.js';
import { excerpt } from '../core/safe-text.js';
import type { Ctx } from './context.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Student } from './model.js';
import { Rec } from './place.js';
import { reportSchemaErrors } from './schema-errors.js';
import type { ScenarioValidators } from './schema.js';
import { assembleStudent, expandStudent } from './students.js';
import { CsvRowPlace, lineAt, RecordPos } from './csv-place.js';
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

const BOOLEAN_WORDS = new Map<string, boolean>([
  ['true', true], ['yes', true], ['y', true], ['1', true],
  ['false', false], ['no', false], ['n', false], ['0', false],
]);

interface Row {
  record: string[];
  info: Info;
  raw?: string;
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
  const parser: ReturnType<typeof parse> = parse({
    info: true,
    raw: true,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      ok = false;
      skipped++;
      const line = (err as { lines?: number } | undefined)?.lines ?? 1;
      const consequence = (err as { code?: string } | undefined)?.code === 'CSV_QUOTE_NOT_CLOSED' && syntaxLines.size > 0;
      if (!syntaxLines.has(line) && !consequence) sink.error(C.csvSyntax, `CSV syntax: ${csvProblem(err as { code?: string })}`, lineAt(file, line, parser.info.bytes));
      syntaxLines.add(line);
      return undefined;
    },
  });
  const source = typeof input === 'string' ? Readable.from([input]) : input;
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);

  let header: Array<CsvColumn | undefined> | undefined;
  let sawHeader = false;
  let rows = 0;
  /** an error of the consumer (the run), not of the file: thrown as it is, never reported as the file's */
  let consumerError: { error: unknown } | undefined;
  try {
    for await (const row of parser as AsyncIterable<Row>) {
      const pos = new RecordPos(file, row.raw ?? row.record.join(','), row.info.lines, row.info.bytes);
      if (consumerError) throw consumerError.error;
  if (!sawHeader) {
        sawHeader = true;
        header = readHeader(ctx, columns, required, row.record, pos);
        if (!header) ok = false;
        continue;
      }
      rows++;
      opts.onProgress?.(rows, row.info.bytes);
      if (!header) continue;
      const s = readRow(ctx, validators, header, row.record, pos);
      if (!s) ok = false;
      else if (opts.onStudent) {
        // after a bad row the scenario is refused: only checking goes on
        if (ok) {
          try {
            await opts.onStudent(s);
          } catch (error) {
            consumerError = { error };
            break;
          }
        }
      }
      else out.push(s);
    }
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

function readHeader(ctx: Ctx, columns: CsvColumn[], required: string[], cells: string[], pos: RecordPos): Array<CsvColumn | undefined> | undefined {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const seen = new Set<string>();
  const out: Array<CsvColumn | undefined> = [];
  let ok = true;
  cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    const at = pos.field(i);
    const column = byName.get(name);
    if (!column) {
      const did = suggest(name, byName.keys());
      ctx.sink.error(C.csvUnknownColumn, `unknown column ${excerpt(cell)}${did.length ? ` (did you mean ${did.join(' or ')}?)` : ''}; columns: ${[...byName.keys()].join(', ')}`, at, { field: excerpt(cell), suggestions: did });
      ok = false;
    } else if (seen.has(name)) {
      ctx.sink.error(C.csvUnknownColumn, `column "${name}" appears twice`, at, { field: name });
      ok = false;
    } else seen.add(name);
    out.push(column);
  });
  for (const req of required) {
    if (!seen.has(req)) {
      ctx.sink.error(C.csvMissingColumn, `missing required column "${req}"`, pos.record(), { field: req });
      ok = false;
    }
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
    const value: unknown = col.boolean ? (BOOLEAN_WORDS.get(cell.toLowerCase()) ?? cell) : cell;
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
