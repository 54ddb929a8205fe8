/**
 * Terminal tables with one house style: bold headers (cli-table3's default
 * red reads as an error), grey borders, and no colour codes at all when the
 * output is not a colour terminal (NO_COLOR, a pipe, a file); narrowed to the
 * terminal's width when printed (table-width.ts).
 */
import Table from 'cli-table3';
import pc from 'picocolors';
import { fitOnPrint } from './table-width.js';

export function newTable(options: Table.TableConstructorOptions): Table.Table {
  const style = pc.isColorSupported ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] };
  return fitOnPrint(new Table({ ...options, style: { ...style, ...options.style } }));
}
