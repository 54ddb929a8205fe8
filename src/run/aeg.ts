/** The COE's Alternative Education Grant for the ADA credited to it. */
import { Dec, fixed, ZERO } from '../runtime/money.js';
import type { RunContext } from './context.js';
import type { LeaTally } from './leas.js';
import type { AegResult } from './result.js';
import type { ClassifiedStudent } from './students.js';
import { categoriesWhere } from './vocabulary.js';

export async function computeAeg(ctx: RunContext, students: ClassifiedStudent[], coe: LeaTally): Promise<AegResult> {
  const aegCategories = categoriesWhere(ctx, 'aeg_ada_category');
  let ada = ZERO;
  for (const s of students) if (aegCategories.has(s.category)) ada = ada.plus(s.student.ada);
  const [f] = await ctx.decide('alternative_education_grant', 'coe', { coe: { cds: coe.cds, aeg_ada: ada, upp: coe.rollingAfter } });
  const amount = (name: string): Dec => (f?.outputs[name] as Dec | undefined) ?? ZERO;
  const base = amount('base_amount');
  const supplemental = amount('supplemental_amount');
  const concentration = amount('concentration_amount');
  return {
    known: f?.outputs.known === true,
    ada: fixed(ada, 2),
    upp: fixed(coe.rollingAfter, 4),
    base: fixed(base, 2),
    supplemental: fixed(supplemental, 2),
    concentration: fixed(concentration, 2),
    total: fixed(base.plus(supplemental).plus(concentration), 2),
    note: f ? String(f.outputs.note) : 'no rule of decision alternative_education_grant is in force this year',
    rule: f ? `alternative_education_grant.${f.rule.name}` : '',
    cite: f ? f.rule.cites.join('; ') : '',
  };
}
