/**
 * `lcff project`: the scenario's year and the years after it, each run by
 * the same rules as `lcff run` — a year within the library's horizon with
 * its enacted law, a year past it with the library extended by the assumed
 * COLA (src/params/projection.ts) — on a scenario rolled forward from the
 * year before (roll-forward.ts). Nothing here computes law.
 */
import { NO_RANGE, type Diagnostic } from '../core/diagnostics.js';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.js';
import type { OverrideSpec } from '../params/index.js';
import { runScenario } from '../run/run.js';
import { RunError, type EvaluatorKind } from '../run/context.js';
import type { RunResult } from '../run/result.js';
import { ScenarioCodes as C } from '../scenario/diagnostic-codes.js';
import { ASSUMPTION_KINDS, type Assumptions, type Scenario } from '../scenario/model.js';
import type { Library } from '../semantics/library.js';
import { withOverrides } from '../semantics/overrides.js';
import { withProjection } from '../semantics/projection.js';
import { rollForward } from './roll-forward.js';
import { summarise } from './summary.js';
import type { ProjectionResult } from './result.js';

/** Assumptions that cannot make the projection asked for: every problem at once, each with its code and place. */
export class AssumptionsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
  }
}

export interface ProjectionRequest {
  /** The checked library, without overrides. */
  lib: Library;
  scenario: Scenario;
  /** The last fiscal year to project (the first is the year after the scenario's). */
  through: FiscalYear;
  /** An --assumptions file's, in place of the scenario's own (the default). */
  assumptions?: Assumptions;
  /** --set overrides, which may name projected years. */
  sets?: readonly OverrideSpec[];
  evaluator?: EvaluatorKind;
}

export interface ProjectionOutput {
  result: ProjectionResult;
  /** Each year's full run result, the scenario's year first. */
  runs: RunResult[];
}

/** How a missing COLA is fixed in `lcff project`; a comparison says its own (src/compare/projected-side.ts). */
const ADD_COLA = (fy: string) => `add assumptions: { cola: { ${fy}: <percent> } } to the scenario or to an --assumptions file`;

/** What the assumptions lack for, or say about years outside, a projection of `years` (LCFF-S072, LCFF-S073). */
export function checkAssumptions(lib: Library, scenario: Scenario, years: FiscalYear[], a: Assumptions | undefined, fix: (fy: string) => string = ADD_COLA): Diagnostic[] {
  const out: Diagnostic[] = [];
  const last = lib.horizon.last;
  const file = a?.file ?? scenario.file;
  for (const y of years.filter((x) => x > last)) {
    if (a?.cola.some((c) => c.year === y)) continue;
    const fy = formatFiscalYear(y);
    out.push({
      code: C.missingCola,
      severity: 'error',
      file,
      range: a?.range ?? NO_RANGE,
      data: { field: 'assumptions.cola' },
      message: `assumptions.cola: ${fy} is past the library's last year of enacted law (${formatFiscalYear(last)}${lib.horizon.file ? `, ${lib.horizon.file}` : ''}): a projection needs the COLA assumed for it; ${fix(fy)}`,
    });
  }
  for (const c of a?.cola ?? []) {
    if (c.year > last) continue;
    out.push({ code: C.assumptionYear, severity: 'error', file: c.file, range: c.range, message: `${c.field}: the library holds enacted law for ${formatFiscalYear(c.year)}, its COLA included: a COLA is assumed only past ${formatFiscalYear(last)} (to change an enacted value for a run, use --set <parameter>@${formatFiscalYear(c.year)}=<value>)` });
  }
  return out;
}

export async function runProjection(request: ProjectionRequest): Promise<ProjectionOutput> {
  const { scenario } = request;
  const req = { ...request, assumptions: request.assumptions ?? scenario.assumptions };
  const years: FiscalYear[] = [];
  for (let y = scenario.fiscal_year + 1; y <= req.through; y++) years.push(y);
  const problems = checkAssumptions(req.lib, scenario, years, req.assumptions);
  if (problems.length > 0) throw new AssumptionsError(problems);
  const libraryLast = req.lib.horizon.last;
  const extended = projectedLaw(req.lib, years, req.assumptions);
  const { lib, supplied } = withOverrides(extended.lib, req.sets ?? []);
  const runs: RunResult[] = [];
  let current = scenario;
  let result = (await runScenario(lib, current, { evaluator: req.evaluator ?? 'engine', userSupplied: supplied })).result;
  runs.push(result);
  for (const y of years) {
    current = rollForward(current, result, y, req.assumptions);
    try {
      result = (await runScenario(lib, current, { evaluator: req.evaluator ?? 'engine', userSupplied: supplied })).result;
    } catch (e) {
      // a fatal run error stays fatal (exit 3); it names the projected year it happened in
      if (e instanceof RunError) throw new RunError(e.code, `${formatFiscalYear(y)} (projected): ${e.message}`);
      throw e;
    }
    runs.push(result);
  }
  const used = usedAssumptions(req.assumptions, years);
  return { result: summarise({ lib, scenarioYear: scenario.fiscal_year, libraryLast, runs, projection: extended.projection, assumptions: used, supplied }), runs };
}

/** The library extended past its last year through the last of `years` by the assumed COLAs (checked by checkAssumptions first). */
export function projectedLaw(lib: Library, years: readonly FiscalYear[], a: Assumptions | undefined): ReturnType<typeof withProjection> {
  const lawYears = years.filter((y) => y > lib.horizon.last);
  const cola = (a?.cola ?? []).filter((c) => lawYears.includes(c.year)).map((c) => ({ year: c.year, value: c.value, text: c.text, origin: `${c.file} ${c.field}` }));
  return withProjection(lib, lawYears, cola);
}

/** The assumptions of the projected years only, as written. */
export function usedAssumptions(a: Assumptions | undefined, years: FiscalYear[]): ProjectionResult['projection']['assumptions'] {
  const out = { source: a?.file ?? '', cola: [], ada_growth: [], enrollment_growth: [], upc_growth: [] } as ProjectionResult['projection']['assumptions'];
  for (const k of ASSUMPTION_KINDS) out[k] = (a?.[k] ?? []).filter((x) => years.includes(x.year)).map((x) => ({ fiscal_year: formatFiscalYear(x.year), value: x.text }));
  return out;
}
