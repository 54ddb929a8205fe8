/**
 * The student ids read so far and the line each was first used at, for
 * the duplicate check (LCFF-S: "student id … is already used at …").
 *
 * Files usually list their students in id order: while every id is greater
 * than the one before, none can be a repeat, and the ids are only listed
 * (one reference and one line number each, no hash table). The first id
 * that breaks the order builds the table from the list, and the check goes
 * on by the table: the same answers either way.
 */
export class StudentIds {
  private readonly listed: string[] = [];
  private lines = new Float64Array(1024);
  private table?: Map<string, number>;
  private last?: string;

  /** The line `id` was first used at, or undefined when it is new. */
  lineOf(id: string): number | undefined {
    if (!this.table) {
      if (this.last === undefined || id > this.last) return undefined;
      this.table = new Map();
      for (let i = 0; i < this.listed.length; i++) this.table.set(this.listed[i], this.lines[i]);
      this.listed.length = 0;
      this.lines = new Float64Array(0);
    }
    return this.table.get(id);
  }

  /** Notes `id` and its line when it is new (true); false, noting nothing, when it is already used. */
  claim(id: string, line: number): boolean {
    if (this.table === undefined && (this.last === undefined || id > this.last)) {
      this.add(id, line);
      return true;
    }
    if (this.lineOf(id) !== undefined) return false;
    this.add(id, line);
    return true;
  }

  /** Notes a new id (one `lineOf` found unused) and its line. */
  add(id: string, line: number): void {
    if (this.table) {
      this.table.set(id, line);
      return;
    }
    const i = this.listed.length;
    if (i === this.lines.length) {
      const grown = new Float64Array(i * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.listed.push(id);
    this.lines[i] = line;
    this.last = id;
  }
}
