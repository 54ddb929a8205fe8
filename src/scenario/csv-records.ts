/**
 * The records of a student CSV, read fast: csv-parse's records, exactly,
 * at a fraction of its cost on the plain files large counties send.
 *
 * A line with no quote and no carriage return is a record of the fields
 * between its commas: read here, a line at a time, straight from the
 * bytes. From the first line that holds a quote or a carriage return (or a
 * file that starts with a byte-order mark), the rest of the input goes to
 * csv-parse with the options it would have had from the start, and its
 * line and byte counts are shifted by what was read before, so every
 * record, position and syntax error is what csv-parse alone gives. A
 * differential fuzzer (test/fuzz/csv-records.fuzz.test.ts) holds the two
 * equal on generated files.
 *
 * The plain lines of a chunk are handed on undecoded as one `PlainLines`
 * batch that the student reader walks in place (csv-students.ts,
 * csv-plain-rows.ts `readLine`); `csvRecords` gives them as records.
 *
 * A record's raw text (positions of its fields) is built only when asked:
 * only a row with a problem needs it.
 */
import { parse, type Info, type Options } from 'csv-parse';
import { isAscii } from 'node:buffer';
import type { Readable } from 'node:stream';

/** One record: its fields, the line it ends on, the bytes read up to its end, its raw text (blank lines before it included). */
export interface CsvRecord {
  record: string[];
  lines: number;
  bytes: number;
  raw(): string;
  /** the line the record starts on, when known without its raw text (a record of one line) */
  readonly firstLine?: number;
}

/** A problem csv-parse skipped a record for: its error, the line and the bytes read when it did. */
export type OnSkip = (err: { code?: string; lines?: number } | undefined, bytes: number) => void;

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The csv-parse options a student CSV is read with. */
function csvParseOptions(onSkip: OnSkip, lines: number, bytes: number, knownDelimiter: boolean, parser: () => { info: Info } | undefined): Options {
  return {
    info: true,
    raw: true,
    // a byte-order mark is one only at the start of the file
    bom: bytes === 0,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // after a plain line, csv-parse would already have found "\n" as the record delimiter
    ...(knownDelimiter ? { record_delimiter: '\n' } : {}),
    on_skip: (err) => {
      const e = err as { code?: string; lines?: number } | undefined;
      if (e && typeof e.lines === 'number') e.lines += lines;
      onSkip(e, (parser()?.info.bytes ?? 0) + bytes);
      return undefined;
    },
  };
}

