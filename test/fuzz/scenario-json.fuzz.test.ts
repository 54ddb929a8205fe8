/**
 * Fuzzing the scenario loader with strict JSON (.json): mutated scenarios
 * serialised as JSON, sometimes damaged as text (trailing commas, comments,
 * quotes, cut short). Invariant as for YAML (test/helpers/scenario-fuzz.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.js';
import { applyEdits, mutation, mutate, newFuzzStats, statsLine, textEdit, timedLoad } from '../helpers/scenario-fuzz.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(100);

describe('scenario loader: JSON', () => {
  it(`${cfg.numRuns} mutated scenarios load soundly`, async () => {
    const stats = newFuzzStats();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 2 }) }), fc.constantFrom(0, 2, '\t'), async (mutations, edits, indent) => {
        const text = applyEdits(JSON.stringify(mutate(mutations), null, indent) ?? 'null', edits);
        await timedLoad(text, () => loadScenarioText('/fuzz/scenario.json', text, { openCsv: async () => 'id\n' }), stats);
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed, timeout: 5000, markInterruptAsFailure: true },
    );
    if (cfg.long) console.log(statsLine('scenario loader, JSON', stats, cfg.seed));
    expect(stats.cases).toBe(cfg.numRuns);
  });

  it('JSON nested 100,000 levels deep, and a 5 MB text', async () => {
    for (const text of ['['.repeat(100_000), `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, `{"fiscal_year":"${'9'.repeat(5_000_000)}"}`]) {
      await timedLoad(text, () => loadScenarioText('/fuzz/scenario.json', text));
    }
  });
});
