/**
 * A CDE-shaped report: one flat table (columns typed like the workbook's, see
 * ../xlsx/cells.ts) whose total rows are computed in the report itself, so the
 * terminal, the CSV file and the workbook sheet show the same rows.
 */
import type { Column } from '../xlsx/cells.js';
import type { RunResult } from '../../run/result.js';
import type { Scenario, School, Student } from '../../scenario/model.js';
import type { Library } from '../../semantics/library.js';
import type { TransferCodeClasses } from './code-classes.js';

export interface CdeReport<R = Record<string, unknown>> {
  /** The name on the command line (`lcff report <name>`). */
  name: string;
  /** The title CDE or CALPADS gives the report it mirrors. */
  title: string;
  /** The workbook sheet's name (at most 31 characters). */
  sheet: string;
  /** Register ids or FAQ questions the layout follows. */
  cite: string;
  columns: Column<R>[];
  rows: R[];
  /** Rows that are totals (shown bold in the workbook, after a rule in the terminal). */
  isTotal?: (row: R) => boolean;
  /** What a reader needs to know to read the figures (signs, what is counted). */
  notes: string[];
}

/** What every CDE-shaped report reads: the run, the scenario it ran, the library's labels and the transfer code classes of the year. */
export interface CdeInput {
  result: RunResult;
  scenario: Scenario;
  lib: Library;
  codes: TransferCodeClasses;
}

/** A student of the run with its input record and school. */
export interface JoinedStudent {
  student: Student;
  school: School;
  category: string;
  creditedTo: string;
  expected: string[];
}

export function joinStudents(input: CdeInput): JoinedStudent[] {
  const byId = new Map(input.scenario.students.map((s) => [s.id, s]));
  const schools = new Map(input.scenario.schools.map((s) => [s.code, s]));
  const out: JoinedStudent[] = [];
  for (const r of input.result.students) {
    const student = byId.get(r.id);
    const school = student ? schools.get(student.school) : undefined;
    if (!student || !school) continue;
    out.push({ student, school, category: r.category, creditedTo: r.credited_to, expected: r.expected_transfer_codes });
  }
  return out;
}

/** Names of LEAs (scenario and result) and enum labels from the rules. */
export function leaNames(input: CdeInput): (cds: string | undefined) => string {
  const names = new Map<string, string>();
  const s = input.scenario;
  names.set(s.coe.cds, s.coe.name);
  for (const d of s.districts) names.set(d.cds, d.name);
  for (const c of s.charters) names.set(c.cds, c.name);
  for (const l of input.result.leas) names.set(l.cds, l.name);
  return (cds) => (cds === undefined ? '' : (names.get(cds) ?? ''));
}

export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
