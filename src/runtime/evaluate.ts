/**
 * The one evaluation API: a decision of a program compiled for a fiscal
 * year, applied to one subject's facts, by the json-rules-engine path (the
 * reference, with a trace) or the fast path.
 */
import type { Program } from '../compile/program.js';
import { decideFast, decideWithEngine, type DecisionOutcome } from './decide.js';

export type EvaluatorKind = 'engine' | 'fast';

export class UnknownDecisionError extends Error {}

export async function evaluate(program: Program, decision: string, facts: Record<string, unknown>, evaluator: EvaluatorKind = 'engine'): Promise<DecisionOutcome> {
  const d = program.decisions.get(decision);
  if (!d) throw new UnknownDecisionError(`the rule library has no decision "${decision}"`);
  const input = { year: program.year, facts };
  return evaluator === 'engine' ? decideWithEngine(program.lib, d, input) : decideFast(d, input);
}
