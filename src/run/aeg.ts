/** The COE's Alternative Education Grant for the ADA credited to it. */
import { Dec, fixed } from '../runtime/money.js';
import type { RunContext } from './context.js';
import type { LeaTally } from './leas.js';
import type { AegResult } from './result.js';
import type { ClassifiedStudent } from './students.js';

const AEG_CATEGORIES = new Set(['coe_juvenile_court', 'coe_non_juvenile_court', 'charter_coe_funded']);

export async function computeAeg(ctx: RunContext, students: ClassifiedStudent[], coe: LeaTally): Promise<AegResult> {
  let ada = new Dec(0);
  for (const s of students) if (AEG_CATEGORIES.has(s.category)) ada = ada.plus(s.student.ada);
  const [f] = await ctx.decide('alternative_education_grant', 'coe', { coe: { cds: coe.cds, aeg_ada: ada, upp: coe.rollingAfter } });
  return {
    known: f ? f.outputs.known === true : false,
    ada: fixed(ada, 2),
    upp: fixed(coe.rollingAfter, 4),
    rate_per_ada: f ? fixed(f.outputs.rate_per_ada as Dec, 2) : '0.00',
    amount: f ? fixed(f.outputs.amount as Dec, 2) : '0.00',
    note: f ? String(f.outputs.note) : 'no rule in force',
    rule: f ? `alternative_education_grant.${f.rule.name}` : '',
    cite: f ? f.rule.cites.join('; ') : '',
  };
}
