/** The side-by-side projection result (result.ts) from each year's run result and how the law was extended. */
import { formatFiscalYear, parseFiscalYear, type FiscalYear } from '../core/fiscal-year.js';
import type { UserSupplied, ParameterProjection } from '../params/index.js';
import { formatUnitValue } from '../params/units.js';
import { dec, fixed, sum, ZERO } from '../runtime/money.js';
import type { RunResult } from '../run/result.js';
import type { Library } from '../semantics/library.js';
import type { ProjectionLea, ProjectionResult } from './result.js';
import { ROLL_FORWARD_ROUNDING } from './roll-forward.js';

export interface SummaryInput {
  /** The library as the projection ran it (extended, with overrides). */
  lib: Library;
  scenarioYear: FiscalYear;
  libraryLast: FiscalYear;
  runs: RunResult[];
  projection: Omit<ParameterProjection, 'params' | 'table'>;
  assumptions: ProjectionResult['projection']['assumptions'];
  supplied: readonly UserSupplied[];
}

/** What the scenario has that a projected year does not (roll-forward.ts). */
const NOT_CARRIED = ['prior-year corrections (corrections): they apply in the scenario\'s year', 'PADC ADA (padc): reported data of the scenario\'s year; a projected year has none to validate'];

const money = (values: string[]): string => fixed(sum(values.map((v) => dec(v))), 2);

export function summarise(input: SummaryInput): ProjectionResult {
  const { runs, lib } = input;
  const yearOf = (r: RunResult): FiscalYear => parseFiscalYear(r.fiscal_year)!;
  const isProjected = (r: RunResult): boolean => yearOf(r) > input.scenarioYear;
  const leas: ProjectionLea[] = runs[0].leas.map((l) => ({ cds: l.cds, kind: l.kind, name: l.name, years: [] }));
  const byCds = new Map(leas.map((l) => [l.cds, l]));
  for (const r of runs) {
    for (const l of r.leas) {
      const out = byCds.get(l.cds);
      if (!out) continue;
      const paid = r.transfers.filter((t) => t.from === l.cds).map((t) => t.amount);
      const received = r.transfers.filter((t) => t.to === l.cds).map((t) => t.amount);
      out.years.push({
        fiscal_year: r.fiscal_year,
        projected: isProjected(r),
        ada: l.ada.after,
        enrollment: l.enrollment.after,
        unduplicated: l.unduplicated.after,
        upp_rolling: l.upp.rolling_after,
        ...(l.rates ? { rates: l.rates } : {}),
        ...(l.kind === 'district' ? { transfers_out: money(paid) } : {}),
        ...(l.kind === 'coe' ? { transfers_in: money(received) } : {}),
      });
    }
  }
  const names = [...new Set(runs.flatMap((r) => r.coe_entitlement.components.map((c) => c.name)))];
  const components = names.map((name) => ({
    name,
    years: runs.map((r) => {
      const c = r.coe_entitlement.components.find((x) => x.name === name);
      return { fiscal_year: r.fiscal_year, projected: isProjected(r), computed: c?.computed ?? false, amount: c?.amount ?? fixed(ZERO, 2) };
    }),
  }));
  const count = (r: RunResult, s: 'error' | 'warning' | 'info') => r.findings.filter((f) => f.severity === s).length;
  return {
    county: runs[0].county,
    projection: {
      scenario_year: formatFiscalYear(input.scenarioYear),
      library_last_year: formatFiscalYear(input.libraryLast),
      years: runs.map((r) => ({ fiscal_year: r.fiscal_year, projected: isProjected(r), law: yearOf(r) > input.libraryLast ? 'projected' : 'enacted' })),
      assumptions: input.assumptions,
      cola_parameters: input.projection.colaParameters,
      derived: input.projection.derived,
      carried_forward: input.projection.carried,
      law: lawValues(lib, [...input.projection.colaParameters, ...input.projection.derived.map((d) => d.parameter)], runs.map(yearOf), input.libraryLast),
      rounding: { ...ROLL_FORWARD_ROUNDING },
      not_carried: NOT_CARRIED,
    },
    leas,
    coe_entitlement: {
      components,
      totals: runs.map((r) => ({ fiscal_year: r.fiscal_year, projected: isProjected(r), total: r.coe_entitlement.total, complete: r.coe_entitlement.complete })),
    },
    totals: runs.map((r) => ({
      fiscal_year: r.fiscal_year,
      projected: isProjected(r),
      ada: r.conservation.ada_in,
      transfers: money(r.transfers.map((t) => t.amount)),
      coe_entitlement: r.coe_entitlement.total,
      findings: { error: count(r, 'error'), warning: count(r, 'warning'), info: count(r, 'info') },
    })),
    user_supplied: input.supplied.map((u) => ({ parameter: u.parameter, ...(u.member !== undefined ? { member: u.member } : {}), year: u.year, value: u.value, replaced: u.replaced })),
    unconfirmed: [...new Set(runs.flatMap((r) => r.unconfirmed))].sort(),
  };
}

/** The values of the parameters the projection moves, each year side by side (a breakdown: one row per member). */
function lawValues(lib: Library, names: string[], years: FiscalYear[], libraryLast: FiscalYear): ProjectionResult['projection']['law'] {
  const out: ProjectionResult['projection']['law'] = [];
  for (const name of [...new Set(names)].sort()) {
    const p = lib.params.get(name);
    if (!p) continue;
    const at = (y: FiscalYear) => lib.params.valueInForce(name, y)?.value;
    const first = at(years[0]);
    const members = first instanceof Map ? [...first.keys()] : [undefined];
    for (const member of members) {
      out.push({
        parameter: name,
        ...(member !== undefined ? { member } : {}),
        years: years.map((y) => {
          const v = at(y);
          const x = v === undefined ? undefined : v instanceof Map ? v.get(member!) : v;
          return { fiscal_year: formatFiscalYear(y), projected: y > libraryLast, value: x === undefined ? 'unknown' : formatUnitValue(p.unit, x) };
        }),
      });
    }
  }
  return out;
}
