/**
 * `lcff run --csv`: no cell a spreadsheet would run as a formula (OWASP CSV
 * injection), every table with its header even when empty, and columns from
 * the contract so no optional field is dropped.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvTables, neutralise } from '../../src/report/csv.js';
import { fieldsOf } from '../../src/run/result.js';
import { runScenario } from '../../src/run/run.js';
import { dec } from '../../src/runtime/money.js';
import { loadScenario } from '../../src/scenario/load.js';
import { lcff } from '../helpers/cli.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';

const FORMULAS = ["=cmd|' /C calc'!A0", '@SUM(1+1)*cmd|" /C calc"!A0', '=HYPERLINK("http://example.invalid/?x=1","click")', '+1+1', '-2+3+cmd|x', '\t=1+1', '\r=1+1'];

/** No cell of any table starts like a formula unless it is a plain number. */
function formulaCells(files: Record<string, string>): string[] {
  const bad: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    for (const row of parse(text, { relax_column_count: false }) as string[][]) {
      for (const cell of row) if (/^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cell)) bad.push(`${name}: ${JSON.stringify(cell)}`);
    }
  }
  return bad;
}

describe('neutralise (OWASP CSV injection)', () => {
  it.each(FORMULAS)('prefixes %j with a quote', (text) => {
    expect(neutralise(text)).toBe(`'${text}`);
  });

  it.each(['-0.35', '-2', '+3', '12.50', '.5', 'S001', 'Hayward Unified', "O'Neil", '', 'a=b'])('keeps %j as it is', (text) => {
    expect(neutralise(text)).toBe(text);
  });
});

describe('lcff run --csv on hostile names and ids (defect: formula cells written as they were)', () => {
  it('writes no formula cell: student ids, school, LEA and county names are neutralised, numbers are not', async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
    const s = { ...scenario! };
    s.students = s.students.map((st, i) => ({ ...st, id: i < FORMULAS.length ? FORMULAS[i] : st.id }));
    s.districts = s.districts.map((d, i) => ({ ...d, name: FORMULAS[i % FORMULAS.length] }));
    s.coe = { ...s.coe, name: '=1+1' };
    const files = csvTables((await runScenario(lib, s)).result);
    expect(formulaCells(files)).toEqual([]);
    const students = parse(files['students.csv'], { columns: true }) as Array<Record<string, string>>;
    for (const f of FORMULAS) expect(students.map((r) => r.id)).toContain(`'${f}`);
    const leas = parse(files['leas.csv'], { columns: true }) as Array<Record<string, string>>;
    expect(leas.map((r) => r.name)).toContain("'=cmd|' /C calc'!A0");
    expect(leas.map((r) => r.name)).toContain("'=1+1");
  });

  it('end to end: a scenario whose student id is a formula gives a students.csv with the id as text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-csv-formula-'));
    const text = readFileSync(`${ROOT}examples/2019-20-county-charter/scenario.yaml`, 'utf8').replace(/id: S001\b/, `id: "=cmd|' /C calc'!A0"`);
    expect(text).toContain('=cmd');
    writeFileSync(join(dir, 'scenario.yaml'), text);
    const r = lcff(['run', join(dir, 'scenario.yaml'), '--csv', join(dir, 'out')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'out', 'students.csv'), 'utf8');
    expect(csv.split('\n')[1]).toMatch(/^'=cmd\|' \/C calc'!A0,coe_juvenile_court,/);
    expect(csv.split('\n').some((l) => l.startsWith('=') || l.startsWith('"='))).toBe(false);
  });
});

describe('CSV tables', () => {
  it('writes the header of an empty table (defect: a 0-byte file)', async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/2016-17-optional-transfer`);
    const r = (await runScenario(lib, scenario!)).result;
    expect(r.prior_year_adjustments).toEqual([]);
    const files = csvTables(r);
    expect(files['prior_year_adjustments.csv']).toBe('district,fiscal_year,applied_in,audit_reference,enrollment_change,unduplicated_change,ada_change,applies,affects,rule,cite\n');
    const empty = csvTables({ ...r, transfers: [], findings: [], accounting: [], unconfirmed: [], students: [] });
    expect(empty['transfers.csv']).toBe('from,to,grade_span,ada,rate_per_ada,amount,basis,reason,rule,cite\n');
    expect(empty['findings.csv']).toBe('code,severity,subject,message,rule,cite\n');
    expect(empty['accounting.csv']).toBe('lea,side,goal,object,amount,counterparty,cite\n');
    expect(empty['unconfirmed.csv']).toBe('name\n');
    expect(empty['user_supplied.csv']).toBe('parameter,member,year,value,replaced\n');
    expect(empty['students.csv']).toBe(`${fieldsOf('student').join(',')}\n`);
    for (const [name, text] of Object.entries(empty)) expect([name, text.length > 0]).toEqual([name, true]);
  });

  it('keeps an optional field that only a later row has (columns come from the contract, not the first row)', async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
    const s = { ...scenario! };
    const base = { enrollment_change: 1, unduplicated_change: 0, audit_reference: 'A-1', source: { file: 'x', line: 1 } };
    const [first, second] = s.districts.map((d) => d.cds).sort();
    // rows sort by district: the first has no ada_change, the second has one
    s.corrections = [
      { ...base, district: second, fiscal_year: s.fiscal_year - 1, ada_change: dec('-0.35') },
      { ...base, district: first, fiscal_year: s.fiscal_year - 1 },
    ];
    const rows = parse(csvTables((await runScenario(lib, s)).result)['prior_year_adjustments.csv'], { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.ada_change)).toEqual(['', '-0.35']);
    expect(rows.map((r) => r.applies)).toEqual(['true', 'true']);
  });

  it('writes booleans as true/false, not 1 and an empty cell', async () => {
    const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
    const files = csvTables((await runScenario(await bundledLibrary(), scenario!)).result);
    const students = parse(files['students.csv'], { columns: true }) as Array<Record<string, string>>;
    expect(new Set(students.map((r) => r.census_day))).toEqual(new Set(['true', 'false']));
  });
});
