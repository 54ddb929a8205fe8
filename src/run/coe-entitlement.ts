/**
 * The COE's own LCFF entitlement: gathers the scenario's COE inputs as facts,
 * calls the decisions of rules/county-programs/coe-entitlement.lcff and lists
 * their outputs as components. The law (amounts, bands, years, what is not
 * modelled) is in the rules; this file only names the decisions' outputs.
 */
import type { ParamRead } from '../compile/expr-closure.js';
import { formatFiscalYear } from '../core/fiscal-year.js';
import { dec, Dec, fixed, percentText, ZERO } from '../runtime/money.js';
import type { Firing } from '../runtime/decide.js';
import { aegAdaFacts } from './aeg.js';
import type { RunContext } from './context.js';
import type { FindingSink } from './finding-rows.js';
import type { AegResult, CoeEntitlement, EntitlementComponent, FindingResult } from './result.js';

const money = (v: unknown): Dec => (v instanceof Dec ? v : ZERO);
const ruleOf = (f: Firing | undefined, decision: string): string => (f ? `${decision}.${f.rule.name}` : '');
const citeOf = (f: Firing | undefined): string => (f ? f.rule.cites.join('; ') : '');
const ratesOf = (reads: ParamRead[], names: string[]): string =>
  reads
    .filter((r) => names.some((n) => r.name.startsWith(n)))
    .map((r) => `${r.name} ${r.value} (${formatFiscalYear(r.year)})`)
    .join('; ');

