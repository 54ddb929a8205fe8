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
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { fieldsOf, type Provenance, type RunResult } from '../run/result.js';
import { provenanceRows } from './provenance.js';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A text cell as a spreadsheet may safely open it: a leading `'` before a formula-like text that is not a number. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

type Row = Record<string, unknown>;

/** One CSV table: a header line of `columns`, then the rows (formula-like text neutralised, booleans as true/false). */
export function table(columns: string[], rows: Row[]): string {
  return stringify(rows, { header: true, columns, cast: { string: neutralise, boolean: (b) => (b ? 'true' : 'false') } });
}

const LEA_COLUMNS = ['cds', 'kind', 'name', 'ada_before', 'ada_after', 'enrollment_before', 'enrollment_after', 'unduplicated_before', 'unduplicated_after', 'upp_before', 'upp_after', 'upp_rolling_before', 'upp_rolling_after', 'upp_window_years'];

export function csvTables(r: RunResult): Record<string, string> {
  return {
    'categories.csv': table(fieldsOf('categorySummary'), r.categories),
    'students.csv': table(fieldsOf('student'), r.students.map((s) => ({ ...s, expected_transfer_codes: s.expected_transfer_codes.join(' ') }))),
    'leas.csv': table(
      LEA_COLUMNS,
      r.leas.map((l) => ({
        cds: l.cds, kind: l.kind, name: l.name, ada_before: l.ada.before, ada_after: l.ada.after,
        enrollment_before: l.enrollment.before, enrollment_after: l.enrollment.after,
        unduplicated_before: l.unduplicated.before, unduplicated_after: l.unduplicated.after,
        upp_before: l.upp.before, upp_after: l.upp.after, upp_rolling_before: l.upp.rolling_before, upp_rolling_after: l.upp.rolling_after,
        upp_window_years: l.upp.window_years,
      })),
    ),
    'transfers.csv': table(fieldsOf('transfer'), r.transfers),
    'coe_entitlement.csv': table(fieldsOf('entitlementComponent'), r.coe_entitlement.components),
    'findings.csv': table(fieldsOf('finding'), r.findings),
    'accounting.csv': table(fieldsOf('entry'), r.accounting),
    'prior_year_adjustments.csv': table(fieldsOf('priorYearAdjustment'), r.prior_year_adjustments),
    'unconfirmed.csv': table(['name'], r.unconfirmed.map((name) => ({ name }))),
    'user_supplied.csv': table(fieldsOf('userSupplied'), r.user_supplied),
    ...(r.provenance ? { 'provenance.csv': provenanceCsv(r.provenance) } : {}),
  };
}

/** provenance.csv: `key,value` rows of an output's provenance (src/report/provenance.ts), beside the data tables, never inside them. */
export function provenanceCsv(p: Provenance): string {
  return table(['key', 'value'], provenanceRows(p).map(([key, value]) => ({ key, value })));
}

export async function writeCsv(dir: string, r: RunResult): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = csvTables(r);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return Object.keys(files).map((f) => join(dir, f));
}
