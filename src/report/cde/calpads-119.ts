/**
 * `lcff report calpads-1.19`: a CALPADS Report 1.19 "COE LCFF - Count"
 * (CALPADS-RPT-1.19): census-day enrollment and unduplicated count of COE and
 * county program charter schools by District of Geographic Residence and
 * Student School Transfer Code as reported, County Funded vs District Funded,
 * in the report's three sections, with section and grand totals.
 */
import type { Column } from '../xlsx/cells.js';
import { calpadsStudents, SECTIONS, type Funding, type Section } from './calpads.js';
import { leaNames, type CdeInput, type CdeReport } from './report.js';

export interface CountRow {
  section: string;
  residence: string;
  residenceName: string;
  code: string;
  funding: Funding | '';
  enrollment: number;
  unduplicated: number;
  total: boolean;
}

const FUNDING_ORDER: Funding[] = ['County Funded', 'District Funded', 'Charter Funded'];

function totals(label: string, rows: CountRow[]): CountRow[] {
  return FUNDING_ORDER.flatMap((funding) => {
    const of = rows.filter((r) => r.funding === funding);
    if (of.length === 0) return [];
    return [{ section: label, residence: '', residenceName: '', code: '', funding, enrollment: of.reduce((a, r) => a + r.enrollment, 0), unduplicated: of.reduce((a, r) => a + r.unduplicated, 0), total: true }];
  });
}

export function calpads119Report(input: CdeInput): CdeReport<CountRow> {
  const name = leaNames(input);
  const groups = new Map<string, CountRow>();
  for (const s of calpadsStudents(input)) {
    const key = `${s.section}|${s.residence}|${s.code}|${s.funding}`;
    const row = groups.get(key) ?? { section: SECTIONS[s.section], residence: s.residence, residenceName: s.residence === '' ? 'not reported' : name(s.residence), code: s.code === '' ? 'none' : s.code, funding: s.funding, enrollment: 0, unduplicated: 0, total: false };
    row.enrollment += 1;
    if (s.student.unduplicated) row.unduplicated += 1;
    groups.set(key, row);
  }
  const detail = [...groups.values()];
  const rows: CountRow[] = [];
  for (const section of Object.keys(SECTIONS) as Section[]) {
    const of = detail.filter((r) => r.section === SECTIONS[section]);
    rows.push(...of, ...totals(`Section ${section} total`, of));
  }
  rows.push(...totals('All sections total', detail));
  const columns: Column<CountRow>[] = [
    { header: 'section', kind: 'text', value: (r) => r.section },
    { header: 'district of geographic residence', kind: 'text', value: (r) => r.residence },
    { header: 'district name', kind: 'text', value: (r) => r.residenceName },
    { header: 'transfer code (reported)', kind: 'text', value: (r) => r.code },
    { header: 'funding', kind: 'text', value: (r) => r.funding },
    { header: 'census-day enrollment', kind: 'count', value: (r) => r.enrollment },
    { header: 'unduplicated (LCFF-eligible)', kind: 'count', value: (r) => r.unduplicated },
  ];
  return {
    name: 'calpads-1.19',
    title: `CALPADS Report 1.19-style COE LCFF - Count, Fall 1 ${input.result.fiscal_year}, ${input.result.county.name}`,
    sheet: 'CALPADS 1.19',
    cite: 'CALPADS-RPT-1.19; FAQ Q13',
    columns,
    rows,
    isTotal: (r) => r.total,
    notes: [
      `Census-day students only. Funding follows the transfer code as reported: ${input.codes.district.join(', ') || '(none)'} = District Funded (counts move to the district of geographic residence); ${input.codes.county.join(', ') || '(none)'} or no district code = County Funded (counts stay with the COE); a county program charter student without code ${input.codes.county.join('/') || '(none)'} stays with the charter (Charter Funded).`,
      'The district of geographic residence is the one reported in CALPADS, else the one ADA is claimed under. Compare with lcff report calpads-1.20 (the students) and reconciliation (against PADC ADA).',
    ],
  };
}
