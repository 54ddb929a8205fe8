/**
 * Typed cells and tables for the Excel workbook: numbers are number cells with
 * a number format (never text), text is always a string cell made safe from
 * formula injection, every table has a bold frozen header, an autofilter over
 * its data rows and column widths set from its contents.
 */
import type ExcelJS from 'exceljs';
import { dec, isDecimalText, spreadsheetNumber, sum, type Dec } from '../../runtime/money.js';

/** How a column's values are written. */
export type ColumnKind = 'text' | 'money' | 'ada' | 'count' | 'percent' | 'grade' | 'bool' | 'number';

/** Number formats of the workbook (Excel's format codes; LibreOffice reads the same). */
export const NUMBER_FORMATS = {
  money: '#,##0.00',
  ada: '#,##0.00',
  count: '#,##0',
  /** a fraction shown as a percent: 0.7917 → 79.17% */
  percent: '0.00%',
  /** a percent parameter with up to four places (COLA 2.31%, 3.26%) */
  parameterPercent: '0.00##%',
  /** -1 and 0 are TK and K (the scenario's grade numbers) */
  grade: '[=-1]"TK";[=0]"K";0',
  number: 'General',
} as const;

/** A value as a sheet receives it: decimal text or a Dec for figures, a whole number for counts. */
export type CellInput = string | number | boolean | Dec | undefined;

export interface Column<R> {
  header: string;
  /** How the values are written; a function when it depends on the row (a parameter's unit). */
  kind: ColumnKind | ((row: R) => ColumnKind);
  value: (row: R) => CellInput;
  /** A number format for the row instead of the kind's. */
  format?: (row: R) => string | undefined;
  /** Summed (exactly, in decimal) in the totals row. */
  total?: boolean;
  /** A look for the column's header and data cells (a projected year's shading); what it marks is said in a legend. */
  style?: CellStyle;
}

/** A fill and font set on cells on top of their type's format. */
export interface CellStyle {
  fill?: ExcelJS.Fill;
  font?: Partial<ExcelJS.Font>;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  if (!style) return;
  if (style.fill) cell.fill = style.fill;
  if (style.font) cell.font = { ...cell.font, ...style.font };
}

// Characters XML 1.0 cannot carry (a workbook containing one would not open).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// OWASP "CSV injection": text a spreadsheet could take for a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text for a string cell. A string cell is never evaluated by Excel or
 * LibreOffice; text that would start a formula once copied, re-typed or saved
 * as CSV gets a leading `'` as OWASP advises (a signed number such as "-3" is
 * left alone). Characters XML cannot hold become U+FFFD.
 */
export function safeText(text: string): string {
  const clean = text.replace(NOT_XML, '\ufffd');
  return FORMULA_START.test(clean) && !isDecimalText(clean) ? `'${clean}` : clean;
}

const FORMAT_OF: Record<ColumnKind, string | undefined> = {
  text: undefined,
  bool: undefined,
  money: NUMBER_FORMATS.money,
  ada: NUMBER_FORMATS.ada,
  count: NUMBER_FORMATS.count,
  percent: NUMBER_FORMATS.percent,
  grade: NUMBER_FORMATS.grade,
  number: undefined,
};

/** Writes one value into a cell with its type and number format. */
export function setCell(cell: ExcelJS.Cell, kind: ColumnKind, value: CellInput, format?: string): void {
  if (value === undefined || value === '') {
    cell.value = null;
    return;
  }
  if (kind === 'text') {
    cell.value = safeText(String(value));
    return;
  }
  if (kind === 'bool') {
    cell.value = value === true;
    return;
  }
  cell.value = typeof value === 'number' ? value : typeof value === 'boolean' ? Number(value) : spreadsheetNumber(value);
  const numFmt = format ?? FORMAT_OF[kind];
  if (numFmt) cell.numFmt = numFmt;
}

/** The exact sum of a column's figures (decimal text, Dec or whole numbers); counts stay whole numbers. */
export function columnTotal<R>(c: Column<R>, rows: readonly R[]): CellInput {
  const total = sum(rows.flatMap((row) => {
    const v = c.value(row);
    return v === undefined || v === '' || typeof v === 'boolean' ? [] : [dec(v)];
  }));
  return c.kind === 'count' ? total.toNumber() : total;
}

