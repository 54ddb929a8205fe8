/**
 * The census-day CALPADS view of a county's students, as Reports 1.19 and
 * 1.20 select and split them (CALPADS-RPT-1.19, CALPADS-RPT-1.20): students
 * enrolled on census day in schools the COE or a county program charter
 * operates, in three sections, each with the District of Geographic Residence
 * and the Student School Transfer Code as the COE reported them, and the
 * funding the reported code means.
 */
import { byCode, joinStudents, type CdeInput, type JoinedStudent } from './report.js';

export const SECTIONS = {
  A: 'A. Non-juvenile court, non-charter schools',
  B: 'B. County program charter schools',
  C: 'C. Juvenile court schools',
} as const;
export type Section = keyof typeof SECTIONS;

export type Funding = 'District Funded' | 'County Funded' | 'Charter Funded';

export interface CalpadsStudent extends JoinedStudent {
  section: Section;
  /** District of Geographic Residence as reported (else the residence ADA is claimed under; '' when neither). */
  residence: string;
  /** Student School Transfer Code as reported ('' when none). */
  code: string;
  funding: Funding;
}

export function sectionOf(s: JoinedStudent): Section {
  if (s.school.kind === 'juvenile_court') return 'C';
  return s.school.operator.kind === 'charter' ? 'B' : 'A';
}

/**
 * What the reported code does with the student's counts: a district code
 * moves them to the district of residence; otherwise they stay with the COE,
 * except that a county program charter keeps a student without the county
 * code (the codes of each class come from the rule library).
 */
export function fundingOf(code: string, section: Section, input: CdeInput): Funding {
  if (input.codes.district.includes(code)) return 'District Funded';
  if (section === 'B' && !input.codes.county.includes(code)) return 'Charter Funded';
  return 'County Funded';
}

/** Census-day students of COE and county program charter schools, by section, residence, code and id. */
export function calpadsStudents(input: CdeInput): CalpadsStudent[] {
  const out: CalpadsStudent[] = [];
  for (const s of joinStudents(input)) {
    if (!s.student.census_day) continue;
    const section = sectionOf(s);
    const code = s.student.reported?.transfer_code ?? '';
    const residence = s.student.reported?.district_of_residence ?? s.student.district_of_residence ?? '';
    out.push({ ...s, section, residence, code, funding: fundingOf(code, section, input) });
  }
  return out.sort((a, b) => byCode(a.section, b.section) || byCode(a.residence, b.residence) || byCode(a.code, b.code) || byCode(a.student.id, b.student.id));
}
