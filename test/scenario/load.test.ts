import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { loadScenario, loadScenarioText } from '../../src/scenario/load.js';
import { ScenarioCodes as C } from '../../src/scenario/diagnostic-codes.js';

const fx = (name: string) => join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures', name);
const show = (ds: { code: string }[]) => ds.map((d) => formatDiagnostic(d as never)).join('\n');

describe('valid YAML scenario', () => {
  it('loads with exact decimals and typed fields', async () => {
    const { scenario, diagnostics } = await loadScenario(fx('valid.yaml'));
    expect(show(diagnostics)).toBe('');
    expect(scenario).toBeDefined();
    const s = scenario!;
    expect(s.fiscal_year).toBe(2019);
    expect(s.county).toEqual({ code: '01', name: 'Alameda' });
    expect(s.districts.map((d) => d.cds)).toEqual(['0161119', '0161192']);
    expect([...s.districts[0].history.entries()]).toEqual([
      [2018, { enrollment: 20100, unduplicated: 15200 }],
      [2017, { enrollment: 20300, unduplicated: 15300 }],
    ]);
    expect(s.districts[1].history.size).toBe(0);
    expect(s.charters[0]).toMatchObject({ cds: '0100001', authorizer: 'coe', district: '0161119' });
    expect(s.schools[2].operator).toEqual({ kind: 'charter', cds: '0100001' });
    const [a, b, c] = s.students;
    expect(a.ada.toString()).toBe('0.92');
    expect(b.ada.toString()).toBe('0.92');
    expect(a.ada.equals(b.ada)).toBe(true);
    expect(c.ada.toFixed(2)).toBe('12.50');
    expect(a.reported).toEqual({ transfer_code: '5', district_of_residence: '0161119' });
    expect(b.reported).toEqual({ transfer_code: '1' });
    expect(c.grade).toBe(0);
    expect(c.basis).toEqual(['expelled_48915_a', 'wic_654']);
    expect(c.district_of_residence).toBeUndefined();
    expect(c.census_day).toBe(false);
    expect(a.source).toEqual({ file: fx('valid.yaml'), line: 37 });
    expect(s.students.map((x) => x.id)).toEqual(['S001', 'S002', 'S003']);
    expect(s.agreements[0].alternative_rate_per_ada!.isZero()).toBe(true);
    expect(s.agreements[0].district_concurred).toBe(true);
    expect(s.padc!.attendance_coe.non_juvenile_court.toFixed(2)).toBe('20.25');
    expect(s.padc!.attendance_coe_charter![0]).toMatchObject({ charter: '0100001' });
    expect(s.corrections[0]).toMatchObject({ district: '0161192', fiscal_year: 2018, enrollment_change: -2, unduplicated_change: 1 });
    expect(s.corrections[0].ada_change!.toString()).toBe('-0.35');
    expect(s.options.get('transfer_rate_method')).toBe('by_span');
  });

  it('loads a directory holding scenario.yaml', async () => {
    const { scenario, diagnostics } = await loadScenario(fx('dir-scenario'));
    expect(show(diagnostics)).toBe('');
    expect(scenario?.students).toHaveLength(3);
  });

  it('loads JSON with positions and a 2014-19 agreement', async () => {
    const { scenario, diagnostics } = await loadScenario(fx('valid.json'));
    expect(show(diagnostics)).toBe('');
    expect(scenario!.fiscal_year).toBe(2018);
    expect(scenario!.students[0].grade).toBe(-1);
    expect(scenario!.students[0].ada.toFixed(2)).toBe('0.10');
    expect(scenario!.agreements[0]).toMatchObject({ district: '0161119', transfer_agreed: true, district_concurred: false });
    expect(scenario!.agreements[0].alternative_rate_per_ada).toBeUndefined();
  });

  it('reports JSON errors at their line', async () => {
    const text = '{\n  "fiscal_year": "2019-20",\n  "county": { "code": "01", "name": "A", "nmae": "x" }\n}\n';
    const { scenario, diagnostics } = await loadScenarioText('s.json', text);
    expect(scenario).toBeUndefined();
    const unknown = diagnostics.find((d) => d.code === C.unknownKey)!;
    expect(unknown.range.start).toMatchObject({ line: 3, column: 42 });
    expect(unknown.message).toContain('did you mean "name"');
  });
});

describe('malformed scenario', () => {
  it('reports every problem at once, each with code and line:col', async () => {
    const { scenario, diagnostics } = await loadScenario(fx('malformed.yaml'));
    expect(scenario).toBeUndefined();
    const lines = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`);
    expect(lines).toEqual([
      `1:14 ${C.badFiscalYear}`,
      `22:10 ${C.negativeAda}`,
      `23:9 ${C.duplicateStudent}`,
      `27:28 ${C.unknownDistrict}`,
      `31:5 ${C.unknownKey}`,
    ]);
    const byCode = new Map(diagnostics.map((d) => [d.code, d]));
    expect(byCode.get(C.badFiscalYear)!.message).toContain('fiscal_year');
    expect(byCode.get(C.negativeAda)!.message).toContain('students[0].ada');
    expect(byCode.get(C.unknownDistrict)!.message).toContain('students[1].district_of_residence');
    expect(byCode.get(C.unknownKey)!.message).toContain('"colour"');
    expect(diagnostics.every((d) => d.file === fx('malformed.yaml') && d.severity === 'error')).toBe(true);
  });
});

describe('CSV students', () => {
  it('load with their line numbers', async () => {
    const { scenario, diagnostics } = await loadScenario(fx('with-csv.yaml'));
    expect(show(diagnostics)).toBe('');
    const st = scenario!.students;
    expect(st.map((s) => [s.id, s.source.line])).toEqual([
      ['S001', 2],
      ['S002', 3],
      ['S003', 5],
    ]);
    expect(st[0].source.file).toBe(fx('students.csv'));
    expect(st[0]).toMatchObject({ grade: 10, basis: ['wic_602'], unduplicated: true, census_day: true, reported: { transfer_code: '5', district_of_residence: '0161119' } });
    expect(st[1]).toMatchObject({ grade: -1, basis: ['district_referred', 'voluntary'], unduplicated: false, census_day: true, reported: { transfer_code: '1' } });
    expect(st[2]).toMatchObject({ basis: ['voluntary', 'homeless_1981d'], census_day: false });
    expect(st[2].district_of_residence).toBeUndefined();
    expect(st[2].reported).toBeUndefined();
    expect(st[2].ada.toFixed(2)).toBe('0.50');
  });

  it('report bad rows at file:line:col', async () => {
    const { scenario, diagnostics } = await loadScenario(fx('with-bad-csv.yaml'));
    expect(scenario).toBeUndefined();
    const csv = fx('bad-students.csv');
    const got = diagnostics.map((d) => `${d.file === csv ? 'csv' : d.file}:${d.range.start.line}:${d.range.start.column} ${d.code}`);
    expect(got).toEqual([
      `csv:3:14 ${C.badGrade}`,
      `csv:3:17 ${C.unknownBasis}`,
      `csv:3:33 ${C.badBoolean}`,
      `csv:3:44 ${C.adaPlaces}`,
      `csv:4:1 ${C.csvColumnCount}`,
      `csv:5:1 ${C.duplicateStudent}`,
      `csv:5:6 ${C.unknownSchool}`,
    ]);
    expect(show(diagnostics)).toContain('bad-students.csv:3:17 LCFF-S029 error: basis: unknown enrollment basis "wic_603" (did you mean wic_601 or wic_602?)');
  });
});
