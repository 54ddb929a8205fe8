/**
 * Tokens of the `.lcff` rule language (docs/language.md). Every keyword is
 * reserved: it cannot be used as a name. `KEYWORDS` lists them for the
 * language server (completion, refusing to rename a keyword).
 *
 * Token groups: `///` doc comments go to the "docs" group and `//` comments
 * to the "comments" group, so the parser never sees them but the AST builder
 * can attach doc comments to the next declaration and the language server can
 * colour comments.
 */
import { createToken, Lexer, type TokenType } from './chevrotain.js';

// ---- categories -------------------------------------------------------------

/** Every reserved word. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });
/** `< <= > >= = !=` */
export const CompareOp = createToken({ name: 'CompareOp', pattern: Lexer.NA, label: 'a comparison' });
/** `+ -` */
export const AdditiveOp = createToken({ name: 'AdditiveOp', pattern: Lexer.NA, label: '"+" or "-"' });
/** `* /` */
export const MultiplicativeOp = createToken({ name: 'MultiplicativeOp', pattern: Lexer.NA, label: '"*" or "/"' });
/** Operators and punctuation (for semantic tokens). */
export const Punctuation = createToken({ name: 'Punctuation', pattern: Lexer.NA });

// ---- trivia -----------------------------------------------------------------

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED, line_breaks: true });
/** `/// text`: kept in the "docs" group; attaches to the next declaration, member, field, output or rule. */
export const DocComment = createToken({ name: 'DocComment', pattern: /\/\/\/[^\n\r]*/, group: 'docs' });
/** `// text`: ignored by the parser, kept in the "comments" group for editors. */
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments' });

// ---- names and literals -----------------------------------------------------

export const Identifier = createToken({ name: 'Identifier', pattern: /[a-zA-Z_][a-zA-Z0-9_]*/, label: 'a name' });
/**
 * `2019-20`. Matches any `dddd-d+` so that `2019-2020` is reported as a bad
 * fiscal year (LCFF-E004) rather than as a subtraction; must come before
 * Percent and Number.
 */
export const Year = createToken({ name: 'Year', pattern: /\d{4}-\d+/, label: 'a fiscal year like 2019-20' });
export const Percent = createToken({ name: 'Percent', pattern: /\d+(?:\.\d+)?%/, label: 'a percentage like 20%' });
export const Money = createToken({ name: 'Money', pattern: /\$(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/, label: 'a dollar amount like $9,572.00' });
export const NumberLit = createToken({ name: 'NumberLit', pattern: /\d+(?:\.\d+)?/, label: 'a number' });
/** `"text"` with escapes `\" \\ \n \t`; cannot span lines. */
export const StringLit = createToken({ name: 'StringLit', pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/, label: 'a quoted text' });
/** A string without its closing quote: the lexer turns it into a StringLit and reports LCFF-E003. */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*\\?/ });

// ---- keywords ---------------------------------------------------------------

/** Reserved words of the language, in the order of docs/language.md. */
export const KEYWORDS = [
  'enum', 'end', 'facts', 'list', 'of', 'optional', 'formula', 'cite', 'effective', 'onward',
  'status', 'confirmed', 'unconfirmed', 'decision', 'for', 'collect', 'output', 'rule',
  'otherwise', 'when', 'then', 'and', 'or', 'not', 'is', 'in', 'present', 'missing', 'if',
  'else', 'round', 'to', 'dollar', 'cent', 'places', 'half', 'up', 'even', 'down', 'true', 'false',
  'set', 'let', 'where',
] as const;
export type KeywordText = (typeof KEYWORDS)[number];

const keywordTokens = new Map<KeywordText, TokenType>();
function keyword(word: KeywordText): TokenType {
  const name = word[0].toUpperCase() + word.slice(1);
  const t = createToken({
    name,
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: [Keyword],
    label: `"${word}"`,
  });
  keywordTokens.set(word, t);
  return t;
}

export const Enum = keyword('enum');
export const End = keyword('end');
export const Facts = keyword('facts');
export const List = keyword('list');
export const Of = keyword('of');
export const Optional = keyword('optional');
export const Formula = keyword('formula');
export const Cite = keyword('cite');
export const Effective = keyword('effective');
export const Onward = keyword('onward');
export const Status = keyword('status');
export const Confirmed = keyword('confirmed');
export const Unconfirmed = keyword('unconfirmed');
export const Decision = keyword('decision');
export const For = keyword('for');
export const Collect = keyword('collect');
export const Output = keyword('output');
export const Rule = keyword('rule');
export const Otherwise = keyword('otherwise');
export const When = keyword('when');
export const Then = keyword('then');
export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');
export const Is = keyword('is');
export const In = keyword('in');
export const Present = keyword('present');
export const Missing = keyword('missing');
export const If = keyword('if');
export const Else = keyword('else');
export const Round = keyword('round');
export const To = keyword('to');
export const Dollar = keyword('dollar');
export const Cent = keyword('cent');
export const Places = keyword('places');
export const Half = keyword('half');
export const Up = keyword('up');
export const Even = keyword('even');
export const Down = keyword('down');
export const True = keyword('true');
export const False = keyword('false');
export const Set = keyword('set');
export const Let = keyword('let');
export const Where = keyword('where');

// ---- operators and punctuation ----------------------------------------------

function punct(name: string, pattern: RegExp, image: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern, label: `"${image}"`, categories: [Punctuation, ...categories] });
}

export const LessEq = punct('LessEq', /<=/, '<=', [CompareOp]);
export const GreaterEq = punct('GreaterEq', />=/, '>=', [CompareOp]);
export const NotEq = punct('NotEq', /!=/, '!=', [CompareOp]);
export const Less = punct('Less', /</, '<', [CompareOp]);
export const Greater = punct('Greater', />/, '>', [CompareOp]);
/** `=`: assignment, the formula body, and equality. */
export const Equals = punct('Equals', /=/, '=', [CompareOp]);
export const Plus = punct('Plus', /\+/, '+', [AdditiveOp]);
export const Minus = punct('Minus', /-/, '-', [AdditiveOp]);
export const Star = punct('Star', /\*/, '*', [MultiplicativeOp]);
export const Slash = punct('Slash', /\//, '/', [MultiplicativeOp]);
export const DotDot = punct('DotDot', /\.\./, '..');
export const Dot = punct('Dot', /\./, '.');
export const Comma = punct('Comma', /,/, ',');
export const Colon = punct('Colon', /:/, ':');
export const LParen = punct('LParen', /\(/, '(');
export const RParen = punct('RParen', /\)/, ')');
export const LBracket = punct('LBracket', /\[/, '[');
export const RBracket = punct('RBracket', /\]/, ']');

/** Keywords longest first, so that `for` does not shadow `formula` (longer_alt only falls back to Identifier). */
const keywordsByLength = [...keywordTokens.entries()]
  .sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))
  .map(([, t]) => t);

/** Lexer order matters: first match wins. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  DocComment,
  LineComment,
  Year,
  Percent,
  Money,
  NumberLit,
  StringLit,
  UnterminatedString,
  ...keywordsByLength,
  Identifier,
  LessEq,
  GreaterEq,
  NotEq,
  Less,
  Greater,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  DotDot,
  Dot,
  Comma,
  Colon,
  LParen,
  RParen,
  LBracket,
  RBracket,
  // categories last (pattern NA)
  Keyword,
  CompareOp,
  AdditiveOp,
  MultiplicativeOp,
  Punctuation,
];

/** Token type of a keyword, for the parser's messages and the language server. */
export function keywordToken(word: KeywordText): TokenType | undefined {
  return keywordTokens.get(word);
}
