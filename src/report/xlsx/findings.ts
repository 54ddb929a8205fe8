/** Findings sheet: every validation finding with its severity's meaning and the subject's name. */
import type ExcelJS from 'exceljs';
import type { FindingResult, RunResult } from '../../run/result.js';
import { addSheet, writeTable, type Column } from './cells.js';
import type { Names } from './context.js';

export function findingsSheet(wb: ExcelJS.Workbook, r: RunResult, names: Names): void {
  const ws = addSheet(wb, 'Findings');
  const columns: Column<FindingResult>[] = [
    { header: 'severity', kind: 'text', value: (f) => f.severity },
    { header: 'severity (meaning)', kind: 'text', value: (f) => names.label('severity', f.severity) },
    { header: 'code', kind: 'text', value: (f) => f.code },
    { header: 'subject', kind: 'text', value: (f) => f.subject },
    { header: 'subject (name)', kind: 'text', value: (f) => names.lea(f.subject) },
    { header: 'finding', kind: 'text', value: (f) => f.message },
    { header: 'rule', kind: 'text', value: (f) => f.rule },
    { header: 'citation', kind: 'text', value: (f) => f.cite },
  ];
  writeTable(ws, columns, r.findings);
}
