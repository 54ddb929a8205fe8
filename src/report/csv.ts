/** One CSV file per result table, for spreadsheets. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { RunResult } from '../run/result.js';

export function csvTables(r: RunResult): Record<string, string> {
  const table = (rows: Array<Record<string, unknown>>): string => stringify(rows, { header: true, columns: rows.length > 0 ? Object.keys(rows[0]) : undefined });
  return {
    'students.csv': table(r.students.map((s) => ({ ...s, expected_transfer_codes: s.expected_transfer_codes.join(' ') }))),
    'leas.csv': table(
      r.leas.map((l) => ({
        cds: l.cds, kind: l.kind, name: l.name, ada_before: l.ada.before, ada_after: l.ada.after,
        enrollment_before: l.enrollment.before, enrollment_after: l.enrollment.after,
        unduplicated_before: l.unduplicated.before, unduplicated_after: l.unduplicated.after,
        upp_before: l.upp.before, upp_after: l.upp.after, upp_rolling_before: l.upp.rolling_before, upp_rolling_after: l.upp.rolling_after,
      })),
    ),
    'transfers.csv': table(r.transfers as unknown as Array<Record<string, unknown>>),
    'findings.csv': table(r.findings as unknown as Array<Record<string, unknown>>),
    'accounting.csv': table(r.accounting.map((a) => ({ lea: a.lea, side: a.side, goal: a.goal ?? '', object: a.object, amount: a.amount, counterparty: a.counterparty, cite: a.cite }))),
    'prior_year_adjustments.csv': table(r.prior_year_adjustments as unknown as Array<Record<string, unknown>>),
    'unconfirmed.csv': table(r.unconfirmed.map((name) => ({ name }))),
  };
}

export async function writeCsv(dir: string, r: RunResult): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = csvTables(r);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return Object.keys(files).map((f) => join(dir, f));
}