export async function computeCoeEntitlement(ctx: RunContext, aeg: AegResult, findings: FindingSink): Promise<CoeEntitlement> {
  const s = ctx.scenario;
  const inputs = s.coe.inputs;
  const kinds = [...new Set(s.schools.filter((x) => x.operator.kind === 'coe').map((x) => x.kind))].sort();
  const coe: Record<string, unknown> = {
    cds: s.coe.cds,
    ...aegAdaFacts(ctx, dec(aeg.ada)),
    aeg_funded_ada: dec(aeg.funded_ada ?? aeg.ada),
    operated_school_kinds: kinds,
    ...(inputs.school_districts !== undefined ? { school_districts: dec(String(inputs.school_districts)) } : {}),
    ...(inputs.countywide_ada !== undefined ? { countywide_ada: inputs.countywide_ada } : {}),
    ...(inputs.funded_under_ec_2575d_2016_17 !== undefined ? { funded_under_ec_2575d_2016_17: inputs.funded_under_ec_2575d_2016_17 } : {}),
  };
  const components: EntitlementComponent[] = [];
  const missing: string[] = [];
  const districtsText = inputs.school_districts !== undefined ? `${inputs.school_districts} school districts` : 'school districts: not given';
  const adaText = inputs.countywide_ada !== undefined ? `countywide ADA ${fixed(inputs.countywide_ada, 2)}` : 'countywide ADA: not given';

  const ops = await ctx.decideOrMissing('coe_operations_grant', 'coe', { coe });
  if ('missing' in ops) missing.push(`parameter ${ops.missing.param} (${formatFiscalYear(ctx.year)}): the operations grant is not computed`);
  else {
    const [f] = ops.firings;
    const computed = f?.outputs.computed === true;
    if (!computed) {
      if (inputs.school_districts === undefined) missing.push('coe.school_districts: the operations grant is not computed');
      if (inputs.countywide_ada === undefined) missing.push('coe.countywide_ada: the operations grant is not computed');
    }
    const part = (name: string, output: string, used: string, rates: string[]): void => {
      components.push({ name, computed, amount: fixed(money(f?.outputs[output]), 2), inputs: used, rate: ratesOf(ops.reads, rates), note: f ? String(f.outputs.note) : '', rule: ruleOf(f, 'coe_operations_grant'), cite: citeOf(f) });
    };
    part('Operations grant: per COE', 'per_coe', '1 county office of education', ['coe_ops_per_coe']);
    part('Operations grant: per school district', 'per_district', districtsText, ['coe_ops_per_district']);
    part('Operations grant: countywide ADA', 'countywide', adaText, ['coe_ops_ada_rate']);
    if (ops.reads.some((r) => r.name === 'coe_ops_ada_increase')) part('Operations grant: increase per countywide ADA', 'increase', adaText, ['coe_ops_ada_increase']);
  }

  components.push({
    name: 'Alternative Education Grant',
    computed: aeg.known,
    amount: aeg.total,
    inputs: `AEG ADA ${aeg.ada}${aeg.funded_ada !== undefined && aeg.funded_ada !== aeg.ada ? `, funded ${aeg.funded_ada}` : ''}; UPP ${percentText(dec(aeg.upp))}${aeg.funded_ada_note ? ` (${aeg.funded_ada_note})` : ''}`,
    rate: `base ${aeg.base} + supplemental ${aeg.supplemental} + concentration ${aeg.concentration}`,
    note: aeg.note,
    rule: aeg.rule,
    cite: aeg.cite,
  });
  if (aeg.missing_parameter) missing.push(`parameter ${aeg.missing_parameter} (${formatFiscalYear(ctx.year)}): the Alternative Education Grant is not computed; supply it with --set ${aeg.missing_parameter}@${formatFiscalYear(ctx.year)}=<value>`);

  const adds = await ctx.decideOrMissing('coe_add_ons', 'coe', { coe });
  if ('missing' in adds) missing.push(`parameter ${adds.missing.param} (${formatFiscalYear(ctx.year)}): the add-ons are not computed`);
  else {
    const [f] = adds.firings;
    const add = (name: string, output: string, used: string, rates: string[]): void => {
      const amount = money(f?.outputs[output]);
      if (amount.isZero()) return;
      components.push({ name, computed: true, amount: fixed(amount, 2), inputs: used, rate: ratesOf(adds.reads, rates), note: f ? String(f.outputs.note) : '', rule: ruleOf(f, 'coe_add_ons'), cite: citeOf(f) });
    };
    add('Add-on: COE operates a juvenile court school', 'juvenile_court_school', `schools operated by the COE: ${kinds.join(', ')}`, ['coe_juvenile_court_school_addon']);
    add('Add-on: COE operates a county community school', 'county_community_school', `schools operated by the COE: ${kinds.join(', ')}`, ['coe_county_community_school_addon']);
    add('Student Support and Enrichment Block Grant', 'block_grant', `AEG ADA funded ${aeg.funded_ada ?? aeg.ada}`, ['ssebg_per_aeg_ada']);
    add('EC 2575.1 allocation', 'ec_2575_1', `${districtsText}; funded under EC 2575(d) as of 2016-17`, ['coe_2575_1']);
  }

  const notModelled = await ctx.decide('coe_not_modelled', 'coe', { coe });
  const total = components.reduce((sum, c) => sum.plus(dec(c.amount)), ZERO);
  const complete = components.every((c) => c.computed) && missing.length === 0;
  // decision entitlement_checks says whether a lack is a finding; the runner adds what is missing
  for (const f of await ctx.decide('entitlement_checks', 'coe', { coe: { ...coe, entitlement_missing: new Dec(missing.length + components.filter((c) => !c.computed).length) } })) {
    findings.add({
      code: String(f.outputs.code),
      severity: String(f.outputs.level) as FindingResult['severity'],
      subject: s.coe.cds,
      message: `${String(f.outputs.message)}: missing ${missing.join('; ')}; every other figure is computed`,
      rule: `entitlement_checks.${f.rule.name}`,
      cite: f.rule.cites.join('; '),
    });
  }
  return {
    components,
    total: fixed(total, 2),
    complete,
    missing,
    not_modelled: notModelled.map((f) => ({ item: String(f.outputs.item), reason: String(f.outputs.reason), cite: f.rule.cites.join('; ') })),
  };
}
