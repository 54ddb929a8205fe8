/**
 * Re-lexing after an edit (the language server): only the lines the edit
 * touched are lexed again; the tokens before them are kept and the tokens
 * after them are moved in place by the characters and lines the edit added.
 *
 * This equals lexing the whole text because no token spans a line break
 * (strings and comments end at the line, tokens.ts) except skipped
 * whitespace: lexing from the start of a line gives the same tokens as
 * lexing from the start of the file, and a line the edit did not touch lexes
 * the same wherever it is. Lines are counted as chevrotain counts them (`\n`,
 * `\r\n` and a lone `\r` each end one), the region always ends after a `\n`.
 */
import type { IToken } from 'chevrotain';
import type { LineIndex } from '../core/diagnostics.js';
import { lex, type LexResult } from './lexer.js';
import { SyntaxCodes } from './diagnostic-codes.js';

/** The lex of `text`, from the lex of `previous` (whose tokens are moved in place and must not be used again). */
export function relex(previous: { text: string; result: LexResult } | undefined, text: string, file: string, lines: LineIndex): LexResult {
  if (!previous) return lex(text, file, lines);
  const old = previous.text;
  if (old === text) return { ...previous.result, lines };
  const p = commonPrefix(old, text);
  const s = commonSuffix(old, text, Math.min(old.length, text.length) - p);
  // the region: whole lines, from the start of the line of the first change to after the `\n` ending the line of the last
  const from = p === 0 ? 0 : old.lastIndexOf('\n', p - 1) + 1;
  const nl = old.indexOf('\n', old.length - s);
  const oldTo = nl < 0 ? old.length : nl + 1;
  const dOffset = text.length - old.length;
  const newTo = oldTo + dOffset;
  // a change of most of the file: lexing it whole costs the same
  if (newTo - from > text.length / 2) return lex(text, file, lines);

  const region = lex(text.slice(from, newTo), file);
  const lineAt = breaks(text, 0, from) + 1;
  const dLine = breaks(text, from, newTo) - breaks(old, from, oldTo);
  const place = (ts: IToken[]): IToken[] => {
    for (const t of ts) move(t, from, lineAt - 1);
    return ts;
  };
  const splice = (before: IToken[], inside: IToken[]): IToken[] => {
    const a = firstAtOrAfter(before, from);
    const b = firstAtOrAfter(before, oldTo);
    for (let i = b; i < before.length; i++) move(before[i], dOffset, dLine);
    return before.slice(0, a).concat(place(inside), before.slice(b));
  };
  const prev = previous.result;
  const at = (o: number): number => (o < from ? o : o + dOffset);
  const kept = prev.diagnostics.filter((d) => d.range.start.offset < from || d.range.start.offset >= oldTo).map((d) => (d.range.start.offset < from ? d : { ...d, range: lines.range(at(d.range.start.offset), at(d.range.end.offset)) }));
  const fresh = region.diagnostics.map((d) => ({ ...d, range: lines.range(d.range.start.offset + from, d.range.end.offset + from) }));
  return {
    tokens: splice(prev.tokens, region.tokens),
    docs: splice(prev.docs, region.docs),
    comments: splice(prev.comments, region.comments),
    // in the order `lex` reports them: unexpected characters, then unterminated strings, each in source order
    diagnostics: [SyntaxCodes.unexpectedCharacter, SyntaxCodes.unterminatedString].flatMap((code) => [...kept, ...fresh].filter((d) => d.code === code).sort((x, y) => x.range.start.offset - y.range.start.offset)),
    lines,
  };
}

/** Compared a block at a time (string comparison is native), then a character at a time. */
const BLOCK = 4096;

/** The length of the longest common prefix of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n + BLOCK <= max && a.slice(n, n + BLOCK) === b.slice(n, n + BLOCK)) n += BLOCK;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** The length of the longest common suffix of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n + BLOCK <= max && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Moves a token by `dOffset` characters and `dLine` lines (its columns stay: it starts on a line of its own text). */
function move(t: IToken, dOffset: number, dLine: number): void {
  t.startOffset += dOffset;
  if (t.endOffset !== undefined) t.endOffset += dOffset;
  if (t.startLine !== undefined) t.startLine += dLine;
  if (t.endLine !== undefined) t.endLine += dLine;
}

/** Line breaks in text[from, to) as chevrotain counts them: `\r\n`, `\r` and `\n` each one. */
function breaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** The index of the first token starting at or after `offset`. */
function firstAtOrAfter(tokens: IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
