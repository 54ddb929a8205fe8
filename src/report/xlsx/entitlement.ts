/**
 * COE entitlement sheet: the county office's LCFF entitlement as the run
 * computed it — each component with its amount (a typed number; empty when
 * not computed), inputs, rate, note, rule and citation, and the total; then
 * what is missing and what is not modelled, with the statute of each.
 */
import type ExcelJS from 'exceljs';
import type { EntitlementComponent, RunResult } from '../../run/result.js';
import { addSheet, writeBlock, writeTable, type Column } from './cells.js';

export function entitlementSheet(wb: ExcelJS.Workbook, r: RunResult): void {
  const ws = addSheet(wb, 'COE entitlement', 1);
  const e = r.coe_entitlement;
  const columns: Column<EntitlementComponent>[] = [
    { header: 'component', kind: 'text', value: (c) => c.name },
    { header: 'computed', kind: 'bool', value: (c) => c.computed },
    { header: 'amount', kind: 'money', value: (c) => (c.computed ? c.amount : undefined), total: true },
    { header: 'inputs', kind: 'text', value: (c) => c.inputs },
    { header: 'rate', kind: 'text', value: (c) => c.rate },
    { header: 'note', kind: 'text', value: (c) => c.note },
    { header: 'rule', kind: 'text', value: (c) => c.rule },
    { header: 'citation', kind: 'text', value: (c) => c.cite },
  ];
  const next = writeTable(ws, columns, e.components, { totals: true });
  writeBlock(ws, next + 1, e.complete ? 'Complete: every component was computed' : 'Incomplete: the total leaves out the components not computed', [
    ...e.missing.map((m): [string, 'text', string] => ['missing', 'text', m]),
    ...e.not_modelled.map((n): [string, 'text', string] => ['not modelled', 'text', `${n.item} (${n.cite}): ${n.reason}`]),
  ]);
}
