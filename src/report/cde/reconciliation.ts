/**
 * `lcff report reconciliation`: PADC ADA lined up against the student records
 * and the CALPADS census-day counts as FAQ Q13 describes: one row per district
 * of residence (District Funded County Program ADA against students coded
 * to the district), the COE's AEG lines (non-juvenile court ADA against code
 * County Funded students; juvenile court ADA) and each county program
 * charter's two PADC screens (FAQ Q18). Every mismatch carries the finding
 * code lcff run gives it.
 */
import { Dec, ZERO } from '../../runtime/money.js';
import type { FindingResult } from '../../run/result.js';
import type { Column } from '../xlsx/cells.js';
import { calpadsStudents, type CalpadsStudent } from './calpads.js';
import { byCode, joinStudents, leaNames, type CdeInput, type CdeReport, type JoinedStudent } from './report.js';

export interface ReconRow {
  cds: string;
  name: string;
  line: string;
  padc: Dec | undefined;
  records: Dec;
  calpadsEnrollment: number;
  calpadsUnduplicated: number;
  findings: string;
  total: boolean;
}

/** The PADC-screen checks of the COE and of charters that belong to one line of two (rules of decisions coe_checks and charter_checks). */
const JUVENILE_COURT_RULES = ['coe_checks.padc_juvenile_court_ada_differs'];
const CHARTER_FUNDED_RULES = ['charter_checks.padc_charter_funded_ada_differs'];

const adaOf = (students: JoinedStudent[]) => students.reduce((a, s) => a.plus(s.student.ada), ZERO);
const sumPadc = <R extends { ada: Dec }>(rows: R[] | undefined, match: (r: R) => boolean): Dec | undefined =>
  rows?.filter(match).reduce<Dec | undefined>((a, r) => (a ?? ZERO).plus(r.ada), undefined);

function row(cds: string, name: string, line: string, padc: Dec | undefined, records: JoinedStudent[], coded: CalpadsStudent[], findings: FindingResult[]): ReconRow {
  return {
    cds, name, line, padc,
    records: adaOf(records),
    calpadsEnrollment: coded.length,
    calpadsUnduplicated: coded.filter((s) => s.student.unduplicated).length,
    findings: [...new Set(findings.map((f) => f.code))].join(', '),
    total: false,
  };
}

