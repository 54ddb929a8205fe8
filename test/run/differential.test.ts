/**
 * Differential test: on random county scenarios the json-rules-engine path
 * (the reference), the closure path and the generated kernel give
 * byte-identical results,
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
import { buildLibrary } from '../../src/semantics/workspace.js';
import { newStats, outcome, randomLibrariesAgree } from '../helpers/differential.js';
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

describe('engine path = fast path = kernel', () => {
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
        const kernel = await runScenario(lib, scenario, { program, evaluator: 'kernel' });
        expect(JSON.stringify(fast.result)).toBe(JSON.stringify(engine.result));
        expect(JSON.stringify(kernel.result)).toBe(JSON.stringify(engine.result));
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

describe('engine path = fast path on random rule libraries', () => {
  it('60 generated libraries × random facts: same firings and outputs, or the same positioned error', async () => {
    const stats = newStats();
    await fc.assert(randomLibrariesAgree(stats), { numRuns: 60, seed: 20261129 });
    expect(stats.libraries).toBe(60);
    expect(stats.evaluations).toBeGreaterThan(60);
  });
});

describe('the three cases where the paths disagreed (issue 7), each with its minimal input', () => {
  const FACTS = `facts s
  x : Number optional
  a : Number
  b : Number
end
`;
  const decision = (when: string): string => `${FACTS}decision d for s
  cite "EC 2576"
  output o : Bool

  rule r
    cite "EC 2576"
    effective 2019-20 onward
    when ${when}
    then o = true
end
`;
  const both = async (text: string, facts: Record<string, unknown>): Promise<[string, string]> => {
    const lib = buildLibrary([{ file: 'edge.lcff', text }]);
    expect(lib.diagnostics).toEqual([]);
    const program = compileProgram(lib, 2019);
    const kernel = (await outcome(program, 'd', facts, 'kernel')).text;
    const fast = (await outcome(program, 'd', facts, 'fast')).text;
    expect(kernel).toBe(fast);
    return [(await outcome(program, 'd', facts, 'engine')).text, fast];
  };

  it('a missing optional fact in "x > 1": the checker requires a guard (LCFF-E037); guarded, neither path fires', async () => {
    const unguarded = buildLibrary([{ file: 'edge.lcff', text: decision('s.x > 1') }]);
    expect(unguarded.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(['13:10 LCFF-E037']);
    expect(await both(decision('s.x is present and s.x > 1'), { s: { a: new Dec(1), b: new Dec(1) } })).toEqual(['[]', '[]']);
  });

  it('"b > 0 and a / b > 1" with b = 0: both paths stop at b > 0 (no division by zero)', async () => {
    expect(await both(decision('s.b > 0 and s.a / s.b > 1'), { s: { a: new Dec(5), b: new Dec(0) } })).toEqual(['[]', '[]']);
    expect(await both(decision('s.b > 0 and s.a / s.b > 1'), { s: { a: new Dec(5), b: new Dec(2) } })).toEqual(['[["r",[["o","true"]]]]', '[["r",[["o","true"]]]]']);
  });

  it('a formula where is computed per call: two calls with different inputs give different values on both paths', async () => {
    const text = `facts s
  a : Number
  b : Number
end
formula twice(x: Number) : Number
  cite "EC 2576"
  = doubled + 0
  where doubled = x * 2
decision d for s
  cite "EC 2576"
  output p : Number
  output q : Number

  rule r
    cite "EC 2576"
    effective 2019-20 onward
    then p = twice(s.a), q = twice(s.b)
end
`;
    // a memo shared between calls would give q = p = 6
    expect(await both(text, { s: { a: new Dec(3), b: new Dec(5) } })).toEqual(['[["r",[["p","6"],["q","10"]]]]', '[["r",[["p","6"],["q","10"]]]]']);
  });

  it('a text where a number is declared: the same error, at the fact declaration, on both paths', async () => {
    const [engine, fast] = await both(decision('s.a > 1'), { s: { a: '5', b: new Dec(0) } });
    expect(engine).toBe('error edge.lcff:3:3 fact s.a is declared Number but holds the text "5"');
    expect(fast).toBe(engine);
  });
});
