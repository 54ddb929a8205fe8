/** Which evaluator a run uses (`lcff run`, alone or in a batch): json-rules-engine, or the compiled fast path (the generated kernel, src/compile/kernel). */
import type { EvaluatorKind } from '../runtime/evaluate.js';
import type { Scenario } from '../scenario/model.js';

/** Above this many students a run without --explain takes the fast path (proven equal to the engine path by differential tests). */
export const FAST_PATH_FROM = 10_000;

/** --fast, --engine, or the fast path from FAST_PATH_FROM students unless --explain needs the engine's trace. */
export function evaluatorFor(scenario: Scenario, opts: { fast?: boolean; engine?: boolean; explain?: string }): EvaluatorKind {
  const large = scenario.students.length >= FAST_PATH_FROM && !opts.explain && !opts.engine;
  // the compiled fast path is the generated kernel: measured faster than the closures, with the same results (differential tests)
  return opts.fast || large ? 'kernel' : 'engine';
}
