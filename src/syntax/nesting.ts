/**
 * The nesting limit of expressions (docs/language.md, LCFF-E009), checked on
 * the token stream before the parser runs: the parser, the CST→AST builder,
 * the checker and the compiler recurse once per level of nesting, so a
 * document nested deeper than the limit is refused with a positioned
 * diagnostic instead of exhausting the stack. Long flat chains
 * (`a + b + c + ...`, `x and y and ...`) do not nest and have no limit.
 *
 * A level is opened by `(` (parentheses, calls, `round(`), `[` (lists,
 * indexes), `if`, and a prefix `not` or unary minus. The count is
 * conservative: a level stays open at least as long as the parser's
 * recursion for it, so a document under the limit never recurses deeper.
 */
import { tokenMatcher, type IToken, type TokenType } from './chevrotain.js';
import { MAX_NESTING } from './limits.js';
import * as T from './tokens.js';

export { MAX_NESTING };

type Frame = { k: 'bracket' } | { k: 'if'; state: 'cond' | 'then' | 'else' } | { k: 'not' } | { k: 'neg' };

const is = (t: IToken | undefined, type: TokenType): boolean => t !== undefined && tokenMatcher(t, type);

/** Keywords that end any expression: the parser re-synchronises at them. */
const STATEMENT = [T.Rule, T.Otherwise, T.End, T.Cite, T.Effective, T.Status, T.Output, T.When, T.Enum, T.Facts, T.Formula, T.Decision];
/** Tokens after which a `-` or `not` is infix (`a - b`, `a not in l`), not a prefix. */
const OPERAND_END = [T.Identifier, T.NumberLit, T.Percent, T.Money, T.Year, T.StringLit, T.True, T.False, T.RParen, T.RBracket, T.Present, T.Missing];
const BINARY = [T.AdditiveOp, T.MultiplicativeOp, T.CompareOp, T.Is, T.In, T.And, T.Or];

/** The first token that opens a level beyond `limit`, or undefined when the tokens nest within it. */
export function tooDeep(tokens: readonly IToken[], limit = MAX_NESTING): IToken | undefined {
  const stack: Frame[] = [];
  const top = (): Frame | undefined => stack[stack.length - 1];
  /** Pops frames while `pred` holds for the top one. */
  const popWhile = (pred: (f: Frame) => boolean): void => {
    while (stack.length > 0 && pred(top()!)) stack.pop();
  };
  const push = (f: Frame): boolean => {
    stack.push(f);
    return stack.length > limit;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const afterOperand = OPERAND_END.some((k) => is(prev, k));
    if (STATEMENT.some((k) => is(t, k))) {
      stack.length = 0;
    } else if (is(t, T.LParen) || is(t, T.LBracket)) {
      if (push({ k: 'bracket' })) return t;
    } else if (is(t, T.RParen) || is(t, T.RBracket)) {
      if (stack.some((f) => f.k === 'bracket')) {
        popWhile((f) => f.k !== 'bracket');
        stack.pop();
      }
    } else if (is(t, T.If)) {
      if (push({ k: 'if', state: 'cond' })) return t;
    } else if (is(t, T.Then)) {
      popWhile((f) => f.k === 'not' || f.k === 'neg' || (f.k === 'if' && f.state === 'else'));
      const f = top();
      if (f?.k === 'if' && f.state === 'cond') f.state = 'then';
      else stack.length = 0; // the rule's own `then`
    } else if (is(t, T.Else)) {
      popWhile((f) => f.k === 'not' || f.k === 'neg' || (f.k === 'if' && f.state === 'else'));
      const f = top();
      if (f?.k === 'if' && f.state === 'then') f.state = 'else';
    } else if (is(t, T.Comma)) {
      if (stack.some((f) => f.k === 'bracket')) popWhile((f) => f.k !== 'bracket');
      else stack.length = 0; // between the assignments of a rule
    } else if (is(t, T.Not) && !afterOperand && !is(prev, T.Is)) {
      if (push({ k: 'not' })) return t;
    } else if (is(t, T.Minus) && !afterOperand) {
      if (push({ k: 'neg' })) return t;
    } else if (BINARY.some((k) => is(t, k))) {
      // a unary minus binds tighter than any operator; `not` looser than comparisons, tighter than and/or
      popWhile((f) => f.k === 'neg' || ((is(t, T.And) || is(t, T.Or)) && f.k === 'not'));
    }
  }
  return undefined;
}
