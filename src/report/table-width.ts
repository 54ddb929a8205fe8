/**
 * Terminal tables that fit the window: the widest columns are narrowed and
 * their cells wrapped until the table fits. The limit is the terminal's width
 * when standard output is a terminal, none otherwise (a pipe, a file), and
 * none with `--wide`.
 */
import type Table from 'cli-table3';

let wide = false;

/** `--wide`: never narrow a table. */
export function setWide(value: boolean): void {
  wide = value;
}

/** The width tables must fit, or undefined for no limit. */
export function tableWidthLimit(): number | undefined {
  if (wide || !process.stdout.isTTY) return undefined;
  const columns = process.stdout.columns;
  return typeof columns === 'number' && columns > 0 ? columns : undefined;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** The narrowest a column gets (three characters and its padding): a table of many columns still fits 80 columns. */
const MIN_COLUMN = 5;

function cellText(cell: unknown): string | undefined {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (typeof cell === 'object' && 'content' in cell && !('colSpan' in cell)) return String((cell as { content: unknown }).content ?? '');
  return undefined;
}

/** Each column's natural width (padding included): its longest line; undefined when rows are not plain (spanned cells, vertical tables). */
export function naturalWidths(head: unknown[], rows: unknown[]): number[] | undefined {
  const lines: string[][] = [];
  for (const row of [head, ...rows]) {
    if (!Array.isArray(row)) return undefined;
    const texts = row.map(cellText);
    if (texts.some((t) => t === undefined)) return undefined;
    lines.push(texts as string[]);
  }
  const count = Math.max(0, ...lines.map((l) => l.length));
  if (count === 0) return undefined;
  return Array.from({ length: count }, (_, i) => 2 + Math.max(0, ...lines.map((l) => Math.max(0, ...(l[i] ?? '').replace(ANSI, '').split('\n').map((x) => x.length)))));
}

/**
 * Column widths that fit `limit` characters with the borders, narrowing the
 * widest column one character at a time (never below 5); undefined when the
 * table already fits.
 */
export function fittedWidths(natural: readonly number[], limit: number): number[] | undefined {
  const widths = [...natural];
  const total = () => widths.reduce((a, w) => a + w, 0) + widths.length + 1;
  if (total() <= limit) return undefined;
  while (total() > limit) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest] <= MIN_COLUMN) break;
    widths[widest] -= 1;
  }
  return widths;
}

/** Makes `table` narrow itself to the limit when printed (its own widths, or its contents'). */
export function fitOnPrint(table: Table.Table): Table.Table {
  const print = table.toString.bind(table);
  table.toString = () => {
    const limit = tableWidthLimit();
    if (limit === undefined) return print();
    const options = (table as unknown as { options: { head: unknown[]; colWidths: Array<number | null | undefined>; wordWrap: boolean; wrapOnWordBoundary: boolean } }).options;
    const preset = options.colWidths.length > 0 && options.colWidths.every((w) => typeof w === 'number') ? (options.colWidths as number[]) : undefined;
    const natural = preset ?? naturalWidths(options.head, [...table]);
    const widths = natural ? fittedWidths(natural, limit) : undefined;
    if (!widths) return print();
    options.colWidths = widths;
    options.wordWrap = true;
    options.wrapOnWordBoundary = true;
    return `${print()}\n(narrowed to the terminal's ${limit} columns; --wide for the full table)`;
  };
  return table;
}
