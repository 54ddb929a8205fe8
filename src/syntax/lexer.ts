/**
 * The lexer: a chevrotain Lexer singleton. `lex` returns the parser's tokens,
 * the doc and line comments, and lexing problems as diagnostics (unexpected
 * characters LCFF-E001, unterminated strings LCFF-E003).
 */
import { Lexer, type IToken } from './chevrotain.js';
import { LineIndex, type Diagnostic } from '../core/diagnostics.js';
import { SyntaxCodes } from './diagnostic-codes.js';
import { allTokens, StringLit, UnterminatedString } from './tokens.js';

let lexerInstance: Lexer | undefined;

/** A new lexer; `validate`: chevrotain's checks of the token definitions (test/syntax/grammar-checks.test.ts runs them; they cost every start ~0.05–0.1 s). */
export function newLexer(validate = false): Lexer {
  return new Lexer(allTokens, {
    positionTracking: 'full',
    ensureOptimizations: true,
    skipValidations: !validate,
  });
}

function lexer(): Lexer {
  lexerInstance ??= newLexer();
  return lexerInstance;
}

export interface LexResult {
  /** Tokens for the parser (no whitespace or comments). */
  tokens: IToken[];
  /** `///` doc comments, in source order. */
  docs: IToken[];
  /** `//` line comments, in source order. */
  comments: IToken[];
  diagnostics: Diagnostic[];
  lines: LineIndex;
}

export function lex(text: string, file = '<input>', lines = new LineIndex(text)): LexResult {
  const r = lexer().tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const e of r.errors) {
    const image = text.slice(e.offset, e.offset + e.length);
    diagnostics.push({
      code: SyntaxCodes.unexpectedCharacter,
      severity: 'error',
      message:
        e.length === 1
          ? `unexpected character "${image}"`
          : `unexpected characters "${image.length > 20 ? image.slice(0, 20) + '…' : image}"`,
      file,
      range: lines.range(e.offset, e.offset + e.length),
    });
  }
  for (const t of r.tokens) {
    if (t.tokenType === UnterminatedString) {
      diagnostics.push({
        code: SyntaxCodes.unterminatedString,
        severity: 'error',
        message: 'this quoted text has no closing quote (") on its line',
        file,
        range: lines.range(t.startOffset, t.startOffset + t.image.length),
      });
      // Let the parser carry on as if the text were closed at the end of the line.
      t.tokenType = StringLit;
      t.tokenTypeIdx = StringLit.tokenTypeIdx!;
    }
  }
  return {
    tokens: r.tokens,
    docs: (r.groups.docs as IToken[] | undefined) ?? [],
    comments: (r.groups.comments as IToken[] | undefined) ?? [],
    diagnostics,
    lines,
  };
}
