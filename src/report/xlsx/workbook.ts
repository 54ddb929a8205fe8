/** `--xlsx`: the run as an Excel workbook for analysts, one sheet per table (one file per sheet in this folder). */
import { writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { parseFiscalYear } from '../../core/fiscal-year.js';
import type { Provenance } from '../../run/result.js';
import { cdeInput } from '../cde/index.js';
import { aboutSheet } from './about.js';
import { calpads119Sheet } from './calpads-119.js';
import { calpads120Sheet } from './calpads-120.js';
import { cdeTransfersSheet } from './cde-transfers.js';
import { reconciliationSheet } from './reconciliation.js';
import { accountingSheet } from './accounting.js';
import { Names, type WorkbookInput } from './context.js';
import { entitlementSheet } from './entitlement.js';
import { findingsSheet } from './findings.js';
import { districtRatesSheet, ratesSheet } from './rates.js';
import { studentsSheet } from './students.js';
import { summarySheet } from './summary.js';
import { transfersSheet } from './transfers.js';
import { unconfirmedSheet } from './unconfirmed.js';

export type { WorkbookInput } from './context.js';

/** The sheets, in order. */
export const SHEETS = ['Summary', 'COE entitlement', 'Students', 'Transfers', 'SACS entries', 'Findings', 'CDE transfers', 'CALPADS 1.19', 'CALPADS 1.20', 'PADC-CALPADS reconciliation', 'District rates', 'Rates of the year', 'Unconfirmed values', 'About'] as const;

/**
 * Writes every sheet into `wb` (a streaming WorkbookWriter for files, which
 * keeps memory flat on large scenarios, or an in-memory Workbook): each sheet
 * top to bottom, each row committed once written.
 */
export function writeSheets(wb: ExcelJS.Workbook, input: WorkbookInput): void {
  const names = new Names(input);
  const r = input.result;
  const year = parseFiscalYear(r.fiscal_year) ?? input.scenario.fiscal_year;
  const spanOrder = input.lib.enums.get('grade_span')?.decl.members.map((m) => m.name.text) ?? [];
  summarySheet(wb, r, names, spanOrder);
  entitlementSheet(wb, r);
  studentsSheet(wb, r, input.scenario.students, names);
  transfersSheet(wb, r, names);
  accountingSheet(wb, r, names);
  findingsSheet(wb, r, names);
  const cde = cdeInput(r, input.scenario, input.lib);
  cdeTransfersSheet(wb, cde);
  calpads119Sheet(wb, cde);
  calpads120Sheet(wb, cde);
  reconciliationSheet(wb, cde);
  districtRatesSheet(wb, r, names);
  ratesSheet(wb, input.lib, year, names);
  unconfirmedSheet(wb, input.lib, r.unconfirmed, input.scenario.options, year, r.user_supplied);
  aboutSheet(wb, input);
}

/** A workbook's bytes, its sheets written by `write` into a streaming WorkbookWriter (rows leave memory as they are committed); its author and dates are the provenance's. */
export async function streamedWorkbook(prov: Provenance, write: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  wb.creator = `${prov.package.name} ${prov.package.version}`;
  wb.lastModifiedBy = wb.creator;
  wb.created = new Date(prov.ran_at);
  wb.modified = wb.created;
  write(wb);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** The workbook as the bytes of an .xlsx file. */
export function workbookBytes(input: WorkbookInput): Promise<Buffer> {
  return streamedWorkbook(input.result.provenance, (wb) => writeSheets(wb, input));
}

/** Writes the workbook; file-system errors propagate for the caller to word. */
export async function writeWorkbook(file: string, input: WorkbookInput): Promise<void> {
  await writeFile(file, await workbookBytes(input));
}
