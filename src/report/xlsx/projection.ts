/**
 * `lcff project --xlsx <file>`: the projection as an Excel workbook —
 * Projection (every figure, the years side by side, each projected year's
 * column shaded and headed "(projected)", with a legend under the table),
 * Assumptions (as written, and how the law was extended), Law (the values
 * the projection moves, per year), Provenance. Numbers are number cells
 * with the run workbook's formats (cells.ts); text is never a formula.
 */
import type ExcelJS from 'exceljs';
import type { ProjectionResult } from '../../project/result.js';
import { dec, HUNDRED, isDecimalText } from '../../runtime/money.js';
import type { Provenance } from '../../run/result.js';
import { ASSUMPTION_KINDS } from '../../scenario/model.js';
import { projectionFigures } from '../projection-csv.js';
import { PROJECTED_MARK } from '../projection-tables.js';
import { aboutWorkbookSheet } from './about.js';
import { addSheet, NUMBER_FORMATS, writeBlock, writeTable, type CellInput, type CellStyle, type Column, type ColumnKind } from './cells.js';
import { streamedWorkbook } from './workbook.js';

export const PROJECTION_SHEETS = ['Projection', 'Assumptions', 'Law', 'Provenance'] as const;

/** The look of a projected year's cells: shaded and italic (the legend says so). */
export const PROJECTED_STYLE: CellStyle = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1ECFA' } }, font: { italic: true } };

export interface ProjectionWorkbookInput {
  result: ProjectionResult & { provenance: Provenance };
  /** The scenario path as the user gave it. */
  source: string;
}

/** How a measure of projection.csv is written: money, ADA, a count or a fraction shown as a percent. */
function measureKind(measure: string): ColumnKind {
  if (measure === 'ada' || measure.startsWith('ada_')) return 'ada';
  if (measure.startsWith('enrollment') || measure.startsWith('unduplicated')) return 'count';
  if (measure.startsWith('upp')) return 'percent';
  return 'money';
}

const yearHeader = (y: { fiscal_year: string; projected: boolean }): string => (y.projected ? `${y.fiscal_year} (projected)` : y.fiscal_year);

interface FigureRow {
  subject: string;
  name: string;
  measure: string;
  values: Map<string, string | number>;
}

function projectionSheet(wb: ExcelJS.Workbook, r: ProjectionResult): void {
  const ws = addSheet(wb, 'Projection', 3);
  const rows = new Map<string, FigureRow>();
  for (const f of projectionFigures(r)) {
    const key = `${f.subject}\u0000${f.name}\u0000${f.measure}`;
    const row = rows.get(key) ?? { subject: f.subject, name: f.name, measure: f.measure, values: new Map() };
    row.values.set(f.fiscal_year, f.value);
    rows.set(key, row);
  }
  const columns: Column<FigureRow>[] = [
    { header: 'subject', kind: 'text', value: (x) => x.subject },
    { header: 'name', kind: 'text', value: (x) => x.name },
    { header: 'measure', kind: 'text', value: (x) => x.measure },
    ...r.projection.years.map((y): Column<FigureRow> => ({
      header: yearHeader(y),
      // a component not computed in a year is the text "not computed"
      kind: (x) => (typeof x.values.get(y.fiscal_year) === 'string' && !isDecimalText(String(x.values.get(y.fiscal_year))) ? 'text' : measureKind(x.measure)),
      value: (x) => x.values.get(y.fiscal_year),
      ...(y.projected ? { style: PROJECTED_STYLE } : {}),
    })),
  ];
  const next = writeTable(ws, columns, [...rows.values()]);
  const p = r.projection;
  writeBlock(ws, next + 1, 'Legend', [
    ['projected', 'text', `a column headed "(projected)", shaded and in italics (${PROJECTED_MARK} in the terminal): a year after the scenario's ${p.scenario_year}, computed from the scenario rolled forward and, past ${p.library_last_year} (the library's last year of enacted law), from the law extended by the assumed COLA — not reported data, not enacted law. The assumptions: the sheet Assumptions.`],
    ['measures', 'text', 'as the columns of projection.csv (docs/projections.md): ADA, enrollment and unduplicated count after county-program adjustments, the rolling UPP, district rates per ADA by grade span, transfers paid and received, the COE entitlement by component, county totals.'],
  ]);
}

/** "3.02%" → 0.0302 (the assumptions and percent values are written as text with %). */
const percentOf = (text: string) => dec(text.replace(/%$/, '')).div(HUNDRED);

