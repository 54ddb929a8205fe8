/**
 * Bytes written in chunks to a stream: the streamed writers fill a
 * preallocated Buffer directly (constant pieces copied from Buffers encoded
 * once, user text encoded in place) and each full chunk goes to the stream.
 * A chunk handed to the stream is never written to again while the stream
 * may hold it (a fresh one is allocated; a file stream's chunk is reused
 * once its write has completed), and when the stream asks to wait (`write` returned false) the
 * writer says so (`blocked`): the caller awaits `drain()` between entries,
 * so memory stays bounded whatever the output's size.
 *
 * Writing is synchronous; only waiting for the stream is not. Text is
 * UTF-8, as `stream.write(string)` would encode it.
 */
import { WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

/** Bytes of a chunk. */
export const CHUNK = 256 * 1024;
/** How many written chunks a file stream's writer keeps for reuse. */
const SPARE_CHUNKS = 8;

export class ByteOut {
  private buf: Buffer;
  private pos = 0;
  /** set while the stream has asked to wait: settles on its next 'drain' (or 'close'), rejects on its 'error' */
  private pending?: Promise<void>;

  /** chunks a file stream has written, to be filled again (a fresh 256 KB chunk per write cost page faults and external-memory collections) */
  private readonly spare: Buffer[] = [];
  private readonly recycle: boolean;

  constructor(
    private readonly stream: Writable | NodeJS.WriteStream,
    private readonly chunk = CHUNK,
  ) {
    this.buf = Buffer.allocUnsafe(chunk);
    this.recycle = stream instanceof WriteStream;
  }

  /** Whether the stream asked to wait: await `drain()` before writing much more. */
  get blocked(): boolean {
    return this.pending !== undefined;
  }

  /** Waits until the stream drains, if it asked to. */
  async drain(): Promise<void> {
    if (this.pending) await this.pending;
  }

  /** Hands what is written to the stream, then waits for it to drain if it asks to. */
  async flush(): Promise<void> {
    this.emit();
    await this.drain();
  }

  /** Bytes as they are (a constant piece encoded once). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (this.pos + n <= this.buf.length) {
      // short pieces are copied faster by hand than by a call to `set`
      if (n < 32) {
        const buf = this.buf;
        let p = this.pos;
        for (let i = 0; i < n; i++) buf[p++] = b[i];
        this.pos = p;
      } else {
        this.buf.set(b, this.pos);
        this.pos += n;
      }
      return;
    }
    this.spill(b);
  }

  /**
   * Bytes that do not fit the chunk: a piece that fits a chunk goes whole
   * into the next one; a longer one fills chunks, each cut between UTF-8
   * characters (never before a continuation byte), so every chunk holds
   * whole characters and decodes on its own.
   */
  private spill(b: Uint8Array): void {
    const n = b.length;
    if (n <= this.buf.length) {
      this.emit();
      this.buf.set(b, 0);
      this.pos = n;
      return;
    }
    let from = 0;
    while (from < n) {
      const room = Math.min(n - from, this.buf.length - this.pos);
      let take = room;
      while (take > 0 && from + take < n && (b[from + take] & 0xc0) === 0x80) take--;
      if (take === 0 && this.pos > 0) {
        this.emit();
        continue;
      }
      // a chunk smaller than one character (tests) takes what it can
      if (take === 0) take = room;
      this.buf.set(b.subarray(from, from + take), this.pos);
      this.pos += take;
      from += take;
    }
  }

  /** Text, UTF-8 encoded. */
  text(s: string): void {
    // a UTF-16 unit takes at most 3 bytes of UTF-8 (a pair, 2 units, takes 4)
    if (this.pos + s.length * 3 <= this.buf.length) this.pos += this.buf.write(s, this.pos, 'utf8');
    else this.bytes(Buffer.from(s, 'utf8'));
  }

  /** `JSON.stringify(s)` of a string, UTF-8 encoded: quotes, escapes, and nothing else. */
  jsonString(s: string): void {
    const n = s.length;
    if (this.pos + n + 2 <= this.buf.length) {
      // plain printable ASCII (most ids) is written as it is, a byte per character
      const buf = this.buf;
      let p = this.pos;
      buf[p++] = QUOTE;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) break;
        buf[p++] = c;
      }
      if (i === n) {
        buf[p++] = QUOTE;
        this.pos = p;
        return;
      }
    }
    // anything else (escapes, non-ASCII, a long text) exactly as JSON.stringify writes it
    this.text(JSON.stringify(s));
  }

  /** A whole number ≥ 0 in decimal digits. */
  digits(n: number): void {
    if (n < 10) {
      this.ascii(n);
      return;
    }
    const s = String(n);
    if (this.pos + s.length <= this.buf.length) this.pos += this.buf.write(s, this.pos, 'latin1');
    else this.bytes(Buffer.from(s, 'latin1'));
  }

  /** One ASCII character, by its code (a digit 0–9 given as its value). */
  private ascii(d: number): void {
    if (this.pos === this.buf.length) this.emit();
    this.buf[this.pos++] = 0x30 + d;
  }

  /** One byte. */
  byte(b: number): void {
    if (this.pos === this.buf.length) this.emit();
    this.buf[this.pos++] = b;
  }

  /**
   * Hands the written part of the chunk to the stream and starts another
   * chunk: a fresh one, or for a file stream one whose write has completed
   * (fs.WriteStream holds a chunk only until its write's callback).
   */
  private emit(): void {
    if (this.pos === 0) return;
    const chunk = this.buf;
    const full = chunk.subarray(0, this.pos);
    this.buf = this.spare.pop() ?? Buffer.allocUnsafe(this.chunk);
    this.pos = 0;
    const reuse = (): void => {
      if (this.spare.length < SPARE_CHUNKS) this.spare.push(chunk);
    };
    const written = this.recycle ? this.stream.write(full, reuse) : this.stream.write(full);
    if (!written) this.waitForDrain();
  }

  /**
   * Listens for the stream's drain as soon as it asks to wait (not when the
   * caller next awaits), so no 'drain' is missed; one listener covers every
   * chunk written before it fires.
   */
  private waitForDrain(): void {
    if (this.pending) return;
    const p = drained(this.stream, () => {
      if (this.pending === p) this.pending = undefined;
    });
    // awaited by drain(); until then a failure must not count as unhandled
    p.catch(() => undefined);
    this.pending = p;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Resolves when the stream drains (or closes), rejects on its error; calls `settled` first, synchronously; leaves no listener behind. */
function drained(stream: Writable | NodeJS.WriteStream, settled: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', fail);
      settled();
    };
    const done = (): void => {
      cleanup();
      resolve();
    };
    const fail = (e: Error): void => {
      cleanup();
      reject(e);
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', fail);
  });
}
