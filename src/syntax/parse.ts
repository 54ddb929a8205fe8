/**
 * The public API of the syntax stage: source text → AST + diagnostics. Never
 * throws on bad input.
 *
 * Declaration-level recovery: the token stream is split at the top-level
 * keywords (enum, facts, formula, decision: reserved words that only start a
 * declaration) and each piece is parsed on its own, so an error in one
 * declaration never hides the next. Within a declaration chevrotain's
 * recovery (single-token insertion/deletion, re-sync at the next `rule`,
 * `otherwise` or `end`) keeps the rest.
 */
import type { IToken, IRecognitionException } from 'chevrotain';
import { LineIndex, sortDiagnostics, type Diagnostic, type SourceRange } from '../core/diagnostics.js';
import type { Declaration, Expr, RuleFile } from './ast.js';
import { buildDeclaration } from './cst-to-ast.js';
import { DeclarationMemo } from './declaration-memo.js';
import { buildExpr } from './cst-expr.js';
import { AstContext } from './cst-util.js';
import { SyntaxCodes } from './diagnostic-codes.js';
import { lex } from './lexer.js';
import { relex } from './relex.js';
import { MAX_NESTING, MAX_SYNTAX_ERRORS } from './limits.js';
import { tooDeep } from './nesting.js';
import { describeFound, setFollower } from './parse-messages.js';
import { parser } from './parser.js';
import { Decision, Enum, Facts, Formula, Set as SetKw } from './tokens.js';

export interface ParseResult {
  ast: RuleFile;
  diagnostics: Diagnostic[];
}

const DECLARATION_STARTS = new Set([Enum, Facts, Formula, Decision, SetKw]);

/**
 * Parses a rule file. With a `memo` (the language server's, one per file) a
 * declaration whose text did not change since the last parse of the file is
 * taken from it instead of being parsed again (declaration-memo.ts), and
 * only the lines an edit touched are lexed again (relex.ts).
 */
export function parseRuleFile(file: string, text: string, memo?: DeclarationMemo): ParseResult {
  const lines = new LineIndex(text);
  let lexed;
  if (memo) {
    const previous = memo.lexed;
    memo.lexed = undefined; // its tokens are moved by relex: never used again if this parse fails
    lexed = relex(previous, text, file, lines);
    memo.lexed = { text, result: lexed };
    memo.begin();
  } else lexed = lex(text, file, lines);
  const lexErrorAt = lexed.diagnostics.map((d) => d.range.start.offset).sort((a, b) => a - b);
  const diagnostics: Diagnostic[] = lexed.diagnostics.slice();
  const cx = new AstContext(file, lines, lexed.tokens, lexed.docs);
  const declarations: Declaration[] = [];
  const tokens = lexed.tokens;

  // Split at declaration keywords; anything before the first one is stray.
  const starts: number[] = [];
  tokens.forEach((t, i) => {
    if (DECLARATION_STARTS.has(t.tokenType)) starts.push(i);
  });
  const firstStart = starts.length > 0 ? starts[0] : tokens.length;
  if (firstStart > 0) {
    const t = tokens[0];
    diagnostics.push(
      syntaxError(
        file,
        `expected a declaration (enum, set, facts, formula or decision) but found ${describeFound(t)}`,
        cx.tokenRange(t),
      ),
    );
  }
  let errorsSeen = 0;
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k];
    const to = k + 1 < starts.length ? starts[k + 1] : tokens.length;
    const chunk = tokens.slice(from, to);
    const follower = tokens[to];
    // the declaration's text, from the end of the token before it (its docs) to its last token
    const textFrom = from > 0 ? tokens[from - 1].startOffset + tokens[from - 1].image.length : 0;
    const last = chunk[chunk.length - 1];
    const textTo = last.startOffset + last.image.length;
    let remember: { key: string; line: number } | undefined;
    if (memo && !anyIn(lexErrorAt, textFrom, textTo)) {
      const at = lines.pos(textFrom);
      remember = { key: DeclarationMemo.key(text.slice(textFrom, textTo), at.column), line: at.line };
      const known = memo.take(remember.key, textFrom, at.line);
      if (known) {
        declarations.push(known);
        continue;
      }
    }
    const deep = tooDeep(chunk);
    if (deep) {
      diagnostics.push(tooDeepError(file, cx.tokenRange(deep)));
      continue;
    }
    const p = parser();
    setFollower(follower);
    let result;
    try {
      result = p.run(chunk, 'declaration', MAX_SYNTAX_ERRORS - errorsSeen);
    } finally {
      setFollower(undefined);
    }
    errorsSeen += result.errors.length;
    for (const d of recognitionErrors(file, lines, result.errors, chunk, follower, text)) diagnostics.push(d);
    if (result.truncated) {
      const at = result.errors[result.errors.length - 1]?.token;
      const offset = at && !Number.isNaN(at.startOffset) ? at.startOffset : chunk[0].startOffset;
      diagnostics.push({
        code: SyntaxCodes.tooDeep,
        severity: 'error',
        message: `more than ${MAX_SYNTAX_ERRORS} syntax errors: the rest of this file is not read; fix the errors above first`,
        file,
        range: lines.range(offset, offset),
      });
      break;
    }
    const built = cx.diagnostics.length;
    const d = buildDeclaration(cx, result.cst);
    if (d) declarations.push(d);
    if (d && remember && result.errors.length === 0 && cx.diagnostics.length === built) memo!.remember(remember.key, textFrom, remember.line, d);
  }
  for (const d of cx.diagnostics) diagnostics.push(d);
  return { ast: { file, declarations }, diagnostics: sortDiagnostics(dedupe(diagnostics)) };
}

