/** A CDE-shaped report (../cde) as a workbook sheet: its table with its totals rows bold, then its title, citation and notes. */
import type ExcelJS from 'exceljs';
import type { CdeReport } from '../cde/report.js';
import { addSheet, setCell, writeTable } from './cells.js';

export function cdeReportSheet<R>(wb: ExcelJS.Workbook, report: CdeReport<R>): void {
  const ws = addSheet(wb, report.sheet, 2);
  let next = writeTable(ws, report.columns, report.rows, { bold: (i) => report.isTotal?.(report.rows[i]) === true }) + 1;
  for (const line of [report.title, `Source: ${report.cite}`, ...report.notes]) {
    const row = ws.getRow(next);
    setCell(row.getCell(1), 'text', line);
    row.commit();
    next += 1;
  }
}
