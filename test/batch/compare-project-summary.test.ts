/**
 * The batch contracts of `lcff compare` and `lcff project` over many
 * scenarios (src/batch/compare-contract.ts, project-contract.ts) are the one
 * source of their schema files, and their summaries add up exactly, per
 * fiscal year, keeping a failed scenario as a row without figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sideFigures, studentsChanged, type CompareOutcome } from '../../src/batch/compare-outcome.js';
import { CompareSummaryBuilder } from '../../src/batch/compare-summary.js';
import { projectYearFigures, type ProjectOutcome } from '../../src/batch/project-outcome.js';
import { ProjectSummaryBuilder } from '../../src/batch/project-summary.js';
import { batchSchemaPath, batchSchemaText, validateBatch, type BatchKind } from '../../src/batch/schema.js';
import { compareScenarioRuns } from '../../src/compare/compare.js';
import type { CompareResult } from '../../src/compare/result.js';
import { parseOverride } from '../../src/params/index.js';
import { runProjection } from '../../src/project/project.js';
import { compileResultSchema } from '../../src/run/result-schema.js';
import { dec, fixed } from '../../src/runtime/money.js';
import { loadScenario } from '../../src/scenario/load.js';
import { withOverrides } from '../../src/semantics/overrides.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';

const KINDS: BatchKind[] = ['compare', 'project'];

describe.each(KINDS)('schemas of the %s batch', (kind) => {
  it('is exactly what its contract and the rule library generate (run `npm run schemas` after changing either)', async () => {
    expect(readFileSync(batchSchemaPath(kind), 'utf8')).toBe(batchSchemaText(await bundledLibrary(), kind));
  });

  it('compiles under ajv strict mode, takes an empty batch and refuses a run with neither result nor error', () => {
    expect(() => compileResultSchema(JSON.parse(readFileSync(batchSchemaPath(kind), 'utf8')))).not.toThrow();
    const summary = (kind === 'compare' ? new CompareSummaryBuilder() : new ProjectSummaryBuilder()).build();
    expect(validateBatch({ runs: [], summary }, kind)).toEqual([]);
    expect(validateBatch({ runs: [{ scenario: 'a.yaml' }], summary }, kind)).not.toEqual([]);
  });
});

async function compared(name: string): Promise<CompareOutcome> {
  const lib = await bundledLibrary();
  const { scenario } = await loadScenario(`${ROOT}examples/${name}`);
  const b = withOverrides(lib, [parseOverride('supplemental_pct@2019-20=25%')]);
  const side = { label: 'library', rules: 'rules', set: [] };
  const { result, a, b: rb } = await compareScenarioRuns({ scenario: scenario!, source: name, a: { lib, side }, b: { lib: b.lib, supplied: b.supplied, side: { ...side, label: 'overrides', set: ['supplemental_pct@2019-20=25%'] } } });
  return JSON.parse(JSON.stringify({ scenario: name, status: 'ok', warnings: [], result, sides: { a: sideFigures(a), b: sideFigures(rb) }, fiscal_year: result.fiscal_year, county: a.county })) as CompareOutcome;
}

describe('the summary of a batch of comparisons', () => {
  it('adds each side of one year exactly, counts a cause once per scenario, and keeps a failed scenario as a row', async () => {
    const one = await compared('2019-20-county-charter');
    const b = new CompareSummaryBuilder();
    b.add(one);
    b.add({ scenario: 'bad.yaml', status: 'fatal', warnings: [], error: 'bad.yaml: LCFF-F005 …' });
    b.add({ ...one, scenario: 'copy' });
    const s = b.build();
    expect(validateBatch({ runs: [], summary: s }, 'compare')).toEqual([]);
    expect([s.ran, s.failed, s.exit_code]).toEqual([2, 1, 3]);
    expect(s.scenarios[1]).toEqual({ index: 2, scenario: 'bad.yaml', status: 'fatal', exit_code: 3, error: 'bad.yaml: LCFF-F005 …' });
    // a supplemental grant of 25% instead of 20%: Hayward's and Fremont's transfers 24,533.93 → 25,043.59 (+509.66), twice
    expect(s.scenarios[0].change).toEqual({ coe_entitlement: '0.00', transfers: '509.66' });
    const y = s.totals[0];
    expect(y.transfers.change).toEqual({ lines: 0, ada: '0.00', amount: '1019.32' });
    expect(y.transfers.b.amount).toBe('50087.18');
    const named = one.result!.deltas.filter((d) => d.causes.some((c) => c.name === 'supplemental_pct')).length;
    expect(y.causes).toEqual([{ kind: 'parameter', name: 'supplemental_pct', scenarios: 2, deltas: 2 * named }]);
  });

  it('counts a student whose category, crediting or codes changed once, and not one whose deciding rule alone changed', () => {
    const d = (subject: string, field: string) => ({ subject_kind: 'student' as const, subject, name: '', field, a: 'x', b: 'y', causes: [] });
    const c = { deltas: [d('S1', 'category'), d('S1', 'expected_transfer_codes'), d('S2', 'rule'), d('S3', 'credited_to')] } as unknown as CompareResult;
    expect(studentsChanged(c)).toBe(2);
  });
});

describe('the summary of a batch of projections', () => {
  it("adds each year across scenarios exactly, marks a year projected when any scenario's is, lists each scenario's assumptions", async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/2025-26-projection`);
    const out = await runProjection({ lib, scenario: scenario!, through: scenario!.fiscal_year + 1 });
    const result = JSON.parse(JSON.stringify(out.result));
    const years = projectYearFigures(result, out.runs);
    // the example: ADA 8.71, then −1.5% per student: 8.60; 11 students in each year
    expect(years.map((y) => [y.fiscal_year, y.projected, y.students, y.ada])).toEqual([['2025-26', false, 11, '8.71'], ['2026-27', true, 11, '8.60']]);
    const ok: ProjectOutcome = { scenario: 'a', status: 'ok', warnings: [], result, years, fiscal_year: '2025-26', county: result.county };
    const b = new ProjectSummaryBuilder();
    b.add(ok);
    b.add({ scenario: 'b', status: 'input', warnings: [], error: '--years: …', fiscal_year: '2019-20' });
    // a scenario of 2026-27 itself (not projected there): its figures are added to the same year
    b.add({ ...ok, scenario: 'c', years: [{ fiscal_year: '2026-27', projected: false, students: 3, ada: '0.01', transfers: '0.10', coe_entitlement: '0.20', complete: true }] });
    const s = b.build();
    expect(validateBatch({ runs: [], summary: s }, 'project')).toEqual([]);
    expect([s.ran, s.failed, s.exit_code]).toEqual([2, 1, 2]);
    expect(s.scenarios[0].assumptions).toEqual(result.projection.assumptions);
    const t = s.totals[1];
    // 8.60 + 0.01 = 8.61; transfers and entitlement: the example's + 0.10 and + 0.20, to the cent
    expect([t.fiscal_year, t.projected, t.scenarios, t.projected_scenarios, t.students, t.ada]).toEqual(['2026-27', true, 2, 1, 14, '8.61']);
    expect(t.transfers).toBe(fixed(dec(years[1].transfers).plus(dec('0.10')), 2));
    expect(t.coe_entitlement).toEqual({ total: fixed(dec(years[1].coe_entitlement).plus(dec('0.20')), 2), incomplete: 1 });
  });
});
