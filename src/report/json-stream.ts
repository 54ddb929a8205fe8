/**
 * `--json`, written as it goes: the result object field by field, its long
 * lists (students, findings) entry by entry, each entry built when written.
 * The text is exactly `JSON.stringify(result, null, 2)` followed by a line
 * break, at any size: no string of the whole result is ever built (a
 * million students would pass V8's largest string).
 */
import type { StreamedResult } from '../run/run.js';
import type { ByteOut } from './byte-out.js';
import type { TextOut } from './text-out.js';

/** A list that writes its own JSON text into the output's chunks (student-rows.ts `writeJsonList`): faster, and the same text. */
interface JsonList {
  writeJsonList(out: ByteOut, depth: number): Promise<void>;
}

function isJsonList(v: unknown): v is JsonList {
  return typeof (v as Partial<JsonList>).writeJsonList === 'function';
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
  if (isJsonList(items)) return items.writeJsonList(out.bytes, depth);
  const indent = '  '.repeat(depth + 1);
  let first = true;
  for (const item of items) {
    await out.write(`${first ? '[\n' : ',\n'}${indent}${nested(item, depth + 1)}`);
    first = false;
  }
  await out.write(first ? '[]' : `\n${'  '.repeat(depth)}]`);
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
