/**
 * What each distinct cell text of a CSV column means, found without
 * cutting the cell out of its line: the reader hashes a cell's characters
 * while it looks for the comma that ends it, and finds the cell's entry in
 * an open-addressed table by that hash and a comparison in place
 * (`startsWith` at the cell's position). A column's repeated values
 * (schools, grades, bases, districts, codes, flags, ADA) thus cost no
 * string and no map lookup per row; only a text not seen yet is cut out
 * and given its meaning, once.
 */

/** How many distinct texts a column remembers; the rest are given their meaning each time. */
export const REMEMBERED = 4096;
/** Slots of a table: twice the texts it remembers, a power of two. */
const SLOTS = 8192;
const MASK = SLOTS - 1;

/** One step of a cell's hash (the reader folds each character code in as it scans). */
export function hashStep(h: number, code: number): number {
  return (Math.imul(h, 31) + code) | 0;
}

/** The hash of a whole text, as the reader computes it for a cell. */
export function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = hashStep(h, text.charCodeAt(i));
  return h;
}

/** A cell text and what it means for its column. */
class CellEntry<V> {
  constructor(
    readonly raw: string,
    readonly hash: number,
    readonly meaning: V,
  ) {}
}

/** The meanings of a column's cell texts: remembered while they are reused. */
export class CellTable<V> {
  private slots: Array<CellEntry<V> | undefined> | undefined = new Array<CellEntry<V> | undefined>(SLOTS);
  private size = 0;
  private hits = 0;
  constructor(private readonly meaningOf: (raw: string) => V) {}

  /** The meaning of the cell `text[a, b)`, whose hash is `hash`. */
  find(text: string, a: number, b: number, hash: number): V {
    const slots = this.slots;
    if (slots === undefined) return this.meaningOf(text.slice(a, b));
    const len = b - a;
    let i = hash & MASK;
    for (;;) {
      const e = slots[i];
      if (e === undefined) break;
      if (e.hash === hash && e.raw.length === len && text.startsWith(e.raw, a)) {
        this.hits++;
        return e.meaning;
      }
      i = (i + 1) & MASK;
    }
    const raw = a === 0 && b === text.length ? text : text.slice(a, b);
    const meaning = this.meaningOf(raw);
    if (this.size < REMEMBERED) {
      slots[i] = new CellEntry(raw, hash, meaning);
      this.size++;
    } else if (this.hits < this.size) this.slots = undefined; // a column whose values rarely repeat is given its meaning each time
    return meaning;
  }
}
