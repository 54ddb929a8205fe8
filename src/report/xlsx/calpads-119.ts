/** Sheet: the CALPADS Report 1.19-style COE LCFF count, the rows of `lcff report`. */
import type ExcelJS from 'exceljs';
import { calpads119Report } from '../cde/calpads-119.js';
import type { CdeInput } from '../cde/report.js';
import { cdeReportSheet } from './cde-report.js';

export function calpads119Sheet(wb: ExcelJS.Workbook, input: CdeInput): void {
  cdeReportSheet(wb, calpads119Report(input));
}
