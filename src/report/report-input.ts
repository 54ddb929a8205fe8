/**
 * What the reports of a run read (the workbook, the HTML report): the run's
 * result, the scenario it ran (the students' input columns are not in the
 * result), the checked rule library (labels, the values of the year) and the
 * run's provenance. Written once; each report names it as it likes.
 */
import type { EvaluatorKind } from '../runtime/evaluate.js';
import type { RunResult } from '../run/result.js';
import type { Scenario } from '../scenario/model.js';
import type { Library } from '../semantics/library.js';

export interface ReportInput {
  result: RunResult;
  scenario: Scenario;
  lib: Library;
  /** The scenario path as the user gave it. */
  source: string;
  /** The rule library's folder. */
  rulesPath: string;
  /** lcff-rules' version (package.json). */
  version: string;
  ranAt: Date;
  evaluator: EvaluatorKind;
}
