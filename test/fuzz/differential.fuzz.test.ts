/**
 * Differential fuzzing of the three evaluators (json-rules-engine, closures,
 * generated kernel) over random rule libraries
 * (test/helpers/rule-gen.ts) × random facts: all paths give the same
 * firings and outputs, or the same positioned error. `npm run fuzz` runs
 * ≥ 1,000 libraries; the counts are printed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newStats, randomLibrariesAgree } from '../helpers/differential.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(15);

describe('differential fuzzing: random rule libraries', () => {
  it(`${cfg.numRuns} libraries: engine path = fast path = kernel`, async () => {
    const stats = newStats();
    await fc.assert(randomLibrariesAgree(stats), { numRuns: cfg.numRuns, seed: cfg.seed });
    if (cfg.long) console.log(`differential: ${stats.libraries} libraries, ${stats.evaluations} evaluations on all three paths (the kernel with and without its selection memo) (${stats.firings} firings, ${stats.errors} evaluation errors), 0 disagreements (seed ${cfg.seed})`);
    expect(stats.libraries).toBe(cfg.numRuns);
  });
});
