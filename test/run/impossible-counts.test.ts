/**
 * Defect 2 (issue #7), in the run: whatever reaches the runner, counts after
 * the county-program adjustments are never negative, never more
 * unduplicated pupils than pupils, and no UPP outside 0..100% is ever
 * computed into a rate or printed: the run stops with LCFF-F010. (The
 * loader refuses the declared counts that would cause it, LCFF-S034 and
 * LCFF-S038; these scenarios are built in code to reach the runner.)
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/run.js';
import { RunError } from '../../src/run/context.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/model.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';

async function example(): Promise<Scenario> {
  const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
  return scenario!;
}

describe('impossible counts stop the run', () => {
  it('a charter left with more unduplicated pupils than pupils: the 200% UPP of the issue', async () => {
    const lib = await bundledLibrary();
    const base = await example();
    // the charter's census-day AEG student S010, made not unduplicated, moves to the COE: 2 − 1 = 1 enrolled, 2 − 0 = 2 unduplicated
    const students = base.students.map((s) => (s.id === 'S010' ? { ...s, unduplicated: false } : s));
    const broken: Scenario = { ...base, students, charters: base.charters.map((c) => ({ ...c, enrollment: 2, unduplicated: 2 })) };
    const run = runScenario(lib, broken);
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(runScenario(lib, broken)).rejects.toMatchObject({ code: 'LCFF-F010', message: expect.stringMatching(/charter 0100001 has more unduplicated pupils \(2\) than pupils \(1\) after the adjustments/) });
  });

  it('a rolling UPP over 100% from impossible history (the 125% of the issue)', async () => {
    const lib = await bundledLibrary();
    const base = await example();
    const d = base.districts[0];
    const history = new Map(d.history);
    history.set(2018, { enrollment: 0, unduplicated: 100000 });
    const broken: Scenario = { ...base, districts: [{ ...d, history }, ...base.districts.slice(1)] };
    await expect(runScenario(lib, broken)).rejects.toMatchObject({ code: 'LCFF-F010', message: expect.stringMatching(/district 0161192: its rolling UPP (before|after) would be \d+\.\d\d%, outside 0%\.\.100%/) });
  });

  it('negative counts are still caught, with their numbers', async () => {
    const lib = await bundledLibrary();
    const base = await example();
    const broken: Scenario = { ...base, charters: base.charters.map((c) => ({ ...c, enrollment: 0, unduplicated: 0 })) };
    await expect(runScenario(lib, broken)).rejects.toMatchObject({ code: 'LCFF-F010', message: expect.stringMatching(/charter 0100001 ends with negative counts \(enrollment -1, unduplicated -1\)/) });
  });
});

describe('every UPP a run prints is a fraction of one', () => {
  it.each(['2016-17-optional-transfer', '2019-20-county-charter', '2023-24-csv-students'])('%s', async (name) => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/${name}`);
    const { result } = await runScenario(lib, scenario!);
    const upps = result.leas.flatMap((l) => [l.upp.before, l.upp.after, l.upp.rolling_before, l.upp.rolling_after]);
    expect(upps.length).toBeGreaterThan(0);
    for (const u of upps) expect(Number(u) >= 0 && Number(u) <= 1, u).toBe(true);
    for (const l of result.leas) expect(l.unduplicated.after <= l.enrollment.after && l.enrollment.after >= 0, l.cds).toBe(true);
  });
});
