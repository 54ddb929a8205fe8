/**
 * Law the runner used to hold and now asks the rules for (issue 8, "The law
 * lives in rules/"): the CALPADS transfer code classes, the UPP window's years
 * with its missing-history finding (LCFF-V030), and the no-PADC finding
 * (LCFF-V029). Each test changes the rule text and sees the run follow it.
 */
import { describe, expect, it } from 'vitest';
import { RunError } from '../../src/run/context.js';
import { runScenario } from '../../src/run/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { bundledLibrary, bundledSources, ROOT } from '../helpers/library.js';

async function scenarioOf(example: string) {
  const { scenario } = await loadScenario(`${ROOT}examples/${example}`);
  return scenario!;
}

/** The bundled library with one file's text replaced (the replaced text must be there). */
async function libraryEditing(fileEnd: string, from: string, to: string) {
  const sources = await bundledSources();
  const target = sources.find((s) => s.file.endsWith(fileEnd))!;
  expect(target.text.includes(from), `${fileEnd} holds ${from}`).toBe(true);
  return buildLibrary(sources.map((s) => (s === target ? { ...s, text: s.text.replace(from, to) } : s)));
}

describe('CALPADS transfer code classes (rules/county-programs/transfer-codes.lcff)', () => {
  it('the codes a District Funded student must carry are formula district_funded_transfer_codes', async () => {
    const sc = await scenarioOf('2019-20-county-charter');
    const full = (await runScenario(await bundledLibrary(), sc)).result;
    const lib = await libraryEditing('transfer-codes.lcff', '= ["1", "2", "3", "4", "6"]', '= ["1", "2"]');
    const changed = (await runScenario(lib, sc)).result;
    const districtFunded = (r: typeof full) => r.students.filter((s) => s.category === 'district_funded').map((s) => s.expected_transfer_codes.join(''));
    expect(new Set(districtFunded(full))).toEqual(new Set(['12346']));
    expect(new Set(districtFunded(changed))).toEqual(new Set(['12']));
  });
});

describe('the UPP window (rules/county-programs/upp-window.lcff)', () => {
  it('its prior years are those formula upp_window_includes admits', async () => {
    const sc = await scenarioOf('2019-20-county-charter');
    const full = (await runScenario(await bundledLibrary(), sc)).result;
    expect(new Set(full.leas.map((l) => l.upp.window_years))).toEqual(new Set([3]));
    const lib = await libraryEditing('upp-window.lcff', '= years_before < upp_window_years', '= years_before < 2');
    const changed = (await runScenario(lib, sc)).result;
    expect(new Set(changed.leas.map((l) => l.upp.window_years))).toEqual(new Set([2]));
  });

  it('a window without end stops the run with LCFF-F007, not a loop', async () => {
    const lib = await libraryEditing('upp-window.lcff', '= years_before < upp_window_years', '= years_before > 0');
    await expect(runScenario(lib, await scenarioOf('2019-20-county-charter'))).rejects.toMatchObject({ code: 'LCFF-F007' });
  });

  it('a library without the formula is LCFF-F007', async () => {
    const lib = await libraryEditing('upp-window.lcff', 'formula upp_window_includes(', 'formula upp_window_included(');
    const run = runScenario(lib, await scenarioOf('2019-20-county-charter'));
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(run).rejects.toMatchObject({ code: 'LCFF-F007', message: expect.stringContaining('no formula upp_window_includes') });
  });

  it('missing history is finding LCFF-V030 of decision upp_history_checks, naming the years', async () => {
    // the 2019-20 example without any history: the 3-year window lacks 2017-18 and 2018-19 for every LEA
    const sc = await scenarioOf('2019-20-county-charter');
    sc.coe.history = new Map();
    for (const d of sc.districts) d.history = new Map();
    for (const c of sc.charters) c.history = new Map();
    const r = (await runScenario(await bundledLibrary(), sc)).result;
    const v030 = r.findings.filter((f) => f.code === 'LCFF-V030');
    expect(v030.map((f) => f.subject).sort()).toEqual(r.leas.map((l) => l.cds).sort());
    expect(new Set(v030.map((f) => `${f.severity} ${f.rule} ${f.cite} ${f.message}`))).toEqual(
      new Set(['warning upp_history_checks.missing_history EC 42238.02(b)(5) the unduplicated pupil percentage uses the years of its window that the scenario gives (no history for 2017-18, 2018-19 of the 3-year window)']),
    );
  });
});

describe('the no-PADC finding (decision padc_checks)', () => {
  it('is LCFF-V029 on the COE, from rule padc_checks.no_padc_data, when the scenario has no padc section', async () => {
    const r = (await runScenario(await bundledLibrary(), await scenarioOf('2023-24-csv-students'))).result;
    expect(r.findings.filter((f) => f.code === 'LCFF-V029')).toEqual([
      { code: 'LCFF-V029', severity: 'info', subject: '1910199', message: 'no PADC data in the scenario: the FAQ Question 13 aggregate checks were not run', rule: 'padc_checks.no_padc_data', cite: 'FAQ Q13' },
    ]);
    const withPadc = (await runScenario(await bundledLibrary(), await scenarioOf('2019-20-county-charter'))).result;
    expect(withPadc.findings.some((f) => f.code === 'LCFF-V029')).toBe(false);
  });
});
