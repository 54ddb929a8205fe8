/**
 * Differential test: on random county scenarios the json-rules-engine path
 * (the reference) and the compiled fast path give byte-identical results,
 * in every fiscal year of the library; conservation holds on every run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/compile/program.js';
import { Dec } from '../../src/runtime/money.js';
import { runScenario } from '../../src/run/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario, Student } from '../../src/scenario/model.js';
import { vocabulariesOf } from '../../src/scenario/schema.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';

/** The enrollment bases the rule library declares (enum enrollment_basis). */
const ENROLLMENT_BASES = vocabulariesOf(await bundledLibrary()).get('enrollment_basis')!;

const CODES = [undefined, '1', '2', '3', '4', '5', '6'];

function studentArb(s: Scenario): fc.Arbitrary<Omit<Student, 'id'>> {
  const districts = s.districts.map((d) => d.cds);
  return fc.record({
    school: fc.constantFrom(...s.schools.map((x) => x.code)),
    grade: fc.integer({ min: -1, max: 12 }),
    basis: fc.uniqueArray(fc.constantFrom(...ENROLLMENT_BASES.filter((b) => b !== 'none')), { minLength: 1, maxLength: 2 }),
    district_of_residence: fc.option(fc.constantFrom(...districts), { nil: undefined, freq: 8 }),
    unduplicated: fc.boolean(),
    census_day: fc.boolean(),
    ada: fc.integer({ min: 0, max: 100 }).map((h) => new Dec(h).div(100)),
    reported: fc.record({ transfer_code: fc.constantFrom(...CODES), district_of_residence: fc.option(fc.constantFrom(...districts), { nil: undefined }) }),
    source: fc.constant({ file: 'generated', line: 1 }),
  });
}

describe('engine path = fast path', () => {
  it('on 60 random scenarios across 2013-14..2025-26', async () => {
    const lib = await bundledLibrary();
    const { scenario: base } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
    const programs = new Map<number, ReturnType<typeof compileProgram>>();
    await fc.assert(
      fc.asyncProperty(fc.array(studentArb(base!), { minLength: 1, maxLength: 25 }), fc.integer({ min: 2013, max: 2025 }), async (rows, year) => {
        const students = rows.map((r, i) => ({ ...r, id: `G${String(i).padStart(3, '0')}` }));
        const scenario: Scenario = { ...base!, fiscal_year: year, students, charters: base!.charters.map((c) => ({ ...c, enrollment: 500, unduplicated: 400 })) };
        if (!programs.has(year)) programs.set(year, compileProgram(lib, year));
        const program = programs.get(year)!;
        const engine = await runScenario(lib, scenario, { program, evaluator: 'engine' });
        const fast = await runScenario(lib, scenario, { program, evaluator: 'fast' });
        expect(JSON.stringify(fast.result)).toBe(JSON.stringify(engine.result));
        const c = engine.result.conservation;
        expect(c.ada_in).toBe(c.ada_out);
        expect(c.enrollment_in).toBe(c.enrollment_out);
        expect(c.transfers_net).toBe('0.00');
        expect(engine.result.students).toHaveLength(students.length);
      }),
      { numRuns: 60, seed: 20261125 },
    );
  });
});