function assumptionsSheet(wb: ExcelJS.Workbook, r: ProjectionResult): void {
  const ws = addSheet(wb, 'Assumptions');
  const p = r.projection;
  type Row = { kind: string; fiscal_year: string; value: string };
  const rows: Row[] = ASSUMPTION_KINDS.flatMap((k) => p.assumptions[k].map((a) => ({ kind: k, fiscal_year: a.fiscal_year, value: a.value })));
  const columns: Column<Row>[] = [
    { header: 'assumption', kind: 'text', value: (x) => x.kind },
    { header: 'fiscal year', kind: 'text', value: (x) => x.fiscal_year },
    { header: 'value', kind: 'percent', format: () => NUMBER_FORMATS.parameterPercent, value: (x) => percentOf(x.value) },
    { header: 'source', kind: 'text', value: () => p.assumptions.source },
  ];
  let next = writeTable(ws, columns, rows, { minWidths: [24, 12, 10, 40] });
  next = writeBlock(ws, next + 1, `How the law is extended past ${p.library_last_year}`, [
    ['COLA parameters', 'text', `${p.cola_parameters.join(', ')}: the COLA assumed in each year past ${p.library_last_year}`],
    ...p.derived.map((d): [string, ColumnKind, CellInput] => ['derived', 'text', `${d.parameter}: prior year × (1 + ${d.steps.join(', ')})${d.round ? `, ${d.round}` : ''}`]),
    ...p.carried_forward.map((c): [string, ColumnKind, CellInput] => ['carried forward', 'text', `${c.parameter} = ${c.value} (${c.from})`]),
    ...p.not_carried.map((n): [string, ColumnKind, CellInput] => ['not carried', 'text', n]),
  ]);
  if (r.user_supplied.length > 0) {
    writeBlock(ws, next + 1, 'User-supplied values (--set)', r.user_supplied.map((u): [string, ColumnKind, CellInput] => [`${u.parameter}${u.member ? `.${u.member}` : ''}@${u.year}`, 'text', `${u.value} (replaces ${u.replaced})`]));
  }
}

/** A law value as lcff rates prints it: a percent, a plain number, or text ("unknown"). */
function lawKind(text: string): ColumnKind {
  if (/%$/.test(text) && isDecimalText(text.slice(0, -1))) return 'percent';
  return isDecimalText(text) ? 'number' : 'text';
}

function lawSheet(wb: ExcelJS.Workbook, r: ProjectionResult): void {
  const ws = addSheet(wb, 'Law', 2);
  type Row = ProjectionResult['projection']['law'][number];
  const years = r.projection.years;
  const columns: Column<Row>[] = [
    { header: 'parameter', kind: 'text', value: (x) => x.parameter },
    { header: 'member', kind: 'text', value: (x) => x.member },
    ...years.map((y, i): Column<Row> => {
      const text = (x: Row): string => x.years[i]?.value ?? '';
      return {
        header: y.law === 'projected' ? `${y.fiscal_year} (projected)` : y.fiscal_year,
        kind: (x) => lawKind(text(x)),
        format: (x) => (lawKind(text(x)) === 'percent' ? NUMBER_FORMATS.parameterPercent : undefined),
        value: (x) => (lawKind(text(x)) === 'percent' ? percentOf(text(x)) : text(x)),
        ...(y.law === 'projected' ? { style: PROJECTED_STYLE } : {}),
      };
    }),
  ];
  writeTable(ws, columns, r.projection.law);
}

function provenanceSheet(wb: ExcelJS.Workbook, input: ProjectionWorkbookInput): void {
  const r = input.result;
  aboutWorkbookSheet(wb, 'Provenance', r.provenance, [
    ['scenario file', 'text', input.source],
    ['county', 'text', `${r.county.code} ${r.county.name}`],
    ['years', 'text', r.projection.years.map(yearHeader).join(', ')],
    ['library extended past', 'text', r.projection.library_last_year],
  ], [['unconfirmed values and rules used', 'text', r.unconfirmed.join(', ')]]);
}

export function projectionWorkbookBytes(input: ProjectionWorkbookInput): Promise<Buffer> {
  return streamedWorkbook(input.result.provenance, (wb) => {
    projectionSheet(wb, input.result);
    assumptionsSheet(wb, input.result);
    lawSheet(wb, input.result);
    provenanceSheet(wb, input);
  });
}
