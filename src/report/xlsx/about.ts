/** About sheet: where the figures come from — the scenario, the fiscal year, and the run's provenance (the rule library and its hash, the reform and overrides, lcff-rules' version and revision, the evaluator, when it ran). */
import type ExcelJS from 'exceljs';
import type { Provenance } from '../../run/result.js';
import { provenanceFacts } from '../provenance.js';
import { writeBlock, type CellInput, type ColumnKind } from './cells.js';
import type { WorkbookInput } from './context.js';

/** The provenance as label/value rows of a block: the count of unconfirmed values a number, the rest text. */
export function provenanceBlock(p: Provenance): Array<[string, ColumnKind, CellInput]> {
  return provenanceFacts(p).map((f): [string, ColumnKind, CellInput] => (f.key === 'unconfirmed' ? [f.label, 'count', p.unconfirmed] : [f.label, 'text', f.value]));
}

type Facts = Array<[string, ColumnKind, CellInput]>;

/** A sheet of one block "About this workbook": where the figures come from, the provenance between `before` and `after`. */
export function aboutWorkbookSheet(wb: ExcelJS.Workbook, name: string, p: Provenance, before: Facts, after: Facts): void {
  const ws = wb.addWorksheet(name);
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 80;
  writeBlock(ws, 1, 'About this workbook', [...before, ...provenanceBlock(p), ...after]);
}

export function aboutSheet(wb: ExcelJS.Workbook, input: WorkbookInput): void {
  const r = input.result;
  aboutWorkbookSheet(wb, 'About', r.provenance, [
    ['scenario file', 'text', input.source],
    ['county', 'text', `${r.county.code} ${r.county.name}`],
    ['fiscal year', 'text', r.fiscal_year],
  ], [
    ['CALPADS file', 'text', r.calpads.file],
    ['transfer code field', 'text', r.calpads.transfer_code_field],
    ['district of residence field', 'text', r.calpads.residence_field],
    ['note', 'text', 'Figures are exact decimals of the run written as numbers; totals rows are exact sums. Unconfirmed values: see the sheet of that name.'],
  ]);
}
