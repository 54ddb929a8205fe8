/** Students sheet: every input column of the scenario's students, then what the rules decided for each and the findings about them. */
import type ExcelJS from 'exceljs';
import type { FindingResult, RunResult, StudentResult } from '../../run/result.js';
import type { Student } from '../../scenario/model.js';
import { addSheet, writeTable, type Column } from './cells.js';
import type { Names } from './context.js';

interface StudentRow {
  input: Student;
  out?: StudentResult;
  findings: FindingResult[];
}

export function studentsSheet(wb: ExcelJS.Workbook, r: RunResult, students: readonly Student[], names: Names): void {
  const ws = addSheet(wb, 'Students', 1);
  const results = new Map(r.students.map((s) => [s.id, s]));
  const findings = new Map<string, FindingResult[]>();
  for (const f of r.findings) findings.set(f.subject, [...(findings.get(f.subject) ?? []), f]);
  // the result's order (by id), which is also the JSON's
  const inputs = new Map(students.map((s) => [s.id, s]));
  const ordered = [...r.students.map((s) => s.id), ...students.map((s) => s.id).filter((id) => !results.has(id))];
  const rows: StudentRow[] = ordered.flatMap((id) => {
    const input = inputs.get(id);
    return input ? [{ input, out: results.get(id), findings: findings.get(id) ?? [] }] : [];
  });
  const columns: Column<StudentRow>[] = [
    { header: 'id', kind: 'text', value: (x) => x.input.id },
    { header: 'school', kind: 'text', value: (x) => x.input.school },
    { header: 'school name', kind: 'text', value: (x) => names.school(x.input.school) },
    { header: 'grade', kind: 'grade', value: (x) => x.input.grade },
    { header: 'basis', kind: 'text', value: (x) => x.input.basis.join(';') },
    { header: 'basis (label)', kind: 'text', value: (x) => x.input.basis.map((b) => names.label('enrollment_basis', b) || b).join('; ') },
    { header: 'district of residence', kind: 'text', value: (x) => x.input.district_of_residence },
    { header: 'district of residence (name)', kind: 'text', value: (x) => names.lea(x.input.district_of_residence) },
    { header: 'census day', kind: 'bool', value: (x) => x.input.census_day },
    { header: 'unduplicated', kind: 'bool', value: (x) => x.input.unduplicated },
    { header: 'ADA', kind: 'ada', total: true, value: (x) => x.input.ada },
    { header: 'reported transfer code', kind: 'text', value: (x) => x.input.reported?.transfer_code },
    { header: 'reported district of residence', kind: 'text', value: (x) => x.input.reported?.district_of_residence },
    { header: 'category', kind: 'text', value: (x) => x.out?.category },
    { header: 'category (label)', kind: 'text', value: (x) => (x.out ? names.label('funding_category', x.out.category) : '') },
    { header: 'credited LEA', kind: 'text', value: (x) => x.out?.credited_to },
    { header: 'credited LEA (name)', kind: 'text', value: (x) => names.lea(x.out?.credited_to) },
    { header: 'expected transfer codes', kind: 'text', value: (x) => x.out?.expected_transfer_codes.join('/') },
    { header: 'rule', kind: 'text', value: (x) => x.out?.rule },
    { header: 'citation', kind: 'text', value: (x) => x.out?.cite },
    { header: 'findings', kind: 'text', value: (x) => x.findings.map((f) => f.code).join(' ') },
  ];
  writeTable(ws, columns, rows, { totals: true });
}
