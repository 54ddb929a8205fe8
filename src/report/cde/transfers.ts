/**
 * `lcff report transfers`: CDE's "Report of Attendance and CALPADS
 * Enrollment/Unduplicated Pupil Count Transfers for District Funded County
 * Program Students" (FAQ Q15), one row per district of residence: the ADA,
 * census-day enrollment and unduplicated count the run moved to it, and the
 * EC 2576 transfer of funds; then the county program charters and the COE,
 * so every column nets to zero over all LEAs.
 */
import { Dec, ZERO } from '../../runtime/money.js';
import type { Column } from '../xlsx/cells.js';
import { byCode, leaNames, type CdeInput, type CdeReport } from './report.js';

export interface TransferRow {
  cds: string;
  name: string;
  role: string;
  spans: Map<string, Dec>;
  basis: string;
  ada: Dec;
  enrollment: number;
  unduplicated: number;
  funds: Dec;
  total: boolean;
}

function totalRow(label: string, rows: TransferRow[]): TransferRow {
  const spans = new Map<string, Dec>();
  for (const r of rows) for (const [s, v] of r.spans) spans.set(s, (spans.get(s) ?? ZERO).plus(v));
  return {
    cds: '',
    name: label,
    role: '',
    spans,
    basis: '',
    ada: rows.reduce((a, r) => a.plus(r.ada), ZERO),
    enrollment: rows.reduce((a, r) => a + r.enrollment, 0),
    unduplicated: rows.reduce((a, r) => a + r.unduplicated, 0),
    funds: rows.reduce((a, r) => a.plus(r.funds), ZERO),
    total: true,
  };
}

export function transfersReport(input: CdeInput): CdeReport<TransferRow> {
  const r = input.result;
  const name = leaNames(input);
  const spanOrder = input.lib.enums.get('grade_span')?.decl.members ?? [];
  const change = (cds: string) => {
    const l = r.leas.find((x) => x.cds === cds);
    return l
      ? { ada: new Dec(l.ada.after).minus(l.ada.before), enrollment: l.enrollment.after - l.enrollment.before, unduplicated: l.unduplicated.after - l.unduplicated.before }
      : { ada: ZERO, enrollment: 0, unduplicated: 0 };
  };
  const districts: TransferRow[] = [...input.scenario.districts].sort((a, b) => byCode(a.cds, b.cds)).map((d) => {
    const lines = r.transfers.filter((t) => t.from === d.cds);
    const spans = new Map<string, Dec>();
    for (const t of lines) spans.set(t.grade_span, (spans.get(t.grade_span) ?? ZERO).plus(new Dec(t.ada)));
    const paid = lines.reduce((a, t) => a.plus(new Dec(t.amount)), ZERO);
    return { cds: d.cds, name: name(d.cds), role: 'district of residence', spans, basis: [...new Set(lines.map((t) => t.basis))].join(', '), ...change(d.cds), funds: paid.negated(), total: false };
  });
  const charters: TransferRow[] = [...input.scenario.charters].sort((a, b) => byCode(a.cds, b.cds)).map((c) => ({
    cds: c.cds, name: name(c.cds), role: 'county program charter', spans: new Map(), basis: '', ...change(c.cds), funds: ZERO, total: false,
  }));
  const coeCds = input.scenario.coe.cds;
  const received = r.transfers.filter((t) => t.to === coeCds).reduce((a, t) => a.plus(new Dec(t.amount)), ZERO);
  const coe: TransferRow = { cds: coeCds, name: name(coeCds), role: 'county office of education', spans: new Map(), basis: '', ...change(coeCds), funds: received, total: false };
  const rows = [...districts, totalRow('Total, districts of residence', districts), ...charters, coe];
  // spans are the districts' transfer lines: the net row sums only what every LEA has
  rows.push({ ...totalRow('Net, all LEAs (zero when nothing is lost)', [...districts, ...charters, coe]), spans: new Map() });
  const columns: Column<TransferRow>[] = [
    { header: 'LEA code', kind: 'text', value: (x) => x.cds },
    { header: 'LEA', kind: 'text', value: (x) => x.name },
    { header: 'role', kind: 'text', value: (x) => x.role },
    ...spanOrder.map((m): Column<TransferRow> => ({ header: `transferred ADA, ${m.label ?? m.name.text}`, kind: 'ada', value: (x) => x.spans.get(m.name.text) })),
    { header: 'ADA credited (+in/-out)', kind: 'ada', value: (x) => x.ada },
    { header: 'census-day enrollment (+in/-out)', kind: 'count', value: (x) => x.enrollment },
    { header: 'unduplicated count (+in/-out)', kind: 'count', value: (x) => x.unduplicated },
    { header: 'transfer basis', kind: 'text', value: (x) => x.basis },
    { header: 'EC 2576 funds (+received/-paid)', kind: 'money', value: (x) => x.funds },
  ];
  return {
    name: 'transfers',
    title: `Report of Attendance and CALPADS Enrollment/Unduplicated Pupil Count Transfers for District Funded County Program Students, ${r.fiscal_year}, ${r.county.name}`,
    sheet: 'CDE transfers',
    cite: 'FAQ Q15; EC 2576',
    columns,
    rows,
    isTotal: (x) => x.total,
    notes: [
      'Each figure is the change for that LEA: + received, - given up. Districts receive the ADA, census-day enrollment and unduplicated count of their District Funded County Program students and pay the EC 2576 transfer to the COE; county program charters give up their students credited to the COE.',
      'Transferred ADA by grade span is the ADA of the district\'s transfer lines (see lcff run for the rate per ADA of each line).',
    ],
  };
}
