/**
 * Aggregate checks (FAQ Q13): PADC ADA against the student records and the
 * CALPADS transfer codes, per district of residence and for the COE.
 */
import { Dec, ZERO } from '../runtime/money.js';
import type { RunContext } from './context.js';
import type { FindingResult } from './result.js';
import type { FindingSink } from './finding-rows.js';
import type { ReportingGroup, StudentGroup } from './students.js';
import { categoriesWhere, textsOf } from './vocabulary.js';

function push(findings: FindingSink, subject: string, firings: Awaited<ReturnType<RunContext['decide']>>, decision: string): void {
  for (const f of firings) {
    findings.add({
      code: String(f.outputs.code),
      severity: String(f.outputs.level) as FindingResult['severity'],
      subject,
      message: String(f.outputs.message),
      rule: `${decision}.${f.rule.name}`,
      cite: f.rule.cites.join('; '),
    });
  }
}

export async function aggregateChecks(ctx: RunContext, groups: readonly StudentGroup[], reporting: readonly ReportingGroup[], findings: FindingSink): Promise<void> {
  const sc = ctx.scenario;
  const padc = sc.padc;
  push(findings, sc.coe.cds, await ctx.decide('padc_checks', 'coe', { coe: { cds: sc.coe.cds, padc_reported: padc !== undefined } }), 'padc_checks');
  if (!padc) return;
  const padcBy = new Map<string, Dec>();
  for (const r of padc.attendance_district_funded) padcBy.set(r.district, (padcBy.get(r.district) ?? ZERO).plus(r.ada));
  // one pass over the students: District Funded ADA credited, and census-day students whose district-funded code names each district
  const districtFunded = categoriesWhere(ctx, 'transfer_ada_category');
  const districtCodes = textsOf(ctx, 'district_funded_transfer_codes');
  const computedBy = new Map<string, Dec>();
  const codedBy = new Map<string, number>();
  for (const g of groups) if (districtFunded.has(g.category)) computedBy.set(g.creditedTo, (computedBy.get(g.creditedTo) ?? ZERO).plus(g.ada));
  for (const r of reporting) {
    const code = r.reportedCode;
    const named = r.namedDistrict;
    if (named !== undefined && r.census_day && code !== undefined && districtCodes.has(code) && r.school.operator.kind === 'coe') codedBy.set(named, (codedBy.get(named) ?? 0) + r.students);
  }
  for (const d of [...sc.districts].sort((a, b) => (a.cds < b.cds ? -1 : 1))) {
    const facts = {
      district: { cds: d.cds, padc_ada: padcBy.get(d.cds), computed_ada: computedBy.get(d.cds) ?? ZERO, coded_census_students: new Dec(codedBy.get(d.cds) ?? 0) },
    };
    push(findings, d.cds, await ctx.decide('district_checks', `district ${d.cds}`, facts), 'district_checks');
  }
  const nonJcCategories = categoriesWhere(ctx, 'padc_non_juvenile_court_category');
  const jcCategories = categoriesWhere(ctx, 'padc_juvenile_court_category');
  let nonJc = ZERO;
  let jc = ZERO;
  const countyCodes = textsOf(ctx, 'county_funded_transfer_codes');
  let countyCoded = 0;
  for (const g of groups) {
    if (g.school.operator.kind !== 'coe') continue;
    if (nonJcCategories.has(g.category)) nonJc = nonJc.plus(g.ada);
    if (jcCategories.has(g.category)) jc = jc.plus(g.ada);
  }
  for (const r of reporting) {
    if (r.school.operator.kind !== 'coe') continue;
    const code = r.reportedCode;
    if (r.census_day && code !== undefined && countyCodes.has(code)) countyCoded += r.students;
  }
  const facts = {
    coe: {
      cds: sc.coe.cds,
      padc_reported: true,
      padc_non_juvenile_court_ada: padc.attendance_coe.non_juvenile_court,
      padc_juvenile_court_ada: padc.attendance_coe.juvenile_court,
      computed_non_juvenile_court_ada: nonJc,
      computed_juvenile_court_ada: jc,
      code5_students: new Dec(countyCoded),
    },
  };
  push(findings, sc.coe.cds, await ctx.decide('coe_checks', 'coe', facts), 'coe_checks');
  await charterChecks(ctx, groups, findings);
}

/** FAQ Q18: each charter's PADC screens against its students, by where they are credited. */
async function charterChecks(ctx: RunContext, groups: readonly StudentGroup[], findings: FindingSink): Promise<void> {
  const padc = ctx.scenario.padc!;
  const total = (rows: Array<{ charter: string; ada: Dec }> | undefined, cds: string): Dec | undefined =>
    rows?.filter((r) => r.charter === cds).reduce<Dec | undefined>((a, r) => (a ?? ZERO).plus(r.ada), undefined);
  for (const c of [...ctx.scenario.charters].sort((a, b) => (a.cds < b.cds ? -1 : 1))) {
    let toCoe = ZERO;
    let stays = ZERO;
    for (const g of groups) {
      if (g.school.operator.kind !== 'charter' || g.school.operator.cds !== c.cds) continue;
      if (g.creditedTo === c.cds) stays = stays.plus(g.ada);
      else toCoe = toCoe.plus(g.ada);
    }
    const facts = {
      charter: {
        cds: c.cds,
        padc_coe_charter_ada: total(padc.attendance_coe_charter, c.cds),
        padc_charter_funded_ada: total(padc.attendance_charter_funded, c.cds),
        computed_coe_charter_ada: toCoe,
        computed_charter_funded_ada: stays,
      },
    };
    push(findings, c.cds, await ctx.decide('charter_checks', `charter ${c.cds}`, facts), 'charter_checks');
  }
}
