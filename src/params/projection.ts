/**
 * The parameters of a projection: the library extended past its horizon by
 * stated assumptions, for one run. The library says how its numbers move
 * from year to year, and a projection follows it rather than a rule of its
 * own:
 *
 * - a parameter whose last-year value is *derived* by a chain (`derive:
 *   grow_by: [<percent parameter> …], round: …`: the base grants, the COE
 *   rates) is derived the same way in each projected year — the prior year's
 *   rounded value × (1 + step), rounded as the last year's entry rounds;
 *   literal one-off steps (`2.31%`) are not repeated;
 * - the percent parameters those chains grow by (the COLAs) take, in each
 *   projected year, the COLA the assumptions state;
 * - every other parameter keeps the value in force in the last year
 *   (carried forward, and listed as such), `unknown` included.
 *
 * Every entry written here is marked `projected` and `unconfirmed` (no
 * source can confirm a figure of a year not yet enacted).
 */
import { formatFiscalYear, keyInForce, type FiscalYear } from '../core/fiscal-year.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Dec } from '../runtime/money.js';
import type { Horizon } from './manifest.js';
import type { DeriveStep, ParamEntry, Parameter } from './model.js';
import { resolveParameters, type ParameterTable } from './resolve.js';
import { formatParamValue } from './units.js';

/** The COLA assumed for one projected year. */
export interface AssumedCola {
  year: FiscalYear;
  value: Dec;
  /** as written, "3.02%" */
  text: string;
  /** where it was written, for the note ("scenario.yaml assumptions.cola.2026-27") */
  origin: string;
}

export interface ParameterProjection {
  params: Parameter[];
  table: ParameterTable;
  /** The horizon of this run: the library's, extended to the last projected year. */
  horizon: Horizon;
  /** The percent parameters that take the assumed COLA, in name order. */
  colaParameters: string[];
  /** Parameters derived in each projected year by their chain, with the steps they grow by. */
  derived: Array<{ parameter: string; steps: string[]; round?: string }>;
  /** Parameters whose last-year value holds in the projected years. */
  carried: Array<{ parameter: string; value: string; from: string }>;
  diagnostics: Diagnostic[];
}

/** The chain a parameter's entry keyed in `year` grows by: its parameter steps; undefined when that entry is not a derivation. */
function chainOf(p: Parameter, year: FiscalYear): Extract<DeriveStep, { kind: 'param' }>[] | undefined {
  const e = p.values.find((x) => x.year === year);
  if (!e?.derive) return undefined;
  const steps = e.derive.growBy.filter((s): s is Extract<DeriveStep, { kind: 'param' }> => s.kind === 'param');
  return steps.length > 0 ? steps : undefined;
}

/**
 * Extends `params` over `years` (consecutive, starting the year after the
 * horizon) with one COLA per year. The caller checked that every year has a
 * COLA; a year without one here is a programming error.
 */
export function projectParameters(params: Parameter[], horizon: Horizon, years: readonly FiscalYear[], cola: readonly AssumedCola[], enumMembers?: Map<string, string[]>): ParameterProjection {
  const last = horizon.last;
  const colaByYear = new Map(cola.map((c) => [c.year, c]));
  const chains = new Map<string, Extract<DeriveStep, { kind: 'param' }>[]>();
  for (const p of params) {
    const steps = chainOf(p, last);
    if (steps) chains.set(p.name, steps);
  }
  const colaParameters = [...new Set([...chains.values()].flat().map((s) => s.name))].filter((n) => !chains.has(n)).sort();
  const out = params.map((p): Parameter => {
    if (colaParameters.includes(p.name)) {
      const added = years.map((y): ParamEntry => {
        const c = colaByYear.get(y);
        if (!c) throw new Error(`no COLA assumed for ${formatFiscalYear(y)}`);
        return { year: y, range: p.range, cite: p.cite, status: 'unconfirmed', value: c.value, text: c.text, note: `Assumed for the projection (${c.origin}): not enacted law.`, projected: true };
      });
      return { ...p, values: [...p.values.filter((e) => e.year <= last), ...added] };
    }
    const steps = chains.get(p.name);
    if (steps) {
      const lastEntry = p.values.find((e) => e.year === last)!;
      const derive = { ...lastEntry.derive!, growBy: steps };
      const added = years.map((y): ParamEntry => ({
        year: y,
        range: lastEntry.range,
        cite: lastEntry.cite ?? p.cite,
        status: 'unconfirmed',
        derive,
        note: `Projected: the ${formatFiscalYear(y - 1)} value × (1 + ${steps.map((s) => s.name).join(') × (1 + ')}) as the ${formatFiscalYear(last)} value is derived, the COLA assumed; not enacted law.`,
        projected: true,
      }));
      return { ...p, values: [...p.values.filter((e) => e.year <= last), ...added] };
    }
    return p;
  });
  const { table, diagnostics } = resolveParameters(out, enumMembers ? { enumMembers } : {});
  const carried: ParameterProjection['carried'] = [];
  for (const p of out) {
    if (colaParameters.includes(p.name) || chains.has(p.name)) continue;
    const key = keyInForce(p.values.map((e) => e.year), last);
    if (key === undefined) continue; // no value in force: nothing to carry (a rule needing it reports it)
    const rv = table.valueInForce(p.name, last);
    carried.push({ parameter: p.name, value: rv ? formatParamValue(p.unit, rv.value, rv.text) : 'unknown', from: formatFiscalYear(key) });
  }
  const derived = [...chains].map(([parameter, steps]) => {
    const round = params.find((p) => p.name === parameter)!.values.find((e) => e.year === last)!.derive!.round;
    return { parameter, steps: steps.map((s) => s.name), ...(round ? { round: typeof round === 'string' ? round : `${round.places} places` } : {}) };
  });
  return { params: out, table, horizon: { ...horizon, last: years.length ? years[years.length - 1] : last }, colaParameters, derived: derived.sort((a, b) => (a.parameter < b.parameter ? -1 : 1)), carried: carried.sort((a, b) => (a.parameter < b.parameter ? -1 : 1)), diagnostics };
}
