/**
 * Standard output for a large streamed result. When it is a regular file
 * (`lcff run --json > result.json`), the chunks are written by libuv's
 * thread pool (an fs.WriteStream on descriptor 1, left open), so copying one
 * chunk into the file runs beside the code that fills the next one; the
 * synchronous `process.stdout` of a file would stop the run for each copy.
 * A terminal or a pipe keeps `process.stdout` as it is (and its EPIPE
 * handling, cli/main.ts). The writer's last chunk is in the file when the
 * returned promise settles; a write error (a full disk) rejects it as a
 * usage error naming the cause, as main.ts reports one of `process.stdout`.
 */
import { createWriteStream, fstatSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { visible } from '../core/safe-text.js';
import { EXIT, UserError } from './errors.js';

/** Bytes the file stream takes before the writer waits: a few chunks (byte-out.ts) in flight. */
const IN_FLIGHT = 1024 * 1024;

function stdoutIsFile(): boolean {
  try {
    return fstatSync(1).isFile();
  } catch {
    return false;
  }
}

export async function toStdout<T>(write: (stream: Writable) => Promise<T>): Promise<T> {
  if (!stdoutIsFile()) return write(process.stdout);
  const file = createWriteStream('', { fd: 1, autoClose: false, highWaterMark: IN_FLIGHT });
  let failed: unknown;
  // kept so that an error while the writer is not waiting is not an unhandled 'error' event; reported below
  file.on('error', (e) => (failed ??= e));
  let result: T;
  try {
    result = await write(file);
  } catch (e) {
    throw failed !== undefined ? cannotWrite(failed) : e;
  } finally {
    await new Promise<void>((resolve) => file.end(() => resolve()));
  }
  if (failed !== undefined) throw cannotWrite(failed);
  return result;
}

/** A write error of standard output, as the one line the user reads. */
export function cannotWrite(e: unknown): UserError {
  return new UserError(`lcff: cannot write to standard output: ${visible(e instanceof Error ? e.message : String(e))}`, EXIT.input);
}
