/**
 * The EC 2576 transfer: one line per district of residence and grade span of
 * its District Funded County Program ADA, decided by the `transfer`
 * decision, with the SACS entries both sides record (`sacs_entries`).
 */
import { formatFiscalYear } from '../core/fiscal-year.js';
import { Dec, fixed, ZERO } from '../runtime/money.js';
import { RunError, type RunContext } from './context.js';
import type { LeaTally } from './leas.js';
import type { AccountingEntry, SpanRate, TransferResult } from './result.js';
import type { StudentGroup } from './students.js';
import { categoriesWhere, enumMembers } from './vocabulary.js';

export function spanOf(ctx: RunContext, grade: number): string {
  return String(ctx.formula('grade_span_of', [new Dec(grade)]));
}

const PLACES: Record<string, number> = { cent: 2, dollar: 0 };

/** The scenario's rounding choices (options transfer_rate_rounding, transfer_amount_rounding), as facts of a transfer line. */
function chosenPlaces(ctx: RunContext): { chosen_rate_places?: Dec; chosen_amount_places?: Dec } {
  const rate = ctx.scenario.options.get('transfer_rate_rounding');
  const amount = ctx.scenario.options.get('transfer_amount_rounding');
  return {
    chosen_rate_places: rate !== undefined ? new Dec(PLACES[rate]) : undefined,
    chosen_amount_places: amount !== undefined ? new Dec(PLACES[amount]) : undefined,
  };
}

/** Decision transfer_conventions: the rounding places of the rate and the amount for a line. */
async function conventions(ctx: RunContext, subject: string, line: Record<string, unknown>): Promise<{ rate_places: Dec; amount_places: Dec }> {
  const [c] = await ctx.decide('transfer_conventions', subject, { transfer_line: line });
  if (!c) throw new RunError('LCFF-F005', `no rule of decision transfer_conventions is in force in ${formatFiscalYear(ctx.year)}`);
  return { rate_places: c.outputs.rate_places as Dec, amount_places: c.outputs.amount_places as Dec };
}

/** The formula of the rule library that computes each rate component of a district (also read by lcff compare to name what a rate used). */
export const RATE_FORMULAS = { base: 'adjusted_base', supplemental: 'supplemental_per_ada', concentration: 'concentration_per_ada', total: 'district_rate_per_ada' } as const;

/** The district's rate components per grade span at its rolling UPP after adjustments. */
export async function districtRates(ctx: RunContext, lea: LeaTally): Promise<Record<string, SpanRate>> {
  const out: Record<string, SpanRate> = {};
  const { rate_places } = await conventions(ctx, `rates ${lea.cds}`, { district: lea.cds, ...chosenPlaces(ctx) });
  for (const { name: span } of enumMembers(ctx.program.lib, 'grade_span')) {
    const base = ctx.formula(RATE_FORMULAS.base, [span]) as Dec;
    const supp = ctx.formula(RATE_FORMULAS.supplemental, [span, lea.rollingAfter]) as Dec;
    const conc = ctx.formula(RATE_FORMULAS.concentration, [span, lea.rollingAfter]) as Dec;
    const total = ctx.formula(RATE_FORMULAS.total, [span, lea.rollingAfter, rate_places]) as Dec;
    out[span] = { base: fixed(base, 2), supplemental: fixed(supp, 2), concentration: fixed(conc, 2), total: fixed(total, 2) };
  }
  return out;
}

export async function computeTransfers(
  ctx: RunContext,
  groups: readonly StudentGroup[],
  leas: Map<string, LeaTally>,
): Promise<{ transfers: TransferResult[]; accounting: AccountingEntry[] }> {
  const coe = ctx.scenario.coe.cds;
  const districtFunded = categoriesWhere(ctx, 'transfer_ada_category');
  const adaBy = new Map<string, Dec>();
  const spans = new Map<number, string>();
  for (const g of groups) {
    if (!districtFunded.has(g.category) || g.creditedTo === coe) continue;
    let span = spans.get(g.grade);
    if (span === undefined) spans.set(g.grade, (span = spanOf(ctx, g.grade)));
    const key = `${g.creditedTo}|${span}`;
    adaBy.set(key, (adaBy.get(key) ?? ZERO).plus(g.ada));
  }
  const agreements = new Map(ctx.scenario.agreements.map((a) => [a.district, a]));
  const transfers: TransferResult[] = [];
  const accounting: AccountingEntry[] = [];
  const booked = new Map<string, { amount: Dec; goal: string; payer: string; payee: string; cite: string }>();
  for (const key of [...adaBy.keys()].sort()) {
    const [district, span] = key.split('|');
    const ada = adaBy.get(key)!;
    const lea = leas.get(district)!;
    const a = agreements.get(district);
    const subject = `transfer ${district} ${span}`;
    const line: Record<string, unknown> = {
      district,
      span,
      ada,
      upp: lea.rollingAfter,
      transfer_agreed: a?.transfer_agreed === true,
      alternative_rate: a?.alternative_rate_per_ada,
      concurred: a?.district_concurred === true,
      ...chosenPlaces(ctx),
    };
    Object.assign(line, await conventions(ctx, subject, line));
    const facts = { transfer_line: line };
    const [t] = await ctx.decide('transfer', subject, facts);
    if (!t) continue;
    const amount = t.outputs.amount as Dec;
    transfers.push({
      from: district,
      to: coe,
      grade_span: span,
      ada: fixed(ada, 2),
      rate_per_ada: fixed(t.outputs.rate_per_ada as Dec, 2),
      amount: fixed(amount, 2),
      basis: String(t.outputs.basis),
      reason: String(t.outputs.reason),
      rule: `transfer.${t.rule.name}`,
      cite: t.rule.cites.join('; '),
    });
    if (amount.isZero()) continue;
    const [sacs] = await ctx.decide('sacs_entries', subject, facts);
    if (!sacs || !sacs.outputs.payer_object) continue;
    const prior = booked.get(district);
    booked.set(district, {
      amount: (prior?.amount ?? ZERO).plus(amount),
      goal: String(sacs.outputs.payer_goal),
      payer: String(sacs.outputs.payer_object),
      payee: String(sacs.outputs.payee_object),
      cite: sacs.rule.cites.join('; '),
    });
  }
  // one payment per district of residence, as each side books it (FAQ Q12)
  for (const [district, b] of [...booked].sort((a, c) => (a[0] < c[0] ? -1 : 1))) {
    const amount = fixed(b.amount, 2);
    accounting.push({ lea: district, side: 'payer', goal: b.goal, object: b.payer, amount, counterparty: coe, cite: b.cite });
    accounting.push({ lea: coe, side: 'payee', object: b.payee, amount, counterparty: district, cite: b.cite });
  }
  return { transfers, accounting };
}
