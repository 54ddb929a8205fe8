/**
 * Fuzzing the rule-file front end: mutated bundled rule files, token soups,
 * arbitrary unicode and generated libraries go through the parser, the
 * checker (with the bundled library around them) and, when they check clean,
 * the compiler. Invariant: nothing throws (so `lcff check` never exits 3 on
 * them), every diagnostic has a stable code and a position in its file, no
 * case takes 5 s.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/compile/program.js';
import { buildLibrary, type SourceCache } from '../../src/semantics/workspace.js';
import { parseExpression, parseRuleFile } from '../../src/syntax/parse.js';
import { expectWellFormed, HANG_MS, Slowest } from '../helpers/fuzz-checks.js';
import { bundledSources } from '../helpers/library.js';
import { anyText, mutated, tokenSoup } from '../helpers/mutate.js';
import { genWorld, ruleText } from '../helpers/rule-gen.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(80);

describe('rule parser and checker fuzzing', () => {
  it(`${cfg.numRuns} hostile rule files: no exception, every diagnostic coded and positioned, no hang`, async () => {
    const sources = await bundledSources();
    const ruleFiles = sources.filter((s) => s.file.endsWith('.lcff'));
    const cache: SourceCache = new Map();
    const slowest = new Slowest();
    const input = fc.oneof(
      fc.constantFrom(...ruleFiles).chain((s) => mutated(s.text).map((text) => ({ replaces: s.file, text }))),
      tokenSoup.map((text) => ({ replaces: undefined, text })),
      anyText.map((text) => ({ replaces: undefined, text })),
      fc.gen().map((g) => ({ replaces: undefined, text: ruleText(genWorld(g)) })),
    );
    let clean = 0;
    fc.assert(
      fc.property(input, ({ replaces, text }) => {
        const file = replaces ?? 'rules/fuzzed.lcff';
        slowest.time(() => {
          const parsed = parseRuleFile(file, text);
          expectWellFormed(parsed.diagnostics, new Map([[file, text]]));
          const all = [...sources.filter((s) => s.file !== replaces), { file, text }];
          const lib = buildLibrary(all, cache);
          expectWellFormed(lib.diagnostics, new Map(all.map((s) => [s.file, s.text])));
          if (!lib.diagnostics.some((d) => d.severity === 'error')) {
            clean++;
            for (let y = lib.horizon.first; y <= lib.horizon.last; y++) compileProgram(lib, y);
          }
        });
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed },
    );
    if (cfg.long) console.log(`rules: ${cfg.numRuns} files (${clean} checked clean and compiled), 0 crashes, slowest ${Math.round(slowest.ms)} ms (seed ${cfg.seed})`);
    expect(slowest.ms).toBeLessThan(HANG_MS);
  });

  it(`${cfg.numRuns} hostile expressions: parseExpression never throws`, () => {
    fc.assert(
      fc.property(fc.oneof(tokenSoup, anyText), (text) => {
        expectWellFormed(parseExpression(text, 'e').diagnostics, new Map([['e', text]]));
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed },
    );
  });
});