export interface ExpressionResult {
  expr?: Expr;
  diagnostics: Diagnostic[];
}

/** Parses one expression (the REPL, tests, scenario overrides). The whole text must be the expression. */
export function parseExpression(text: string, file = '<expression>'): ExpressionResult {
  const lines = new LineIndex(text);
  const lexed = lex(text, file, lines);
  const cx = new AstContext(file, lines, lexed.tokens, lexed.docs);
  const deep = tooDeep(lexed.tokens);
  if (deep) return { diagnostics: sortDiagnostics([...lexed.diagnostics, tooDeepError(file, cx.tokenRange(deep))]) };
  const { cst, errors } = parser().run(lexed.tokens, 'expression');
  const diagnostics = [...lexed.diagnostics, ...recognitionErrors(file, lines, errors, lexed.tokens, undefined, text)];
  const expr = buildExpr(cx, cst);
  for (const d of cx.diagnostics) diagnostics.push(d);
  const out: ExpressionResult = { diagnostics: sortDiagnostics(dedupe(diagnostics)) };
  if (expr) out.expr = expr;
  return out;
}

function tooDeepError(file: string, range: SourceRange): Diagnostic {
  return {
    code: SyntaxCodes.tooDeep,
    severity: 'error',
    message: `this expression nests more than ${MAX_NESTING} levels deep (each "(", "[", "if", "not" and unary "-" opens one); split it into smaller formulas`,
    file,
    range,
  };
}

function syntaxError(file: string, message: string, range: SourceRange): Diagnostic {
  return { code: SyntaxCodes.unexpectedToken, severity: 'error', message, file, range };
}

/** Chevrotain's errors as LCFF-E002 diagnostics; errors at the end of a piece point at the next token (or the file's last). */
function recognitionErrors(
  file: string,
  lines: LineIndex,
  errors: IRecognitionException[],
  chunk: IToken[],
  follower: IToken | undefined,
  text: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  let lastIndex = Number.NEGATIVE_INFINITY;
  for (const e of errors) {
    // An error within two tokens of the previous one is almost always a
    // consequence of the recovery from it: report the first only.
    const found = e.token ? indexOfToken(chunk, e.token) : -1;
    const index = found >= 0 ? found : chunk.length;
    if (index <= lastIndex + 2) continue;
    lastIndex = index;
    let range: SourceRange;
    const t = e.token;
    if (t && !Number.isNaN(t.startOffset) && t.tokenType.name !== 'EOF') {
      range = lines.range(t.startOffset, t.startOffset + t.image.length);
    } else if (follower) {
      range = lines.range(follower.startOffset, follower.startOffset + follower.image.length);
    } else {
      const last = chunk[chunk.length - 1];
      const end = last ? last.startOffset + last.image.length : text.length;
      range = lines.range(end, end);
    }
    out.push(syntaxError(file, e.message, range));
  }
  return out;
}

/** The index of `t` in `tokens` (in source order), by binary search on offsets; -1 when absent (a token inserted by recovery). */
function indexOfToken(tokens: IToken[], t: IToken): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = tokens[mid].startOffset;
    if (o === t.startOffset) return tokens[mid] === t ? mid : -1;
    if (o < t.startOffset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Whether a sorted list of offsets has one in [from, to). */
function anyIn(sorted: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < to;
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.range.start.offset}:${d.code}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
