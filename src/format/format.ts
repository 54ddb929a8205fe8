/**
 * The canonical layout of `.lcff` files, computed from the compiler's token
 * stream with its comments, so no comment is ever dropped:
 *
 * - declarations start at column 0, one blank line between them;
 * - enum members, facts fields, formula clauses and `= body`, a decision's
 *   label, citations, outputs and rules are indented 2; a rule's clauses 4;
 * - a blank line before every rule; other blank lines are kept, at most one;
 * - tokens on a line are separated by one space, except around `.` and `..`,
 *   inside brackets, before `,`, calls `f(x)`, indexes `p[x]` and unary minus;
 *   `name: Type` in formula parameters, `name : Type` elsewhere;
 * - a line break the author put inside an expression or a clause is kept,
 *   with a continuation indent (2 more than the clause);
 * - comments stay where they were: at the end of a line, or on their own
 *   line indented like the code that follows.
 *
 * Every decision depends only on the tokens and on where the author broke
 * lines inside expressions, which the output keeps: formatting is idempotent.
 */
import { tokenMatcher, type IToken, type TokenType } from '../syntax/chevrotain.js';
import type { LineIndex } from '../core/diagnostics.js';
import { lex } from '../syntax/lexer.js';
import * as T from '../syntax/tokens.js';

interface Placed {
  brk: boolean;
  indent: number;
  /** Indent of a continuation line in this token's context. */
  cont: number;
  /** A blank line is forced before this token (and the comments attached above it). */
  blank: boolean;
}

const is = (t: IToken | undefined, type: TokenType): boolean => t !== undefined && tokenMatcher(t, type);
const DECL_STARTS = [T.Enum, T.Facts, T.Formula, T.Decision, T.Set];

/** Pass 1: where each code token goes. */
function place(tokens: IToken[], lines: LineIndex): Placed[] {
  const out: Placed[] = [];
  let decl: 'none' | 'enum' | 'set' | 'facts' | 'formula' | 'decision' = 'none';
  let sinceDecl = 0;
  let inRule = false;
  let inBody = false;
  let headerDone = false;
  let depth = 0;
  let openIfs = 0;
  /** Continuation indent of the current clause: 2 more than it, or aligned after `when ` / `then `. */
  let clauseCont = 2;
  const lineOf = (t: IToken): number => lines.pos(t.startOffset).line;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    let brk = false;
    let indent = 0;
    let blank = false;
    sinceDecl++;
    if (DECL_STARTS.some((d) => is(t, d))) {
      decl = is(t, T.Enum) ? 'enum' : is(t, T.Set) ? 'set' : is(t, T.Facts) ? 'facts' : is(t, T.Formula) ? 'formula' : 'decision';
      brk = true;
      blank = i > 0;
      sinceDecl = 0;
      inRule = inBody = headerDone = false;
      depth = openIfs = 0;
    } else if (is(t, T.End) && depth === 0) {
      brk = true;
      decl = 'none';
    } else if (decl === 'set') {
      // `set name : enum`, then each citation on its own line, then `= [members]` (after citations, on its own line)
      if (is(t, T.Cite) || (is(t, T.Equals) && is(prev, T.StringLit))) {
        brk = true;
        indent = 2;
      }
    } else if (decl === 'enum' && sinceDecl >= 2 && is(t, T.Identifier)) {
      brk = true;
      indent = 2;
    } else if (decl === 'facts' && sinceDecl >= 2 && is(t, T.Identifier) && !is(prev, T.Dot) && !is(prev, T.Colon) && !is(prev, T.Of)) {
      brk = true;
      indent = 2;
    } else if (decl === 'formula' || decl === 'decision') {
      const base = inRule ? 4 : 2;
      if (is(t, T.If)) openIfs++;
      if (decl === 'decision' && depth === 0 && !headerDone && is(t, T.StringLit) && (is(prev, T.Identifier) || is(prev, T.Collect)) && sinceDecl >= 4) {
        brk = true;
        indent = 2;
        headerDone = true;
      } else if (depth === 0 && (is(t, T.Cite) || is(t, T.Effective) || is(t, T.Status))) {
        brk = true;
        indent = base;
        headerDone = true;
        inBody = false;
      } else if (decl === 'formula' && depth === 0 && !inBody && is(t, T.Equals)) {
        brk = true;
        indent = 2;
        inBody = true;
      } else if (decl === 'formula' && depth === 0 && inBody && is(t, T.Where)) {
        // each `where` on its own line under the body, its continuation lines after "where "
        brk = true;
        indent = 2;
        clauseCont = 2 + t.image.length + 1;
      } else if (decl === 'decision' && depth === 0 && is(t, T.Output)) {
        brk = true;
        indent = 2;
        headerDone = true;
      } else if (decl === 'decision' && depth === 0 && (is(t, T.Otherwise) || (is(t, T.Rule) && !is(prev, T.Otherwise)))) {
        brk = true;
        indent = 2;
        blank = true;
        inRule = true;
        headerDone = true;
        openIfs = 0;
      } else if (decl === 'decision' && inRule && depth === 0 && is(t, T.Let)) {
        brk = true;
        indent = 4;
        inBody = true;
        openIfs = 0;
        clauseCont = 4 + t.image.length + 1;
      } else if (decl === 'decision' && inRule && depth === 0 && (is(t, T.When) || (is(t, T.Then) && openIfs === 0))) {
        brk = true;
        indent = 4;
        inBody = true;
        clauseCont = 4 + t.image.length + 1;
      } else if (is(t, T.Then) && openIfs > 0) openIfs--;
    }
    if (brk && !(decl === 'decision' && (is(t, T.When) || is(t, T.Then) || is(t, T.Let))) && !(decl === 'formula' && is(t, T.Where))) clauseCont = indent + 2;
    const cont = clauseCont;
    if (!brk && prev && lineOf(t) > lineOf(prev)) {
      brk = true;
      indent = cont;
    }
    if (is(t, T.LParen) || is(t, T.LBracket)) depth++;
    if ((is(t, T.RParen) || is(t, T.RBracket)) && depth > 0) depth--;
    out.push({ brk, indent, cont, blank });
  }
  return out;
}

