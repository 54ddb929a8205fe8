/**
 * Plain lines of a CSV: lines with no quote, cut at a line break that is
 * the file's record delimiter, read without csv-parse (csv-records.ts
 * decides what is plain; this file holds how such lines are found and read).
 *
 * csv-parse takes as its record delimiter the first line break it meets
 * outside quotes ("\r\n", else "\n", else "\r") and no other afterwards. A
 * file whose first line break is "\n" has plain lines up to its first quote
 * or carriage return; one whose first is "\r\n" (a file written on Windows)
 * up to its first quote, carriage return not followed by "\n", or "\n" not
 * preceded by "\r". A line of either is a record of the fields between its
 * commas.
 */
import { isAscii } from 'node:buffer';
import type { CsvRecord } from './csv-records.js';

export const NL = 0x0a;
export const CR = 0x0d;
export const QUOTE = 0x22;

/** The record delimiter of a file's plain lines. */
export type Eol = '\n' | '\r\n';

/** The record delimiter csv-parse finds in `buf` (the file's start): undefined when a quote comes first (csv-parse's), or when `buf` has no line break yet or ends on a "\r" that may start "\r\n". */
export function eolOf(buf: Buffer): Eol | undefined {
  const nl = buf.indexOf(NL);
  const cr = buf.indexOf(CR);
  const at = nl < 0 ? cr : cr < 0 ? nl : Math.min(nl, cr);
  if (at < 0) return undefined;
  const quote = buf.indexOf(QUOTE);
  if (quote >= 0 && quote < at) return undefined;
  if (buf[at] === NL) return '\n';
  if (at === buf.length - 1) return undefined;
  // a lone "\r" is a delimiter the plain reading does not take: the first carriage return stops it, as in a "\n" file
  return buf[at + 1] === NL ? '\r\n' : '\n';
}

/** Where the plain lines of `buf` stop (their first byte that is not plain), or -1. A "\r" ending `buf` may start a "\r\n": it is left for the next chunk. */
export function stopOf(buf: Buffer, eol: Eol): number {
  const quote = buf.indexOf(QUOTE);
  if (eol === '\n') {
    const cr = buf.indexOf(CR);
    return quote < 0 || (cr >= 0 && cr < quote) ? cr : quote;
  }
  const to = quote < 0 ? buf.length : quote;
  // each "\r" must be followed by "\n" and each "\n" preceded by "\r"
  let p = 0;
  for (;;) {
    const cr = buf.indexOf(CR, p);
    const nl = buf.indexOf(NL, p);
    if (cr < 0 && nl < 0) return quote;
    const at = cr < 0 ? nl : nl < 0 ? cr : Math.min(cr, nl);
    if (at >= to) return quote;
    if (buf[at] === NL) return at; // a "\n" alone
    if (at + 1 === buf.length) return quote; // a "\r" at the end: its line is not complete
    if (buf[at + 1] !== NL) return at; // a "\r" alone
    p = at + 2;
  }
}

/** Where the plain lines of `buf[0, plainTo)` end: after the last complete line that is not blank (blank lines after it stay with what follows: they are part of the next record's raw text); 0 for none. */
export function plainEndOf(buf: Buffer, plainTo: number, eol: Eol): number {
  // (a negative offset would count from the end)
  const lastNl = plainTo > 0 ? buf.lastIndexOf(NL, plainTo - 1) : -1;
  const w = eol.length;
  let k = lastNl;
  while (k >= w - 1 && buf[k] === NL && (w === 1 || buf[k - 1] === CR)) k -= w;
  return k < 0 ? 0 : k + 1 + w;
}

/** The number of blank lines at the start of `rest`, and whether what follows them is one plain line without a line break (the end of the file). */
export function lastLine(rest: Buffer, eol: Eol): { lead: number; plain: boolean } {
  const w = eol.length;
  let lead = 0;
  while (lead * w < rest.length && rest[lead * w] === (w === 1 ? NL : CR) && (w === 1 || rest[lead * w + 1] === NL)) lead++;
  const body = rest.subarray(lead * w);
  return { lead, plain: body.indexOf(QUOTE) < 0 && body.indexOf(CR) < 0 && body.indexOf(NL) < 0 };
}

