/** Transfers sheet: each EC 2576 transfer of funds by grade span, with LEA names and labels, and totals. */
import type ExcelJS from 'exceljs';
import type { RunResult, TransferResult } from '../../run/result.js';
import { addSheet, writeTable, type Column } from './cells.js';
import type { Names } from './context.js';

export function transfersSheet(wb: ExcelJS.Workbook, r: RunResult, names: Names): void {
  const ws = addSheet(wb, 'Transfers', 1);
  const columns: Column<TransferResult>[] = [
    { header: 'from (district)', kind: 'text', value: (t) => t.from },
    { header: 'from (name)', kind: 'text', value: (t) => names.lea(t.from) },
    { header: 'to', kind: 'text', value: (t) => t.to },
    { header: 'to (name)', kind: 'text', value: (t) => names.lea(t.to) },
    { header: 'grade span', kind: 'text', value: (t) => t.grade_span },
    { header: 'grade span (label)', kind: 'text', value: (t) => names.label('grade_span', t.grade_span) },
    { header: 'ADA', kind: 'ada', total: true, value: (t) => t.ada },
    { header: 'rate per ADA', kind: 'money', value: (t) => t.rate_per_ada },
    { header: 'amount', kind: 'money', total: true, value: (t) => t.amount },
    { header: 'basis', kind: 'text', value: (t) => t.basis },
    { header: 'basis (label)', kind: 'text', value: (t) => names.label('transfer_basis', t.basis) },
    { header: 'why', kind: 'text', value: (t) => t.reason },
    { header: 'rule', kind: 'text', value: (t) => t.rule },
    { header: 'citation', kind: 'text', value: (t) => t.cite },
  ];
  writeTable(ws, columns, r.transfers, { totals: true });
}
