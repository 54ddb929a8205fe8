import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { parseFiscalYear } from '../../src/core/fiscal-year.js';
import { dec, roundTo, type Dec } from '../../src/runtime/money.js';
import { loadParameterFile, resolveParameters, type Parameter, type ParamValue } from '../../src/params/index.js';

const DIR = join(import.meta.dirname, '../../rules/params');
const SPANS = ['k3', 'g4_6', 'g7_8', 'g9_12'];

function loadLibrary() {
  const params: Parameter[] = [];
  const diagnostics = [];
  for (const f of readdirSync(DIR).filter((n) => n.endsWith('.yaml')).sort()) {
    const r = loadParameterFile(`rules/params/${f}`, readFileSync(join(DIR, f), 'utf8'));
    params.push(...r.params);
    diagnostics.push(...r.diagnostics);
  }
  const r = resolveParameters(params, { enumMembers: new Map([['grade_span', SPANS]]) });
  return { table: r.table, params, diagnostics: [...diagnostics, ...r.diagnostics] };
}

const lib = loadLibrary();
const fy = (t: string) => parseFiscalYear(t)!;
const spans = (v: ParamValue | undefined) => SPANS.map((s) => (v as Map<string, Dec>).get(s)!.toNumber());
const scalar = (name: string, year: string) => (lib.table.valueInForce(name, fy(year))!.value as Dec).toString();

