/**
 * The per-student part of a run's result, held compactly: a student's entry
 * (`students[]`) is its id, its census-day flag, its ADA in hundredths and
 * the index of its classification (category, credited LEA, rule, citation,
 * expected codes), which few students differ in; a student finding is the
 * student's index and the index of its finding text. Entries and findings
 * are built one at a time when the result is written, in the result's order
 * (students by id; findings by severity, subject, code), so a run of a
 * million students never holds a million result objects.
 */
import type { ByteOut } from '../report/byte-out.js';
import type { StudentResult } from './result.js';
import { type StudentColumns, writeStudentsJson, writeStudentsNdjson } from './student-rows-json.js';

/** A student's classification, shared by every student classified alike. */
export interface StudentClass {
  category: string;
  credited_to: string;
  rule: string;
  cite: string;
  expected_transfer_codes: readonly string[];
}

/** `fixed(ada, 2)` of an ADA kept to two decimals, back from its hundredths. */
function centsText(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents - whole * 100;
  return `${whole}.${rest < 10 ? '0' : ''}${rest}`;
}

const CENTS_TEXT = /^(\d{1,13})\.(\d\d)$/;

/** How many classifications per credited LEA `classOf` finds by identity. */
const RECENT_CLASSES = 8;

/** Interns values by a key: each distinct value once, referred to by its index. */
export class Interned<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  /** the index by parts: a trie of maps, one level per part, the index under END */
  private readonly trie: Trie = new Map();
  of(key: string, make: () => T): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(make());
      this.index.set(key, i);
    }
    return i;
  }

  /**
   * The index of the value made of `parts` (texts, undefined, or objects
   * known by identity): found a
   * part at a time, so no key text is built per lookup (parts shared by
   * many, like a rule's name, keep their hash).
   */
  ofParts<P extends ReadonlyArray<unknown>>(parts: P, make: (parts: P) => T): number {
    let node = this.trie;
    for (const p of parts) {
      let next = node.get(p) as Trie | undefined;
      if (next === undefined) node.set(p, (next = new Map()));
      node = next;
    }
    let i = node.get(END) as number | undefined;
    if (i === undefined) {
      i = this.values.length;
      this.values.push(make(parts));
      node.set(END, i);
    }
    return i;
  }
}

const END = Symbol('end');
type Trie = Map<unknown, Trie | number>;

/**
 * A map key of several values, cheap to build per student: the values
 * joined by NUL, or (when one holds a NUL or a SOH, user text may) their
 * JSON, which starts with "[" and so never equals a joined key.
 */
