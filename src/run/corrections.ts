/** Prior-year corrections after the Fall 1 amendment window (FAQ Q16). */
import { formatFiscalYear } from '../core/fiscal-year.js';
import { Dec, fixed } from '../runtime/money.js';
import type { RunContext } from './context.js';
import type { PriorYearAdjustment } from './result.js';

/**
 * Each correction of the scenario, as decision prior_year_correction treats
 * it: the year it corrects (`fiscal_year`), the year computed (`applied_in`),
 * its audit reference and changes as given, whether it becomes a prior-year
 * adjustment and what it affects. Every correction is reported; none is
 * dropped.
 */
export async function priorYearAdjustments(ctx: RunContext): Promise<PriorYearAdjustment[]> {
  const out: PriorYearAdjustment[] = [];
  const corrections = [...ctx.scenario.corrections].sort((a, b) => (a.district < b.district ? -1 : a.district > b.district ? 1 : a.fiscal_year - b.fiscal_year));
  for (const c of corrections) {
    const facts = { correction: { district: c.district, year: { fy: c.fiscal_year }, enrollment_change: new Dec(c.enrollment_change), unduplicated_change: new Dec(c.unduplicated_change) } };
    const [f] = await ctx.decide('prior_year_correction', `correction ${c.district} ${formatFiscalYear(c.fiscal_year)}`, facts);
    out.push({
      district: c.district,
      fiscal_year: formatFiscalYear(c.fiscal_year),
      applied_in: formatFiscalYear(ctx.year),
      audit_reference: c.audit_reference,
      enrollment_change: c.enrollment_change,
      unduplicated_change: c.unduplicated_change,
      ...(c.ada_change !== undefined ? { ada_change: fixed(c.ada_change, 2) } : {}),
      ...(f
        ? { applies: f.outputs.applies === true, affects: String(f.outputs.affects), rule: `prior_year_correction.${f.rule.name}`, cite: f.rule.cites.join('; ') }
        : { applies: false, affects: `no rule of decision prior_year_correction is in force in ${formatFiscalYear(ctx.year)}: not a prior-year adjustment`, rule: 'prior_year_correction', cite: decisionCite(ctx) }),
    });
  }
  return out;
}

/** The decision's own citation, for a correction no rule of it decided (ctx.decide has already refused an unknown decision). */
function decisionCite(ctx: RunContext): string {
  return ctx.program.decisions.get('prior_year_correction')!.cites.join('; ');
}
