/**
 * Re-lexing only the lines an edit touched (src/syntax/relex.ts) gives the
 * tokens, docs, comments and diagnostics of lexing the whole text, after
 * every edit of random edit sequences: edits inside and across lines,
 * unterminated strings, comments, doc comments, `\r\n` and lone `\r` line
 * ends, unexpected characters, and keywords that split or merge declarations.
 */
import fc from 'fast-check';
import type { IToken } from 'chevrotain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/diagnostics.js';
import { lex, type LexResult } from '../../src/syntax/lexer.js';
import { relex } from '../../src/syntax/relex.js';
import { ROOT } from '../helpers/library.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(60);
const LIBRARY = readFileSync(join(ROOT, 'rules/county-programs/transfer.lcff'), 'utf8');

const snippet = fc.constantFrom('\n', '\r\n', '\r', ' ', '"', '"open', '"closed"', '\\', '//', '///', '/// doc\n', '// note', '@', '#$', 'decision d for student\n', 'end\n', 'formula', 'rule', '2019-20', '$1,000', '20%', 'x', '\u0000');
const base = fc.oneof(fc.constant(LIBRARY), fc.constant(LIBRARY.repeat(3)), fc.array(snippet, { maxLength: 60 }).map((xs) => xs.join('')));

type Edit = { at: number; length: number; text: string };
const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.nat(), length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200 })), text: fc.array(snippet, { maxLength: 4 }).map((xs) => xs.join('')) });

function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.text + text.slice(at + e.length);
}

const tokenView = (ts: IToken[]) => ts.map((t) => [t.image, t.tokenType.name, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn]);
const view = (r: LexResult) => ({ tokens: tokenView(r.tokens), docs: tokenView(r.docs), comments: tokenView(r.comments), diagnostics: r.diagnostics });

describe('relex', () => {
  it('equals lexing the whole text after every edit', () => {
    fc.assert(
      fc.property(base, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let text = start;
        let previous = { text, result: lex(text, 'f.lcff') };
        for (const e of edits) {
          text = apply(text, e);
          const result = relex(previous, text, 'f.lcff', new LineIndex(text));
          expect(view(result)).toEqual(view(lex(text, 'f.lcff')));
          previous = { text, result };
        }
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed },
    );
  });

  it('keeps the tokens before an edit and lexes only its lines', () => {
    const before = lex(LIBRARY, 'f.lcff');
    const at = LIBRARY.indexOf('\n', LIBRARY.length / 2) + 1;
    const edited = `${LIBRARY.slice(0, at)}  "unterminated\n${LIBRARY.slice(at)}`;
    const firstKept = before.tokens[0];
    const after = relex({ text: LIBRARY, result: before }, edited, 'f.lcff', new LineIndex(edited));
    expect(after.tokens[0]).toBe(firstKept);
    expect(after.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['LCFF-E003', LIBRARY.slice(0, at).split('\n').length]]);
    expect(view(after)).toEqual(view(lex(edited, 'f.lcff')));
  });
});
