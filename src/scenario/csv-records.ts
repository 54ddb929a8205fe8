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
 * A record's raw text (positions of its fields) is built only when asked:
 * only a row with a problem needs it.
 */
import { parse, type Info, type Options } from 'csv-parse';
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

/** Yields the records of `source` in batches (one per chunk read). Errors of the source and csv-parse's fatal errors are thrown. */
export async function* csvRecords(source: Readable, onSkip: OnSkip): AsyncGenerator<CsvRecord[]> {
  let rest: Buffer | undefined;
  /** bytes before `rest` */
  let offset = 0;
  /** the line the next record starts on, less one */
  let lines = 0;
  /** blank lines read since the last record */
  let blank = 0;
  let plainSoFar = 0;
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
      const out: CsvRecord[] = [];
      let start = 0;
      let stop = false;
      // the first quote and carriage return at or after `start`: lines before them are plain
      let quoteAt = buf.indexOf(QUOTE);
      let crAt = buf.indexOf(CR);
      if (quoteAt < 0) quoteAt = buf.length;
      if (crAt < 0) crAt = buf.length;
      for (;;) {
        const nl = buf.indexOf(NL, start);
        if (nl < 0) break;
        if (quoteAt < nl || crAt < nl) {
          stop = true;
          break;
        }
        if (nl === start) blank++;
        else {
          const line = buf.toString('utf8', start, nl);
          lines += blank + 1;
          out.push(new PlainRecord(line.split(','), lines, offset + nl + 1, line, blank, true));
          blank = 0;
          plainSoFar++;
        }
        start = nl + 1;
      }
      if (stop) {
        if (out.length > 0) yield out;
        // blank lines read before the hand-over point go to csv-parse with the rest: they are part of the next record's raw text
        const back = blank;
        handOver = buf.subarray(start - back);
        offset += start - back;
        blank = 0;
        break;
      }
      // the rest is part of a line: unless it already holds a quote or a carriage return, wait for its end
      rest = buf.subarray(start - blank);
      offset += start - blank;
      // the blank lines stay with the partial line: they are counted again when it completes
      blank = 0;
      if (out.length > 0) yield out;
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
    yield* handOverToCsvParse(handOver, chunks, onSkip, lines, offset, plainSoFar > 0);
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
