/** About sheet: where the figures come from — the scenario, the fiscal year, and the run's provenance (the rule library and its hash, the reform and overrides, lcff-rules' version and revision, the evaluator, when it ran). */
import type ExcelJS from 'exceljs';
import { provenanceFacts } from '../provenance.js';
import { writeBlock, type CellInput, type ColumnKind } from './cells.js';
import type { WorkbookInput } from './context.js';

export function aboutSheet(wb: ExcelJS.Workbook, input: WorkbookInput): void {
  const ws = wb.addWorksheet('About');
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 80;
  const r = input.result;
  writeBlock(ws, 1, 'About this workbook', [
    ['scenario file', 'text', input.source],
    ['county', 'text', `${r.county.code} ${r.county.name}`],
    ['fiscal year', 'text', r.fiscal_year],
    ...provenanceFacts(r.provenance).map((f): [string, ColumnKind, CellInput] => (f.key === 'unconfirmed' ? [f.label, 'count', r.provenance.unconfirmed] : [f.label, 'text', f.value])),
    ['CALPADS file', 'text', r.calpads.file],
    ['transfer code field', 'text', r.calpads.transfer_code_field],
    ['district of residence field', 'text', r.calpads.residence_field],
    ['note', 'text', 'Figures are exact decimals of the run written as numbers; totals rows are exact sums. Unconfirmed values: see the sheet of that name.'],
  ]);
}
