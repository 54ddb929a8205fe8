/**
 * Defect 9 (issue #7), the input ones: an empty COE or county name gave
 * "internal: please report"; --year skipped the loader's year checks; a
 * duplicate basis, `wic_602;;` in CSV, a header-only CSV and a .json with a
 * trailing comma were accepted silently; a 50 MB value was quoted in full.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioCodes as C } from '../../src/scenario/diagnostic-codes.js';
import { CSV_HEADER, load, loadCsv, variant } from './helpers.js';

describe('empty names are a clear error, never "internal"', () => {
  const cases: Array<[string, string, string, string]> = [
    ['an empty county name', 'name: Alameda }', 'name: "" }', 'county.name'],
    ['an empty COE name', 'name: Alameda COE', 'name: ""', 'coe.name'],
    ['a blank COE name', 'name: Alameda COE', 'name: "   "', 'coe.name'],
    ['an empty district name', 'name: Hayward Unified', "name: ''", 'districts[0].name'],
    ['an empty student id', 'id: S001', 'id: ""', 'students[0].id'],
    ['an empty audit reference', 'audit_reference: A-1', 'audit_reference: ""', 'corrections[0].audit_reference'],
  ];
  it.each(cases)('%s', async (_name, from, to, field) => {
    const r = await load(variant(from, to));
    expect(r.codes).toEqual([C.emptyText]);
    expect(r.diagnostics[0].message).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: expected a text that is not empty; got "\\s*"$`));
  });

  it('a missing COE name is a missing key', async () => {
    const r = await load(variant('  name: Alameda COE\n', ''));
    expect(r.codes).toEqual([C.missingKey]);
    expect(r.diagnostics[0].message).toBe('coe.name: required key "name" is missing');
  });
});

describe('the effective year (--year, a test case\'s year) is the year of every check', () => {
  it('history of a later year: an error in the scenario\'s own year', async () => {
    const r = await load(variant('fiscal_year: 2019-20', 'fiscal_year: 2018-19'));
    expect(r.codes).toEqual([C.historyNotPrior, C.historyNotPrior, C.correctionNotPrior]);
    expect(r.diagnostics[0].message).toBe('coe.history: history year 2018-19 is not before the fiscal year 2018-19');
  });

  it('asked for 2018-19 instead: the same checks, as warnings, and the later data is not used', async () => {
    const r = await load(BASE_2019, '/tmp/scenario.yaml', { year: 2018 });
    expect(r.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual([`${C.historyNotPrior} warning`, `${C.historyNotPrior} warning`, `${C.correctionNotPrior} warning`]);
    expect(r.diagnostics[0].message).toBe('coe.history: history year 2018-19 is not before the fiscal year 2018-19 asked for (the scenario is 2019-20): not used');
    expect(r.scenario!.fiscal_year).toBe(2018);
    expect(r.scenario!.coe.history.size).toBe(0);
    expect(r.scenario!.districts[0].history.size).toBe(0);
    // the correction is kept: the rules say it is not a prior-year adjustment
    expect(r.scenario!.corrections.map((c) => c.fiscal_year)).toEqual([2018]);
  });

  it('asked for a later year, everything is prior: no warning', async () => {
    const r = await load(BASE_2019, '/tmp/scenario.yaml', { year: 2020 });
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario!.fiscal_year).toBe(2020);
  });
});

describe('silently accepted before, a clear message now', () => {
  it('a duplicate basis', async () => {
    const r = await load(variant('basis: [wic_602]', 'basis: [wic_602, wic_602]'));
    expect(r.lines).toEqual(['/tmp/scenario.yaml:21:54 LCFF-S037 error: students[0].basis: "wic_602" appears twice; list each enrollment basis once']);
  });

  it('a duplicate basis in one text, and in CSV', async () => {
    expect((await load(variant('basis: [wic_602]', 'basis: "wic_602|wic_602"'))).codes).toEqual([C.duplicateBasis]);
    expect((await loadCsv(`${CSV_HEADER}S1,0130019,9,wic_602;wic_602,0161119,true,true,1.00\n`)).at).toEqual([`2:14 ${C.duplicateBasis}`]);
  });

  it('"wic_602;;" in CSV: an empty basis', async () => {
    const r = await loadCsv(`${CSV_HEADER}S1,0130019,9,wic_602;;,0161119,true,true,1.00\n`);
    expect(r.at).toEqual([`2:14 ${C.unknownBasis}`]);
    expect(r.diagnostics[0].message).toMatch(/^basis: an empty enrollment basis \(a separator with nothing after it\?\); allowed: wic_300, /);
  });

  it('an empty basis text is an empty list of bases', async () => {
    expect((await load(variant('basis: [wic_602]', 'basis: ""'))).codes).toEqual([C.emptyBasis]);
    expect((await load(variant('basis: [wic_602]', 'basis: []'))).codes).toEqual([C.emptyBasis]);
  });

  it('a header-only CSV: a warning that the scenario has no students', async () => {
    const r = await loadCsv(CSV_HEADER);
    expect(r.ok).toBe(true);
    expect(r.lines).toEqual(['/data/kids.csv:1:1 LCFF-S039 warning: the file has a header line and no student rows: the scenario has no students']);
    expect(r.scenario!.students).toEqual([]);
  });

  it('a .json scenario is strict JSON: a trailing comma at its line and column', async () => {
    const r = await load('{\n  "fiscal_year": "2019-20",\n  "districts": [1, 2,],\n}\n', '/tmp/s.json');
    expect(r.lines).toEqual(['/tmp/s.json:3:22 LCFF-S001 error: JSON: a trailing comma before "]" (JSON allows none)']);
    expect((await load('{"a": 1,\n}', '/tmp/s.json')).lines).toEqual(['/tmp/s.json:2:1 LCFF-S001 error: JSON: a trailing comma before "}" (JSON allows none)']);
  });

  it('other JSON that YAML would read: comments, single quotes, bare words, leading zeros, duplicate keys', async () => {
    const bad: Array<[string, string]> = [
      ['{"a": 1 // note\n}', '1:9 comments are not JSON'],
      ["{'a': 1}", '1:2 texts are written in double quotes in JSON'],
      ['{"a": yes}', '1:7 expected value, found "y"'],
      ['{"cds": 0161119}', '1:9 a number with a leading zero is not JSON'],
      ['{"a": 1, "a": 2}', '1:10 a key appears twice in this object'],
      ['{"a": "tab\there"}', '1:11 a control character inside a text must be escaped (\\n, \\t, \\u0000)'],
      ['', '1:1 expected value, found the end of the text'],
    ];
    for (const [text, expected] of bad) {
      const r = await load(text, '/tmp/s.json');
      expect(r.codes).toEqual([C.yamlSyntax]);
      const d = r.diagnostics[0];
      expect(`${d.range.start.line}:${d.range.start.column} ${d.message.replace(/^JSON: /, '')}`).toBe(expected);
    }
  });

  it('valid JSON with a BOM, tabs and escapes loads as YAML would', async () => {
    const json = `\ufeff{\n\t"fiscal_year": "2019-20", "county": {"code": "01", "name": "Al\\u00e1meda"}, "coe": {"cds": "0110017", "name": "C"},\n\t"districts": [], "schools": [], "students": []\n}\n`;
    const r = await load(json, '/tmp/s.json');
    expect(r.lines).toEqual([]);
    expect(r.scenario!.county.name).toBe('Alámeda');
  });

  it('a 50 MB value is quoted as a bounded excerpt', async () => {
    // JSON here: the YAML library alone takes ~20 s to read a 50 MB quoted scalar; the message path is the same
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const r = await load(JSON.stringify({ fiscal_year: huge }), '/tmp/s.json');
    const line = r.lines.find((l) => l.includes('fiscal_year'))!;
    expect(line.length).toBeLessThan(300);
    expect(line).toMatch(/got "x{60}…" \(52428800 characters\)$/);
    const yaml = await load(variant('grade: 10', `grade: "${'x'.repeat(1024 * 1024)}"`));
    expect(yaml.codes).toEqual([C.badGrade]);
    expect(yaml.lines[0]).toMatch(/got "x{60}…" \(1048576 characters\)$/);
  });
});

const BASE_2019 = variant('fiscal_year: 2019-20', 'fiscal_year: 2019-20');
