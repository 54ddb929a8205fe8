/**
 * Projections (issue 10 item 4): the library extended past its horizon by
 * an assumed COLA, the scenario rolled forward, every year run by the same
 * rules. Figures checked by hand against examples/2025-26-projection
 * (COLA 2026-27 3.02%, 2027-28 2.90%; ADA -1.5% then -1%; enrollment -1%
 * then -1%; no UPC growth).
 */
import { describe, expect, it } from 'vitest';
import { ROOT, bundledLibrary } from '../helpers/library.js';
import { loadScenario, loadScenarioText } from '../../src/scenario/load.js';
import { vocabulariesOf } from '../../src/scenario/schema.js';
import { AssumptionsError, runProjection } from '../../src/project/project.js';
import { ProjectionInputError } from '../../src/project/roll-forward.js';
import { runScenario } from '../../src/run/run.js';
import { parseOverride } from '../../src/params/index.js';
import type { Scenario } from '../../src/scenario/model.js';
import { readFileSync } from 'node:fs';

const EXAMPLE = `${ROOT}examples/2025-26-projection/scenario.yaml`;

async function example(edit: (text: string) => string = (t) => t): Promise<Scenario> {
  const lib = await bundledLibrary();
  const { scenario, diagnostics } = await loadScenarioText(EXAMPLE, edit(readFileSync(EXAMPLE, 'utf8')), { vocabularies: vocabulariesOf(lib) });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scenario!;
}

const law = (r: Awaited<ReturnType<typeof runProjection>>['result'], parameter: string, member?: string) =>
  r.projection.law.find((x) => x.parameter === parameter && x.member === member)!.years.map((y) => `${y.fiscal_year}${y.projected ? '*' : ''} ${y.value}`);

describe('the law past the horizon', () => {
  it('derives the base grants as the library derives 2025-26: the prior year × (1 + COLA), rounded to the dollar', async () => {
    const { result } = await runProjection({ lib: await bundledLibrary(), scenario: await example(), through: 2027 });
    // k3: 10,256 (2025-26) × 1.0302 = 10,565.7312 → 10,566; × 1.029 = 10,872.414 → 10,872
    expect(law(result, 'base_grant_per_ada', 'k3')).toEqual(['2025-26 10256', '2026-27* 10566', '2027-28* 10872']);
    // 9-12: 12,423 × 1.0302 = 12,798.1746 → 12,798; × 1.029 = 13,169.142 → 13,169
    expect(law(result, 'base_grant_per_ada', 'g9_12')).toEqual(['2025-26 12423', '2026-27* 12798', '2027-28* 13169']);
    // the COE rates grow by cola_coe, which takes the same assumed COLA: 901,738 × 1.0302 = 928,970.4876 → 928,970 (dollar)
    expect(law(result, 'coe_ops_per_coe')).toEqual(['2025-26 901738', '2026-27* 928970', '2027-28* 955910']);
    // a per-ADA rate the library rounds to the cent: 15.66 × 1.0302 = 16.132932 → 16.13
    expect(law(result, 'coe_ops_ada_increase')[1]).toBe('2026-27* 16.13');
    expect(result.projection.cola_parameters).toEqual(['cola_coe', 'cola_district']);
    expect(law(result, 'cola_district')).toEqual(['2025-26 2.3%', '2026-27* 3.02%', '2027-28* 2.9%']);
  });

  it('carries every other parameter forward unchanged, unknown included, and lists it', async () => {
    const { result } = await runProjection({ lib: await bundledLibrary(), scenario: await example(), through: 2026 });
    const carried = new Map(result.projection.carried_forward.map((c) => [c.parameter, `${c.value} (${c.from})`]));
    expect(carried.get('supplemental_pct')).toBe('20% (2013-14)');
    expect(carried.get('concentration_pct')).toBe('65% (2021-22)');
    expect(carried.get('aeg_base_per_ada')).toBe('unknown (2023-24)');
    expect(carried.has('base_grant_per_ada')).toBe(false);
    // the AEG stays not computed in every year: the library has no AEG base from 2023-24, and a projection does not invent one
    expect(result.coe_entitlement.components.find((c) => c.name === 'Alternative Education Grant')!.years.map((y) => y.computed)).toEqual([false, false]);
  });

  it('runs the scenario year exactly as lcff run does, and marks only the later years projected', async () => {
    const lib = await bundledLibrary();
    const scenario = await example();
    const { runs, result } = await runProjection({ lib, scenario, through: 2027 });
    expect(runs[0]).toEqual((await runScenario(lib, scenario)).result);
    expect(result.projection.years).toEqual([
      { fiscal_year: '2025-26', projected: false, law: 'enacted' },
      { fiscal_year: '2026-27', projected: true, law: 'projected' },
      { fiscal_year: '2027-28', projected: true, law: 'projected' },
    ]);
    for (const l of result.leas) expect(l.years.map((y) => y.projected)).toEqual([false, true, true]);
    expect(result.totals.map((t) => t.projected)).toEqual([false, true, true]);
  });
});

