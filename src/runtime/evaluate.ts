/**
 * The one evaluation API: a decision of a program compiled for a fiscal
 * year, applied to one subject's facts, by the json-rules-engine path (the
 * reference, with a trace), the closure path (`fast`) or the generated
 * kernel (`kernel`, compile/kernel/).
 */
import type { ParamRead } from '../compile/expr-closure.js';
import { kernelOf } from '../compile/kernel/index.js';
import type { Program } from '../compile/program.js';
import { decideFast, decideWithEngine, type DecisionOutcome } from './decide.js';

export type EvaluatorKind = 'engine' | 'fast' | 'kernel';

/** The evaluators, for option parsing and messages. */
export const EVALUATORS: readonly EvaluatorKind[] = ['engine', 'fast', 'kernel'];

export class UnknownDecisionError extends Error {}

export async function evaluate(program: Program, decision: string, facts: Record<string, unknown>, evaluator: EvaluatorKind = 'engine'): Promise<DecisionOutcome> {
  const d = program.decisions.get(decision);
  if (!d) throw new UnknownDecisionError(`the rule library has no decision "${decision}"`);
  const input = { year: program.year, facts };
  if (evaluator === 'engine') return decideWithEngine(program.lib, d, input);
  if (evaluator === 'fast') return decideFast(d, input);
  return decideKernel(program, decision, facts);
}

/** The kernel path, synchronous: the same outcome as decideFast (no trace of rules that did not fire). */
export function decideKernel(program: Program, decision: string, facts: Record<string, unknown>): DecisionOutcome {
  const run = kernelOf(program).decisions.get(decision);
  if (!run) throw new UnknownDecisionError(`the rule library has no decision "${decision}"`);
  const reads: ParamRead[] = [];
  const calls: string[] = [];
  const firings = run(facts, reads, calls);
  return { decision, firings, trace: [], reads, calls };
}