/** Display width of a value in characters, roughly as Excel shows it. */
function shownWidth(kind: ColumnKind, value: CellInput): number {
  if (value === undefined) return 0;
  if (kind === 'text') return Math.max(...String(value).split('\n').map((l) => l.length));
  if (kind === 'bool') return 5;
  const digits = String(value).replace(/^-/, '').split('.')[0].length;
  return digits + Math.floor((digits - 1) / 3) + 4;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/**
 * A sheet whose first row stays in view (and its first `frozenColumns`
 * columns). Sheets are written top to bottom, each row committed once written,
 * so the workbook streams (see workbook.ts).
 */
export function addSheet(wb: ExcelJS.Workbook, name: string, frozenColumns = 0): ExcelJS.Worksheet {
  return wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: frozenColumns }] });
}

export interface TableOptions {
  /** The first row of the table (1 for a sheet that starts with it). */
  startRow?: number;
  /** A bold totals row under the data: the exact sum of each column marked `total`; the first column says "Total". */
  totals?: boolean;
  /** Least widths of the first columns (for label blocks written under the table). */
  minWidths?: number[];
  /** Data rows to write bold (totals a report computed itself). */
  bold?: (rowIndex: number) => boolean;
}

/** Sets column widths (characters); only before the first row is committed. */
export function setWidths(ws: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2));
  });
}

/**
 * A table: bold header, typed data rows, an autofilter over header and data,
 * an optional totals row outside the filter, column widths from the contents.
 * Rows are committed as they are written. Returns the next free row.
 */
export function writeTable<R>(ws: ExcelJS.Worksheet, columns: Column<R>[], rows: readonly R[], opts: TableOptions = {}): number {
  const start = opts.startRow ?? 1;
  const kindOf = (c: Column<R>, row: R): ColumnKind => (typeof c.kind === 'function' ? c.kind(row) : c.kind);
  const cells = rows.map((row) => columns.map((c) => ({ kind: kindOf(c, row), value: c.value(row), format: c.format?.(row) })));
  const totals = opts.totals ? columns.map((c, i) => ({ kind: i === 0 ? ('text' as const) : kindOf(c, rows[0]), value: i === 0 ? 'Total' : c.total ? columnTotal(c, rows) : undefined })) : undefined;
  const widths = columns.map((c, i) => Math.max(c.header.length, opts.minWidths?.[i] ?? 0, ...cells.map((r) => shownWidth(r[i].kind, r[i].value)), totals ? shownWidth(totals[i].kind, totals[i].value) : 0));
  if (start === 1) setWidths(ws, widths);
  const header = ws.getRow(start);
  columns.forEach((c, i) => setCell(header.getCell(i + 1), 'text', c.header));
  header.font = { bold: true };
  columns.forEach((c, i) => applyStyle(header.getCell(i + 1), c.style));
  header.commit();
  let r = start + 1;
  for (const [index, values] of cells.entries()) {
    const out = ws.getRow(r);
    values.forEach((v, i) => setCell(out.getCell(i + 1), v.kind, v.value, v.format));
    if (opts.bold?.(index)) out.font = { bold: true };
    columns.forEach((c, i) => applyStyle(out.getCell(i + 1), c.style));
    out.commit();
    r += 1;
  }
  ws.autoFilter = { from: { row: start, column: 1 }, to: { row: Math.max(start, r - 1), column: columns.length } };
  if (totals) {
    const out = ws.getRow(r);
    totals.forEach((v, i) => setCell(out.getCell(i + 1), v.kind, v.value));
    out.font = { bold: true };
    out.commit();
    r += 1;
  }
  return r;
}

/** A titled block of label/value rows (the AEG, conservation, About). Returns the next free row. */
export function writeBlock(ws: ExcelJS.Worksheet, startRow: number, title: string, rows: Array<[string, ColumnKind, CellInput]>): number {
  const head = ws.getRow(startRow);
  setCell(head.getCell(1), 'text', title);
  head.font = { bold: true };
  head.commit();
  let r = startRow + 1;
  for (const [label, kind, value] of rows) {
    const row = ws.getRow(r);
    setCell(row.getCell(1), 'text', label);
    setCell(row.getCell(2), kind, value);
    row.commit();
    r += 1;
  }
  return r;
}
