/**
 * Unconfirmed values sheet: every parameter, formula and rule the run relied
 * on that the sources do not confirm, with its value, note and citation; and
 * the values the user supplied (`--set` overrides and the scenario's `options`).
 */
import type ExcelJS from 'exceljs';
import type { UserSuppliedResult } from '../../run/result.js';
import type { Library } from '../../semantics/library.js';
import { describeUnconfirmed as describe, type UnconfirmedRow as Row } from '../unconfirmed-values.js';
import { addSheet, writeTable, type Column } from './cells.js';

export function unconfirmedSheet(wb: ExcelJS.Workbook, lib: Library, unconfirmed: readonly string[], options: ReadonlyMap<string, string>, year: number, supplied: readonly UserSuppliedResult[] = []): void {
  const ws = addSheet(wb, 'Unconfirmed values', 1);
  const rows: Row[] = [
    ...unconfirmed.map((name) => describe(lib, name, year)),
    ...supplied.map((u) => ({ name: `${u.parameter}${u.member ? `.${u.member}` : ''}`, kind: 'parameter value (user-supplied, --set)', value: u.value, years: u.year, note: `the library's value: ${u.replaced}`, cite: '' })),
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
