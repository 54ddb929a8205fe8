/** Runs one scenario on two libraries and compares the results (`lcff compare`, and test cases with `compare:`). */
import { formatFiscalYear } from '../core/fiscal-year.js';
import type { UserSupplied } from '../params/index.js';
import type { Provenance, RunResult } from '../run/result.js';
import { runScenario } from '../run/run.js';
import type { Scenario } from '../scenario/model.js';
import { diffLaw } from '../semantics/diff.js';
import type { Library } from '../semantics/library.js';
import { compareRuns } from './deltas.js';
import type { CompareResult, CompareSide } from './result.js';

export interface CompareInput {
  scenario: Scenario;
  /** How the scenario is named in the result (its path). */
  source: string;
  /** Side a: its library (extended past its last year when side.projection says so: projected-side.ts). */
  a: { lib: Library; side: CompareSide };
  b: { lib: Library; side: CompareSide; supplied: readonly UserSupplied[] };
  /** The provenance of a side (the command's: src/cli/provenance.ts), given how many unconfirmed values its run relied on; none in test cases. */
  provenance?: (side: 'a' | 'b', unconfirmed: number) => Provenance;
}

/** Both sides on json-rules-engine (its trace names what each figure used); a RunError of either side is thrown as is. */
export async function compareScenario(input: CompareInput): Promise<CompareResult> {
  return (await compareScenarioRuns(input)).result;
}

/** The comparison and each side's run result (a batch of comparisons adds up the sides' figures: src/batch/compare-summary.ts). */
export async function compareScenarioRuns(input: CompareInput): Promise<{ result: CompareResult; a: RunResult; b: RunResult }> {
  const year = input.scenario.fiscal_year;
  const sideA = { lib: input.a.lib, ...(await runScenario(input.a.lib, input.scenario, { evaluator: 'engine' })) };
  const sideB = { lib: input.b.lib, ...(await runScenario(input.b.lib, input.scenario, { evaluator: 'engine', userSupplied: input.b.supplied })) };
  const law = diffLaw({ lib: input.a.lib, year }, { lib: input.b.lib, year });
  const result: CompareResult = {
    scenario: input.source,
    fiscal_year: formatFiscalYear(year),
    a: { ...input.a.side, ...(input.provenance ? { provenance: input.provenance('a', sideA.result.unconfirmed.length) } : {}) },
    b: { ...input.b.side, ...(input.provenance ? { provenance: input.provenance('b', sideB.result.unconfirmed.length) } : {}) },
    law: { rules: law.rules, values: law.values },
    ...(input.a.side.projection ? markedProjected(compareRuns(sideA, sideB, law, year)) : compareRuns(sideA, sideB, law, year)),
  };
  return { result, a: sideA.result, b: sideB.result };
}

/** Side a ran as a projection (projected-side.ts): every figure of it is marked. */
function markedProjected(c: Pick<CompareResult, 'deltas' | 'totals'>): Pick<CompareResult, 'deltas' | 'totals'> {
  return {
    deltas: c.deltas.map((d) => ({ ...d, a_projected: true as const })),
    totals: { transfers: { ...c.totals.transfers, a_projected: true }, coe_entitlement: { ...c.totals.coe_entitlement, a_projected: true } },
  };
}
