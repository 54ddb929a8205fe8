/**
 * Fuzzing the language server's request handlers in process: with the
 * bundled library open, one document at a time is replaced by a hostile one
 * (a mutated rule or parameter file, a generated library, a token soup,
 * arbitrary text) and every request (hover, completion, definition,
 * references, highlight, rename, symbols, semantic tokens, formatting, code
 * actions, inlay hints, folding) is made at random positions, inside and
 * outside the text. Invariants: no exception (rename's refusals are
 * answers), every diagnostic coded and positioned, no case takes 5 s.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectWellFormed, HANG_MS, Slowest } from '../helpers/fuzz-checks.js';
import { bundledSources, ROOT } from '../helpers/library.js';
import { allRequests, inProcessServer } from '../helpers/lsp-inprocess.js';
import { anyText, mutated, tokenSoup } from '../helpers/mutate.js';
import { genWorld, ruleText } from '../helpers/rule-gen.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(40);

describe('language server fuzzing', () => {
  it(`${cfg.numRuns} hostile documents × every request at random positions: no exception, no hang`, async () => {
    const sources = (await bundledSources()).map((s) => ({ file: resolve(ROOT, s.file), text: s.text }));
    const server = inProcessServer();
    for (const s of sources) server.open(s.file, s.text);
    const slowest = new Slowest();
    const doc = fc.oneof(
      fc.constantFrom(...sources).chain((s) => mutated(s.text).map((text) => ({ file: s.file, text }))),
      fc.gen().map((g) => ({ file: resolve(ROOT, 'rules/generated.lcff'), text: ruleText(genWorld(g)) })),
      fc.oneof(tokenSoup, anyText).map((text) => ({ file: resolve(ROOT, 'rules/soup.lcff'), text })),
      anyText.map((text) => ({ file: resolve(ROOT, 'rules/params/soup.yaml'), text })),
    );
    const where = fc.record({ line: fc.nat({ max: 400 }), character: fc.nat({ max: 200 }), lines: fc.nat({ max: 40 }), name: fc.constantFrom('renamed', 'constructor', '__proto__', 'if', 'max', '1x', 'a.b') });
    const touched = new Map<string, string>();
    fc.assert(
      fc.property(doc, fc.array(where, { minLength: 1, maxLength: 3 }), ({ file, text }, positions) => {
        slowest.time(() => {
          const uri = server.open(file, text);
          touched.set(file, sources.find((s) => s.file === file)?.text ?? '');
          for (const p of positions) {
            const position = { line: p.line % (text.split('\n').length + 2), character: p.character };
            const range = { start: position, end: { line: position.line + p.lines, character: 0 } };
            allRequests(server, uri, position, range, p.name);
          }
          const lib = server.ctx.index.library();
          const texts = new Map([...lib.sources]);
          expectWellFormed(lib.diagnostics, texts);
          expect(server.errors).toEqual([]);
        });
        // put the file back (an unknown file is emptied) so the next case starts from the real library
        server.open(file, touched.get(file)!);
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed },
    );
    if (cfg.long) console.log(`lsp: ${cfg.numRuns} documents × every request, 0 crashes, slowest ${Math.round(slowest.ms)} ms (seed ${cfg.seed})`);
    expect(slowest.ms).toBeLessThan(HANG_MS);
  });
});
