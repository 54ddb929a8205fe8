/** The CALPADS field numbers of the year (decision senr_fields), as the result reports them. */
import { formatFiscalYear } from '../core/fiscal-year.js';
import { Dec, fixed } from '../runtime/money.js';
import { RunError, type RunContext } from './context.js';
import type { CalpadsFields } from './result.js';

export async function calpadsFields(ctx: RunContext): Promise<CalpadsFields> {
  const [f] = await ctx.decide('senr_fields', 'coe', { coe: { cds: ctx.scenario.coe.cds } });
  if (!f) throw new RunError('LCFF-F005', `no rule of decision senr_fields is in force in ${formatFiscalYear(ctx.year)}`);
  return {
    file: f.outputs.in_senr === true ? 'SENR' : 'SINF',
    transfer_code_field: fixed(f.outputs.transfer_code_field as Dec, 2),
    residence_field: fixed(f.outputs.residence_field as Dec, 2),
    rule: `senr_fields.${f.rule.name}`,
    cite: f.rule.cites.join('; '),
  };
}