export function reconciliationReport(input: CdeInput): CdeReport<ReconRow> {
  const sc = input.scenario;
  const name = leaNames(input);
  const students = joinStudents(input);
  const census = calpadsStudents(input);
  const coeOperated = (s: JoinedStudent) => s.school.operator.kind === 'coe';
  const findingsOf = (subject: string, decision: string, rules?: string[], exclude: string[] = []) =>
    input.result.findings.filter((f) => f.subject === subject && f.rule.startsWith(`${decision}.`) && (rules ? rules.includes(f.rule) : !exclude.includes(f.rule)));
  const padc = sc.padc;
  const rows: ReconRow[] = [];
  for (const d of [...sc.districts].sort((a, b) => byCode(a.cds, b.cds))) {
    rows.push(row(d.cds, name(d.cds), 'District Funded County Program ADA',
      sumPadc(padc?.attendance_district_funded, (r) => r.district === d.cds),
      students.filter((s) => input.codes.districtFunded.has(s.category) && s.creditedTo === d.cds),
      census.filter((s) => coeOperated(s) && s.funding === 'District Funded' && s.residence === d.cds),
      findingsOf(d.cds, 'district_checks')));
  }
  const districtRows = rows.slice();
  rows.push({
    cds: '', name: 'Total, districts of residence', line: '',
    padc: padc ? districtRows.reduce((a, r) => a.plus(r.padc ?? ZERO), ZERO) : undefined,
    records: districtRows.reduce((a, r) => a.plus(r.records), ZERO),
    calpadsEnrollment: districtRows.reduce((a, r) => a + r.calpadsEnrollment, 0),
    calpadsUnduplicated: districtRows.reduce((a, r) => a + r.calpadsUnduplicated, 0),
    findings: '', total: true,
  });
  const coe = sc.coe.cds;
  rows.push(row(coe, name(coe), 'AEG non-juvenile court ADA (Attendance COE)', padc?.attendance_coe.non_juvenile_court,
    students.filter((s) => coeOperated(s) && input.codes.padcNonJuvenileCourt.has(s.category)),
    census.filter((s) => coeOperated(s) && input.codes.county.includes(s.code)),
    findingsOf(coe, 'coe_checks', undefined, JUVENILE_COURT_RULES)));
  rows.push(row(coe, name(coe), 'Juvenile court ADA (Attendance COE)', padc?.attendance_coe.juvenile_court,
    students.filter((s) => coeOperated(s) && input.codes.padcJuvenileCourt.has(s.category)),
    census.filter((s) => coeOperated(s) && s.section === 'C'),
    findingsOf(coe, 'coe_checks', JUVENILE_COURT_RULES)));
  if (!padc) rows[rows.length - 2].findings = [...new Set(input.result.findings.filter((f) => f.subject === coe && f.rule === 'district_checks').map((f) => f.code))].join(', ');
  for (const c of [...sc.charters].sort((a, b) => byCode(a.cds, b.cds))) {
    const at = (s: JoinedStudent) => s.school.operator.kind === 'charter' && s.school.operator.cds === c.cds;
    rows.push(row(c.cds, name(c.cds), 'ADA credited to the COE (Attendance COE Charter School)', sumPadc(padc?.attendance_coe_charter, (r) => r.charter === c.cds),
      students.filter((s) => at(s) && s.creditedTo !== c.cds),
      census.filter((s) => at(s) && s.funding === 'County Funded'),
      findingsOf(c.cds, 'charter_checks', undefined, CHARTER_FUNDED_RULES)));
    rows.push(row(c.cds, name(c.cds), 'Charter Funded County Program ADA', sumPadc(padc?.attendance_charter_funded, (r) => r.charter === c.cds),
      students.filter((s) => at(s) && s.creditedTo === c.cds),
      census.filter((s) => at(s) && s.funding === 'Charter Funded'),
      findingsOf(c.cds, 'charter_checks', CHARTER_FUNDED_RULES)));
  }
  const columns: Column<ReconRow>[] = [
    { header: 'LEA code', kind: 'text', value: (r) => r.cds },
    { header: 'LEA', kind: 'text', value: (r) => r.name },
    { header: 'PADC line', kind: 'text', value: (r) => r.line },
    { header: 'PADC ADA', kind: 'ada', value: (r) => r.padc },
    { header: 'ADA of the student records', kind: 'ada', value: (r) => r.records },
    { header: 'difference (PADC - records)', kind: 'ada', value: (r) => (r.padc === undefined ? undefined : r.padc.minus(r.records)) },
    { header: 'CALPADS census-day students', kind: 'count', value: (r) => r.calpadsEnrollment },
    { header: 'of which unduplicated', kind: 'count', value: (r) => r.calpadsUnduplicated },
    { header: 'findings', kind: 'text', value: (r) => r.findings },
  ];
  return {
    name: 'reconciliation',
    title: `PADC ADA against CALPADS (FAQ Q13), ${input.result.fiscal_year}, ${input.result.county.name}`,
    sheet: 'PADC-CALPADS reconciliation',
    cite: 'FAQ Q13; FAQ Q18; CALPADS-RPT-1.19',
    columns,
    rows,
    isTotal: (r) => r.total,
    notes: [
      `CALPADS census-day students: for a district, students of COE schools whose reported code is ${input.codes.district.join(', ') || '(none)'} naming it; for the COE's non-juvenile court line, students of COE schools reported with ${input.codes.county.join(', ') || '(none)'}; juvenile court: students of COE juvenile court schools; for a charter, its students County Funded or Charter Funded by their reported code (lcff report calpads-1.19).`,
      'ADA without census-day enrollment is allowed (a student who enrolled after census day, FAQ Q13); students coded to a district without PADC ADA under it are not. "findings" are the codes lcff run gives each mismatch.',
    ],
  };
}
