/** SACS entries sheet: each payment booked on both sides, with the payer and payee totals. */
import type ExcelJS from 'exceljs';
import { dec, sum } from '../../runtime/money.js';
import type { AccountingEntry, RunResult } from '../../run/result.js';
import { addSheet, setCell, writeTable, type Column } from './cells.js';
import type { Names } from './context.js';

export function accountingSheet(wb: ExcelJS.Workbook, r: RunResult, names: Names): void {
  const ws = addSheet(wb, 'SACS entries', 1);
  const columns: Column<AccountingEntry>[] = [
    { header: 'LEA', kind: 'text', value: (a) => a.lea },
    { header: 'LEA (name)', kind: 'text', value: (a) => names.lea(a.lea) },
    { header: 'side', kind: 'text', value: (a) => a.side },
    { header: 'goal', kind: 'text', value: (a) => a.goal },
    { header: 'object', kind: 'text', value: (a) => a.object },
    { header: 'amount', kind: 'money', value: (a) => a.amount },
    { header: 'paid to / received from', kind: 'text', value: (a) => a.counterparty },
    { header: 'paid to / received from (name)', kind: 'text', value: (a) => names.lea(a.counterparty) },
    { header: 'citation', kind: 'text', value: (a) => a.cite },
  ];
  let next = writeTable(ws, columns, r.accounting);
  // one total per side: a payment appears once as payer and once as payee, so a single sum would count it twice
  for (const side of ['payer', 'payee'] as const) {
    const row = ws.getRow(next);
    setCell(row.getCell(1), 'text', `Total ${side}`);
    setCell(row.getCell(6), 'money', sum(r.accounting.filter((a) => a.side === side).map((a) => dec(a.amount))));
    row.font = { bold: true };
    row.commit();
    next += 1;
  }
}
