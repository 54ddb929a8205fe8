/**
 * The lexer and parser skip chevrotain's checks of the grammar when they are
 * built (start-up time); here they are built with the checks on, which throw
 * on a token or grammar defect (an ambiguity, left recursion, a pattern that
 * matches the empty string).
 */
import { describe, expect, it } from 'vitest';
import { Lexer, createToken } from '../../src/syntax/chevrotain.js';
import { lex, newLexer } from '../../src/syntax/lexer.js';
import { LcffParser } from '../../src/syntax/parser.js';

describe("chevrotain's grammar checks", () => {
  it('pass for the lexer and the parser', () => {
    expect(() => newLexer(true)).not.toThrow();
    expect(() => new LcffParser(true)).not.toThrow();
  });

  it('are what finds a defect: a pattern matching the empty string is refused only with them', () => {
    const empty = createToken({ name: 'Empty', pattern: /a*/ });
    expect(() => new Lexer([empty], { positionTracking: 'full' })).toThrow(/empty/i);
    expect(() => new Lexer([empty], { positionTracking: 'full', skipValidations: true })).not.toThrow();
  });

  it('change nothing the lexer makes: the same tokens with and without them', () => {
    const text = 'decision d for student {\n  rule r cite "EC 2574" when a.b >= 1.5 and c in [x, y] then out = max(1, 2)\n}\n"unterminated';
    const checked = newLexer(true).tokenize(text);
    const fast = newLexer().tokenize(text);
    const plain = (ts: typeof checked.tokens) => ts.map((t) => [t.tokenType.name, t.image, t.startOffset, t.startLine, t.startColumn, t.endOffset]);
    expect(plain(fast.tokens)).toEqual(plain(checked.tokens));
    expect(fast.errors).toEqual(checked.errors);
    expect(lex(text).tokens.length).toBeGreaterThan(20);
  });
});
