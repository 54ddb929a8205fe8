/** An error in evaluation (a missing required fact, a division by zero): reported with the position of the expression or fact declaration. */
import type { Expr } from '../syntax/ast.js';

export class EvalError extends Error {
  /** the rule file, once known (set by the evaluator that ran the rule, or by the fact reader for a fact's declaration) */
  file?: string;
  /** the decision.rule being evaluated, once known */
  rule?: string;
  /** set when a parameter has no value in the fiscal year (`value: unknown`, or before its first year): a rule needing it cannot be computed */
  missingParam?: string;
  constructor(
    message: string,
    readonly expr: Expr,
  ) {
    super(message);
  }
}
