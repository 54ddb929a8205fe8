/** Positions in a CSV file: each record's fields, and a row as a place of the student it holds. */
import type { SourceRange } from '../core/diagnostics.js';
import { excerpt } from '../core/safe-text.js';
import type { CsvRecord } from './csv-records.js';
import type { CsvColumn } from './csv-students.js';
import type { SourceRef } from './model.js';
import type { At, Place } from './place.js';
import { pathPointer, type Obj, type Path } from './tree.js';

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

/** Line `line`, column 1; `offset` only orders diagnostics (byte-based for CSV). */
export function lineAt(file: string, line: number, offset = 0): At {
  const p = { line, column: 1, offset };
  return { file, range: { start: p, end: p } };
}

/** The number of `ch` at the start (`fromEnd`: the end) of `s`, from `lo` up to `hi`. */
function run(s: string, ch: string, fromEnd = false, lo = 0, hi = s.length): number {
  let n = 0;
  if (fromEnd) while (hi - n > lo && s[hi - 1 - n] === ch) n++;
  else while (lo + n < hi && s[lo + n] === ch) n++;
  return n;
}

/** A line break as an editor counts it ("\r\n", "\r" or "\n" alone: one each). */
const BREAK = /\r\n?|\n/g;

/**
 * Where a record's own text lies in its raw text (csv-parse's, csv-records.ts):
 * the raw text is the first character of the record delimiter `eol` for each
 * blank line before the record (csv-parse keeps "\r" of a "\r\n" and steps
 * over its "\n"), the record, and that character again when a line break
 * ends the record (not the last line of a file without one). An unquoted
 * first or last field may itself begin or end with that character (a "\r"
 * alone in a "\r\n" file is data): `first` and `last`, the record's fields
 * as read, say how many are its own.
 */
export function recordBody(raw: string, eol: string, first: string, last: string): { from: number; to: number; broken: boolean } {
  const d = eol[0] ?? '\n';
  const lead = run(raw, d);
  if (lead === raw.length) {
    // nothing but that character: a record of one field made of it, after blank lines, with or without its line break
    const own = first.length;
    const broken = raw.length > own;
    const from = Math.max(0, raw.length - own - (broken ? 1 : 0));
    return { from, to: from + Math.min(own, raw.length), broken };
  }
  const from = lead - (raw[lead] === '"' ? 0 : Math.min(lead, run(first, d)));
  const trail = run(raw, d, true, from);
  const own = raw[raw.length - 1 - trail] === '"' ? 0 : run(last, d, true);
  const broken = trail > own;
  return { from, to: raw.length - (broken ? 1 : 0), broken };
}

/**
 * Positions within one record: line/column of each field, computed only
 * when a diagnostic needs one. The record's raw text (csv-records.ts) is
 * asked for only then too. Lines are counted as an editor counts them, so
 * a file with "\r\n" line breaks has the positions of the same file with
 * "\n"; offsets are bytes of the file itself.
 */
export class RecordPos {
  private computed?: { body: string; startLine: number; baseOffset: number };
  private starts?: number[];
  private readonly lines: number;
  private readonly bytes: number;
  /** the first and last field as read (a reader trims the record's fields in place afterwards) */
  private readonly first: string;
  private readonly last: string;
  constructor(
    readonly file: string,
    private readonly rec: CsvRecord,
  ) {
    this.lines = rec.lines;
    this.bytes = rec.bytes;
    this.first = rec.record[0] ?? '';
    this.last = rec.record[rec.record.length - 1] ?? '';
  }
  /** the record without blank lines before it and its line break: its first line and byte offset (no field positions yet) */
  private get c(): { body: string; startLine: number; baseOffset: number } {
    if (!this.computed) {
      const raw = this.rec.raw();
      const { from, to, broken } = recordBody(raw, this.rec.eol, this.first, this.last);
      const body = raw.slice(from, to);
      this.computed = {
        body,
        startLine: this.lines - (body.match(BREAK)?.length ?? 0),
        baseOffset: Math.max(0, this.bytes - (broken ? Buffer.byteLength(this.rec.eol) : 0) - Buffer.byteLength(body)),
      };
    }
    return this.computed;
  }
  /** The record's first line (every student's source line): computed without the field positions. */
  get startLine(): number {
    return this.rec.firstLine ?? this.c.startLine;
  }
  private fieldStarts(): number[] {
    return (this.starts ??= fieldOffsets(this.c.body));
  }
  private posOf(offset: number): { line: number; column: number; offset: number } {
    const { body, startLine, baseOffset } = this.c;
    const before = body.slice(0, offset);
    let line = startLine;
    let lineStart = 0;
    for (const m of before.matchAll(BREAK)) {
      line++;
      lineStart = m.index + m[0].length;
    }
    return { line, column: offset - lineStart + 1, offset: baseOffset + Buffer.byteLength(before) };
  }
  record(): At {
    return this.at(0, this.c.body.length);
  }
  field(index: number): At {
    const { body } = this.c;
    const starts = this.fieldStarts();
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

/** A CSV row as the place of a student record: a key's place is its column's cell. */
export class CsvRowPlace implements Place {
  /** JSON pointers (from the record) of the values the schema rejected */
  readonly failedSet: Set<string>;
  constructor(
    private readonly pos: RecordPos,
    private readonly header: Array<CsvColumn | undefined>,
    private readonly data: Obj,
    private readonly base: Path = [],
    failed?: Set<string>,
  ) {
    this.failedSet = failed ?? new Set();
  }
  get file(): string {
    return this.pos.file;
  }
  private full(path: Path): string[] {
    return [...this.base, ...path].map(String);
  }
  /** the column holding the value at a path: the whole key, or key_sub for a nested one */
  private column(path: Path): number {
    const [a, b] = this.full(path);
    if (a === undefined) return -1;
    return this.header.findIndex((c) => c !== undefined && c.path[0] === a && (c.path.length === 1 || c.path[1] === b));
  }
  at(path: Path = []): At {
    const i = this.column(path);
    return i < 0 ? this.pos.record() : this.pos.field(i);
  }
  keyAt(path: Path): At {
    return this.at(path);
  }
  field(path: Path = []): string {
    const i = this.column(path);
    return i < 0 ? `line ${this.pos.startLine}` : this.header[i]!.name;
  }
  failed(path: Path): boolean {
    return this.failedSet.size > 0 && this.failedSet.has(pathPointer(this.full(path)));
  }
  private valueAt(path: Path): unknown {
    let v: unknown = this.data;
    for (const seg of this.full(path)) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
    return v;
  }
  describe(path: Path): string {
    const v = this.valueAt(path);
    return v === undefined ? 'nothing' : typeof v === 'string' ? `the text ${excerpt(v)}` : String(v);
  }
  show(_path: Path, value: unknown): string {
    return typeof value === 'string' ? excerpt(value) : String(value);
  }
  child(path: Path): Place {
    return new CsvRowPlace(this.pos, this.header, this.data, [...this.base, ...path], this.failedSet);
  }
  source(): SourceRef {
    return { file: this.pos.file, line: this.pos.startLine };
  }
}
