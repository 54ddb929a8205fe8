/**
 * One CSV file per result table, for spreadsheets. Every table has its
 * header, even with no rows, and its columns are the contract's fields
 * (src/run/result.ts), so an optional field is never dropped.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula.
 * Such a text cell — unless it is a plain number like `-0.35` — is written
 * with a leading `'`, which spreadsheets show as text and do not evaluate.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { fieldsOf, type FindingResult, type Provenance, type RunResult, type StudentResult } from '../run/result.js';
import { provenanceRows } from './provenance.js';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A text cell as a spreadsheet may safely open it: a leading `'` before a formula-like text that is not a number. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

type Row = Record<string, unknown>;

const OPTIONS = { header: true, cast: { string: neutralise, boolean: (b: boolean) => (b ? 'true' : 'false') } } as const;

/** One CSV table in memory: a header line of `columns`, then the rows (formula-like text neutralised, booleans as true/false). */
export function table(columns: string[], rows: Row[]): string {
  return stringifySync(rows, { ...OPTIONS, columns });
}

/** A result whose students and findings may be sequences built as they are read (a streamed run). */
export type CsvSource = Omit<RunResult, 'students' | 'findings'> & { students: Iterable<StudentResult>; findings: Iterable<FindingResult> };

function* mapped<T>(items: Iterable<T>, f: (t: T) => Row): Iterable<Row> {
  for (const t of items) yield f(t);
}

const LEA_COLUMNS = ['cds', 'kind', 'name', 'ada_before', 'ada_after', 'enrollment_before', 'enrollment_after', 'unduplicated_before', 'unduplicated_after', 'upp_before', 'upp_after', 'upp_rolling_before', 'upp_rolling_after', 'upp_window_years'];

/** Each CSV file: its name, its columns (the contract's fields) and its rows. */
function csvFiles(r: CsvSource): Array<{ name: string; columns: string[]; rows: Iterable<Row> }> {
  return [
    { name: 'categories.csv', columns: fieldsOf('categorySummary'), rows: r.categories },
    { name: 'students.csv', columns: fieldsOf('student'), rows: mapped(r.students, (s) => ({ ...s, expected_transfer_codes: s.expected_transfer_codes.join(' ') })) },
    {
      name: 'leas.csv',
      columns: LEA_COLUMNS,
      rows: r.leas.map((l) => ({
        cds: l.cds, kind: l.kind, name: l.name, ada_before: l.ada.before, ada_after: l.ada.after,
        enrollment_before: l.enrollment.before, enrollment_after: l.enrollment.after,
        unduplicated_before: l.unduplicated.before, unduplicated_after: l.unduplicated.after,
        upp_before: l.upp.before, upp_after: l.upp.after, upp_rolling_before: l.upp.rolling_before, upp_rolling_after: l.upp.rolling_after,
        upp_window_years: l.upp.window_years,
      })),
    },
    { name: 'transfers.csv', columns: fieldsOf('transfer'), rows: r.transfers },
    { name: 'coe_entitlement.csv', columns: fieldsOf('entitlementComponent'), rows: r.coe_entitlement.components },
    { name: 'findings.csv', columns: fieldsOf('finding'), rows: mapped(r.findings, (f) => ({ ...f })) },
    { name: 'accounting.csv', columns: fieldsOf('entry'), rows: r.accounting },
    { name: 'prior_year_adjustments.csv', columns: fieldsOf('priorYearAdjustment'), rows: r.prior_year_adjustments },
    { name: 'unconfirmed.csv', columns: ['name'], rows: r.unconfirmed.map((name) => ({ name })) },
    { name: 'user_supplied.csv', columns: fieldsOf('userSupplied'), rows: r.user_supplied },
    ...(r.provenance ? [{ name: 'provenance.csv', columns: PROVENANCE_COLUMNS, rows: provenanceTableRows(r.provenance) }] : []),
  ];
}

const PROVENANCE_COLUMNS = ['key', 'value'];

function provenanceTableRows(p: Provenance): Row[] {
  return provenanceRows(p).map(([key, value]) => ({ key, value }));
}

/** provenance.csv: `key,value` rows of an output's provenance (src/report/provenance.ts), beside the data tables, never inside them. */
export function provenanceCsv(p: Provenance): string {
  return table(PROVENANCE_COLUMNS, provenanceTableRows(p));
}

/** Every table as text (in memory: for small results and tests). */
export function csvTables(r: CsvSource): Record<string, string> {
  return Object.fromEntries(csvFiles(r).map((f) => [f.name, stringifySync([...f.rows], { ...OPTIONS, columns: f.columns })]));
}

/** Writes one CSV file per table, each row as it is built (csv-stringify's stream), at any size. */
export async function writeCsv(dir: string, r: CsvSource): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = csvFiles(r);
  for (const f of files) {
    const out = stringify({ ...OPTIONS, columns: f.columns });
    const done = pipeline(out, createWriteStream(join(dir, f.name)));
    for (const row of f.rows) if (!out.write(row)) await once(out, 'drain');
    out.end();
    await done;
  }
  return files.map((f) => join(dir, f.name));
}
