/**
 * What each distinct cell text of a CSV column means, found without
 * cutting the cell out of its line: the reader hashes a cell's bytes
 * while it looks for the comma that ends it, and finds the cell's entry in
 * an open-addressed table by that hash and a comparison of the bytes in
 * place. A column's repeated values (schools, grades, bases, districts,
 * codes, flags, ADA) thus cost no string and no map lookup per row; only a
 * text not seen yet is decoded and given its meaning, once.
 *
 * The hash is that of the cell's UTF-8 bytes; a text (a cell csv-parse
 * read) of ASCII characters has the same hash, so both find the same
 * entries. A text that is not ASCII is given its meaning each time.
 */

/** How many distinct texts a column remembers; the rest are given their meaning each time. */
export const REMEMBERED = 4096;
/** Slots of a table: twice the texts it remembers, a power of two. */
const SLOTS = 8192;
const MASK = SLOTS - 1;

/** One step of a cell's hash (the reader folds each byte in as it scans). */
export function hashStep(h: number, code: number): number {
  return (Math.imul(h, 31) + code) | 0;
}

/** The hash of an ASCII text, as the reader computes it for a cell of those bytes; undefined for a text that is not ASCII. */
export function hashOf(text: string): number | undefined {
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return undefined;
    h = hashStep(h, c);
  }
  return h;
}

/** A cell text, its bytes, and what it means for its column. */
class CellEntry<V> {
  constructor(
    readonly raw: string,
    readonly bytes: Uint8Array,
    readonly hash: number,
    readonly meaning: V,
  ) {}
}

function sameBytes(e: Uint8Array, bytes: Uint8Array, a: number): boolean {
  for (let k = 0; k < e.length; k++) if (e[k] !== bytes[a + k]) return false;
  return true;
}

/** The meanings of a column's cell texts: remembered while they are reused. */
export class CellTable<V> {
  private slots: Array<CellEntry<V> | undefined> | undefined = new Array<CellEntry<V> | undefined>(SLOTS);
  private size = 0;
  private hits = 0;
  constructor(private readonly meaningOf: (raw: string) => V) {}

  /** The meaning of the cell `bytes[a, b)` (UTF-8), whose hash is `hash`. */
  findBytes(bytes: Buffer, a: number, b: number, hash: number): V {
    const slots = this.slots;
    if (slots === undefined) return this.meaningOf(bytes.toString('utf8', a, b));
    const len = b - a;
    let i = hash & MASK;
    for (;;) {
      const e = slots[i];
      if (e === undefined) break;
      if (e.hash === hash && e.bytes.length === len && sameBytes(e.bytes, bytes, a)) {
        this.hits++;
        return e.meaning;
      }
      i = (i + 1) & MASK;
    }
    const raw = bytes.toString('utf8', a, b);
    return this.remember(i, raw, bytes.subarray(a, b), hash);
  }

  /** The meaning of `text` (a cell csv-parse read). */
  findText(text: string): V {
    const slots = this.slots;
    const hash = hashOf(text);
    if (slots === undefined || hash === undefined) return this.meaningOf(text);
    let i = hash & MASK;
    for (;;) {
      const e = slots[i];
      if (e === undefined) break;
      if (e.hash === hash && e.raw === text) {
        this.hits++;
        return e.meaning;
      }
      i = (i + 1) & MASK;
    }
    return this.remember(i, text, Buffer.from(text, 'latin1'), hash);
  }

  /** Gives `raw` its meaning, remembered in the free slot `i` while the table has room and is used. */
  private remember(i: number, raw: string, bytes: Uint8Array, hash: number): V {
    const meaning = this.meaningOf(raw);
    if (this.size < REMEMBERED) {
      // a copy: the chunk the cell was read from is let go
      this.slots![i] = new CellEntry(raw, new Uint8Array(bytes), hash, meaning);
      this.size++;
    } else if (this.hits < this.size) this.slots = undefined; // a column whose values rarely repeat is given its meaning each time
    return meaning;
  }
}
