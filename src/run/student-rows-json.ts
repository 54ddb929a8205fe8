/**
 * The JSON text of the compact rows of student-rows.ts, written straight
 * into a ByteOut's chunks: `students[]` and `findings[]` as `--json` nests
 * them (exactly `JSON.stringify(entry, null, 2)` at their depth) and the
 * students' `--ndjson` lines (exactly `JSON.stringify(entry)`). The text
 * around a student's own values (id, ADA; a finding's subject) is the same
 * for every entry of a classification (a finding text), so it is rendered
 * once by JSON.stringify itself, from a real entry, and encoded once; per
 * entry only the id and the ADA are written.
 */
import type { ByteOut } from '../report/byte-out.js';
import type { FindingResult, StudentResult } from './result.js';

/** What the writers read of StudentRows: its columns and its own entry. */
export interface StudentColumns {
  ids: readonly string[];
  /** class index × 2 + census day */
  packed: readonly number[];
  /** ADA in hundredths; NaN where the text is in `odd` */
  cents: readonly number[];
  odd: ReadonlyMap<number, string>;
  /** input indexes in id order */
  order: ArrayLike<number>;
  entry(i: number): StudentResult;
}

/** What the writers read of FindingRows. */
export interface FindingColumns {
  ids: readonly string[];
  /** per student finding: the student's input index, and its text's index */
  student: readonly number[];
  text: readonly number[];
  texts: ReadonlyArray<Omit<FindingResult, 'subject'>>;
  others: readonly FindingResult[];
  /** positions in the result's order */
  order: ArrayLike<number>;
}

const QUOTE = 0x22;
const DOT = 0x2e;

/** The encoded text of an entry around its id and its ADA. */
interface Around {
  head: Buffer;
  middle: Buffer;
  tail: Buffer;
}

/**
 * Cuts an entry's text, its id and its ADA set to "", at those two values:
 * `before` the id (its first field) and `after` the ADA (its last), as
 * `entry` orders them.
 */
function around(text: string, before: string, after: string): Around {
  const start = before.length + 2;
  const end = text.length - after.length - 2;
  if (!text.startsWith(`${before}""`) || !text.endsWith(`""${after}`) || end < start) throw new Error(`a student entry not laid out as expected: ${text.slice(0, 80)}`);
  return { head: Buffer.from(before), middle: Buffer.from(text.slice(start, end)), tail: Buffer.from(after) };
}

/** An ADA's JSON text: `"whole.hh"` from hundredths, or the kept text. */
function writeAda(out: ByteOut, rows: StudentColumns, i: number): void {
  const cents = rows.cents[i];
  if (Number.isNaN(cents)) {
    out.jsonString(rows.odd.get(i)!);
    return;
  }
  const whole = Math.floor(cents / 100);
  const rest = cents - whole * 100;
  out.byte(QUOTE);
  out.digits(whole);
  out.byte(DOT);
  out.byte(0x30 + Math.floor(rest / 10));
  out.byte(0x30 + (rest % 10));
  out.byte(QUOTE);
}

/** Writes each student's entry in id order: the text around it per classification, made from its first student's entry. */
async function writeStudents(out: ByteOut, rows: StudentColumns, render: (entry: StudentResult) => Around, sep: (k: number) => Buffer): Promise<void> {
  const made: Array<Around | undefined> = [];
  const { order, packed, ids } = rows;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const p = packed[i];
    const a = (made[p] ??= render({ ...rows.entry(i), id: '', ada: '' }));
    out.bytes(sep(k));
    out.bytes(a.head);
    out.jsonString(ids[i]);
    out.bytes(a.middle);
    writeAda(out, rows, i);
    out.bytes(a.tail);
    if (out.blocked) await out.drain();
  }
}

/** `students[]` nested `depth` levels deep (the list's own depth), `[` to `]`. */
export async function writeStudentsJson(out: ByteOut, rows: StudentColumns, depth: number): Promise<void> {
  const outer = '  '.repeat(depth + 1);
  const pad = `\n${outer}`;
  const open = Buffer.from(`[${pad}`);
  const comma = Buffer.from(`,${pad}`);
  const render = (e: StudentResult): Around => around(JSON.stringify(e, null, 2).replaceAll('\n', pad), `{${pad}  "id": `, `${pad}}`);
  await writeStudents(out, rows, render, (k) => (k === 0 ? open : comma));
  out.text(rows.order.length === 0 ? '[]' : `\n${'  '.repeat(depth)}]`);
}

/** The `--ndjson` lines: one `JSON.stringify(entry)` and a line break per student, in id order. */
export async function writeStudentsNdjson(out: ByteOut, rows: StudentColumns): Promise<void> {
  const none = Buffer.alloc(0);
  const render = (e: StudentResult): Around => around(`${JSON.stringify(e)}\n`, '{"id":', '}\n');
  await writeStudents(out, rows, render, () => none);
}

/** `JSON.stringify(v, null, 2)` with each line break followed by `pad`'s indent. */
function nest(v: unknown, pad: string): string {
  return JSON.stringify(v, null, 2).replaceAll('\n', pad);
}

/** `findings[]` nested `depth` levels deep (the list's own depth), `[` to `]`: a student finding's text around its subject encoded once per text. */
export async function writeFindingsJson(out: ByteOut, rows: FindingColumns, depth: number): Promise<void> {
  const pad = `\n${'  '.repeat(depth + 1)}`;
  const open = Buffer.from(`[${pad}`);
  const comma = Buffer.from(`,${pad}`);
  const arounds = rows.texts.map((t) => {
    // the text before the subject's value and after it, cut at places that hold no user text
    const head = nest({ code: t.code, severity: t.severity, subject: '' }, pad);
    const tail = nest({ subject: '', message: t.message, rule: t.rule, cite: t.cite }, pad);
    return [Buffer.from(head.slice(0, head.length - `""${pad}}`.length)), Buffer.from(tail.slice(`{${pad}  "subject": ""`.length))] as const;
  });
  const { order, student, text, ids, others } = rows;
  const n = student.length;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    out.bytes(k === 0 ? open : comma);
    if (i >= n) out.text(nest(others[i - n], pad));
    else {
      const [head, tail] = arounds[text[i]];
      out.bytes(head);
      out.jsonString(ids[student[i]]);
      out.bytes(tail);
    }
    if (out.blocked) await out.drain();
  }
  out.text(order.length === 0 ? '[]' : `\n${'  '.repeat(depth)}]`);
}
