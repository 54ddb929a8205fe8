/**
 * The fast CSV reader (src/scenario/csv-records.ts) against csv-parse with
 * the options the loader used before it: on generated files — plain lines,
 * blank lines, quotes, quoted line breaks, carriage returns, a byte-order
 * mark, multi-byte and invalid UTF-8, no final line break — read in random
 * chunks, every record (fields, line, bytes, raw text), every skipped
 * record's error and every fatal error are the same.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvBatches, csvRecords, PlainLines, type CsvBatch } from '../../src/scenario/csv-records.js';
import { chunksAt } from '../helpers/fuzz-checks.js';
import { fuzzConfig } from './config.js';

interface Seen {
  records: Array<[string[], number, number, string, number | undefined]>;
  skipped: Array<[string | undefined, number | undefined, number]>;
  fatal?: [string | undefined, number | undefined];
}

/** The line of the character at byte `at` of `bytes`, as an editor counts lines ("\r\n", "\r", "\n": one break each; a byte-order mark is none). */
function lineOf(bytes: Buffer, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && !(bytes[i + 1] === 0x0a && i + 1 < at))) line++;
  }
  // the "\r" of a "\r\n" that the character at `at` ends is not yet a break
  if (at > 0 && bytes[at - 1] === 0x0d && bytes[at] === 0x0a) line--;
  return line;
}

/**
 * csv-parse's reading, lines counted as an editor counts them: csv-parse's
 * count, one less for each "\r\n" it counted twice (those in the raw texts
 * read: the delimiter's "\n" is not in them). Until a record is skipped,
 * a record's line is checked against the bytes: that of the line break ending it.
 */
async function byCsvParse(bytes: Buffer): Promise<Seen> {
  const seen: Seen = { records: [], skipped: [] };
  /** "\r\n" in the raw texts of the records read, and of the record being skipped */
  let pairs = 0;
  let skip: { key: number; raw: string } | undefined;
  /** the pairs up to each record, as csv-parse gives it */
  const pairsAt = new Map<object, { pairs: number; skips: number }>();
  let endsCr = false;
  const count = (raw: string): number => {
    const delimiter = parser.options.record_delimiter[0]?.toString();
    let n = raw.split('\r\n').length - 1;
    // the "\r" kept of each blank line of a "\r\n" file stands for its whole line break
    if (delimiter === '\r\n' && /^\r+\n/.test(raw)) n--;
    // a "\r" delimiter ending a record and a "\n" starting the next are one line break
    if (delimiter === '\r' && endsCr && raw.startsWith('\n')) n++;
    return n;
  };
  const settled = (raw: string): number => {
    const n = count(raw);
    if (raw !== '') endsCr = raw.endsWith('\r');
    return n;
  };
  const settle = (): void => {
    if (skip) pairs += settled(skip.raw);
    skip = undefined;
  };
  const parser: ReturnType<typeof parse> = parse({
    info: true,
    raw: true,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // (as csv-parse reads: its skips come ahead of the records taken)
    on_record: (row) => {
      settle();
      pairs += settled((row as unknown as { raw: string }).raw);
      pairsAt.set(row, { pairs, skips: seen.skipped.length });
      return row;
    },
    on_skip: (err, raw) => {
      const e = err as { code?: string; lines?: number } | undefined;
      if (skip?.key !== parser.info.bytes) settle();
      skip = { key: parser.info.bytes, raw: raw ?? '' };
      seen.skipped.push([e?.code, e?.lines === undefined ? undefined : e.lines - pairs - count(skip.raw), parser.info.bytes]);
      return undefined;
    },
  });
  Readable.from([bytes]).pipe(parser);
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number }; raw: string }>) {
      const delimiter = parser.options.record_delimiter[0] ?? Buffer.alloc(0);
      const end = row.info.bytes;
      const broken = delimiter.length > 0 && end >= delimiter.length && bytes.subarray(end - delimiter.length, end).equals(delimiter);
      const at = pairsAt.get(row)!;
      const line = row.info.lines - at.pairs;
      // before a skipped record, that is the line of the record's line break in the bytes (a line break within the record has ended the line before), else of its last character
      // (a skipped record's raw text ends at its error: a "\r\n" after it, counted twice by csv-parse, is not counted here)
      if (at.skips === 0) expect(line).toBe(lineOf(bytes, Math.max(0, broken ? end - delimiter.length : end - 1)));
      // a record of one line starts on the line it ends on
      const oneLine = !row.raw.replace(/^(\r?\n)*/, '').replace(/\r?\n$/, '').includes('\n');
      seen.records.push([row.record, line, row.info.bytes, row.raw, oneLine ? line : undefined]);
    }
  } catch (e) {
    const lines = (e as { lines?: number }).lines;
    seen.fatal = [(e as { code?: string }).code, lines === undefined ? undefined : lines - pairs - (skip ? count(skip.raw) : 0)];
  }
  return seen;
}

