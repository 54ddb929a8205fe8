/**
 * Text written in chunks to a stream as it is produced: the streamed
 * writers (JSON, NDJSON, the terminal report) never build one string of the
 * whole output. Text is encoded straight into the chunks of a ByteOut
 * (byte-out.ts), which writers of many small entries also fill directly
 * (`bytes`); a chunk is written when full, waiting for the stream to drain
 * when it asks to, so memory stays bounded whatever the output's size.
 */
import type { Writable } from 'node:stream';
import { ByteOut } from './byte-out.js';

export class TextOut {
  /** The chunks the text goes into, for writers that fill them directly. */
  readonly bytes: ByteOut;

  constructor(stream: Writable | NodeJS.WriteStream, chunk?: number) {
    this.bytes = new ByteOut(stream, chunk);
  }

  /** Adds text; waits when the stream asks to. */
  async write(text: string): Promise<void> {
    this.bytes.text(text);
    if (this.bytes.blocked) await this.bytes.drain();
  }

  /** Writes what is gathered. */
  flush(): Promise<void> {
    return this.bytes.flush();
  }
}
