/**
 * Differential test on generated counties (bench/generate.ts, loaded like
 * `lcff run`): every student's decisions (classification, expected transfer
 * codes, findings) on json-rules-engine, the closures and the generated
 * kernel (with and without its selection memo), in every fiscal year of the library, give the same firings,
 * outputs, parameter reads and formula calls. The number of students is the
 * fuzz count: 2,000 in the suite (json-rules-engine takes most of the time); `npm run fuzz -- 100000 <seed> students`
 * compares 100,000 (the seed picks the county).
 */
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/compile/program.js';
import { bundledLibrary } from '../helpers/library.js';
import { compareStudents, generatedCounty } from '../helpers/student-differential.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(2000);

describe('differential: generated students on the three evaluators', () => {
  it(`${cfg.numRuns} generated students × fiscal years 2013-14..2025-26: engine = fast = kernel`, async () => {
    const lib = await bundledLibrary();
    const years = Array.from({ length: 13 }, (_, i) => 2013 + i);
    const programs = years.map((y) => compileProgram(lib, y));
    const scenario = await generatedCounty(lib, cfg.numRuns, Math.abs(cfg.seed) % 2 ** 31);
    const diff = await compareStudents(programs, scenario);
    if (cfg.long) console.log(`students differential: ${diff.students} students, ${diff.firings} firings on each of 4 paths (engine, fast, kernel, kernel with the selection memo toggled), ${diff.differences.length} differences (seed ${cfg.seed})`);
    expect(diff.differences.slice(0, 3)).toEqual([]);
    expect(diff.students).toBe(cfg.numRuns);
    expect(diff.firings).toBeGreaterThan(cfg.numRuns);
  });
});
