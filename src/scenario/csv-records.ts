/**
 * The records of a student CSV, read fast: csv-parse's records, exactly,
 * at a fraction of its cost on the plain files large counties send.
 *
 * A line with no quote, ended by the file's line break ("\n", or "\r\n"
 * when that is the first line break of the file) and holding no other, is
 * a record of the fields between its commas: read here, a line at a time,
 * straight from the bytes (csv-plain-lines.ts). From the first line that
 * is not plain (or a file that starts with a byte-order mark), the rest of
 * the input goes to csv-parse with the options it would have had from the start, and its
 * line and byte counts are shifted by what was read before, so every
 * record, position and syntax error is what csv-parse alone gives, its
 * lines counted as an editor counts them (`Recount`: a "\r\n" that is not
 * the record delimiter is one line, not two as csv-parse has it). A
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
import type { Readable } from 'node:stream';
import { eolOf, lastLine, PlainLines, PlainRecord, plainEndOf, QUOTE, stopOf, type Eol } from './csv-plain-lines.js';
import { Recount } from './csv-recount.js';

export { PlainLines } from './csv-plain-lines.js';

/** One record: its fields, the line it ends on ("\r\n", "\r" and "\n" each end a line), the bytes read up to its end, its raw text (blank lines before it included). */
export interface CsvRecord {
  record: string[];
  lines: number;
  bytes: number;
  raw(): string;
  /** the file's record delimiter (csv-parse's): its first character ends the raw text and stands for each blank line before the record */
  readonly eol: string;
  /** the line the record starts on, when known without its raw text (a record of one line) */
  readonly firstLine?: number;
}

/** A problem csv-parse skipped a record for: its error, the line and the bytes read when it did. */
export type OnSkip = (err: { code?: string; lines?: number } | undefined, bytes: number) => void;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A record csv-parse skipped: its error, its raw text up to it, the bytes read when it did (the end of the record before). */
interface Skip {
  err: { code?: string; lines?: number } | undefined;
  raw: string | undefined;
  read: number;
}

/** The csv-parse options a student CSV is read with; its skipped records go to `skip` as it reads (ahead of the records taken). */
function csvParseOptions(skip: (s: Skip) => void, bytes: number, knownDelimiter: Eol | undefined, parser: () => { info: Info } | undefined): Options {
  return {
    info: true,
    raw: true,
    // a byte-order mark is one only at the start of the file
    bom: bytes === 0,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // after a plain line, csv-parse would already have found its line break as the record delimiter
    ...(knownDelimiter ? { record_delimiter: knownDelimiter } : {}),
    on_skip: (err, raw) => {
      skip({ err: err as Skip['err'], raw, read: parser()?.info.bytes ?? 0 });
      return undefined;
    },
  };
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
  /** the file's record delimiter, once known */
  let eol: Eol | undefined;
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
      // the record delimiter is the file's first line break: until it is known, no line is plain
      eol ??= eolOf(buf);
      if (eol === undefined && buf.indexOf(QUOTE) < 0) {
        rest = buf;
        continue;
      }
      const stopAt = eol === undefined ? buf.indexOf(QUOTE) : stopOf(buf, eol);
      const stop = stopAt >= 0;
      const plainEnd = eol === undefined ? 0 : plainEndOf(buf, stop ? stopAt : buf.length, eol);
      if (plainEnd > 0) {
        const batch = new PlainLines(buf.subarray(0, plainEnd), offset, lines, eol!);
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
        const last = first ? undefined : lastLine(rest, eol ?? '\n');
        if (last === undefined || !last.plain) handOver = rest;
        else {
          const w = (eol ?? '\n').length;
          if (last.lead * w < rest.length) {
            const line = rest.toString('utf8', last.lead * w);
            yield [new PlainRecord(line.split(','), lines + last.lead + 1, offset + rest.length, line, last.lead, eol ?? '\n', false)];
          }
          return;
        }
      } else return;
    }
    handedOver = true;
    yield* handOverToCsvParse(handOver, chunks, onSkip, lines, offset, plainSoFar ? eol : undefined);
  } finally {
    // a reader that stops early (a consumer's error) closes the file
    if (!handedOver) await chunks.return?.();
  }
}

/** The rest of the input through csv-parse, its lines and bytes shifted by what was read before. */
async function* handOverToCsvParse(head: Buffer, chunks: AsyncIterator<unknown>, onSkip: OnSkip, lines: number, bytes: number, knownDelimiter: Eol | undefined): AsyncGenerator<CsvRecord[]> {
  let parser: ReturnType<typeof parse> | undefined;
  /** the record delimiter, once csv-parse has found it (it keeps it) */
  let found: string | undefined;
  const recount = new Recount((): string => found ?? ((found = parser?.options.record_delimiter[0]?.toString()) ?? '\n'));
  /**
   * Skipped records, reported in their order among the records taken: the
   * lines of each (recounted) depend on the raw texts before it.
   */
  const skips: Skip[] = [];
  /** Reports the skips before `end` (bytes csv-parse has read at the end of a record): each was found before a record ending there was. */
  const report = (end = Infinity): void => {
    while (skips.length > 0 && skips[0].read < end) {
      const { err, raw, read } = skips.shift()!;
      const less = recount.skipped(raw, read);
      if (err && typeof err.lines === 'number') err.lines += lines - less;
      onSkip(err, read + bytes);
    }
  };
  parser = parse(csvParseOptions((s) => skips.push(s), bytes, knownDelimiter, () => parser));
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
      report(row.info.bytes);
      const raw = row.raw ?? row.record.join(',');
      yield [{ record: row.record, lines: row.info.lines + lines - recount.record(raw), bytes: row.info.bytes + bytes, raw: () => raw, eol: recount.delimiter() }];
    }
    report();
  } catch (e) {
    report();
    const err = e as { lines?: number };
    if (typeof err.lines === 'number') err.lines += lines - recount.fatal();
    throw e;
  } finally {
    if (!p.destroyed) p.destroy();
    await feed;
  }
}
