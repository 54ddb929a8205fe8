/**
 * Token facts for the language server: every token of a text with a coarse
 * kind (semantic highlighting), and the reserved words (completion, refusing
 * to rename a keyword).
 */
import { tokenMatcher, type IToken } from './chevrotain.js';
import { LineIndex, type SourceRange } from '../core/diagnostics.js';
import { lex } from './lexer.js';
import * as T from './tokens.js';

export { KEYWORDS, type KeywordText } from './tokens.js';

export type TokenKind =
  | 'keyword'
  | 'name'
  | 'string'
  | 'number'
  | 'percent'
  | 'money'
  | 'year'
  | 'operator'
  | 'comment'
  | 'doc';

export interface TokenInfo {
  kind: TokenKind;
  /** chevrotain token type name, e.g. "Identifier", "Then", "LessEq". */
  type: string;
  text: string;
  range: SourceRange;
}

const KEYWORD_SET: ReadonlySet<string> = new Set(T.KEYWORDS);

/** True when `word` is reserved and so cannot be a name. */
export function isKeyword(word: string): boolean {
  return KEYWORD_SET.has(word);
}

function kindOf(t: IToken): TokenKind {
  const tt = t.tokenType;
  if (tokenMatcher(t, T.Keyword)) return 'keyword';
  if (tt === T.Identifier) return 'name';
  if (tt === T.StringLit || tt === T.UnterminatedString) return 'string';
  if (tt === T.NumberLit) return 'number';
  if (tt === T.Percent) return 'percent';
  if (tt === T.Money) return 'money';
  if (tt === T.Year) return 'year';
  if (tt === T.DocComment) return 'doc';
  if (tt === T.LineComment) return 'comment';
  return 'operator';
}

/** All tokens of a text, comments included, in source order. Never throws; unlexable characters are left out. */
export function tokenInfos(text: string): TokenInfo[] {
  const lines = new LineIndex(text);
  const r = lex(text, '<tokens>', lines);
  const all = [...r.tokens, ...r.docs, ...r.comments].sort((a, b) => a.startOffset - b.startOffset);
  return all.map((t) => ({
    kind: kindOf(t),
    type: t.tokenType.name,
    text: t.image,
    range: lines.range(t.startOffset, t.startOffset + t.image.length),
  }));
}