const NO_SPACE_BEFORE = [T.Comma, T.RParen, T.RBracket, T.Dot, T.DotDot];
const NO_SPACE_AFTER = [T.LParen, T.LBracket, T.Dot, T.DotDot];

function unaryMinus(t: IToken, prev: IToken | undefined): boolean {
  if (!is(t, T.Minus)) return false;
  if (!prev) return true;
  if (is(prev, T.RParen) || is(prev, T.RBracket) || is(prev, T.Identifier) || is(prev, T.True) || is(prev, T.False)) return false;
  if (is(prev, T.NumberLit) || is(prev, T.Percent) || is(prev, T.Money) || is(prev, T.Year) || is(prev, T.StringLit)) return false;
  return true;
}

function spaceBetween(prev: IToken, t: IToken, depth: number, prevPrev: IToken | undefined): boolean {
  if (NO_SPACE_BEFORE.some((k) => is(t, k)) || NO_SPACE_AFTER.some((k) => is(prev, k))) return false;
  if (is(t, T.Colon)) return depth === 0;
  if (is(t, T.LParen)) return !(is(prev, T.Identifier) || is(prev, T.Round));
  if (is(t, T.LBracket)) return !is(prev, T.Identifier);
  if (unaryMinus(prev, prevPrev)) return false;
  return true;
}

/** Formats the tokens of a file that parsed without errors. */
export function layout(text: string): string {
  const { tokens, docs, comments, lines } = lex(text);
  const placed = place(tokens, lines);
  const trivia = [...docs, ...comments].sort((a, b) => a.startOffset - b.startOffset);
  const lineOf = (t: IToken): number => lines.pos(t.startOffset).line;
  const out: string[] = [];
  let cur: string | undefined;
  let lastSourceLine = 0;
  let pendingBlank = false;
  const flush = (): void => {
    if (cur !== undefined) out.push(cur.trimEnd());
    cur = undefined;
  };
  const startLine = (indent: number, sourceLine: number, forceBlank: boolean): void => {
    flush();
    if (out.length > 0 && (forceBlank || pendingBlank || sourceLine - lastSourceLine > 1) && out[out.length - 1] !== '') out.push('');
    pendingBlank = false;
    cur = ' '.repeat(indent);
  };
  let ti = 0;
  let depth = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    const p = placed[i];
    const limit = t ? t.startOffset : Number.POSITIVE_INFINITY;
    // Comments before this token: trailing ones stay on their line; the first own-line one takes the forced blank.
    let forced = p?.blank ?? false;
    let sawOwnLine = false;
    while (ti < trivia.length && trivia[ti].startOffset < limit) {
      const c = trivia[ti++];
      const prevCode = tokens[i - 1];
      const trailing = cur !== undefined && !sawOwnLine && prevCode !== undefined && lineOf(c) === lineOf(prevCode) && c.startOffset > prevCode.startOffset;
      if (trailing) cur += ` ${c.image.trimEnd()}`;
      else {
        const indent = t ? (p.brk ? p.indent : p.cont) : 0;
        startLine(indent, lineOf(c), forced);
        forced = false;
        sawOwnLine = true;
        cur += c.image.trimEnd();
      }
      lastSourceLine = lineOf(c);
    }
    if (!t) break;
    const prev = tokens[i - 1];
    if (p.brk || sawOwnLine || cur === undefined) {
      startLine(p.brk ? p.indent : p.cont, lineOf(t), forced);
      cur += t.image;
    } else {
      cur += (spaceBetween(prev, t, depth, tokens[i - 2]) ? ' ' : '') + t.image;
    }
    if (is(t, T.LParen) || is(t, T.LBracket)) depth++;
    if ((is(t, T.RParen) || is(t, T.RBracket)) && depth > 0) depth--;
    if (DECL_STARTS.some((d) => is(t, d))) depth = 0;
    lastSourceLine = lineOf(t);
  }
  flush();
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.length ? out.join('\n') + '\n' : '';
}
