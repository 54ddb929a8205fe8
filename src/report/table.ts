/**
 * Terminal tables with one house style: bold headers (cli-table3's default
 * red reads as an error), grey borders, and no colour codes at all when the
 * output is not a colour terminal (NO_COLOR, a pipe, a file). Every text a
 * row carries is made visible-safe first (src/core/safe-text.ts): a name or an
 * id can never move the cursor, clear the screen or retitle the terminal.
 */
import Table from 'cli-table3';
import pc from 'picocolors';
import { visible } from '../core/safe-text.js';

export function newTable(options: Table.TableConstructorOptions): Table.Table {
  const style = pc.isColorSupported ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] };
  return new Table({ ...options, style: { ...style, ...options.style } });
}

/** A row's cells with every text made visible-safe (numbers as they are). */
export function safeRow(cells: ReadonlyArray<string | number>): Array<string | number> {
  return cells.map((c) => (typeof c === 'string' ? visible(c) : c));
}
