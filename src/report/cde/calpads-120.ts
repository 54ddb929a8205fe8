/**
 * `lcff report calpads-1.20`: a CALPADS Report 1.20 "COE LCFF - Student List"
 * (CALPADS-RPT-1.20): the census-day students behind the 1.19 count, as
 * reported, with what the run decided for each (category, expected codes,
 * findings) so a wrong code is found at the student level (FAQ Q13).
 */
import type { Column } from '../xlsx/cells.js';
import { calpadsStudents, SECTIONS, type CalpadsStudent } from './calpads.js';
import { leaNames, type CdeInput, type CdeReport } from './report.js';

export function calpads120Report(input: CdeInput): CdeReport<CalpadsStudent> {
  const name = leaNames(input);
  const schoolNames = new Map(input.scenario.schools.map((s) => [s.code, s.name]));
  const findings = new Map<string, string[]>();
  for (const f of input.result.findings) findings.set(f.subject, [...(findings.get(f.subject) ?? []), f.code]);
  const categoryLabel = (c: string) => input.lib.enums.get('funding_category')?.decl.members.find((m) => m.name.text === c)?.label ?? c;
  const columns: Column<CalpadsStudent>[] = [
    { header: 'section', kind: 'text', value: (s) => SECTIONS[s.section] },
    { header: 'school', kind: 'text', value: (s) => s.school.code },
    { header: 'school name', kind: 'text', value: (s) => schoolNames.get(s.school.code) ?? '' },
    { header: 'student', kind: 'text', value: (s) => s.student.id },
    { header: 'grade', kind: 'grade', value: (s) => s.student.grade },
    { header: 'district of geographic residence (reported)', kind: 'text', value: (s) => s.residence },
    { header: 'district name', kind: 'text', value: (s) => name(s.residence) },
    { header: 'transfer code (reported)', kind: 'text', value: (s) => s.code || 'none' },
    { header: 'funding (by reported code)', kind: 'text', value: (s) => s.funding },
    { header: 'unduplicated', kind: 'text', value: (s) => (s.student.unduplicated ? 'Y' : 'N') },
    { header: 'category (the rules)', kind: 'text', value: (s) => categoryLabel(s.category) },
    { header: 'expected codes', kind: 'text', value: (s) => s.expected.join(', ') },
    { header: 'findings', kind: 'text', value: (s) => [...new Set(findings.get(s.student.id) ?? [])].join(', ') },
  ];
  return {
    name: 'calpads-1.20',
    title: `CALPADS Report 1.20-style COE LCFF - Student List, Fall 1 ${input.result.fiscal_year}, ${input.result.county.name}`,
    sheet: 'CALPADS 1.20',
    cite: 'CALPADS-RPT-1.20; FAQ Q13',
    columns,
    rows: calpadsStudents(input),
    notes: ['Census-day students of COE and county program charter schools, in the order of Report 1.19 (section, district of geographic residence, code). "findings" lists the codes lcff run gives the student (lcff explain <scenario> <student> says why).'],
  };
}
