/**
 * Unconfirmed values sheet: every parameter, formula and rule the run relied
 * on that the sources do not confirm, with its value, note and citation; and
 * the values the user supplied in the scenario's `options`.
 */
import type ExcelJS from 'exceljs';
import type { Library } from '../../semantics/library.js';
import { describeUnconfirmed as describe, type UnconfirmedRow as Row } from '../unconfirmed-values.js';
import { addSheet, writeTable, type Column } from './cells.js';

export function unconfirmedSheet(wb: ExcelJS.Workbook, lib: Library, unconfirmed: readonly string[], options: ReadonlyMap<string, string>, year: number): void {
  const ws = addSheet(wb, 'Unconfirmed values', 1);
  const rows: Row[] = [
    ...unconfirmed.map((name) => describe(lib, name, year)),
    ...[...options].map(([name, value]) => ({ name, kind: 'scenario option (user-supplied)', value, years: '', note: '', cite: '' })),
  ];
  const columns: Column<Row>[] = [
    { header: 'name', kind: 'text', value: (x) => x.name },
    { header: 'kind', kind: 'text', value: (x) => x.kind },
    { header: 'value in force', kind: 'text', value: (x) => x.value },
    { header: 'years', kind: 'text', value: (x) => x.years },
    { header: 'why unconfirmed', kind: 'text', value: (x) => x.note },
    { header: 'citation', kind: 'text', value: (x) => x.cite },
  ];
  writeTable(ws, columns, rows);
}
