/** A CDE-shaped report in the terminal (a table under its title and notes) and as CSV (one header row, the same rows). */
import pc from 'picocolors';
import { stringify } from 'csv-stringify/sync';
import { visible } from '../../core/safe-text.js';
import { dec, fixed, grouped } from '../../runtime/money.js';
import { newTable } from '../table.js';
import { safeText, type CellInput, type Column, type ColumnKind } from '../xlsx/cells.js';
import type { CdeReport } from './report.js';

const kindOf = <R>(c: Column<R>, row: R): ColumnKind => (typeof c.kind === 'function' ? c.kind(row) : c.kind);

/** A cell as text: figures exact to their places (grouped for the terminal), grades TK and K, text as given. */
function cellText(kind: ColumnKind, value: CellInput, group: boolean): string {
  if (value === undefined || value === '') return '';
  if (kind === 'text') return String(value);
  if (kind === 'bool') return value === true ? 'yes' : 'no';
  if (kind === 'grade') return value === -1 ? 'TK' : value === 0 ? 'K' : String(value);
  if (kind === 'count') return String(value);
  if (typeof value === 'boolean') return String(value);
  const places = kind === 'money' || kind === 'ada' ? 2 : undefined;
  if (places === undefined) return String(value);
  return group ? grouped(dec(value), places) : fixed(dec(value), places);
}

const NUMERIC: ColumnKind[] = ['money', 'ada', 'count', 'number', 'percent'];

export function renderReportText<R>(report: CdeReport<R>): string {
  const table = newTable({ head: report.columns.map((c) => c.header), colAligns: report.columns.map((c) => (typeof c.kind === 'string' && NUMERIC.includes(c.kind) ? 'right' : 'left')) });
  for (const row of report.rows) {
    const cells = report.columns.map((c) => visible(cellText(kindOf(c, row), c.value(row), true)));
    table.push(report.isTotal?.(row) ? cells.map((t) => (t === '' ? t : pc.bold(t))) : cells);
  }
  const out = [pc.bold(visible(report.title)), pc.dim(`(${report.cite})`), table.toString(), ...report.notes.map((n) => pc.dim(n))];
  return `${out.join('\n')}\n`;
}

/** CSV: the report's headers and rows; text that a spreadsheet could take for a formula gets a leading ' (OWASP). */
export function renderReportCsv<R>(report: CdeReport<R>): string {
  const rows = report.rows.map((row) => report.columns.map((c) => {
    const kind = kindOf(c, row);
    const text = cellText(kind, c.value(row), false);
    return kind === 'text' ? safeText(text) : text;
  }));
  return stringify([report.columns.map((c) => c.header), ...rows]);
}
