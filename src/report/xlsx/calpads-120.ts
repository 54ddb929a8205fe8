/** Sheet: the CALPADS Report 1.20-style student list, the rows of `lcff report`. */
import type ExcelJS from 'exceljs';
import { calpads120Report } from '../cde/calpads-120.js';
import type { CdeInput } from '../cde/report.js';
import { cdeReportSheet } from './cde-report.js';

export function calpads120Sheet(wb: ExcelJS.Workbook, input: CdeInput): void {
  cdeReportSheet(wb, calpads120Report(input));
}
