/** What the HTML report reads: the run's result, the scenario it ran, the checked rule library (labels, the values of the year) and the run's provenance. */
import type { RunResult } from '../../run/result.js';
import type { Scenario } from '../../scenario/model.js';
import type { Library } from '../../semantics/library.js';

export interface HtmlInput {
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
  evaluator: 'engine' | 'fast';
}
