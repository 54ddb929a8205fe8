/**
 * `--ndjson <file|->`: one line per student, each a JSON object with the
 * fields of the result's student entries (`students[]`), in the result's
 * order (by id). Written as the entries are built, at any size.
 */
import type { StudentResult } from '../run/result.js';
import type { TextOut } from './text-out.js';

export async function writeNdjson(out: TextOut, students: Iterable<StudentResult>): Promise<void> {
  for (const s of students) await out.write(`${JSON.stringify(s)}\n`);
  await out.flush();
}
