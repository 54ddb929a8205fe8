/** Lines of a CSV read by csv-parse, counted as an editor counts them (csv-records.ts). */

/**
 * csv-parse's line count as an editor counts lines. csv-parse steps a line
 * on every "\r" and "\n" but the "\n" of a "\r\n" record delimiter: any
 * other "\r\n" (in a quoted cell of a file written on Windows, or in a file
 * whose records end with "\n") it counts twice, and the lines after it
 * would be one further on than in the same file with "\n" line breaks.
 * Each such pair is in the raw text csv-parse gives with a record or a
 * skipped one (the delimiter's "\n" is not): counted there, a line less —
 * but the "\r" csv-parse keeps of a blank "\r\n" line followed by a "\n"
 * of the record, which are two line breaks; and with "\r" as delimiter, a
 * "\r" ending one record and a "\n" starting the next, which are one.
 * A skipped record's raw text ends at its (last) error: a pair after it,
 * within that record, is not seen (after a syntax error the file is
 * refused; its later lines may then be one further on per such pair).
 */
export class Recount {
  /** pairs csv-parse counted twice before the current record */
  private doubled = 0;
  /** the raw text so far of a record being skipped (csv-parse reports each of its errors with a longer one), and its key: the bytes read when it was */
  private skipRaw = '';
  private skipKey = -1;
  private endsCr = false;
  /** `delimiter`: the file's record delimiter, as csv-parse has it */
  constructor(readonly delimiter: () => string) {}
  private pairs(raw: string): number {
    let n = 0;
    for (let i = raw.indexOf('\r\n'); i >= 0; i = raw.indexOf('\r\n', i + 2)) n++;
    if (n === 0 && !this.endsCr) return 0;
    const delimiter = this.delimiter();
    // with "\r" as delimiter, a "\n" starting a record is the second half of a "\r\n"
    if (delimiter === '\r' && this.endsCr && raw[0] === '\n') n++;
    // with "\r\n", the "\r" kept of each blank line before the record stands for a whole "\r\n": a "\n" after them is a line break of its own
    if (delimiter === '\r\n') {
      let lead = 0;
      while (raw[lead] === '\r') lead++;
      if (lead > 0 && raw[lead] === '\n') n--;
    }
    return n;
  }
  private pass(raw: string): void {
    this.doubled += this.pairs(raw);
    if (raw.length > 0) this.endsCr = raw[raw.length - 1] === '\r';
  }
  private settle(): void {
    if (this.skipKey < 0) return;
    this.pass(this.skipRaw);
    this.skipRaw = '';
    this.skipKey = -1;
  }
  /** Lines less for a skipped record's error: `bytes` (read when csv-parse skips) are the same for each error of one record. */
  skipped(raw: string | undefined, bytes: number): number {
    if (bytes !== this.skipKey) this.settle();
    this.skipKey = bytes;
    this.skipRaw = raw ?? '';
    return this.doubled + this.pairs(this.skipRaw);
  }
  /** Lines less for a record, at its end. */
  record(raw: string): number {
    this.settle();
    this.pass(raw);
    return this.doubled;
  }
  /** Lines less for a fatal error. */
  fatal(): number {
    return this.doubled + (this.skipKey < 0 ? 0 : this.pairs(this.skipRaw));
  }
}
