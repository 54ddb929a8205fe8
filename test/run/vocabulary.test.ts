/**
 * Funding categories, grade spans, transfer bases and enrollment bases are the
 * rule library's enums (rules/enums.lcff); src/run and src/report read them
 * from the checked library and never copy them (defect: SPANS, CATEGORIES and
 * AEG_CATEGORIES were copies that could drift from the rules).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunError } from '../../src/run/context.js';
import { runScenario } from '../../src/run/run.js';
import { enumMembers, vocabulary } from '../../src/run/vocabulary.js';
import { loadScenario } from '../../src/scenario/load.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { bundledLibrary, bundledSources, ROOT } from '../helpers/library.js';

/** Words that are members of an enum but also ordinary words of messages ("none", "other"). */
const ORDINARY = new Set(['none', 'other']);
const LAW_ENUMS = ['funding_category', 'grade_span', 'transfer_basis', 'enrollment_basis', 'school_kind'];

describe('the vocabulary of results', () => {
  it('is read from the library, in its order', async () => {
    const v = vocabulary(await bundledLibrary());
    expect(v.categories).toEqual(['coe_juvenile_court', 'coe_non_juvenile_court', 'district_funded', 'charter_coe_funded', 'charter_funded']);
    expect(v.spans).toEqual(['k3', 'g4_6', 'g7_8', 'g9_12']);
    expect(v.bases).toEqual(['statutory', 'alternative', 'agreed', 'none']);
  });

  it('is a fatal LCFF-F006 when the library lacks an enum the runner needs', async () => {
    const lib = await bundledLibrary();
    const without = { ...lib, enums: new Map([...lib.enums].filter(([name]) => name !== 'grade_span')) };
    expect(() => enumMembers(without, 'grade_span')).toThrow(RunError);
    try {
      enumMembers(without, 'grade_span');
    } catch (e) {
      expect((e as RunError).code).toBe('LCFF-F006');
    }
  });

  it('is copied nowhere in src/run or src/report: no member of a law enum appears as a string literal', async () => {
    const lib = await bundledLibrary();
    const members = LAW_ENUMS.flatMap((e) => enumMembers(lib, e).map((m) => m.name)).filter((m) => !ORDINARY.has(m));
    const copies: string[] = [];
    for (const dir of ['src/run', 'src/report']) {
      for (const f of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.ts'))) {
        const text = readFileSync(join(ROOT, dir, f), 'utf8');
        for (const m of members) if (new RegExp(`['"\`]${m}['"\`]`).test(text)) copies.push(`${dir}/${f}: '${m}'`);
      }
    }
    expect(copies).toEqual([]);
  });
});

describe('which categories count where is law, in rules/county-programs/program-ada.lcff', () => {
  it('the AEG ADA follows formula aeg_ada_category: without charter_coe_funded it drops by that ADA', async () => {
    const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
    const full = (await runScenario(await bundledLibrary(), scenario!)).result;
    const sources = (await bundledSources()).map((s) =>
      s.file.endsWith('program-ada.lcff') ? { ...s, text: s.text.replace('[coe_juvenile_court, coe_non_juvenile_court, charter_coe_funded]', '[coe_juvenile_court, coe_non_juvenile_court]') } : s,
    );
    expect(sources.some((s) => s.text.includes('= category in [coe_juvenile_court, coe_non_juvenile_court]\n'))).toBe(true);
    const changed = (await runScenario(buildLibrary(sources), scenario!)).result;
    const charterAda = full.categories.find((c) => c.category === 'charter_coe_funded')!.ada;
    // 2019-20 example: AEG ADA 4.40 = 1.83 juvenile court + 1.65 non-juvenile court + 0.92 charter credited to the COE
    expect([full.aeg.ada, charterAda]).toEqual(['4.40', '0.92']);
    expect(changed.aeg.ada).toBe('3.48');
  });

  it('the students-by-category summary lists every category of the library, zeros included, and adds up to the students', async () => {
    const { scenario } = await loadScenario(`${ROOT}examples/2016-17-optional-transfer`);
    const r = (await runScenario(await bundledLibrary(), scenario!)).result;
    expect(r.categories.map((c) => c.category)).toEqual(vocabulary(await bundledLibrary()).categories);
    expect(r.categories.reduce((n, c) => n + c.students, 0)).toBe(r.students.length);
    expect(r.categories.find((c) => c.category === 'charter_funded')!.label).toBe('County program charter, charter LCFF');
  });
});
