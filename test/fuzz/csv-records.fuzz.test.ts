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
import { fuzzConfig } from './config.js';

interface Seen {
  records: Array<[string[], number, number, string, number | undefined]>;
  skipped: Array<[string | undefined, number | undefined, number]>;
  fatal?: [string | undefined, number | undefined];
}

async function byCsvParse(bytes: Buffer): Promise<Seen> {
  const seen: Seen = { records: [], skipped: [] };
  const parser: ReturnType<typeof parse> = parse({
    info: true,
    raw: true,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      const e = err as { code?: string; lines?: number } | undefined;
      seen.skipped.push([e?.code, e?.lines, parser.info.bytes]);
      return undefined;
    },
  });
  Readable.from([bytes]).pipe(parser);
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number }; raw: string }>) {
      // a record of one line starts on the line it ends on
      const oneLine = !row.raw.replace(/^(\r?\n)*/, '').replace(/\r?\n$/, '').includes('\n');
      seen.records.push([row.record, row.info.lines, row.info.bytes, row.raw, oneLine ? row.info.lines : undefined]);
    }
  } catch (e) {
    seen.fatal = [(e as { code?: string }).code, (e as { lines?: number }).lines];
  }
  return seen;
}

async function byFastReader(bytes: Buffer, cuts: number[]): Promise<Seen> {
  const seen: Seen = { records: [], skipped: [] };
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    if (p > at) chunks.push(bytes.subarray(at, p));
    at = Math.max(at, p);
  }
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
