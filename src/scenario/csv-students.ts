/**
 * Student rows from a CSV file, streamed (large files are CSV, not YAML).
 * Header columns:
 *   id,school,grade,basis,district_of_residence,unduplicated,census_day,ada,
 *   reported_transfer_code,reported_district_of_residence
 * `basis` lists enrollment bases separated by ";" or "|". Empty optional
 * cells mean "absent". Every problem names the file, line and column.
 */
import { parse, type Info } from 'csv-parse';
import { Readable } from 'node:stream';
import { suggest, type SourceRange } from '../core/diagnostics.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Ctx } from './context.js';
import type { Student } from './model.js';
import { assembleStudent, splitBasis, type StudentSource } from './students.js';
import * as v from './values.js';
import type { At } from './values.js';

export const CSV_REQUIRED = ['id', 'school', 'grade', 'basis', 'unduplicated', 'census_day', 'ada'] as const;
export const CSV_OPTIONAL = ['district_of_residence', 'reported_transfer_code', 'reported_district_of_residence'] as const;
const CSV_COLUMNS: readonly string[] = [...CSV_REQUIRED, ...CSV_OPTIONAL];

interface Row {
  record: string[];
  info: Info;
  raw?: string;
}

/** Start offsets of each field of a raw CSV record (quotes respected). */
export function fieldOffsets(raw: string): number[] {
  const starts = [0];
  let inQuotes = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '"') {
      if (inQuotes && raw[i + 1] === '"') i++;
      else inQuotes = !inQuotes;
    } else if (ch === ',' && !inQuotes) starts.push(i + 1);
  }
  return starts;
}

/** Positions within one record: line/column of each field. */
class RecordPos {
  private computed?: { body: string; startLine: number; starts: number[]; baseOffset: number };
  constructor(
    readonly file: string,
    private readonly raw: string,
    private readonly lines: number,
    private readonly bytes: number,
  ) {}
  /** Positions are computed only when a diagnostic needs one. */
  private get c(): { body: string; startLine: number; starts: number[]; baseOffset: number } {
    if (!this.computed) {
      const lead = /^(\r?\n)*/.exec(this.raw)?.[0].length ?? 0;
      const body = this.raw.slice(lead).replace(/\r?\n$/, '');
      this.computed = {
        body,
        startLine: this.lines - (body.match(/\n/g)?.length ?? 0),
        starts: fieldOffsets(body),
        baseOffset: Math.max(0, this.bytes - this.raw.length + lead),
      };
    }
    return this.computed;
  }
  get startLine(): number {
    return this.c.startLine;
  }
  private posOf(offset: number): { line: number; column: number; offset: number } {
    const { body, startLine, baseOffset } = this.c;
    const before = body.slice(0, offset);
    const nl = before.lastIndexOf('\n');
    const line = startLine + (before.match(/\n/g)?.length ?? 0);
    return { line, column: offset - nl, offset: baseOffset + offset };
  }
  record(): At {
    return this.at(0, this.c.body.length);
  }
  field(index: number): At {
    const { body, starts } = this.c;
    const start = starts[index] ?? body.length;
    const next = starts[index + 1];
    const end = next === undefined ? body.length : next - 1;
    return this.at(start, Math.max(start, end));
  }
  private at(start: number, end: number): At {
    const range: SourceRange = { start: this.posOf(start), end: this.posOf(end) };
    return { file: this.file, range };
  }
}

/** Line `line`, column 1; `offset` only orders diagnostics (byte-based for CSV). */
function lineAt(file: string, line: number, offset = 0): At {
  const p = { line, column: 1, offset };
  return { file, range: { start: p, end: p } };
}

/**
 * Reads students from CSV text or a stream. `file` names the CSV in
 * diagnostics. Returns undefined when any row is bad (all rows reported).
 */
