/**
 * Rates of the year: every parameter value in force in the run's fiscal
 * year (one row per grade span or other breakdown member), typed in its unit,
 * with since, status, note and citation; then the grade-span-adjusted base
 * grants. And the districts' rates per ADA by grade span as the run formed them.
 */
import type ExcelJS from 'exceljs';
import { adjustedBases } from '../adjusted-bases.js';
import { formatFiscalYear } from '../../core/fiscal-year.js';
import type { ParamUnit } from '../../params/index.js';
import type { Dec } from '../../runtime/money.js';
import type { RunResult, SpanRate } from '../../run/result.js';
import type { Library } from '../../semantics/library.js';
import { addSheet, NUMBER_FORMATS, setCell, writeTable, type Column, type ColumnKind } from './cells.js';
import type { Names } from './context.js';

interface ValueRow {
  name: string;
  description: string;
  member: string;
  memberLabel: string;
  unit: ParamUnit;
  value?: Dec;
  text?: string;
  since: string;
  status: string;
  note: string;
  cite: string;
}

function valueRows(lib: Library, year: number, names: Names): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const name of lib.params.names().sort()) {
    const p = lib.params.get(name)!;
    const rv = lib.params.valueInForce(name, year);
    const common = { name, description: p.description, unit: p.unit, member: '', memberLabel: '' };
    if (!rv) {
      rows.push({ ...common, text: '(no value)', since: '', status: '', note: '', cite: p.cite ?? '' });
      continue;
    }
    const meta = { since: formatFiscalYear(rv.year), status: rv.status, note: rv.note ?? '', cite: rv.cite };
    if (rv.value instanceof Map) {
      for (const [member, v] of rv.value) rows.push({ ...common, ...meta, member, memberLabel: p.by ? names.label(p.by, member) : '', value: v });
    } else if (p.unit === 'number' && rv.text !== undefined) {
      // identifiers written as numbers (CALPADS field "1.30"): the source text, not a quantity
      rows.push({ ...common, ...meta, text: rv.text });
    } else rows.push({ ...common, ...meta, value: rv.value });
  }
  return rows;
}

const UNIT_FORMAT: Record<ParamUnit, string> = {
  USD: NUMBER_FORMATS.money,
  'USD/ADA': NUMBER_FORMATS.money,
  percent: NUMBER_FORMATS.parameterPercent,
  ADA: NUMBER_FORMATS.ada,
  count: NUMBER_FORMATS.count,
  number: NUMBER_FORMATS.number,
};

/** A parameter's value: a number in its unit's format, or the source text of an identifier. */
const valueKind = (x: ValueRow): ColumnKind => (x.value !== undefined ? 'number' : 'text');

export function ratesSheet(wb: ExcelJS.Workbook, lib: Library, year: number, names: Names): void {
  const ws = addSheet(wb, 'Rates of the year', 1);
  const rows = valueRows(lib, year, names);
  const columns: Column<ValueRow>[] = [
    { header: 'parameter', kind: 'text', value: (x) => x.name },
    { header: 'description', kind: 'text', value: (x) => x.description },
    { header: 'for', kind: 'text', value: (x) => x.member },
    { header: 'for (label)', kind: 'text', value: (x) => x.memberLabel },
    { header: 'value', kind: valueKind, value: (x) => x.value ?? x.text, format: (x) => (x.value !== undefined ? UNIT_FORMAT[x.unit] : undefined) },
    { header: 'unit', kind: 'text', value: (x) => x.unit },
    { header: 'since', kind: 'text', value: (x) => x.since },
    { header: 'status', kind: 'text', value: (x) => x.status },
    { header: 'note', kind: 'text', value: (x) => x.note },
    { header: 'citation', kind: 'text', value: (x) => x.cite },
  ];
  const next = writeTable(ws, columns, rows);
  const bases = adjustedBases(lib, year);
  if (bases.length === 0) return;
  const title = ws.getRow(next + 1);
  setCell(title.getCell(1), 'text', 'Base grants with grade span adjustments (formula adjusted_base)');
  title.font = { bold: true };
  title.commit();
  const head = ws.getRow(next + 2);
  ['grade span', 'base per ADA', 'grade span adjustment', 'adjusted base per ADA'].forEach((h, i) => setCell(head.getCell(i + 1), 'text', h));
  head.font = { bold: true };
  head.commit();
  bases.forEach((b, i) => {
    const row = ws.getRow(next + 3 + i);
    setCell(row.getCell(1), 'text', `${b.span} (${names.label('grade_span', b.span) || b.span})`);
    setCell(row.getCell(2), 'money', b.base);
    setCell(row.getCell(3), 'number', b.adjustment, NUMBER_FORMATS.parameterPercent);
    setCell(row.getCell(4), 'money', b.adjusted);
    row.commit();
  });
}

interface DistrictRateRow {
  cds: string;
  name: string;
  span: string;
  rate: SpanRate;
}

/** Each district's LCFF rate per ADA by grade span as the run formed it (the EC 2576 transfer rate). */
export function districtRatesSheet(wb: ExcelJS.Workbook, r: RunResult, names: Names): void {
  const ws = addSheet(wb, 'District rates', 2);
  const rows: DistrictRateRow[] = r.leas.flatMap((l) => Object.entries(l.rates ?? {}).map(([span, rate]) => ({ cds: l.cds, name: l.name, span, rate })));
  const columns: Column<DistrictRateRow>[] = [
    { header: 'district', kind: 'text', value: (x) => x.cds },
    { header: 'district (name)', kind: 'text', value: (x) => x.name },
    { header: 'grade span', kind: 'text', value: (x) => x.span },
    { header: 'grade span (label)', kind: 'text', value: (x) => names.label('grade_span', x.span) },
    { header: 'base per ADA', kind: 'money', value: (x) => x.rate.base },
    { header: 'supplemental per ADA', kind: 'money', value: (x) => x.rate.supplemental },
    { header: 'concentration per ADA', kind: 'money', value: (x) => x.rate.concentration },
    { header: 'rate per ADA', kind: 'money', value: (x) => x.rate.total },
  ];
  writeTable(ws, columns, rows);
}