/** A plain line as csv-parse gives it. Its raw text is what csv-parse's is: the line, and the first byte of each line break before and after it ("\r" of a "\r\n": csv-parse steps over the "\n" of its delimiter without keeping it). */
export class PlainRecord implements CsvRecord {
  constructor(
    readonly record: string[],
    readonly lines: number,
    readonly bytes: number,
    private readonly line: string,
    private readonly blank: number,
    readonly eol: Eol,
    /** false: the last line of the file, without a line break */
    private readonly broken: boolean,
  ) {}
  get firstLine(): number {
    return this.lines;
  }
  raw(): string {
    const kept = this.eol[0];
    return `${kept.repeat(this.blank)}${this.line}${this.broken ? kept : ''}`;
  }
}

/**
 * The plain lines of one chunk, as its bytes (ending with a line break, no
 * blank line at its end): `next()` moves to each record in turn without a
 * string or an array per line; `record()` makes the current one a
 * CsvRecord (fields, raw text) for a row that needs it, decoding that line
 * alone: a line break is never part of a UTF-8 sequence, so a line decodes
 * to what it is in the text of the whole chunk. The student reader scans
 * the bytes in place (csv-plain-rows.ts) and cuts the few strings it keeps
 * out of `ascii`, the chunk as one text when it is all ASCII (a character
 * per byte, at the same offsets): a cut of a string costs a fraction of a
 * decoding of bytes.
 */
export class PlainLines {
  /** the current record: `bytes` from `start` to `end` (its line break) */
  start = 0;
  end = 0;
  /** the line of the current record (after `next()` returned false: the last line of the bytes) */
  line: number;
  /** blank lines before the current record */
  private blank = 0;
  /** where the next line starts */
  private at = 0;
  /** the bytes as text when they are all ASCII; undefined otherwise */
  readonly ascii: string | undefined;
  constructor(
    readonly bytes: Buffer,
    /** bytes read before these */
    private readonly offset: number,
    /** lines read before these */
    linesBefore: number,
    private readonly eol: Eol,
  ) {
    this.line = linesBefore;
    this.ascii = isAscii(bytes) ? bytes.toString('latin1') : undefined;
  }
  /** Moves to the next record; false at the end of the bytes. */
  next(): boolean {
    const bytes = this.bytes;
    const w = this.eol.length;
    // the first byte of a blank line
    const blankAt = w === 1 ? NL : CR;
    let at = this.at;
    let blank = 0;
    while (at < bytes.length) {
      this.line++;
      if (bytes[at] === blankAt) {
        blank++;
        at += w;
        continue;
      }
      const nl = bytes.indexOf(NL, at);
      this.start = at;
      this.end = nl + 1 - w;
      this.blank = blank;
      this.at = nl + 1;
      return true;
    }
    this.at = at;
    return false;
  }
  /** Bytes read up to the end of the current record (its line break included). */
  get bytesRead(): number {
    return this.offset + this.end + this.eol.length;
  }
  /** The current record as csv-parse gives it. */
  record(): CsvRecord {
    const line = this.ascii !== undefined ? this.ascii.slice(this.start, this.end) : this.bytes.toString('utf8', this.start, this.end);
    return new PlainRecord(line.split(','), this.line, this.bytesRead, line, this.blank, this.eol, true);
  }
  /** Every record not read yet. */
  records(): CsvRecord[] {
    const out: CsvRecord[] = [];
    while (this.next()) out.push(this.record());
    return out;
  }
  /** Reads past the records not read yet: the lines of the bytes, all counted. */
  finish(): number {
    while (this.next());
    return this.line;
  }
}
