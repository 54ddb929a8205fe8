/**
 * The batch contract (src/batch/contract.ts) is the one source of
 * schemas/batch.schema.json, and the summary (src/batch/summary.ts) adds the
 * results up exactly, per fiscal year.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BatchSummaryBuilder } from '../../src/batch/summary.js';
import { batchSchemaPath, batchSchemaText, validateBatch } from '../../src/batch/schema.js';
import { compileResultSchema } from '../../src/run/result-schema.js';
import { runScenario } from '../../src/run/run.js';
import type { RunResult } from '../../src/run/result.js';
import { loadScenario } from '../../src/scenario/load.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';

async function example(name: string): Promise<RunResult> {
  const { scenario } = await loadScenario(`${ROOT}examples/${name}`);
  return JSON.parse(JSON.stringify((await runScenario(await bundledLibrary(), scenario!)).result)) as RunResult;
}

describe('schemas/batch.schema.json', () => {
  it('is exactly what src/batch/contract.ts and the rule library generate (run `npm run schemas` after changing either contract)', async () => {
    expect(readFileSync(batchSchemaPath(), 'utf8')).toBe(batchSchemaText(await bundledLibrary()));
  });

  it('compiles under ajv strict mode and refuses a run with neither result nor error', () => {
    const schema = JSON.parse(readFileSync(batchSchemaPath(), 'utf8'));
    expect(() => compileResultSchema(schema)).not.toThrow();
    const summary = new BatchSummaryBuilder().build();
    expect(validateBatch({ runs: [], summary })).toEqual([]);
    expect(validateBatch({ runs: [{ scenario: 'a.yaml' }], summary })).not.toEqual([]);
  });
});

describe('the batch summary', () => {
  it('adds the results of one year exactly and keeps years apart; a failed scenario is a row without totals', async () => {
    const r1920 = await example('2019-20-county-charter');
    const r1617 = await example('2016-17-optional-transfer');
    const b = new BatchSummaryBuilder();
    b.add({ scenario: 'a', status: 'ok', warnings: [], result: r1920, evaluator: 'engine', fiscal_year: '2019-20', county: r1920.county });
    b.add({ scenario: 'bad.yaml', status: 'input', warnings: [], error: 'bad.yaml:1:1 LCFF-S020 error: …' });
    b.add({ scenario: 'b', status: 'findings', warnings: [], result: r1920, evaluator: 'fast', fiscal_year: '2019-20', county: r1920.county, error: '--fail-on error: 3 findings of severity error' });
    b.add({ scenario: 'c', status: 'ok', warnings: [], result: r1617, evaluator: 'engine', fiscal_year: '2016-17', county: r1617.county });
    const s = b.build();
    expect(validateBatch({ runs: [], summary: s })).toEqual([]);
    expect([s.ran, s.failed, s.exit_code]).toEqual([3, 1, 2]);
    expect(s.scenarios[1]).toEqual({ index: 2, scenario: 'bad.yaml', status: 'input', exit_code: 2, error: 'bad.yaml:1:1 LCFF-S020 error: …' });
    expect(s.totals.map((y) => [y.fiscal_year, y.scenarios, y.students])).toEqual([['2016-17', 1, 6], ['2019-20', 2, 22]]);
    const y = s.totals[1];
    // 2019-20 example: transfers 24,533.93 over 3.35 ADA, twice: 49,067.86 over 6.70 ADA; COE entitlement 73,560.34 twice: 147,120.68
    expect(y.transfers).toEqual({ lines: 10, ada: '6.70', amount: '49067.86' });
    expect(y.coe_entitlement).toEqual({ total: '147120.68', incomplete: 2 });
    // district_funded: 5 students, 4 on census day, 3.35 ADA in each run
    expect(y.categories.find((c) => c.category === 'district_funded')).toMatchObject({ students: 10, census_day: 8, ada: '6.70' });
    expect(y.findings.find((f) => f.code === 'LCFF-V011')).toEqual({ code: 'LCFF-V011', severity: 'error', count: 4, scenarios: 2 });
    expect(y.unconfirmed).toEqual(r1920.unconfirmed);
  });
});
