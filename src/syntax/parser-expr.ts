/**
 * The expression rules of the grammar (docs/language.md, `expr` and below),
 * loosest first: or, and, not, comparison / is / in, + -, * /, unary minus,
 * atoms. LcffParser (parser.ts) adds the declarations on top and runs
 * chevrotain's self-analysis.
 */
import { CstParser } from './chevrotain.js';
import { errorMessageProvider } from './parse-messages.js';
import * as T from './tokens.js';

export class ExpressionParser extends CstParser {
  /** `validate`: chevrotain's checks of the grammar itself (a test runs them; they cost every start ~0.05–0.1 s and find nothing in a grammar that passed them). */
  constructor(validate = false) {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider, nodeLocationTracking: 'onlyOffset', skipValidations: !validate });
  }

  expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpr);
  });

  orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  notExpr = this.RULE('notExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.compareExpr) },
    ]);
  });

  compareExpr = this.RULE('compareExpr', () => {
    this.SUBRULE(this.sumExpr);
    this.OPTION(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.CompareOp);
            this.SUBRULE2(this.sumExpr);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Is);
            this.OPTION2(() => this.CONSUME(T.Not));
            this.OR2([
              { ALT: () => this.CONSUME(T.Present) },
              { ALT: () => this.CONSUME(T.Missing) },
              { ALT: () => this.SUBRULE3(this.sumExpr) },
            ]);
          },
        },
        {
          ALT: () => {
            this.OPTION3(() => this.CONSUME2(T.Not));
            this.CONSUME(T.In);
            this.SUBRULE4(this.sumExpr);
          },
        },
      ]),
    );
  });

  sumExpr = this.RULE('sumExpr', () => {
    this.SUBRULE(this.productExpr);
    this.MANY(() => {
      this.CONSUME(T.AdditiveOp);
      this.SUBRULE2(this.productExpr);
    });
  });

  productExpr = this.RULE('productExpr', () => {
    this.SUBRULE(this.unaryExpr);
    this.MANY(() => {
      this.CONSUME(T.MultiplicativeOp);
      this.SUBRULE2(this.unaryExpr);
    });
  });

  unaryExpr = this.RULE('unaryExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          this.SUBRULE(this.unaryExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.atom) },
    ]);
  });

  atom = this.RULE('atom', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLit) },
      { ALT: () => this.CONSUME(T.Percent) },
      { ALT: () => this.CONSUME(T.Money) },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.Year) },
      { ALT: () => this.SUBRULE(this.parenExpr) },
      { ALT: () => this.SUBRULE(this.listExpr) },
      { ALT: () => this.SUBRULE(this.ifExpr) },
      { ALT: () => this.SUBRULE(this.roundExpr) },
      { ALT: () => this.SUBRULE(this.nameExpr) },
    ]);
  });

  parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  listExpr = this.RULE('listExpr', () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.expression);
      });
    });
    this.CONSUME(T.RBracket);
  });

  ifExpr = this.RULE('ifExpr', () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.expression);
    this.CONSUME(T.Then);
    this.SUBRULE2(this.expression);
    this.CONSUME(T.Else);
    this.SUBRULE3(this.expression);
  });

  roundExpr = this.RULE('roundExpr', () => {
    this.CONSUME(T.Round);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
    this.CONSUME(T.To);
    this.OR([
      { ALT: () => this.CONSUME(T.Dollar) },
      { ALT: () => this.CONSUME(T.Cent) },
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.NumberLit) }, { ALT: () => this.CONSUME(T.Identifier) }]);
          this.CONSUME(T.Places);
        },
      },
    ]);
    this.OPTION(() => this.SUBRULE(this.roundingMode));
  });

  roundingMode = this.RULE('roundingMode', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Half);
          this.OR2([{ ALT: () => this.CONSUME(T.Up) }, { ALT: () => this.CONSUME(T.Even) }]);
        },
      },
      { ALT: () => this.CONSUME(T.Down) },
      { ALT: () => this.CONSUME2(T.Up) },
    ]);
  });

  /** `name`, `a.b.c`, `f(x, y)`, `p[i]`. */
  nameExpr = this.RULE('nameExpr', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.OPTION2(() => {
              this.SUBRULE(this.expression);
              this.MANY(() => {
                this.CONSUME(T.Comma);
                this.SUBRULE2(this.expression);
              });
            });
            this.CONSUME(T.RParen);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.LBracket);
            this.SUBRULE3(this.expression);
            this.CONSUME(T.RBracket);
          },
        },
        {
          ALT: () =>
            this.AT_LEAST_ONE(() => {
              this.CONSUME(T.Dot);
              this.CONSUME2(T.Identifier);
            }),
        },
      ]),
    );
  });
}
