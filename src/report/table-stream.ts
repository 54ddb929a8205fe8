/**
 * A terminal table of fixed column widths written row by row: the same
 * text as `newTable(...).toString()` (cli-table3, house style, narrowed to
 * the terminal as table-width.ts says), at a cost linear in the rows.
 * cli-table3 lays a whole table out at once, in time that grows with the
 * square of its rows (10k/20k/40k findings: 12/31/95 s); with fixed widths
 * each row's rendering depends on that row alone, so the rows are rendered
 * in small tables of a few rows each and the pieces are joined with the
 * table's separator.
 */
import type Table from 'cli-table3';
import { fittedWidths, tableWidthLimit } from './table-width.js';
import { newTable } from './table.js';

type Row = Table.HorizontalTableRow;

/** Rows rendered by one cli-table3 table. */
const BATCH = 50;

export class RowTable {
  private readonly widths: number[];
  private readonly narrowed?: number;

  constructor(
    private readonly head: string[],
    colWidths: number[],
  ) {
    const limit = tableWidthLimit();
    const fitted = limit === undefined ? undefined : fittedWidths(colWidths, limit);
    this.widths = fitted ?? colWidths;
    if (fitted) this.narrowed = limit;
  }

  /** A table of these widths: the lines of its text, without a note of narrowing (said once, at the end). */
  private lines(withHead: boolean, rows: Row[] = []): string[] {
    const t = newTable({ ...(withHead ? { head: this.head } : {}), wordWrap: true, wrapOnWordBoundary: true, colWidths: this.widths });
    if (rows.length > 0) t.push(...rows);
    const lines = t.toString().split('\n');
    const note = lines.findIndex((l) => l.startsWith('(narrowed to the terminal'));
    return note < 0 ? lines : lines.slice(0, note);
  }

  /** The table's text, in pieces (each ending with a line break but the last), for the rows given. */
  *pieces(rows: Iterable<Row>): Iterable<string> {
    const headLines = this.lines(true);
    // top border and head; the head's bottom border becomes the separator under it
    yield `${headLines.slice(0, -1).join('\n')}\n`;
    const bottom = headLines[headLines.length - 1];
    const separator = bottom.replace('└', '├').replace(/┴/g, '┼').replace('┘', '┤');
    // rows in small batches: one cli-table3 table per batch (its cost grows with the square of a table's rows, so batches stay small)
    let batch: Row[] = [];
    const flush = (): string => {
      const text = `${separator}\n${this.lines(false, batch).slice(1, -1).join('\n')}\n`;
      batch = [];
      return text;
    };
    for (const row of rows) {
      batch.push(row);
      if (batch.length === BATCH) yield flush();
    }
    if (batch.length > 0) yield flush();
    yield bottom;
    if (this.narrowed !== undefined) yield `\n(narrowed to the terminal's ${this.narrowed} columns; --wide for the full table)`;
  }
}