async function byFastReader(bytes: Buffer, cuts: number[]): Promise<Seen> {
  const seen: Seen = { records: [], skipped: [] };
  const chunks = chunksAt(bytes, cuts);
  try {
    for await (const batch of csvRecords(Readable.from(chunks), (err, b) => seen.skipped.push([err?.code, err?.lines, b]))) {
      for (const r of batch) seen.records.push([r.record, r.lines, r.bytes, r.raw(), r.firstLine ?? (r.raw().replace(/^(\r?\n)*/, '').replace(/\r?\n$/, '').includes('\n') ? undefined : r.lines)]);
    }
  } catch (e) {
    seen.fatal = [(e as { code?: string }).code, (e as { lines?: number }).lines];
  }
  return seen;
}

const piece = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('S1', 'abc', '0.50', 'wic_602;none', 'é', '日本', ' ', 'x y', '') },
  { weight: 6, arbitrary: fc.constant(',') },
  { weight: 6, arbitrary: fc.constant('\n') },
  { weight: 1, arbitrary: fc.constantFrom('"', '""', '"a,b"', '"x\ny"', '\r', '\r\n', '\ufeff') },
);
const line = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(''));
const file = fc.record({
  bom: fc.boolean(),
  lines: fc.array(line, { maxLength: 30 }),
  finalBreak: fc.boolean(),
  // a file written on Windows: "\r\n" between its lines, and (mostly) in them where a line break is
  crlf: fc.boolean(),
  loneNl: fc.boolean(),
  invalidUtf8: fc.boolean(),
});

describe('the fast CSV reader', () => {
  it('reads what csv-parse reads, error for error, at any chunking', async () => {
    const cfg = fuzzConfig(100);
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(4000), { maxLength: 6 }), async (f, cuts) => {
        const eol = f.crlf ? '\r\n' : '\n';
        const lines = f.crlf && !f.loneNl ? f.lines.map((l) => l.replace(/(?<!\r)\n/g, '\r\n')) : f.lines;
        const text = `${f.bom ? '\ufeff' : ''}${lines.join(eol)}${f.finalBreak ? eol : ''}`;
        let bytes = Buffer.from(text);
        if (f.invalidUtf8 && bytes.length > 2) bytes = Buffer.concat([bytes.subarray(0, bytes.length >> 1), Buffer.from([0xe2, 0xff]), bytes.subarray(bytes.length >> 1)]);
        expect(await byFastReader(bytes, cuts)).toEqual(await byCsvParse(bytes));
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed },
    );
  });

  it('reads plain lines itself, without a raw text until asked', async () => {
    const batches = [];
    for await (const b of csvRecords(Readable.from([Buffer.from('a,b\n\n1,é\n2,3')]), () => undefined)) batches.push(...b);
    expect(batches.map((r) => [r.record, r.lines, r.bytes, r.firstLine])).toEqual([
      [['a', 'b'], 1, 4, 1],
      [['1', 'é'], 3, 10, 3],
      [['2', '3'], 4, 13, 4],
    ]);
    expect(batches[1].raw()).toBe('\n1,é\n');
    expect(batches[2].raw()).toBe('2,3');
  });

  it('reads the plain lines of a "\r\n" file itself, as csv-parse reads them (its raw text keeps the "\r" of each line break)', async () => {
    const text = Buffer.from('a,b\r\n\r\n1,é\r\n2,3');
    const batches: CsvBatch[] = [];
    for await (const b of csvBatches(Readable.from([text]), () => undefined)) batches.push(b);
    expect(batches[0]).toBeInstanceOf(PlainLines);
    const records = [];
    for await (const b of csvRecords(Readable.from([text]), () => undefined)) records.push(...b);
    expect(records.map((r) => [r.record, r.lines, r.bytes, r.firstLine, r.raw()])).toEqual([
      [['a', 'b'], 1, 5, 1, 'a,b\r'],
      [['1', 'é'], 3, 13, 3, '\r1,é\r'],
      [['2', '3'], 4, 16, 4, '2,3'],
    ]);
    expect(await byFastReader(text, [])).toEqual(await byCsvParse(text));
  });
});
