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
const MIN_COLUMN = 8;

function cellText(cell: unknown): string | undefined {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (typeof cell === 'object' && 'content' in cell && !('colSpan' in cell)) return String((cell as { content: unknown }).content ?? '');
  return undefined;
}

/**
 * Column widths (padding included) that fit `limit` characters, narrowing the
 * widest column one character at a time; undefined when the table already
 * fits or its rows are not plain (spanned cells, vertical tables).
 */
export function fittedWidths(head: unknown[], rows: unknown[], limit: number): number[] | undefined {
  const lines: string[][] = [];
  for (const row of [head, ...rows]) {
    if (!Array.isArray(row)) return undefined;
    const texts = row.map(cellText);
    if (texts.some((t) => t === undefined)) return undefined;
    lines.push(texts as string[]);
  }
  const count = Math.max(0, ...lines.map((l) => l.length));
  if (count === 0) return undefined;
  const widths = Array.from({ length: count }, (_, i) => 2 + Math.max(0, ...lines.map((l) => Math.max(0, ...(l[i] ?? '').replace(ANSI, '').split('\n').map((x) => x.length)))));
  const total = () => widths.reduce((a, w) => a + w, 0) + count + 1;
  if (total() <= limit) return undefined;
  while (total() > limit) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest] <= MIN_COLUMN) break;
    widths[widest] -= 1;
  }
  return widths;
}

/** Makes `table` narrow itself to the limit when printed. */
export function fitOnPrint(table: Table.Table): Table.Table {
  const print = table.toString.bind(table);
  table.toString = () => {
    const limit = tableWidthLimit();
    const options = (table as unknown as { options: { head: unknown[]; colWidths: Array<number | null>; wordWrap: boolean; wrapOnWordBoundary: boolean } }).options;
    const widths = limit !== undefined && options.colWidths.every((w) => w === null || w === undefined) ? fittedWidths(options.head, [...table], limit) : undefined;
    if (widths) {
      options.colWidths = widths;
      options.wordWrap = true;
      options.wrapOnWordBoundary = true;
    }
    return print();
  };
  return table;
}
