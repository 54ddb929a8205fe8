/** The readable terminal report of a run. Every text from the scenario or the rules is shown visible-safe (table cells by newTable, lines here by `visible`). */
import { newTable, styled } from './table.js';
import pc from 'picocolors';
import { visible } from '../core/safe-text.js';
import { dec, grouped, percentText } from '../runtime/money.js';
import type { FindingResult, RunResult } from '../run/result.js';
import { provenanceFooter } from './provenance.js';
import { userSuppliedLine } from './user-supplied.js';

function money(s: string): string {
  return grouped(dec(s), 2);
}

function pct(s: string): string {
  return percentText(dec(s), 2);
}

function severity(s: FindingResult['severity']): { content: string } {
  return styled(s, s === 'error' ? pc.red : s === 'warning' ? pc.yellow : (t) => t);
}

export function renderTables(r: RunResult, title: string): string {
  const out: string[] = [pc.bold(visible(`${title} — ${r.county.name} County, fiscal year ${r.fiscal_year}`))];
  const supplied = userSuppliedLine(r.user_supplied);
  if (supplied) out.push(pc.magenta(visible(supplied)));

  const cat = newTable({ head: ['category', 'students', 'census day', 'ADA'] });
  for (const c of r.categories) cat.push([c.category, c.students, c.census_day, money(c.ada)]);
  out.push(`\n${pc.bold('Students by funding category')}\n${cat.toString()}`);

  const leas = newTable({ head: ['LEA', 'kind', 'ADA before', 'ADA after', 'enrollment', 'UPC', 'UPP', 'UPP rolling'] });
  for (const l of r.leas) {
    leas.push([
      `${l.cds} ${l.name}`,
      l.kind,
      money(l.ada.before),
      money(l.ada.after),
      `${l.enrollment.before} → ${l.enrollment.after}`,
      `${l.unduplicated.before} → ${l.unduplicated.after}`,
      `${pct(l.upp.before)} → ${pct(l.upp.after)}`,
      `${pct(l.upp.rolling_before)} → ${pct(l.upp.rolling_after)} (${l.upp.window_years}y)`,
    ]);
  }
  out.push(`\n${pc.bold('Credits by LEA (before → after county-program adjustments)')}\n${leas.toString()}`);

  const districts = r.leas.filter((l) => l.rates && r.transfers.some((t) => t.from === l.cds));
  if (districts.length > 0) {
    const t = newTable({ head: ['district', 'UPP rolling', 'grade span', 'base (adjusted)', 'supplemental', 'concentration', 'rate per ADA'] });
    for (const l of districts) {
      for (const [span, x] of Object.entries(l.rates!)) t.push([`${l.cds} ${l.name}`, pct(l.upp.rolling_after), span, money(x.base), money(x.supplemental), money(x.concentration), money(x.total)]);
    }
    out.push(`\n${pc.bold("Districts' LCFF rates per ADA (statewide base, the district's own UPP)")}\n${t.toString()}`);
  }

  if (r.transfers.length > 0) {
    const t = newTable({ head: ['from', 'to', 'span', 'ADA', 'rate per ADA', 'amount', 'basis'] });
    for (const x of r.transfers) t.push([x.from, x.to, x.grade_span, x.ada, money(x.rate_per_ada), money(x.amount), x.basis]);
    const why = new Map(r.transfers.map((x) => [x.rule, visible(`  ${x.basis}: ${x.reason} (${x.rule}; ${x.cite})`)]));
    out.push(`\n${pc.bold('Transfers of funds (EC 2576)')}\n${t.toString()}\n${[...why.values()].join('\n')}`);
  } else out.push(`\n${pc.bold('Transfers of funds (EC 2576)')}: none (no District Funded County Program ADA)`);

  const c0 = r.calpads;
  out.push(`\n${pc.bold('CALPADS reporting')}: ${visible(`Student School Transfer Code in ${c0.file} field ${c0.transfer_code_field}, District of Geographic Residence in ${c0.file} field ${c0.residence_field}`)} ${pc.dim(visible(`(${c0.cite})`))}`);

  const aeg = r.aeg;
  const aegText = aeg.known ? `${aeg.ada} ADA at UPP ${pct(aeg.upp)}: base ${money(aeg.base)} + supplemental ${money(aeg.supplemental)} + concentration ${money(aeg.concentration)} = ${money(aeg.total)}` : `${aeg.ada} ADA; ${aeg.note}`;
  out.push(`\n${pc.bold('Alternative Education Grant')}: ${visible(aegText)} ${pc.dim(visible(`(${aeg.cite})`))}`);

  out.push(coeEntitlementSection(r));

  if (r.accounting.length > 0) {
    const a = newTable({ head: ['LEA', 'side', 'goal', 'object', 'amount', 'paid to / received from', 'citation'] });
    for (const e of r.accounting) a.push([e.lea, e.side, e.goal ?? '', e.object, money(e.amount), e.counterparty, e.cite]);
    out.push(`\n${pc.bold('Accounting entries (SACS)')}\n${a.toString()}`);
  }

  if (r.prior_year_adjustments.length > 0) {
    const p = newTable({ head: ['district', 'for year', 'audit reference', 'enrollment', 'UPC', 'prior-year adjustment?'], wordWrap: true, colWidths: [10, 10, 20, 12, 8, 50] });
    for (const x of r.prior_year_adjustments) p.push([x.district, x.fiscal_year, x.audit_reference, x.enrollment_change, x.unduplicated_change, `${x.applies ? `yes, in ${x.applied_in}` : 'no'}: ${x.affects}`]);
    out.push(`\n${pc.bold('Corrections after the amendment window')}\n${p.toString()}`);
  }

  if (r.findings.length > 0) {
    const f = newTable({ head: ['severity', 'code', 'subject', 'finding', 'citation'], wordWrap: true, colWidths: [10, 11, 10, 62, 24] });
    for (const x of r.findings) {
      f.push([severity(x.severity), x.code, x.subject, x.message, x.cite]);
    }
    out.push(`\n${pc.bold(`Findings (${r.findings.length})`)}\n${f.toString()}`);
  } else out.push(`\n${pc.bold('Findings')}: none`);

  const c = r.conservation;
  out.push(`\n${pc.dim(`Conservation: ADA ${c.ada_in} in = ${c.ada_out} out; enrollment ${c.enrollment_in} = ${c.enrollment_out}; UPC ${c.upc_in} = ${c.upc_out}; transfers net ${c.transfers_net}.`)}`);
  if (r.unconfirmed.length > 0) out.push(pc.yellow(visible(`Unconfirmed values and rules used (double-check these dollars): ${r.unconfirmed.join(', ')}`)));
  if (r.provenance) out.push(`\n${provenanceFooter(r.provenance)}`);
  return `${out.join('\n')}\n`;
}

/** The COE's LCFF entitlement: each component with its inputs, rate and citation; what is missing and what is not modelled. */
function coeEntitlementSection(r: RunResult): string {
  const e = r.coe_entitlement;
  const t = newTable({ head: ['component', 'amount', 'inputs', 'rate', 'citation'], wordWrap: true, colWidths: [28, 17, 32, 34, 24] });
  for (const c of e.components) t.push([c.name, c.computed ? money(c.amount) : 'not computed', c.inputs, c.rate, c.cite]);
  const lines = [`\n${pc.bold(`COE entitlement (target${e.complete ? '' : ', incomplete'})`)}: ${money(e.total)}`, t.toString()];
  for (const m of e.missing) lines.push(pc.yellow(visible(`  missing: ${m}`)));
  for (const n of e.not_modelled) lines.push(pc.dim(visible(`  not modelled: ${n.item} (${n.cite}): ${n.reason}`)));
  return lines.join('\n');
}