describe('the bundled parameter library (rules/params)', () => {
  it('loads and resolves with no diagnostics at all', () => {
    expect(lib.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('carries the expected parameters with their units', () => {
    const units = Object.fromEntries(lib.params.map((p) => [p.name, p.unit]));
    expect(units).toMatchObject({
      cola_district: 'percent',
      cola_coe: 'percent',
      base_grant_per_ada: 'USD/ADA',
      grade_span_adjustment: 'percent',
      supplemental_pct: 'percent',
      concentration_pct: 'percent',
      concentration_threshold: 'percent',
      upp_window_years: 'count',
      aeg_base_per_ada: 'USD/ADA',
      calpads_transfer_code_field: 'number',
    });
  });

  it('base grants 2013-14 plus the dollar-rounded grade span adjustment give the ETW figures 7,675 / 7,056 / 7,266 / 8,638', () => {
    const base = lib.table.valueInForce('base_grant_per_ada', fy('2013-14'))!;
    const gsa = lib.table.valueInForce('grade_span_adjustment', fy('2013-14'))!.value as Map<string, Dec>;
    const adjusted = SPANS.map((s) => {
      const b = (base.value as Map<string, Dec>).get(s)!;
      return b.plus(roundTo(b.times(gsa.get(s)!), 'dollar')).toNumber();
    });
    expect(spans(base.value)).toEqual([6952, 7056, 7266, 8419]);
    expect(adjusted).toEqual([7675, 7056, 7266, 8638]);
    expect(base.status).toBe('confirmed');
    expect(base.derived).toBe(true);
  });

  it('derives the published 2024-25 base grants 10,025 / 10,177 / 10,478 / 12,144 (confirmed)', () => {
    const v = lib.table.valueInForce('base_grant_per_ada', fy('2024-25'))!;
    expect(spans(v.value)).toEqual([10025, 10177, 10478, 12144]);
    expect(v.status).toBe('confirmed');
  });

  it('derives 2019-20 K-3 7,702 and 9-12 9,329; 2022-23 K-3 9,166; 2021-22 via the two-step chain', () => {
    expect(spans(lib.table.valueInForce('base_grant_per_ada', fy('2019-20'))!.value)).toEqual([7702, 7818, 8050, 9329]);
    expect(spans(lib.table.valueInForce('base_grant_per_ada', fy('2020-21'))!.value)).toEqual([7702, 7818, 8050, 9329]);
    expect(spans(lib.table.valueInForce('base_grant_per_ada', fy('2021-22'))!.value)).toEqual([8093, 8215, 8458, 9802]);
    expect(spans(lib.table.valueInForce('base_grant_per_ada', fy('2022-23'))!.value)).toEqual([9166, 9304, 9580, 11102]);
    expect(spans(lib.table.valueInForce('base_grant_per_ada', fy('2023-24'))!.value)).toEqual([9919, 10069, 10367, 12015]);
    expect(spans(lib.table.valueInForce('base_grant_per_ada', fy('2025-26'))!.value)).toEqual([10256, 10411, 10719, 12423]);
    const v = lib.table.valueInForce('base_grant_per_ada', fy('2019-20'))!;
    expect(v.status).toBe('unconfirmed');
    expect(v.note).toMatch(/Confirmed by: CDE's 2019-20 Funding Rates page/);
  });

  it('matches every derived base grant row of the COLA chain (2014-15 to 2018-19)', () => {
    const table: Record<string, number[]> = {
      '2014-15': [7011, 7116, 7328, 8491],
      '2015-16': [7083, 7189, 7403, 8578],
      '2016-17': [7083, 7189, 7403, 8578],
      '2017-18': [7193, 7301, 7518, 8712],
      '2018-19': [7459, 7571, 7796, 9034],
    };
    for (const [y, want] of Object.entries(table)) expect(spans(lib.table.valueInForce('base_grant_per_ada', fy(y))!.value), y).toEqual(want);
  });

  it('concentration is 50% in 2020-21 and 65% from 2021-22; supplemental 20%; threshold 55%', () => {
    expect(scalar('concentration_pct', '2020-21')).toBe('0.5');
    expect(scalar('concentration_pct', '2021-22')).toBe('0.65');
    expect(scalar('concentration_pct', '2025-26')).toBe('0.65');
    expect(scalar('supplemental_pct', '2025-26')).toBe('0.2');
    expect(scalar('concentration_threshold', '2013-14')).toBe('0.55');
  });

  it('carries confidence: the 2025-26 district COLA is confirmed by the LAO, the COE one and the UPP windows before 2015-16 are unconfirmed with notes', () => {
    const c = lib.table.valueInForce('cola_district', fy('2025-26'))!;
    expect(c.status).toBe('confirmed');
    expect(c.cite).toBe('LAO-EDBUDGET-1007; CITIZENPORTAL-2025');
    const coe = lib.table.valueInForce('cola_coe', fy('2025-26'))!;
    expect(coe.status).toBe('unconfirmed');
    expect(coe.note).toMatch(/Confirmed by: CDE's 2025-26 COE LCFF target rates/);
    expect(lib.table.valueInForce('cola_district', fy('2018-19'))!.status).toBe('confirmed');
    expect(lib.table.valueInForce('upp_window_years', fy('2014-15'))!.status).toBe('unconfirmed');
    expect(scalar('upp_window_years', '2019-20')).toBe('3');
    expect(lib.table.valueInForce('upp_window_years', fy('2019-20'))!.status).toBe('confirmed');
  });

  it('AEG base is derived by the COE COLA through 2022-23 and has no value from 2023-24', () => {
    const expected: Record<string, number> = { '2013-14': 11045, '2014-15': 11139, '2016-17': 11253, '2017-18': 11429, '2018-19': 11739, '2020-21': 12122, '2021-22': 12737, '2022-23': 13573 };
    for (const [y, want] of Object.entries(expected)) {
      const v = lib.table.valueInForce('aeg_base_per_ada', fy(y))!;
      expect((v.value as Dec).toNumber(), y).toBe(want);
      expect(v.status).toBe('unconfirmed');
    }
    expect(lib.table.valueInForce('aeg_base_per_ada', fy('2023-24'))).toBeUndefined();
    expect(lib.table.valueInForce('aeg_base_per_ada', fy('2025-26'))).toBeUndefined();
    expect(lib.table.unknownFrom('aeg_base_per_ada')).toEqual([2023]);
  });

  it('keeps CALPADS field numbers as written', () => {
    expect(lib.table.valueInForce('calpads_transfer_code_field', fy('2014-15'))!.text).toBe('1.31');
    expect(lib.table.valueInForce('calpads_transfer_code_field', fy('2019-20'))!.text).toBe('1.30');
    expect(lib.table.valueInForce('calpads_residence_field', fy('2024-25'))!.text).toBe('1.31');
    expect(lib.table.valueInForce('calpads_residence_field', fy('2013-14'))).toBeUndefined();
  });

  it('every resolved value has a citation, and every unconfirmed one a note', () => {
    for (const n of lib.table.names()) {
      for (const v of lib.table.entries(n)) {
        expect(v.cite, `${n} ${v.year}`).not.toBe('');
        if (v.status === 'unconfirmed') expect(v.note, `${n} ${v.year}`).toBeTruthy();
      }
    }
    expect(dec('1')).toBeTruthy();
  });
});