describe('both evaluators', () => {
  it('give the same projection (json-rules-engine and the compiled fast path)', async () => {
    const lib = await bundledLibrary();
    const scenario = await example();
    const engine = await runProjection({ lib, scenario, through: 2027, evaluator: 'engine' });
    const fast = await runProjection({ lib, scenario, through: 2027, evaluator: 'fast' });
    expect(fast.result).toEqual(engine.result);
  });
});

describe('students and counts roll forward', () => {
  it('grows ADA per student (half up to cents) and enrollment (half up to a pupil); the UPP window reads the years before', async () => {
    const { result, runs } = await runProjection({ lib: await bundledLibrary(), scenario: await example(), through: 2026 });
    // S005 0.80 × 0.985 = 0.788 → 0.79; S006 0.70 × 0.985 = 0.6895 → 0.69
    const ada = new Map(runs[1].students.map((s) => [s.id, s.ada]));
    expect([ada.get('S005'), ada.get('S006')]).toEqual(['0.79', '0.69']);
    const fremont = result.leas.find((l) => l.cds === '0161176')!;
    // 35,000 × 0.99 = 34,650, plus its county-program census-day student after adjustments = 34,651; UPC unchanged (no upc_growth) 8,750 + 1
    expect(fremont.years[1]).toMatchObject({ enrollment: 34651, unduplicated: 8751 });
    // window 2024-25 (history 8,800 / 35,200), 2025-26 (the scenario year's funded counts 8,751 / 35,001), 2026-27 (8,751 / 34,651):
    // 26,302 / 104,852 = 0.25085 → 0.2508
    expect(fremont.years[1].upp_rolling).toBe('0.2508');
  });

  it('computes the transfer of a projected year with the projected rates', async () => {
    const { result } = await runProjection({ lib: await bundledLibrary(), scenario: await example(), through: 2026 });
    const hayward = result.leas.find((l) => l.cds === '0161192')!.years[1];
    // rolling UPP (12,060 + 12,001 + 12,001) / (20,100 + 20,002 + 19,802) = 36,062 / 59,904 = 0.6019965…
    // 9-12: adjusted base 12,798 + 12,798 × 2.6% (332.748 → 333) = 13,131; + 13,131 × 20% × 0.6019965 (1,580.9633)
    //   + 13,131 × 65% × (0.6019965 − 55%) (443.7982) = 15,155.7614 → 15,155.76
    expect(hayward.rates!.g9_12).toEqual({ base: '13131.00', supplemental: '1580.96', concentration: '443.80', total: '15155.76' });
    // S005 (grade 10) 0.79 × 15,155.76 = 11,973.05; S006 (grade 7) 0.69 × 12,745.80 = 8,794.60; together 20,767.65
    expect(hayward.transfers_out).toBe('20767.65');
  });

  it('refuses a growth that gives more unduplicated pupils than pupils, naming the LEA and the year', async () => {
    // Hayward, the first district: 12,000 × 1.80 = 21,600 unduplicated, 20,000 × 0.99 = 19,800 enrolled
    const scenario = await example((t) => t.replace('enrollment_growth:', 'upc_growth:\n    2026-27: 80%\n  enrollment_growth:'));
    await expect(runProjection({ lib: await bundledLibrary(), scenario, through: 2026 })).rejects.toThrow(ProjectionInputError);
    await expect(runProjection({ lib: await bundledLibrary(), scenario, through: 2026 })).rejects.toThrow(/2026-27: the assumed growth gives Hayward Unified \(0161192\) 21600 unduplicated pupils but 19800 enrolled/);
  });
});

