/**
 * Fuzzing the formatter on valid rule files (generated libraries and the
 * bundled files) laid out at random: any whitespace and line breaks between
 * tokens, comments and doc comments inserted between them. Invariants:
 * fmt(x) exists, fmt(fmt(x)) = fmt(x), the AST of fmt(x) equals the AST of
 * x without positions, and every comment survives.
 */
import { tokenMatcher, type IToken } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRuleText } from '../../src/format/index.js';
import { lex } from '../../src/syntax/lexer.js';
import { parseRuleFile } from '../../src/syntax/parse.js';
import * as T from '../../src/syntax/tokens.js';
import { HANG_MS, Slowest } from '../helpers/fuzz-checks.js';
import { bundledSources } from '../helpers/library.js';
import { genWorld, ruleText } from '../helpers/rule-gen.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(80);

/** The AST without source ranges. */
const shape = (text: string): string => JSON.stringify(parseRuleFile('f.lcff', text).ast, (k, v: unknown) => (k === 'range' ? undefined : v));
const comments = (text: string): string[] => {
  const l = lex(text);
  return [...l.docs, ...l.comments].map((c) => c.image.trimEnd()).sort();
};

const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\n    ', '\n\n', '\t', ' // note\n', '\n/// doc line\n', ' //\n'];

/** The tokens of a valid text joined by random layout (a comment always ends its line). */
function relayout(text: string, pick: (n: number) => number): string {
  const l = lex(text);
  const all: IToken[] = [...l.tokens, ...l.docs, ...l.comments].sort((a, b) => a.startOffset - b.startOffset);
  let out = '';
  all.forEach((t, i) => {
    out += t.image;
    if (i === all.length - 1) return;
    const isComment = tokenMatcher(t, T.LineComment) || tokenMatcher(t, T.DocComment);
    const sep = SEPARATORS[pick(SEPARATORS.length)];
    out += isComment && !sep.includes('\n') ? '\n' : isComment && !sep.startsWith('\n') && !sep.startsWith(' //') ? `\n${sep}` : sep;
  });
  return `${out}\n`;
}

describe('formatter fuzzing', () => {
  it(`${cfg.numRuns} valid files laid out at random: idempotent, meaning-preserving, no comment lost`, async () => {
    const bundled = (await bundledSources()).filter((s) => s.file.endsWith('.lcff')).map((s) => s.text);
    const slowest = new Slowest();
    const valid = fc.oneof(
      fc.gen().map((g) => ruleText(genWorld(g))),
      fc.constantFrom(...bundled),
    );
    fc.assert(
      fc.property(valid, fc.infiniteStream(fc.nat()), fc.boolean(), (base, stream, relaid) => {
        const it = stream[Symbol.iterator]();
        const text = relaid ? relayout(base, (n) => it.next().value! % n) : base;
        slowest.time(() => {
          expect(parseRuleFile('f.lcff', text).diagnostics, text).toEqual([]);
          const once = formatRuleText(text);
          expect(once, text).toBeDefined();
          expect(formatRuleText(once!), `not idempotent on:\n${text}`).toBe(once);
          expect(shape(once!), `meaning changed on:\n${text}`).toBe(shape(text));
          expect(comments(once!)).toEqual(comments(text));
        });
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed },
    );
    if (cfg.long) console.log(`format: ${cfg.numRuns} files, 0 failures, slowest ${Math.round(slowest.ms)} ms (seed ${cfg.seed})`);
    expect(slowest.ms).toBeLessThan(HANG_MS);
  });
});
