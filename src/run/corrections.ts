/** Prior-year corrections after the Fall 1 amendment window (FAQ Q16). */
import { formatFiscalYear } from '../core/fiscal-year.js';
import { Dec } from '../runtime/money.js';
import type { RunContext } from './context.js';
import type { PriorYearAdjustment } from './result.js';

export async function priorYearAdjustments(ctx: RunContext): Promise<PriorYearAdjustment[]> {
  const out: PriorYearAdjustment[] = [];
  const corrections = [...ctx.scenario.corrections].sort((a, b) => (a.district < b.district ? -1 : a.district > b.district ? 1 : a.fiscal_year - b.fiscal_year));
  for (const c of corrections) {
    const facts = { correction: { district: c.district, year: { fy: c.fiscal_year }, enrollment_change: new Dec(c.enrollment_change), unduplicated_change: new Dec(c.unduplicated_change) } };
    const [f] = await ctx.decide('prior_year_correction', `correction ${c.district} ${formatFiscalYear(c.fiscal_year)}`, facts);
    if (!f) continue;
    out.push({
      district: c.district,
      for_year: formatFiscalYear(c.fiscal_year),
      applied_in: formatFiscalYear(ctx.year),
      enrollment_change: c.enrollment_change,
      unduplicated_change: c.unduplicated_change,
      applies: f.outputs.applies === true,
      affects: String(f.outputs.affects),
      rule: `prior_year_correction.${f.rule.name}`,
      cite: f.rule.cites.join('; '),
    });
  }
  return out;
}
