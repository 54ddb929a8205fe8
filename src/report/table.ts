/** Terminal tables with one house style (cli-table3's default red headers read as errors). */
import Table from 'cli-table3';

export function newTable(options: Table.TableConstructorOptions): Table.Table {
  return new Table({ ...options, style: { head: ['bold'], border: ['grey'], ...options.style } });
}
