/**
 * A projected year's scenario from the year before: the same county, LEAs,
 * schools, students and agreements, the counts grown by the assumptions,
 * and the year before appended to every history. Machinery, not law: the
 * rules then run on it exactly as on a scenario a user wrote.
 *
 * - ADA (each student's, the COE's countywide ADA) × (1 + ada_growth),
 *   rounded half up to two decimals; unchanged without an assumption.
 * - Enrollment and unduplicated counts the scenario gives (districts,
 *   charters) × (1 + enrollment_growth | upc_growth), rounded half up to a
 *   whole pupil. The COE's own census-day counts are its student records,
 *   which a projection neither adds nor removes.
 * - History: every LEA gets the prior year's funded counts (its result's
 *   counts after county-program adjustments, what a certified UPP exhibit
 *   shows), so the rolling UPP window of a projected year reads the
 *   scenario's history, the scenario's year and the projected years before.
 *   The COE's AEG ADA history gets the prior year's AEG ADA.
 * - Prior-year corrections and PADC data belong to the scenario's year
 *   only: a projected year has none.
 */
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.js';
import { dec, ONE, roundTo, type Dec } from '../runtime/money.js';
import type { RunResult } from '../run/result.js';
import type { AssumedPercent, Assumptions, CountPair, Scenario } from '../scenario/model.js';

/** A growth assumption that makes a projected scenario impossible (more unduplicated pupils than pupils): a usage error naming the LEA, the year and the assumptions. */
export class ProjectionInputError extends Error {}

/** The rounding a projection declares for what it grows (listed in every output). */
export const ROLL_FORWARD_ROUNDING = { ada: 'half up to two decimals', counts: 'half up to a whole pupil' } as const;

function growthOf(list: readonly AssumedPercent[] | undefined, year: FiscalYear): Dec | undefined {
  return list?.find((a) => a.year === year)?.value;
}

function growAda(ada: Dec, g: Dec | undefined): Dec {
  return g === undefined ? ada : roundTo(ada.times(ONE.plus(g)), { places: 2 });
}

/** A count grown and rounded to a whole pupil; undefined when it is beyond any county (not a safe integer). */
function growCount(n: number, g: Dec | undefined): number | undefined {
  if (g === undefined) return n;
  const grown = roundTo(dec(n).times(ONE.plus(g)), 'dollar');
  return grown.lte(Number.MAX_SAFE_INTEGER) ? grown.toNumber() : undefined;
}

/** Scenario of `year` (the year after `prior`'s) from `prior` and its result. */
export function rollForward(prior: Scenario, result: RunResult, year: FiscalYear, assumptions: Assumptions | undefined): Scenario {
  const ada = growthOf(assumptions?.ada_growth, year);
  const enr = growthOf(assumptions?.enrollment_growth, year);
  const upc = growthOf(assumptions?.upc_growth, year);
  const funded = new Map(result.leas.map((l) => [l.cds, { enrollment: l.enrollment.after, unduplicated: l.unduplicated.after }]));
  const withPrior = (cds: string, h: Map<FiscalYear, CountPair> | undefined): Map<FiscalYear, CountPair> => {
    const next = new Map(h ?? []);
    const counts = funded.get(cds);
    if (counts) next.set(prior.fiscal_year, counts);
    return next;
  };
  const grown = <T extends { cds: string; name: string; enrollment: number; unduplicated: number }>(lea: T): T => {
    const enrollment = growCount(lea.enrollment, enr);
    const unduplicated = growCount(lea.unduplicated, upc);
    if (enrollment === undefined || unduplicated === undefined) {
      throw new ProjectionInputError(`${formatFiscalYear(year)}: the assumed growth gives ${lea.name} (${lea.cds}) more pupils than any county has (at most ${Number.MAX_SAFE_INTEGER})`);
    }
    if (unduplicated > enrollment) {
      throw new ProjectionInputError(`${formatFiscalYear(year)}: the assumed growth gives ${lea.name} (${lea.cds}) ${unduplicated} unduplicated pupils but ${enrollment} enrolled (enrollment_growth ${enr ? pct(assumptions!.enrollment_growth, year) : 'none'}, upc_growth ${upc ? pct(assumptions!.upc_growth, year) : 'none'}): the unduplicated count cannot exceed the enrollment`);
    }
    return { ...lea, enrollment, unduplicated };
  };
  const aeg = dec(result.aeg.ada);
  const inputs = prior.coe.inputs;
  return {
    ...prior,
    fiscal_year: year,
    coe: {
      ...prior.coe,
      history: withPrior(prior.coe.cds, prior.coe.history),
      inputs: {
        ...inputs,
        ...(inputs.countywide_ada !== undefined ? { countywide_ada: growAda(inputs.countywide_ada, ada) } : {}),
        aeg_ada_history: new Map([...inputs.aeg_ada_history, [prior.fiscal_year, aeg]]),
      },
    },
    districts: prior.districts.map((d) => ({ ...grown(d), history: withPrior(d.cds, d.history) })),
    charters: prior.charters.map((c) => ({ ...grown(c), history: withPrior(c.cds, c.history) })),
    students: prior.students.map((s) => (ada === undefined ? s : { ...s, ada: growAda(s.ada, ada) })),
    corrections: [],
    padc: undefined,
  };
}

function pct(list: readonly AssumedPercent[], year: FiscalYear): string {
  return list.find((a) => a.year === year)?.text ?? 'none';
}
