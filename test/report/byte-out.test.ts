/**
 * The chunked byte writer under the streamed outputs (src/report/byte-out.ts):
 * the bytes are exactly the UTF-8 of the text written, whatever the chunk
 * size; `jsonString` is exactly `JSON.stringify` of the string; a chunk
 * handed to the stream is never written to again (a file stream's, not
 * before its write completes); chunks hold whole UTF-8
 * characters; and a slow stream is waited for, so what it holds stays
 * bounded.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteOut, CHUNK } from '../../src/report/byte-out.js';
import { TextOut } from '../../src/report/text-out.js';
import { fuzzConfig } from '../fuzz/config.js';

/** A stream that keeps every chunk it is given, and a copy of it as it was then. */
class Keep extends Writable {
  readonly given: Buffer[] = [];
  readonly copies: Buffer[] = [];
  /** the most the stream held at once, in bytes */
  most = 0;
  drains = 0;
  constructor(highWaterMark: number, private readonly slow = false) {
    super({ highWaterMark });
    this.on('drain', () => (this.drains += 1));
  }
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.most = Math.max(this.most, this.writableLength);
    this.given.push(chunk);
    this.copies.push(Buffer.from(chunk));
    if (this.slow) setTimeout(done, 0);
    else done();
  }
  bytes(): Buffer {
    return Buffer.concat(this.copies);
  }
  /** Ends the stream once everything written has reached it. */
  async close(): Promise<void> {
    this.end();
    await finished(this);
  }
}

/** Lone surrogates, controls, U+2028, astral characters: any UTF-16 unit, and whole code points. */
const anyText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme-ascii' }),
);

const HOSTILE = ['', 'S001', 'a"b', 'back\\slash', '\u0000\u0001\u001f\u007f', 'tab\tnew\nline\rcr\b\f', 'line\u2028sep\u2029', '😀 emoji', '\ud800 lone high', 'lone low \udc00', 'é ü 中文', '</script>', 'x'.repeat(700) + '😀'];

describe('ByteOut', () => {
  it('writes exactly the UTF-8 of its text and JSON strings, across chunk boundaries of any size', async () => {
    for (const chunk of [1, 2, 3, 5, 7, 64, 4096]) {
      const sink = new Keep(16);
      const out = new ByteOut(sink, chunk);
      let expected = '';
      for (const s of HOSTILE) {
        out.jsonString(s);
        out.text(s);
        out.bytes(Buffer.from(`,${s}\n`));
        out.digits(1234567);
        out.byte(0x3b);
        expected += `${JSON.stringify(s)}${s},${s}\n1234567;`;
      }
      await out.flush();
      expect(sink.bytes().equals(Buffer.from(expected, 'utf8')), `chunk ${chunk}`).toBe(true);
      expect(sink.given.every((b) => b.length <= Math.max(chunk, 1))).toBe(true);
    }
  });

  it('jsonString is JSON.stringify of any string (escapes, lone surrogates, U+2028, emoji), UTF-8 encoded', async () => {
    const { numRuns, seed } = fuzzConfig(300);
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { maxLength: 20 }), fc.integer({ min: 4, max: 300 }), async (texts, chunk) => {
        const sink = new Keep(64);
        const out = new ByteOut(sink, chunk);
        for (const s of texts) out.jsonString(s);
        await out.flush();
        expect(sink.bytes().toString('utf8')).toBe(texts.map((s) => JSON.stringify(s)).join(''));
        expect(sink.bytes().equals(Buffer.from(texts.map((s) => JSON.stringify(s)).join(''), 'utf8'))).toBe(true);
      }),
      { numRuns, seed },
    );
  });

  it('never writes to a chunk after handing it to the stream, and every chunk holds whole UTF-8 characters', async () => {
    const sink = new Keep(32, true);
    const out = new TextOut(sink, 16);
    const text = HOSTILE.join('|').repeat(5);
    for (const s of text.match(/[\s\S]{1,9}/gu)!) await out.write(s);
    await out.flush();
    await sink.close();
    expect(sink.given.length).toBeGreaterThan(100);
    sink.given.forEach((b, k) => expect(b.equals(sink.copies[k])).toBe(true));
    // each chunk decodes on its own to its share of the text (no character cut in two)
    expect(sink.copies.map((b) => b.toString('utf8')).join('')).toBe(Buffer.from(text, 'utf8').toString('utf8'));
  });

  it('waits for a slow stream: what the stream holds stays within a few chunks, and the text is whole', async () => {
    const sink = new Keep(1024, true);
    const out = new TextOut(sink, 256);
    let expected = '';
    for (let i = 0; i < 5000; i++) {
      const line = `{"id":${JSON.stringify(`S${i}😀`)}}\n`;
      expected += line;
      await out.write(line);
    }
    await out.flush();
    await sink.close();
    expect(sink.drains).toBeGreaterThan(10);
    expect(sink.most).toBeLessThanOrEqual(1024 + 2 * 256);
    expect(sink.bytes().toString('utf8')).toBe(expected);
  });

  it('passes on the stream\'s error while waiting for it to drain', async () => {
    const failing = new Writable({
      highWaterMark: 8,
      write(_chunk, _enc, done) {
        setImmediate(() => done(new Error('disk full')));
      },
    });
    failing.on('error', () => undefined);
    const out = new TextOut(failing, 16);
    await expect((async () => {
      for (let i = 0; i < 100; i++) await out.write('0123456789abcdef');
      await out.flush();
    })()).rejects.toThrow('disk full');
  });

  it('fills chunks of the default size before writing, a piece that does not fit going whole into the next', async () => {
    const sink = new Keep(16);
    const out = new ByteOut(sink);
    const piece = Buffer.from('x'.repeat(1000));
    for (let i = 0; i < 1000; i++) out.bytes(piece);
    await out.flush();
    const full = Math.floor(CHUNK / 1000) * 1000;
    expect(sink.given.map((b) => b.length)).toEqual([full, full, full, 1_000_000 - 3 * full]);
  });

  it('into a file stream, reuses a chunk only once its write has completed: the file holds exactly the text, across many chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-byte-out-'));
    try {
      const path = join(dir, 'out.json');
      const file = createWriteStream(path, { highWaterMark: 4 * 1024 });
      const out = new TextOut(file, 1024);
      const parts: string[] = [];
      for (let i = 0; i < 20_000; i++) {
        const line = `{"id":${JSON.stringify(`S${i}😀`)},"n":${i}}\n`;
        parts.push(line);
        await out.write(line);
      }
      await out.flush();
      await new Promise<void>((resolve) => file.end(() => resolve()));
      expect(readFileSync(path, 'utf8')).toBe(parts.join(''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
