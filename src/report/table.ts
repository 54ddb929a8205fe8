/**
 * Terminal tables with one house style: bold headers (cli-table3's default
 * red reads as an error), grey borders, and no colour codes at all when the
 * output is not a colour terminal (NO_COLOR, a pipe, a file); narrowed to the
 * terminal's width when printed (table-width.ts).
 *
 * Every text cell is made visible-safe as it is pushed (src/core/safe-text.ts):
 * a name or an id can never move the cursor, clear the screen or retitle the
 * terminal. A cell that needs colour is built with `styled`, which escapes the
 * text before colouring it.
 */
import Table from 'cli-table3';
import pc from 'picocolors';
import { visible } from '../core/safe-text.js';
import { fitOnPrint } from './table-width.js';

type Cell = Table.Cell;

/** A cell whose text is escaped, then coloured (`styled(text, pc.red)`). */
export function styled(text: string, style: (s: string) => string): { content: string } {
  return { content: style(visible(text)) };
}

/** A text cell made visible-safe; its line breaks stay line breaks (a cell may hold several lines, as lcff diff's do). */
function safeCell(c: Cell): Cell {
  return typeof c === 'string' ? c.split('\n').map((line) => visible(line)).join('\n') : c;
}

function safeRow(row: unknown): unknown {
  if (Array.isArray(row)) return row.map((c) => safeCell(c as Cell));
  if (row && typeof row === 'object') return Object.fromEntries(Object.entries(row).map(([k, v]) => [visible(k), Array.isArray(v) ? v.map((c) => safeCell(c as Cell)) : safeCell(v as Cell)]));
  return row;
}

export function newTable(options: Table.TableConstructorOptions): Table.Table {
  const style = pc.isColorSupported ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] };
  const head = options.head?.map((h) => visible(h));
  const table = new Table({ ...options, ...(head ? { head } : {}), style: { ...style, ...options.style } });
  const push = table.push.bind(table);
  table.push = (...rows: Parameters<typeof push>) => push(...(rows.map(safeRow) as Parameters<typeof push>));
  return fitOnPrint(table);
}