class PlainRecord implements CsvRecord {
  constructor(
    readonly record: string[],
    readonly lines: number,
    readonly bytes: number,
    private readonly line: string,
    private readonly blank: number,
    private readonly newline: boolean,
  ) {}
  get firstLine(): number {
    return this.lines;
  }
  raw(): string {
    return `${'\n'.repeat(this.blank)}${this.line}${this.newline ? '\n' : ''}`;
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
  ) {
    this.line = linesBefore;
    this.ascii = isAscii(bytes) ? bytes.toString('latin1') : undefined;
  }
  /** Moves to the next record; false at the end of the bytes. */
  next(): boolean {
    const bytes = this.bytes;
    let at = this.at;
    let blank = 0;
    while (at < bytes.length) {
      this.line++;
      if (bytes[at] === NL) {
        blank++;
        at++;
        continue;
      }
      const nl = bytes.indexOf(NL, at);
      this.start = at;
      this.end = nl;
      this.blank = blank;
      this.at = nl + 1;
      return true;
    }
    this.at = at;
    return false;
  }
  /** Bytes read up to the end of the current record. */
  get bytesRead(): number {
    return this.offset + this.end + 1;
  }
  /** The current record as csv-parse gives it. */
  record(): CsvRecord {
    const line = this.ascii !== undefined ? this.ascii.slice(this.start, this.end) : this.bytes.toString('utf8', this.start, this.end);
    return new PlainRecord(line.split(','), this.line, this.bytesRead, line, this.blank, true);
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

/** A batch of records: an array, or plain lines read one at a time. */
export type CsvBatch = CsvRecord[] | PlainLines;

/** Yields the records of `source` in batches (one per chunk read). Errors of the source and csv-parse's fatal errors are thrown. */
export async function* csvRecords(source: Readable, onSkip: OnSkip): AsyncGenerator<CsvRecord[]> {
  for await (const batch of csvBatches(source, onSkip)) yield batch instanceof PlainLines ? batch.records() : batch;
}

/** As `csvRecords`, with the plain lines of a chunk as one PlainLines batch. */
export async function* csvBatches(source: Readable, onSkip: OnSkip): AsyncGenerator<CsvBatch> {
  let rest: Buffer | undefined;
  /** bytes before `rest` */
  let offset = 0;
  /** the line the next record starts on, less one */
  let lines = 0;
  let plainSoFar = false;
  let first = true;
  const chunks = source[Symbol.asyncIterator]();
  let handOver: Buffer | undefined;
  let handedOver = false;
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      const chunk: Buffer = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
      const buf = rest && rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
      if (first) {
        // a file that starts with a byte-order mark (or what may yet be one) is csv-parse's
        const n = Math.min(3, buf.length);
        if (BOM.subarray(0, n).equals(buf.subarray(0, n))) {
          if (n === 3) {
            handOver = buf;
            break;
          }
          rest = buf;
          continue;
        }
        first = false;
      }
      // lines before the first quote or carriage return are plain
      let stopAt = buf.indexOf(QUOTE);
      const crAt = buf.indexOf(CR);
      if (stopAt < 0 || (crAt >= 0 && crAt < stopAt)) stopAt = crAt;
      const stop = stopAt >= 0;
      const plainTo = stop ? stopAt : buf.length;
      // (a negative offset would count from the end)
      const lastNl = plainTo > 0 ? buf.lastIndexOf(NL, plainTo - 1) : -1;
      // blank lines at the end stay with what follows: they are part of the next record's raw text
      let k = lastNl;
      while (k >= 0 && buf[k] === NL) k--;
      const plainEnd = k < 0 ? 0 : lastNl + 1 - (lastNl - k - 1);
      if (plainEnd > 0) {
        const plain = buf.subarray(0, plainEnd);
        const batch = new PlainLines(plain, offset, lines);
        plainSoFar = true;
        yield batch;
        lines = batch.finish();
      }
      if (stop) {
        handOver = buf.subarray(plainEnd);
        offset += plainEnd;
        break;
      }
      // the rest is part of a line (and the blank lines before it): wait for its end
      rest = buf.subarray(plainEnd);
      offset += plainEnd;
    }
    if (handOver === undefined) {
      // end of input: a last line without a line break (blank lines before it were kept in `rest`)
      if (rest && rest.length > 0) {
        if (first || rest.indexOf(QUOTE) >= 0 || rest.indexOf(CR) >= 0) handOver = rest;
        else {
          let lead = 0;
          while (lead < rest.length && rest[lead] === NL) lead++;
          if (lead < rest.length) {
            const line = rest.toString('utf8', lead);
            yield [new PlainRecord(line.split(','), lines + lead + 1, offset + rest.length, line, lead, false)];
          }
          return;
        }
      } else return;
    }
    handedOver = true;
    yield* handOverToCsvParse(handOver, chunks, onSkip, lines, offset, plainSoFar);
  } finally {
    // a reader that stops early (a consumer's error) closes the file
    if (!handedOver) await chunks.return?.();
  }
}

/** The rest of the input through csv-parse, its lines and bytes shifted by what was read before. */
async function* handOverToCsvParse(head: Buffer, chunks: AsyncIterator<unknown>, onSkip: OnSkip, lines: number, bytes: number, knownDelimiter: boolean): AsyncGenerator<CsvRecord[]> {
  let parser: ReturnType<typeof parse> | undefined;
  parser = parse(csvParseOptions(onSkip, lines, bytes, knownDelimiter, () => parser));
  const p = parser;
  const write = async (b: Buffer): Promise<void> => {
    if (p.write(b) || p.destroyed) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        p.off('drain', done);
        p.off('close', done);
        resolve();
      };
      p.on('drain', done);
      p.on('close', done);
    });
  };
  const feed = (async () => {
    try {
      await write(head);
      while (!p.destroyed) {
        const next = await chunks.next();
        if (next.done) {
          p.end();
          break;
        }
        await write(typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer));
      }
    } catch (e) {
      p.destroy(e as Error);
    } finally {
      await chunks.return?.();
    }
  })();
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: Info; raw?: string }>) {
      const raw = row.raw ?? row.record.join(',');
      yield [{ record: row.record, lines: row.info.lines + lines, bytes: row.info.bytes + bytes, raw: () => raw }];
    }
  } catch (e) {
    const err = e as { lines?: number };
    if (typeof err.lines === 'number') err.lines += lines;
    throw e;
  } finally {
    if (!p.destroyed) p.destroy();
    await feed;
  }
}
