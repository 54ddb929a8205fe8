/**
 * `--ndjson <file|->`: one line per student, each a JSON object with the
 * fields of the result's student entries (`students[]`), in the result's
 * order (by id). Written as the entries are built, at any size.
 */
import type { StudentResult } from '../run/result.js';
import type { ByteOut } from './byte-out.js';
import type { TextOut } from './text-out.js';

/** A list that writes its own lines into the output's chunks (student-rows.ts `writeNdjson`): faster, and the same text. */
interface NdjsonList {
  writeNdjson(out: ByteOut): Promise<void>;
}

function isNdjsonList(v: unknown): v is NdjsonList {
  return typeof (v as Partial<NdjsonList>).writeNdjson === 'function';
}

export async function writeNdjson(out: TextOut, students: Iterable<StudentResult>): Promise<void> {
  if (isNdjsonList(students)) await students.writeNdjson(out.bytes);
  else for (const s of students) await out.write(`${JSON.stringify(s)}\n`);
  await out.flush();
}
