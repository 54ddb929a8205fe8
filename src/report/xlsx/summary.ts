/** Summary sheet: per LEA credits before and after county-program adjustments, UPP, district rates per grade span, transfers paid and received, with a totals row; then the AEG and the conservation check. */
import type ExcelJS from 'exceljs';
import { dec, sum, type Dec } from '../../runtime/money.js';
import type { LeaResult, RunResult } from '../../run/result.js';
import { addSheet, writeBlock, writeTable, type CellInput, type Column, type ColumnKind } from './cells.js';
import type { Names } from './context.js';

interface LeaRow {
  lea: LeaResult;
  paid: Dec;
  received: Dec;
}

/** Transfer amounts an LEA pays (as `from`) and receives (as `to`). */
function transferTotals(r: RunResult, cds: string): { paid: Dec; received: Dec } {
  return {
    paid: sum(r.transfers.filter((t) => t.from === cds).map((t) => dec(t.amount))),
    received: sum(r.transfers.filter((t) => t.to === cds).map((t) => dec(t.amount))),
  };
}

/** The grade spans the districts' rates are given for, in the rules' order. */
function spansOf(r: RunResult, spanOrder: string[]): string[] {
  const seen = new Set(r.leas.flatMap((l) => Object.keys(l.rates ?? {})));
  return [...spanOrder.filter((s) => seen.has(s)), ...[...seen].filter((s) => !spanOrder.includes(s)).sort()];
}

export function summarySheet(wb: ExcelJS.Workbook, r: RunResult, names: Names, spanOrder: string[]): void {
  const ws = addSheet(wb, 'Summary', 2);
  const rows: LeaRow[] = r.leas.map((lea) => ({ lea, ...transferTotals(r, lea.cds) }));
  const spans = spansOf(r, spanOrder);
  const columns: Column<LeaRow>[] = [
    { header: 'CDS code', kind: 'text', value: (x) => x.lea.cds },
    { header: 'LEA', kind: 'text', value: (x) => x.lea.name },
    { header: 'kind', kind: 'text', value: (x) => x.lea.kind },
    { header: 'ADA before', kind: 'ada', total: true, value: (x) => x.lea.ada.before },
    { header: 'ADA after', kind: 'ada', total: true, value: (x) => x.lea.ada.after },
    { header: 'enrollment before', kind: 'count', total: true, value: (x) => x.lea.enrollment.before },
    { header: 'enrollment after', kind: 'count', total: true, value: (x) => x.lea.enrollment.after },
    { header: 'unduplicated before', kind: 'count', total: true, value: (x) => x.lea.unduplicated.before },
    { header: 'unduplicated after', kind: 'count', total: true, value: (x) => x.lea.unduplicated.after },
    { header: 'UPP before', kind: 'percent', value: (x) => x.lea.upp.before },
    { header: 'UPP after', kind: 'percent', value: (x) => x.lea.upp.after },
    { header: 'rolling UPP before', kind: 'percent', value: (x) => x.lea.upp.rolling_before },
    { header: 'rolling UPP after', kind: 'percent', value: (x) => x.lea.upp.rolling_after },
    { header: 'UPP window (years)', kind: 'count', value: (x) => x.lea.upp.window_years },
    ...spans.map((span): Column<LeaRow> => ({ header: `rate per ADA ${span} (${names.label('grade_span', span) || span})`, kind: 'money', value: (x) => x.lea.rates?.[span]?.total })),
    { header: 'transfers paid', kind: 'money', total: true, value: (x) => x.paid },
    { header: 'transfers received', kind: 'money', total: true, value: (x) => x.received },
  ];
  const a = r.aeg;
  const aeg: Block = [
    ['rule', 'text', `${a.rule} (${a.cite})`],
    ['AEG ADA', 'ada', a.ada],
    ['UPP (rolling, after adjustments)', 'percent', a.upp],
    ...(a.known
      ? ([
          ['base', 'money', a.base],
          ['supplemental', 'money', a.supplemental],
          ['concentration', 'money', a.concentration],
          ['total', 'money', a.total],
        ] as Block)
      : []),
    ['note', 'text', a.note],
  ];
  const c = r.conservation;
  const conservation: Block = [
    ['ADA in', 'ada', c.ada_in],
    ['ADA out', 'ada', c.ada_out],
    ['enrollment in', 'count', c.enrollment_in],
    ['enrollment out', 'count', c.enrollment_out],
    ['unduplicated in', 'count', c.upc_in],
    ['unduplicated out', 'count', c.upc_out],
    ['transfers net', 'money', c.transfers_net],
  ];
  // the blocks' labels sit in the first column: wide enough for them too
  const labelWidth = Math.max(...[...aeg, ...conservation].map(([label]) => label.length));
  let next = writeTable(ws, columns, rows, { totals: true, minWidths: [labelWidth] });
  next = writeBlock(ws, next + 1, 'Alternative Education Grant (COE)', aeg);
  writeBlock(ws, next + 1, 'Conservation (every run checks that nothing is lost or counted twice)', conservation);
}

type Block = Array<[string, ColumnKind, CellInput]>;
