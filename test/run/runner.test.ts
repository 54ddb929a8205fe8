/**
 * The runner on the bundled examples: the result contract validates against
 * the shipped schema, is byte-identical across runs and input orderings, and
 * the json-rules-engine path and the fast path agree (differential test).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { validateResult } from '../../src/run/result-schema.js';
import type { Scenario } from '../../src/scenario/model.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';

const EXAMPLES = ['2016-17-optional-transfer', '2019-20-county-charter', '2023-24-csv-students'];

async function example(name: string): Promise<Scenario> {
  const { scenario, diagnostics } = await loadScenario(`${ROOT}examples/${name}`);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scenario!;
}

/** A deterministic shuffle (reverse, then interleave halves). */
function reordered<T>(xs: T[]): T[] {
  const r = [...xs].reverse();
  const half = Math.ceil(r.length / 2);
  const out: T[] = [];
  for (let i = 0; i < half; i++) {
    out.push(r[i]);
    if (i + half < r.length) out.push(r[i + half]);
  }
  return out;
}

describe.each(EXAMPLES)('example %s', (name) => {
  it('produces a result that validates against schemas/result.schema.json', async () => {
    const lib = await bundledLibrary();
    const { result } = await runScenario(lib, await example(name));
    expect(validateResult(JSON.parse(JSON.stringify(result)))).toEqual([]);
    expect(result.students.length).toBeGreaterThan(0);
  });

  it('is byte-identical across runs and across any reordering of the input students', async () => {
    const lib = await bundledLibrary();
    const s = await example(name);
    const a = JSON.stringify((await runScenario(lib, s)).result);
    const b = JSON.stringify((await runScenario(lib, s)).result);
    const c = JSON.stringify((await runScenario(lib, { ...s, students: reordered(s.students) })).result);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('gives the same result on the json-rules-engine path and the fast path', async () => {
    const lib = await bundledLibrary();
    const s = await example(name);
    const engine = await runScenario(lib, s, { evaluator: 'engine' });
    const fast = await runScenario(lib, s, { evaluator: 'fast' });
    expect(JSON.stringify(fast.result)).toBe(JSON.stringify(engine.result));
  });
});

describe('the same scenario in every fiscal year', () => {
  it('engine and fast path agree in 2013-14 through 2025-26', async () => {
    const lib = await bundledLibrary();
    const s = await example('2019-20-county-charter');
    for (let year = 2013; year <= 2025; year++) {
      const scenario = { ...s, fiscal_year: year, districts: s.districts.map((d) => ({ ...d, history: new Map([...d.history].map(([y, v]) => [y - 2019 + year, v])) })) };
      const engine = await runScenario(lib, scenario, { evaluator: 'engine' });
      const fast = await runScenario(lib, scenario, { evaluator: 'fast' });
      expect(JSON.stringify(fast.result), `fiscal year ${year}`).toBe(JSON.stringify(engine.result));
    }
  });
});
