/** Sheet: PADC ADA against CALPADS (FAQ Q13), the rows of `lcff report`. */
import type ExcelJS from 'exceljs';
import { reconciliationReport } from '../cde/reconciliation.js';
import type { CdeInput } from '../cde/report.js';
import { cdeReportSheet } from './cde-report.js';

export function reconciliationSheet(wb: ExcelJS.Workbook, input: CdeInput): void {
  cdeReportSheet(wb, reconciliationReport(input));
}
