/**
 * The grammar of docs/language.md as a chevrotain CstParser with error
 * recovery on. `parse.ts` feeds it one declaration at a time (the token
 * stream is split at the top-level keywords enum/facts/formula/decision), so
 * a broken declaration never hides the next one; inside a decision,
 * chevrotain's re-sync recovery resumes at the next `rule`, `otherwise` or
 * `end`.
 */
import type { CstNode, IToken } from 'chevrotain';
import { ExpressionParser } from './parser-expr.js';
import * as T from './tokens.js';

/** Declarations; the expression rules come from ExpressionParser. */
export class LcffParser extends ExpressionParser {
  /** `validate`: chevrotain's checks of the grammar (ExpressionParser); test/syntax/grammar-checks.test.ts runs them. */
  constructor(validate = false) {
    super(validate);
    this.performSelfAnalysis();
  }

  declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.enumDecl) },
      { ALT: () => this.SUBRULE(this.factsDecl) },
      { ALT: () => this.SUBRULE(this.formulaDecl) },
      { ALT: () => this.SUBRULE(this.decisionDecl) },
      { ALT: () => this.SUBRULE(this.setDecl) },
    ]);
  });

  // ---- set --------------------------------------------------------------------

  /** `set aeg_bases : enrollment_basis cite "..." = [wic_300, wic_601]`: a named set of enum members. */
  setDecl = this.RULE('setDecl', () => {
    this.CONSUME(T.Set);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.CONSUME2(T.Identifier);
    this.MANY(() => this.SUBRULE(this.citeClause));
    this.CONSUME(T.Equals);
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.CONSUME3(T.Identifier);
      this.MANY2(() => {
        this.CONSUME(T.Comma);
        this.CONSUME4(T.Identifier);
      });
    });
    this.CONSUME(T.RBracket);
  });

  // ---- enum -------------------------------------------------------------------

  enumDecl = this.RULE('enumDecl', () => {
    this.CONSUME(T.Enum);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.MANY(() => this.SUBRULE(this.enumMember));
    this.CONSUME(T.End);
  });

  enumMember = this.RULE('enumMember', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  // ---- facts ------------------------------------------------------------------

  factsDecl = this.RULE('factsDecl', () => {
    this.CONSUME(T.Facts);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.MANY(() => this.SUBRULE(this.factField));
    this.CONSUME(T.End);
  });

  factField = this.RULE('factField', () => {
    this.SUBRULE(this.path);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION(() => this.CONSUME(T.Optional));
    this.OPTION2(() => this.CONSUME(T.StringLit));
  });

  path = this.RULE('path', () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier);
    });
  });

  typeRef = this.RULE('typeRef', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.List);
          this.CONSUME(T.Of);
          this.CONSUME(T.Identifier);
        },
      },
      { ALT: () => this.CONSUME2(T.Identifier) },
    ]);
  });

  // ---- formula ----------------------------------------------------------------

  formulaDecl = this.RULE('formulaDecl', () => {
    this.CONSUME(T.Formula);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.param);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.param);
      });
    });
    this.CONSUME(T.RParen);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
    this.MANY2(() => this.SUBRULE(this.clause));
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.MANY3(() => this.SUBRULE(this.whereClause));
  });

  /** `where name = expression` after a formula's body: a local name of the formula, usable in its body and in later wheres. */
  whereClause = this.RULE('whereClause', () => {
    this.CONSUME(T.Where);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  param = this.RULE('param', () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
  });

  clause = this.RULE('clause', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.citeClause) },
      { ALT: () => this.SUBRULE(this.effectiveClause) },
      { ALT: () => this.SUBRULE(this.statusClause) },
    ]);
  });

  citeClause = this.RULE('citeClause', () => {
    this.CONSUME(T.Cite);
    this.CONSUME(T.StringLit);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.StringLit);
    });
  });

  effectiveClause = this.RULE('effectiveClause', () => {
    this.CONSUME(T.Effective);
    this.CONSUME(T.Year);
    this.OPTION(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.DotDot);
            this.CONSUME2(T.Year);
          },
        },
        { ALT: () => this.CONSUME(T.Onward) },
      ]),
    );
  });

  statusClause = this.RULE('statusClause', () => {
    this.CONSUME(T.Status);
    this.OR([{ ALT: () => this.CONSUME(T.Confirmed) }, { ALT: () => this.CONSUME(T.Unconfirmed) }]);
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  // ---- decision ---------------------------------------------------------------

  decisionDecl = this.RULE('decisionDecl', () => {
    this.CONSUME(T.Decision);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.For);
    this.CONSUME2(T.Identifier);
    this.OPTION(() => this.CONSUME(T.Collect));
    this.OPTION2(() => this.CONSUME(T.StringLit));
    this.MANY(() => this.SUBRULE(this.citeClause));
    this.MANY2(() => this.SUBRULE(this.outputDecl));
    this.MANY3(() => this.SUBRULE(this.ruleDecl));
    this.CONSUME(T.End);
  });

  outputDecl = this.RULE('outputDecl', () => {
    this.CONSUME(T.Output);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
  });

  ruleDecl = this.RULE('ruleDecl', () => {
    this.OPTION(() => this.CONSUME(T.Otherwise));
    this.CONSUME(T.Rule);
    this.CONSUME(T.Identifier);
    this.MANY(() => this.SUBRULE(this.clause));
    this.MANY3(() => this.SUBRULE(this.letClause));
    this.OPTION2(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.expression);
    });
    this.CONSUME(T.Then);
    this.SUBRULE(this.assignment);
    this.MANY2(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.assignment);
    });
  });

  /** `let name = expression`: a local name of a rule, usable in its `when` and `then`. */
  letClause = this.RULE('letClause', () => {
    this.CONSUME(T.Let);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  assignment = this.RULE('assignment', () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  /** Parses `tokens` with the given entry rule; returns the CST and chevrotain's errors. */
  /** Recognition errors this run may record before it gives up (TooManySyntaxErrors). */
  errorBudget = Number.POSITIVE_INFINITY;

  /**
   * Parses `tokens` with the given entry rule; returns the CST and chevrotain's errors. After
   * `budget` errors the parse stops: `truncated`, no CST (a garbage file costs bounded time).
   */
  run(tokens: IToken[], entry: 'declaration' | 'expression', budget = Number.POSITIVE_INFINITY): { cst: CstNode | undefined; errors: LcffParser['errors']; truncated: boolean } {
    this.input = tokens;
    this.errorBudget = budget;
    // chevrotain's recognition errors are Error objects; their stack traces are never shown and
    // capturing them was most of the time spent on a large broken file
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      const cst = entry === 'declaration' ? this.declaration() : this.expression();
      return { cst, errors: this.errors, truncated: false };
    } catch (e) {
      if (e instanceof TooManySyntaxErrors) return { cst: undefined, errors: this.errors, truncated: true };
      throw e;
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/**
 * Tuning of chevrotain's in-rule recovery:
 * - it tries single-token insertion before deletion; for a stray word
 *   (`when x is 1 fund then ...`) insertion invents a `then` and derails the
 *   rest of the rule into a second error, so prefer deleting the stray token
 *   when the token after it is the one expected;
 * - never delete a keyword that starts or ends a rule, clause or declaration
 *   (`then o = 1,` + `rule b`: deleting `rule` would swallow rule b); re-sync
 *   recovery stops at those instead.
 */
const SYNC_TOKENS = new Set([T.Rule, T.Otherwise, T.End, T.Then, T.When, T.Let, T.Where, T.Cite, T.Effective, T.Status, T.Output, T.Enum, T.Facts, T.Formula, T.Decision, T.Set]);
type RecoveryHooks = {
  LA(this: RecoveryHooks, i: number): IToken;
  canRecoverWithSingleTokenInsertion(this: RecoveryHooks, expected: unknown, follows: unknown): boolean;
  canRecoverWithSingleTokenDeletion(this: RecoveryHooks, expected: unknown): boolean;
};
const proto = LcffParser.prototype as unknown as RecoveryHooks;
const baseInsertion = proto.canRecoverWithSingleTokenInsertion;
const baseDeletion = proto.canRecoverWithSingleTokenDeletion;
proto.canRecoverWithSingleTokenDeletion = function (expected) {
  if (SYNC_TOKENS.has(this.LA(1).tokenType)) return false;
  return baseDeletion.call(this, expected);
};
proto.canRecoverWithSingleTokenInsertion = function (expected, follows) {
  if (this.canRecoverWithSingleTokenDeletion(expected)) return false;
  return baseInsertion.call(this, expected, follows);
};

/** Thrown out of the parser when a run's error budget is spent. */
export class TooManySyntaxErrors extends Error {
  override name = 'TooManySyntaxErrors';
}
type ErrorHooks = { _errors: unknown[]; errorBudget: number; SAVE_ERROR(this: ErrorHooks, error: unknown): unknown };
const errorProto = LcffParser.prototype as unknown as ErrorHooks;
const baseSave = errorProto.SAVE_ERROR;
errorProto.SAVE_ERROR = function (error) {
  const saved = baseSave.call(this, error);
  if (this._errors.length >= this.errorBudget) throw new TooManySyntaxErrors();
  return saved;
};

let instance: LcffParser | undefined;

/** The parser singleton (chevrotain parsers are expensive to build and reusable). */
export function parser(): LcffParser {
  return (instance ??= new LcffParser());
}
