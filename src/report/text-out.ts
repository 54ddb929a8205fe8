/**
 * Text written in chunks to a stream as it is produced: the streamed
 * writers (JSON, NDJSON, CSV, the terminal report) never build one string
 * of the whole output. Pieces are gathered up to a chunk and written,
 * waiting for the stream to drain when it asks to, so memory stays bounded
 * whatever the output's size.
 */
import type { Writable } from 'node:stream';

const CHUNK = 64 * 1024;

export class TextOut {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly stream: Writable | NodeJS.WriteStream) {}

  /** Adds text; writes a chunk when enough is gathered. */
  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  /** Writes what is gathered. */
  async flush(): Promise<void> {
    if (this.size === 0 && this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await drained(this.stream);
  }
}

/** Resolves when the stream drains (or closes), rejects on its error; leaves no listener behind. */
function drained(stream: Writable | NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', fail);
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
