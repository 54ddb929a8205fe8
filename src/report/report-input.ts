/**
 * What the reports of a run read (the workbook, the HTML report): the run's
 * result with its provenance (which law, which program, when — the one
 * object every output words), the scenario it ran (the students' input
 * columns are not in the result) and the checked rule library (labels, the
 * values of the year). Written once; each report names it as it likes.
 */
import type { PublishedResult } from '../run/result.js';
import type { Scenario } from '../scenario/model.js';
import type { Library } from '../semantics/library.js';

export interface ReportInput {
  result: PublishedResult;
  scenario: Scenario;
  lib: Library;
  /** The scenario path as the user gave it. */
  source: string;
}
