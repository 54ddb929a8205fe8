/**
 * Fuzzing the parameter loader: mutated bundled parameter files, random YAML
 * documents of parameter shape (with prototype words as keys), arbitrary YAML
 * values and arbitrary text are loaded, resolved and checked with the
 * bundled rules. Invariant: nothing throws, every diagnostic has a stable
 * code and a position in its file, no case takes 5 s.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadParameterFile, resolveParameters } from '../../src/params/index.js';
import { buildLibrary, type SourceCache } from '../../src/semantics/workspace.js';
import { expectWellFormed, HANG_MS, Slowest } from '../helpers/fuzz-checks.js';
import { bundledSources } from '../helpers/library.js';
import { anyText, mutated, tokenSoup } from '../helpers/mutate.js';
import { PROTO_WORDS } from '../helpers/rule-gen.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(80);

const word = fc.oneof(fc.constantFrom(...PROTO_WORDS, 'k3', 'g4_6', 'g9_12', 'grade_span', 'cola_district', 'unknown', 'value', 'derive', 'published'), fc.string({ maxLength: 6 }));
const scalar = fc.oneof(
  fc.constantFrom('20%', '2.31%', '9572', '1,000.00', '0,95', '$5', '-1', '1e3', 'unknown', 'confirmed', 'unconfirmed', 'USD', 'USD/ADA', 'percent', 'count', 'number', 'ADA', 'dollar', 'cent', 'half_even', '2019-20', '2019-2020'),
  word,
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const entry = fc.oneof(scalar, fc.dictionary(word, scalar, { maxKeys: 4 }), fc.record({ value: scalar, status: scalar, cite: scalar, note: scalar, derive: fc.record({ grow_by: fc.array(scalar, { maxLength: 3 }), round: scalar }) }, { requiredKeys: [] }));
/** Documents shaped like parameter files, with wrong pieces. */
const paramShaped = fc.dictionary(
  word,
  fc.record({ description: scalar, unit: scalar, cite: scalar, status: scalar, note: scalar, by: scalar, values: fc.oneof(fc.dictionary(fc.constantFrom('2013-14', '2019-20', '2020-21', '2019-21', 'x', '__proto__'), entry, { maxKeys: 4 }), scalar) }, { requiredKeys: [] }),
  { maxKeys: 4 },
).map((doc) => stringify(doc));

describe('parameter loader fuzzing', () => {
  it(`${cfg.numRuns} hostile parameter files: no exception, every diagnostic coded and positioned, no hang`, async () => {
    const sources = await bundledSources();
    const paramFiles = sources.filter((s) => s.file.endsWith('.yaml') && !s.file.endsWith('library.yaml'));
    const cache: SourceCache = new Map();
    const slowest = new Slowest();
    const input = fc.oneof(
      fc.constantFrom(...paramFiles).chain((s) => mutated(s.text).map((text) => ({ replaces: s.file, text }))),
      paramShaped.map((text) => ({ replaces: undefined, text })),
      fc.anything().map((v) => ({ replaces: undefined, text: String(stringify(v) ?? '') })),
      fc.oneof(anyText, tokenSoup).map((text) => ({ replaces: undefined, text })),
    );
    fc.assert(
      fc.property(input, ({ replaces, text }) => {
        const file = replaces ?? 'rules/params/fuzzed.yaml';
        slowest.time(() => {
          const loaded = loadParameterFile(file, text);
          expectWellFormed(loaded.diagnostics, new Map([[file, text]]));
          resolveParameters(loaded.params);
          const all = [...sources.filter((s) => s.file !== replaces), { file, text }];
          const lib = buildLibrary(all, cache);
          expectWellFormed(lib.diagnostics, new Map(all.map((s) => [s.file, s.text])));
        });
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed },
    );
    if (cfg.long) console.log(`params: ${cfg.numRuns} files, 0 crashes, slowest ${Math.round(slowest.ms)} ms (seed ${cfg.seed})`);
    expect(slowest.ms).toBeLessThan(HANG_MS);
  });
});
