/** The COE's Alternative Education Grant for the ADA credited to it. */
import { formatFiscalYear } from '../core/fiscal-year.js';
import { Dec, fixed, ZERO } from '../runtime/money.js';
import type { RunContext } from './context.js';
import type { LeaTally } from './leas.js';
import type { AegResult } from './result.js';
import type { StudentGroup } from './students.js';
import { categoriesWhere } from './vocabulary.js';

/** The COE's AEG ADA of the current year and the three prior years (those the scenario gives), as facts. */
export function aegAdaFacts(ctx: RunContext, current: Dec): Record<string, Dec> {
  const history = ctx.scenario.coe.inputs.aeg_ada_history;
  const facts: Record<string, Dec> = { aeg_ada: current };
  for (const back of [1, 2, 3]) {
    const prior = history.get(ctx.year - back);
    if (prior !== undefined) facts[`aeg_ada_prior_${back}`] = prior;
  }
  return facts;
}

export async function computeAeg(ctx: RunContext, groups: readonly StudentGroup[], coe: LeaTally): Promise<AegResult> {
  const aegCategories = categoriesWhere(ctx, 'aeg_ada_category');
  let ada = ZERO;
  for (const g of groups) if (aegCategories.has(g.category)) ada = ada.plus(g.ada);
  const adaFacts = aegAdaFacts(ctx, ada);
  const [funded] = await ctx.decide('aeg_funded_ada', 'coe', { coe: { cds: coe.cds, ...adaFacts } });
  const fundedAda = (funded?.outputs.funded_ada as Dec | undefined) ?? ada;
  const fundedNote = funded ? String(funded.outputs.note) : '';
  const got = await ctx.decideOrMissing('alternative_education_grant', 'coe', { coe: { cds: coe.cds, aeg_ada: ada, aeg_funded_ada: fundedAda, upp: coe.rollingAfter } });
  const common = { ada: fixed(ada, 2), funded_ada: fixed(fundedAda, 2), funded_ada_note: fundedNote, upp: fixed(coe.rollingAfter, 4) };
  if ('missing' in got) {
    const year = formatFiscalYear(ctx.year);
    return {
      known: false,
      ...common,
      base: '0.00',
      supplemental: '0.00',
      concentration: '0.00',
      total: '0.00',
      note: `not computed: parameter ${got.missing.param} has no value in ${year} (the library carries it as unknown: no source read gives it); supply it for a run with --set ${got.missing.param}@${year}=<value>`,
      missing_parameter: got.missing.param,
      rule: got.missing.rule,
      cite: '',
    };
  }
  const [f] = got.firings;
  const amount = (name: string): Dec => (f?.outputs[name] as Dec | undefined) ?? ZERO;
  const base = amount('base_amount');
  const supplemental = amount('supplemental_amount');
  const concentration = amount('concentration_amount');
  return {
    known: f?.outputs.known === true,
    ...common,
    base: fixed(base, 2),
    supplemental: fixed(supplemental, 2),
    concentration: fixed(concentration, 2),
    total: fixed(base.plus(supplemental).plus(concentration), 2),
    note: f ? String(f.outputs.note) : 'no rule of decision alternative_education_grant is in force this year',
    rule: f ? `alternative_education_grant.${f.rule.name}` : '',
    cite: f ? f.rule.cites.join('; ') : '',
  };
}
