/** About sheet: where the figures come from — the scenario, the fiscal year, the rule library, lcff-rules' version, when and how it ran. */
import type ExcelJS from 'exceljs';
import { writeBlock } from './cells.js';
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
    ['rule library', 'text', input.rulesPath],
    ['lcff-rules version', 'text', input.version],
    ['ran at (UTC)', 'text', input.ranAt.toISOString()],
    ['evaluator', 'text', input.evaluator === 'engine' ? 'json-rules-engine' : input.evaluator === 'kernel' ? 'compiled fast path (generated kernel)' : 'compiled fast path (closures)'],
    ['CALPADS file', 'text', r.calpads.file],
    ['transfer code field', 'text', r.calpads.transfer_code_field],
    ['district of residence field', 'text', r.calpads.residence_field],
    ['unconfirmed values used', 'count', r.unconfirmed.length],
    ['note', 'text', 'Figures are exact decimals of the run written as numbers; totals rows are exact sums. Unconfirmed values: see the sheet of that name.'],
  ]);
}