describe('hostile growth', () => {
  it('a growth that takes a count past any county is refused, never rounded into a float', async () => {
    const scenario = await example((t) => t.replace('    2026-27: -1%\n    2027-28: -1%', '    2026-27: 99999999999999999999%'));
    await expect(runProjection({ lib: await bundledLibrary(), scenario, through: 2026 })).rejects.toThrow(/2026-27: the assumed growth gives Hayward Unified \(0161192\) more pupils than any county has/);
  });
});

describe('assumptions', () => {
  it('a year past the horizon without a COLA is LCFF-S072, naming each year missing', async () => {
    const lib = await bundledLibrary();
    const scenario = await example();
    const e = await runProjection({ lib, scenario, through: 2030 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AssumptionsError);
    expect((e as AssumptionsError).diagnostics.map((d) => `${d.code} ${d.message.split(' is past')[0]}`)).toEqual(['LCFF-S072 assumptions.cola: 2029-30', 'LCFF-S072 assumptions.cola: 2030-31']);
  });

  it('a scenario with no assumptions can be projected within the horizon, never past it', async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/2023-24-csv-students`, { vocabularies: vocabulariesOf(lib) });
    const within = await runProjection({ lib, scenario: scenario!, through: 2025 });
    expect(within.result.projection.years.map((y) => `${y.fiscal_year} ${y.law}`)).toEqual(['2023-24 enacted', '2024-25 enacted', '2025-26 enacted']);
    const past = await runProjection({ lib, scenario: scenario!, through: 2026 }).catch((x: unknown) => x);
    expect((past as AssumptionsError).diagnostics.map((d) => d.code)).toEqual(['LCFF-S072']);
    expect((past as AssumptionsError).diagnostics[0].message).toContain("2026-27 is past the library's last year of enacted law (2025-26, rules/library.yaml)");
  });

  it('a projection that crosses the horizon uses enacted law up to it and the assumed COLA after', async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/2023-24-csv-students`, { vocabularies: vocabulariesOf(lib) });
    const cola = { year: 2026, value: scenario!.students[0].ada.times(0).plus('0.03'), text: '3%', file: 'a.yaml', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, field: 'cola.2026-27' };
    const { result } = await runProjection({ lib, scenario: scenario!, through: 2026, assumptions: { file: 'a.yaml', cola: [cola], ada_growth: [], enrollment_growth: [], upc_growth: [] } });
    expect(result.projection.years.map((y) => `${y.fiscal_year} ${y.projected} ${y.law}`)).toEqual(['2023-24 false enacted', '2024-25 true enacted', '2025-26 true enacted', '2026-27 true projected']);
    // the library's 9,919 / 10,025 (published) / 10,256, then 10,256 × 1.03 = 10,563.68 → 10,564
    expect(law(result, 'base_grant_per_ada', 'k3')).toEqual(['2023-24 9919', '2024-25 10025', '2025-26 10256', '2026-27* 10564']);
  });

  it('a COLA for a year of enacted law is LCFF-S073 at its line', async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/2023-24-csv-students`, { vocabularies: vocabulariesOf(lib) });
    const withCola = { ...scenario!, assumptions: { file: 'a.yaml', cola: [{ year: 2024, value: scenario!.students[0].ada.times(0), text: '0%', file: 'a.yaml', range: { start: { line: 3, column: 5, offset: 0 }, end: { line: 3, column: 7, offset: 0 } }, field: 'cola.2024-25' }], ada_growth: [], enrollment_growth: [], upc_growth: [] } };
    const e = (await runProjection({ lib, scenario: withCola, through: 2025 }).catch((x: unknown) => x)) as AssumptionsError;
    expect(e.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(['3:5 LCFF-S073']);
    expect(e.diagnostics[0].message).toContain('the library holds enacted law for 2024-25, its COLA included');
  });

  it('--set reaches a projected year: a COE COLA of its own, re-deriving the COE rates and listed as user-supplied', async () => {
    const { result } = await runProjection({ lib: await bundledLibrary(), scenario: await example(), through: 2026, sets: [parseOverride('cola_coe@2026-27=2.5%')] });
    // 901,738 × 1.025 = 924,281.45 → 924,281; the district base grants keep the assumed 3.02%
    expect(law(result, 'coe_ops_per_coe')[1]).toBe('2026-27* 924281');
    expect(law(result, 'base_grant_per_ada', 'k3')[1]).toBe('2026-27* 10566');
    expect(result.user_supplied).toEqual([{ parameter: 'cola_coe', year: '2026-27', value: '2.5%', replaced: '3.02%' }]);
  });
});
