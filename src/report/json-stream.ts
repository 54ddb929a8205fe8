/**
 * `--json`, written as it goes: the result object field by field, its long
 * lists (students, findings) entry by entry, each entry built when written.
 * The text is exactly `JSON.stringify(result, null, 2)` followed by a line
 * break, at any size: no string of the whole result is ever built (a
 * million students would pass V8's largest string).
 */
import type { StreamedResult } from '../run/run.js';
import type { TextOut } from './text-out.js';

/** Text gathered before a write. */
const PIECE = 16 * 1024;

/** A list that renders its own entries' JSON text (student-rows.ts `jsonTexts`): faster, and the same text. */
interface JsonTexts {
  jsonTexts(depth: number): Iterable<string>;
}

function hasJsonTexts(v: unknown): v is JsonTexts {
  return typeof (v as Partial<JsonTexts>).jsonTexts === 'function';
}

function isSequence(v: unknown): v is Iterable<unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function';
}

/** `JSON.stringify(v, null, 2)` of a value nested `depth` levels deep. */
function nested(v: unknown, depth: number): string {
  const text = JSON.stringify(v, null, 2);
  return depth === 0 ? text : text.replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

async function writeSequence(out: TextOut, items: Iterable<unknown>, depth: number): Promise<void> {
  const indent = '  '.repeat(depth + 1);
  let first = true;
  const texts = hasJsonTexts(items) ? items.jsonTexts(depth + 1) : (function* () {
    for (const item of items) yield nested(item, depth + 1);
  })();
  // entries gathered into pieces of about a chunk: one write (and one promise) per piece, not per entry
  let piece = '';
  for (const text of texts) {
    piece += `${first ? '[\n' : ',\n'}${indent}${text}`;
    first = false;
    if (piece.length >= PIECE) {
      await out.write(piece);
      piece = '';
    }
  }
  await out.write(`${piece}${first ? '[]' : `\n${'  '.repeat(depth)}]`}`);
}

export async function writeJson(out: TextOut, result: StreamedResult): Promise<void> {
  const entries = Object.entries(result).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    await out.write('{}\n');
    return out.flush();
  }
  let first = true;
  for (const [key, value] of entries) {
    await out.write(`${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `);
    first = false;
    if (isSequence(value)) await writeSequence(out, value, 1);
    else await out.write(nested(value, 1));
  }
  await out.write('\n}\n');
  await out.flush();
}
