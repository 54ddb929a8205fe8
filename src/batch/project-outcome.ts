/**
 * One scenario of a batch of projections as it crosses from a worker thread:
 * the projection, and per year (the scenario's, then the projected ones) the
 * figures the summary adds up (src/batch/project-summary.ts).
 */
import type { ProjectionResult } from '../project/result.js';
import type { RunResult } from '../run/result.js';
import type { OutcomeBase } from './outcome.js';

export interface ProjectYearFigures {
  fiscal_year: string;
  projected: boolean;
  students: number;
  ada: string;
  transfers: string;
  coe_entitlement: string;
  complete: boolean;
}

export interface ProjectOutcome extends OutcomeBase {
  /** present when the projection ran */
  result?: ProjectionResult;
  years?: ProjectYearFigures[];
}

/** Each year's figures: the projection's totals, with the students of the year's run (runs in the projection's year order). */
export function projectYearFigures(result: ProjectionResult, runs: readonly RunResult[]): ProjectYearFigures[] {
  return result.totals.map((t, i) => {
    const entitlement = result.coe_entitlement.totals[i];
    if (runs[i]?.fiscal_year !== t.fiscal_year || entitlement?.fiscal_year !== t.fiscal_year) throw new Error(`projection years out of step at ${t.fiscal_year}`);
    return { fiscal_year: t.fiscal_year, projected: t.projected, students: runs[i].students.length, ada: t.ada, transfers: t.transfers, coe_entitlement: t.coe_entitlement, complete: entitlement.complete };
  });
}
