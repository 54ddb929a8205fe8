/**
 * Fuzzing configuration shared by every `*.fuzz.test.ts`: inside `npm test`
 * each property runs a small, fixed-seed count (all fuzzers together stay
 * under 30 s); `npm run fuzz -- <runs> [seed]` (test/fuzz/run.mjs) raises the
 * count and may change the seed through FUZZ_RUNS and FUZZ_SEED.
 */
export interface FuzzConfig {
  numRuns: number;
  seed: number;
  /** true when run by `npm run fuzz` rather than the test suite */
  long: boolean;
}

/** The seed of the suite: fixed, so a failure in CI reproduces locally. */
export const SUITE_SEED = 20261129;

export function fuzzConfig(suiteRuns: number): FuzzConfig {
  const runs = process.env.FUZZ_RUNS;
  const seed = process.env.FUZZ_SEED;
  const parsedRuns = runs !== undefined && /^\d+$/.test(runs) ? Number(runs) : undefined;
  const parsedSeed = seed !== undefined && /^-?\d+$/.test(seed) ? Number(seed) : undefined;
  return { numRuns: parsedRuns ?? suiteRuns, seed: parsedSeed ?? SUITE_SEED, long: parsedRuns !== undefined };
}
