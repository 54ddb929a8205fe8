/**
 * The terminal report of `lcff project`: the scenario's year and the
 * projected years side by side (per LEA, the COE's entitlement, the county's
 * totals, the law the projection moved), every projected figure marked `*`,
 * the assumptions and the carried-forward parameters listed.
 */
import pc from 'picocolors';
import { visible } from '../core/safe-text.js';
import { dec, grouped, percentText } from '../runtime/money.js';
import type { ProjectionResult } from '../project/result.js';
import { ASSUMPTION_KINDS } from '../scenario/model.js';
import { newTable } from './table.js';
import { userSuppliedLine } from './user-supplied.js';

/** The mark of a projected figure, and what it means (printed under the title). */
export const PROJECTED_MARK = '*';

const money = (s: string): string => grouped(dec(s), 2);
const pct = (s: string): string => percentText(dec(s), 2);

/** "cola 2026-27 3.02%, 2027-28 2.9%; ada_growth 2026-27 -1%" or "none". */
export function assumptionsText(a: ProjectionResult['projection']['assumptions']): string {
  const parts = ASSUMPTION_KINDS.filter((k) => a[k].length > 0).map((k) => `${k} ${a[k].map((x) => `${x.fiscal_year} ${x.value}`).join(', ')}`);
  return parts.length ? parts.join('; ') : 'none';
}

export function renderProjection(r: ProjectionResult, title: string): string {
  const p = r.projection;
  const years = p.years;
  const head = (first: string) => [first, ...years.map((y) => (y.projected ? `${y.fiscal_year} (projected)` : y.fiscal_year))];
  const mark = (text: string, projected: boolean) => (projected ? `${text}${PROJECTED_MARK}` : text);
  const projectedYears = years.filter((y) => y.projected).map((y) => y.fiscal_year);
  const out: string[] = [pc.bold(visible(`${title} — ${r.county.name} County: ${p.scenario_year} and ${projectedYears.length} projected year${projectedYears.length === 1 ? '' : 's'} (${projectedYears.join(', ')})`))];
  out.push(pc.magenta(visible(`Assumptions${p.assumptions.source ? ` (${p.assumptions.source})` : ''}: ${assumptionsText(p.assumptions)}`)));
  out.push(pc.magenta(`${PROJECTED_MARK} projected: a figure of a year after the scenario's, computed from the scenario rolled forward (ADA ${p.rounding.ada}, counts ${p.rounding.counts}) and, past ${p.library_last_year} (the library's last year of enacted law), from the law extended by the assumed COLA — not reported data, not enacted law.`));
  const supplied = userSuppliedLine(r.user_supplied);
  if (supplied) out.push(pc.magenta(visible(supplied)));

  if (p.years.some((y) => y.law === 'projected')) {
    const lines = [
      `Law past ${p.library_last_year}: ${p.cola_parameters.join(', ')} = the COLA assumed;`,
      `derived as the library derives ${p.library_last_year} (prior year × (1 + COLA), rounded as it rounds): ${p.derived.map((d) => `${d.parameter} (${d.steps.join(', ')}${d.round ? `; ${d.round}` : ''})`).join(', ')};`,
      `carried forward unchanged from the year shown: ${p.carried_forward.map((c) => `${c.parameter} = ${c.value} (${c.from})`).join('; ')}.`,
    ];
    for (const line of lines) out.push(pc.dim(visible(line)));
    // the law of a year within the library is enacted even when its students are projected
    const law = newTable({ head: ['parameter', ...years.map((y) => (y.law === 'projected' ? `${y.fiscal_year} (projected)` : y.fiscal_year))] });
    for (const row of p.law) law.push([`${row.parameter}${row.member ? ` ${row.member}` : ''}`, ...row.years.map((y) => mark(y.value, y.projected))]);
    out.push(`\n${pc.bold('The law the projection moves (rates per ADA, amounts, COLAs)')}\n${law.toString()}`);
  }

  const leas = newTable({ head: head('LEA / measure') });
  for (const l of r.leas) {
    const row = (label: string, f: (y: (typeof l.years)[number]) => string | undefined) => {
      const cells = l.years.map((y) => {
        const v = f(y);
        return v === undefined ? '' : mark(v, y.projected);
      });
      if (cells.some((c) => c !== '')) leas.push([`${l.cds} ${l.name}: ${label}`, ...cells]);
    };
    row('ADA (after)', (y) => money(y.ada));
    row('enrollment (after)', (y) => String(y.enrollment));
    row('unduplicated (after)', (y) => String(y.unduplicated));
    row('UPP rolling', (y) => pct(y.upp_rolling));
    for (const span of Object.keys(l.years[0]?.rates ?? {})) {
      row(`${span} base (adjusted)`, (y) => (y.rates ? money(y.rates[span].base) : undefined));
      row(`${span} rate per ADA`, (y) => (y.rates ? money(y.rates[span].total) : undefined));
    }
    row('transfers paid', (y) => (y.transfers_out !== undefined ? money(y.transfers_out) : undefined));
    row('transfers received', (y) => (y.transfers_in !== undefined ? money(y.transfers_in) : undefined));
  }
  out.push(`\n${pc.bold('Per LEA')}\n${leas.toString()}`);

  const coe = newTable({ head: head('COE entitlement component') });
  for (const c of r.coe_entitlement.components) coe.push([c.name, ...c.years.map((y) => mark(y.computed ? money(y.amount) : 'not computed', y.projected))]);
  coe.push(['total (target)', ...r.coe_entitlement.totals.map((t) => mark(`${money(t.total)}${t.complete ? '' : ' (incomplete)'}`, t.projected))]);
  out.push(`\n${pc.bold('COE LCFF entitlement')}\n${coe.toString()}`);

  const totals = newTable({ head: head('county') });
  totals.push(['ADA', ...r.totals.map((t) => mark(money(t.ada), t.projected))]);
  totals.push(['transfers (EC 2576)', ...r.totals.map((t) => mark(money(t.transfers), t.projected))]);
  totals.push(['COE entitlement', ...r.totals.map((t) => mark(money(t.coe_entitlement), t.projected))]);
  totals.push(['findings: errors / warnings / info', ...r.totals.map((t) => `${t.findings.error} / ${t.findings.warning} / ${t.findings.info}`)]);
  out.push(`\n${pc.bold('County totals')}\n${totals.toString()}`);
  out.push(pc.dim(visible(`Not carried into projected years: ${p.not_carried.join('; ')}.`)));
  if (r.unconfirmed.length > 0) out.push(pc.yellow(visible(`Unconfirmed values and rules used (projected values are unconfirmed): ${r.unconfirmed.join(', ')}`)));
  return `${out.join('\n')}\n`;
}
