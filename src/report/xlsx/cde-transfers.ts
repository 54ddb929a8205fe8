/** Sheet: CDE's transfer report by district of residence (FAQ Q15), the rows of `lcff report`. */
import type ExcelJS from 'exceljs';
import { transfersReport } from '../cde/transfers.js';
import type { CdeInput } from '../cde/report.js';
import { cdeReportSheet } from './cde-report.js';

export function cdeTransfersSheet(wb: ExcelJS.Workbook, input: CdeInput): void {
  cdeReportSheet(wb, transfersReport(input));
}