export async function readStudentsCsv(ctx: Ctx, file: string, input: string | Readable): Promise<Student[] | undefined> {
  const sink = ctx.sink;
  const out: Student[] = [];
  let ok = true;
  const parser: ReturnType<typeof parse> = parse({
    info: true,
    raw: true,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      ok = false;
      const line = (err as { lines?: number } | undefined)?.lines ?? 1;
      sink.error(C.csvSyntax, `CSV syntax: ${err?.message ?? 'unreadable record'}`, lineAt(file, line, parser.info.bytes));
      return undefined;
    },
  });
  const source = typeof input === 'string' ? Readable.from([input]) : input;
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);

  let header: Map<string, number> | undefined;
  let sawHeader = false;
  try {
    for await (const row of parser as AsyncIterable<Row>) {
      const pos = new RecordPos(file, row.raw ?? row.record.join(','), row.info.lines, row.info.bytes);
      if (!sawHeader) {
        sawHeader = true;
        header = readHeader(ctx, row.record, pos);
        if (!header) ok = false;
        continue;
      }
      if (!header) continue;
      const s = readRow(ctx, file, header, row.record, pos);
      if (s) out.push(s);
      else ok = false;
    }
  } catch (e) {
    sink.error(C.fileUnreadable, `cannot read ${file}: ${(e as Error).message}`, lineAt(file, 1));
    return undefined;
  }
  if (!sawHeader) {
    sink.error(C.csvEmpty, `${file} is empty: expected a header line (${CSV_COLUMNS.join(',')})`, lineAt(file, 1));
    return undefined;
  }
  return ok ? out : undefined;
}

function readHeader(ctx: Ctx, cells: string[], pos: RecordPos): Map<string, number> | undefined {
  const map = new Map<string, number>();
  let ok = true;
  cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    const at = pos.field(i);
    if (!CSV_COLUMNS.includes(name)) {
      const did = suggest(name, CSV_COLUMNS);
      ctx.sink.error(C.csvUnknownColumn, `unknown column "${cell}"${did.length ? ` (did you mean ${did.join(' or ')}?)` : ''}; columns: ${CSV_COLUMNS.join(', ')}`, at, { field: cell, suggestions: did });
      ok = false;
    } else if (map.has(name)) {
      ctx.sink.error(C.csvUnknownColumn, `column "${name}" appears twice`, at, { field: name });
      ok = false;
    } else map.set(name, i);
  });
  for (const req of CSV_REQUIRED) {
    if (!map.has(req)) {
      ctx.sink.error(C.csvMissingColumn, `missing required column "${req}"`, pos.record(), { field: req });
      ok = false;
    }
  }
  return ok ? map : undefined;
}

function readRow(ctx: Ctx, file: string, header: Map<string, number>, cells: string[], pos: RecordPos): Student | undefined {
  if (cells.length !== header.size) {
    ctx.sink.error(C.csvColumnCount, `line ${pos.startLine}: expected ${header.size} fields as in the header, got ${cells.length}`, pos.record());
    return undefined;
  }
  const cell = (name: string): string | undefined => {
    const i = header.get(name);
    return i === undefined ? undefined : cells[i];
  };
  const at = (name: string): At => {
    const i = header.get(name);
    return i === undefined ? pos.record() : pos.field(i);
  };
  const isRequired = (name: string) => (CSV_REQUIRED as readonly string[]).includes(name);
  const text = (name: string): string | undefined => {
    const c = cell(name);
    if (c === undefined) return undefined;
    if (c.trim() === '') {
      if (isRequired(name)) ctx.sink.error(C.missingKey, `${name}: a value is required`, at(name), { field: name });
      return undefined;
    }
    return c;
  };
  const src: StudentSource = {
    source: { file, line: pos.startLine },
    field: (n) => n,
    at,
    text,
    bool: (n) => {
      const t = text(n);
      return t === undefined ? undefined : v.csvBoolean(ctx.sink, t, n, at(n));
    },
    basis: () => {
      const t = text('basis');
      return t === undefined ? undefined : splitBasis(t).map((b) => ({ text: b, at: at('basis'), field: 'basis' }));
    },
    reported: () => {
      const tc = text('reported_transfer_code');
      const d = text('reported_district_of_residence');
      if (tc === undefined && d === undefined) return undefined;
      return {
        ...(tc !== undefined ? { transfer_code: { text: tc, at: at('reported_transfer_code'), field: 'reported_transfer_code' } } : {}),
        ...(d !== undefined ? { district_of_residence: { text: d, at: at('reported_district_of_residence'), field: 'reported_district_of_residence' } } : {}),
      };
    },
  };
  return assembleStudent(ctx, src);
}