export function keyOf(parts: ReadonlyArray<string | number | boolean | undefined>): string {
  let key = '\u0000';
  for (const p of parts) {
    const t = p === undefined ? '\u0001' : String(p);
    if (typeof p === 'string' && (p.includes('\u0000') || p.includes('\u0001'))) return JSON.stringify(parts.map((x) => (x === undefined ? null : x)));
    key += `${t}\u0000`;
  }
  return key;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every student's entry of the result, in input order, iterated in id order. */
export class StudentRows {
  readonly ids: string[] = [];
  /** class index × 2 + census day */
  private readonly packed: number[] = [];
  /** ADA in hundredths; NaN where the text is kept in `odd` */
  private readonly cents: number[] = [];
  private readonly odd = new Map<number, string>();
  private readonly classes = new Interned<StudentClass>();
  /** per credited LEA, the classifications seen first (classOf) */
  private readonly recent = new Map<string, Array<{ category: string; rule: string; cite: string; codes: readonly string[]; index: number }>>();
  private inIdOrder = true;
  private order?: Int32Array;

  get length(): number {
    return this.ids.length;
  }

  /**
   * Adds a student's entry: its classification's index (`classOf`), its ADA
   * in hundredths (NaN: `adaText` is kept as it is) and `fixed(ada, 2)`.
   * Returns its index.
   */
  add(id: string, classIndex: number, census: boolean, cents: number, adaText: string): number {
    const i = this.ids.length;
    if (i > 0 && !(this.ids[i - 1] < id)) this.inIdOrder = false;
    this.ids.push(id);
    this.packed.push(classIndex * 2 + (census ? 1 : 0));
    this.cents.push(cents);
    if (Number.isNaN(cents)) this.odd.set(i, adaText);
    this.order = undefined;
    return i;
  }

  /**
   * The index of a classification, interned by its parts. The same texts
   * and code list as a recent classification of the same credited LEA are
   * found by identity first (a rule's texts and constant lists are one
   * object for every student), without walking the parts.
   */
  classOf(c: StudentClass): number {
    let recent = this.recent.get(c.credited_to);
    if (recent === undefined) this.recent.set(c.credited_to, (recent = []));
    for (let k = 0; k < recent.length; k++) {
      const r = recent[k];
      if (r.rule === c.rule && r.category === c.category && r.cite === c.cite && r.codes === c.expected_transfer_codes) return r.index;
    }
    const index = this.classes.ofParts([c.category, c.credited_to, c.rule, c.cite, ...c.expected_transfer_codes], () => ({ category: c.category, credited_to: c.credited_to, rule: c.rule, cite: c.cite, expected_transfer_codes: c.expected_transfer_codes }));
    if (recent.length < RECENT_CLASSES) recent.push({ category: c.category, rule: c.rule, cite: c.cite, codes: c.expected_transfer_codes, index });
    return index;
  }

  /** `fixed(ada, 2)` back as hundredths, NaN when it is not a plain two-decimal text. */
  static centsOf(adaText: string): number {
    const m = CENTS_TEXT.exec(adaText);
    return m ? Number(m[1]) * 100 + Number(m[2]) : NaN;
  }

  /** `students[]` as `--json` writes it, nested `depth` levels deep, in id order (student-rows-json.ts). */
  writeJsonList(out: ByteOut, depth: number): Promise<void> {
    return writeStudentsJson(out, this.columns(), depth);
  }

  /** The `--ndjson` lines, in id order (student-rows-json.ts). */
  writeNdjson(out: ByteOut): Promise<void> {
    return writeStudentsNdjson(out, this.columns());
  }

  private columns(): StudentColumns {
    return { ids: this.ids, packed: this.packed, cents: this.cents, odd: this.odd, order: this.idOrder(), entry: (i) => this.entry(i) };
  }

  /** The entry of the student at input index `i`, as the result contract writes it. */
  entry(i: number): StudentResult {
    const p = this.packed[i];
    const c = this.classes.values[p >> 1];
    const cents = this.cents[i];
    return {
      id: this.ids[i],
      category: c.category,
      credited_to: c.credited_to,
      rule: c.rule,
      cite: c.cite,
      expected_transfer_codes: [...c.expected_transfer_codes],
      census_day: (p & 1) === 1,
      ada: Number.isNaN(cents) ? this.odd.get(i)! : centsText(cents),
    };
  }

  /** Input indexes in id order (sorted once, only when the input was not already in id order). */
  idOrder(): ArrayLike<number> {
    if (this.order) return this.order;
    const order = new Int32Array(this.ids.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    if (!this.inIdOrder) {
      const ids = this.ids;
      const sorted = Array.from(order).sort((a, b) => cmp(ids[a], ids[b]) || a - b);
      order.set(sorted);
    }
    this.order = order;
    return order;
  }

  /** Each student's id's rank among the distinct ids, sorted (input index → rank; equal ids, equal rank). */
  idRanks(): Int32Array {
    const order = this.idOrder();
    const ranks = new Int32Array(order.length);
    let r = 0;
    for (let k = 0; k < order.length; k++) {
      if (k > 0 && this.ids[order[k]] !== this.ids[order[k - 1]]) r++;
      ranks[order[k]] = r;
    }
    return ranks;
  }

  /** The ids that occur more than once (a scenario built by hand; the loader refuses them). */
  duplicateIds(): string[] {
    const order = this.idOrder();
    const out: string[] = [];
    for (let k = 1; k < order.length; k++) if (this.ids[order[k]] === this.ids[order[k - 1]]) out.push(this.ids[order[k]]);
    return out;
  }

  *[Symbol.iterator](): Iterator<StudentResult> {
    const order = this.idOrder();
    for (let k = 0; k < order.length; k++) yield this.entry(order[k]);
  }
}
