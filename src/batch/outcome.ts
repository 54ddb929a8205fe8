/**
 * What one scenario of a batch came to, as it crosses from a worker thread to
 * the main thread (plain data, structured-cloneable): its result, or the
 * error that stopped it, and the warnings its input gave. One shape per
 * command: `lcff run` (ScenarioOutcome), `lcff compare` (CompareOutcome,
 * src/batch/compare-outcome.ts) and `lcff project` (ProjectOutcome,
 * src/batch/project-outcome.ts), on one common base.
 */
import type { PublishedResult } from '../run/result.js';
import type { EvaluatorKind } from '../runtime/evaluate.js';
import { EXIT } from '../cli/errors.js';
import type { BatchStatus } from './contract.js';

export interface OutcomeBase {
  /** the scenario's path as given or found in a folder */
  scenario: string;
  status: BatchStatus;
  /** the scenario's warnings (visible-safe diagnostic lines), printed on stderr in input order */
  warnings: string[];
  /** why it did not run (input, fatal), or what --fail-on matched (findings) */
  error?: string;
  /** known once the scenario was read, even when its run failed */
  fiscal_year?: string;
  county?: { code: string; name: string };
}

export interface ScenarioOutcome extends OutcomeBase {
  /** present when the scenario ran (status ok or findings) */
  result?: PublishedResult;
  evaluator?: EvaluatorKind;
}

/** The fields every batch summary row begins with (src/batch/contract-parts.ts, scenarioRowBase): position, path, status and its exit code, and the year and county once known. */
export function scenarioRowStart(index: number, o: OutcomeBase) {
  return {
    index,
    scenario: o.scenario,
    status: o.status,
    exit_code: EXIT[o.status],
    ...(o.fiscal_year !== undefined ? { fiscal_year: o.fiscal_year } : {}),
    ...(o.county !== undefined ? { county: o.county } : {}),
  };
}

/** A batch's exit code: the highest of its scenarios' (0 for none). */
export function batchExitCode(rows: ReadonlyArray<{ exit_code: number }>): number {
  return Math.max(EXIT.ok, ...rows.map((r) => r.exit_code));
}
