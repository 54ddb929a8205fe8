/**
 * Side a of a comparison in a year its library holds no law for (a reform
 * that adds 2026-27 against current law, which stops at 2025-26): the
 * library extended past its last year by the assumed COLAs, exactly as
 * `lcff project` extends it (src/project/project.ts, src/params/projection.ts).
 * Both sides run the scenario's own data, so only the COLAs apply: growth
 * assumptions roll a scenario forward, which a comparison does not do.
 */
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.js';
import { AssumptionsError, checkAssumptions, projectedLaw, usedAssumptions } from '../project/project.js';
import { ASSUMPTION_KINDS, type Assumptions, type Scenario } from '../scenario/model.js';
import type { Library } from '../semantics/library.js';
import type { CompareSide } from './result.js';

export type SideProjection = NonNullable<CompareSide['projection']>;

export interface ProjectedSide {
  /** The library extended through the scenario's year. */
  lib: Library;
  projection: SideProjection;
  /** Growth assumptions given for those years, which a comparison does not apply ("ada_growth 2026-27"). */
  unused: string[];
}

/**
 * Side a's library extended through the scenario's year; every year past
 * its last needs an assumed COLA (LCFF-S072) and none may be assumed for a
 * year it holds law for (LCFF-S073): AssumptionsError with each problem.
 */
export function projectedSide(lib: Library, scenario: Scenario, assumptions: Assumptions | undefined, label: string): ProjectedSide {
  const last = lib.horizon.last;
  const years: FiscalYear[] = [];
  for (let y = last + 1; y <= scenario.fiscal_year; y++) years.push(y);
  const fix = (fy: string) => `side a (${label}) holds law through ${formatFiscalYear(last)}: to compare with it projected to ${formatFiscalYear(scenario.fiscal_year)}, give --assumptions <file> with cola: { ${fy}: <percent> } (docs/reforms.md)`;
  const problems = checkAssumptions(lib, scenario, years, assumptions, fix);
  if (problems.length > 0) throw new AssumptionsError(problems);
  const extended = projectedLaw(lib, years, assumptions);
  const used = usedAssumptions(assumptions, years);
  const unused = ASSUMPTION_KINDS.filter((k) => k !== 'cola').flatMap((k) => used[k].map((x) => `${k} ${x.fiscal_year}`));
  const p = extended.projection;
  return {
    lib: extended.lib,
    projection: {
      library_last_year: formatFiscalYear(last),
      years: years.map(formatFiscalYear),
      assumptions: { source: used.source, cola: used.cola, ada_growth: [], enrollment_growth: [], upc_growth: [] },
      cola_parameters: p.colaParameters,
      derived: p.derived,
      carried_forward: p.carried,
    },
    unused,
  };
}

/** "side a projected past 2025-26 by cola 2026-27 3.02% (cola.yaml)": how the terminal, the CSV and the page name it. */
export function projectionText(p: SideProjection): string {
  const cola = p.assumptions.cola.map((c) => `${c.fiscal_year} ${c.value}`).join(', ');
  return `projected past ${p.library_last_year} (its last year of enacted law) by the assumed COLA ${cola}${p.assumptions.source ? ` (${p.assumptions.source})` : ''}; ${p.cola_parameters.join(', ')} take it, the rates derived from them grow by it, every other parameter is carried forward`;
}
