/**
 * Defect 1 (issue #7): a decimal comma became a different number — `ada:
 * "0,95"` was read as 95.00 ADA and "1,000.00" as 1000, in YAML and CSV,
 * because the money module stripped every comma. A decimal is written in
 * one form only (sign, digits, a point and digits); anything else is an
 * LCFF-S error naming the field and saying what to write. Parameter files
 * may group thousands with commas, but a comma can never change a value;
 * the rule language's `$9,572.00` keeps its grouping commas.
 */
import { describe, expect, it } from 'vitest';
import { callFormula } from '../../src/compile/expr-closure.js';
import { parseUnitValue } from '../../src/params/units.js';
import { dec, withoutGrouping } from '../../src/runtime/money.js';
import { ScenarioCodes as C } from '../../src/scenario/diagnostic-codes.js';
import { libraryWith } from '../helpers/library.js';
import { CSV_HEADER, load, loadCsv, variant } from './helpers.js';

describe('the money module reads one decimal form', () => {
  it('refuses a decimal comma, grouping commas, a bare point and exponents', () => {
    for (const t of ['0,95', '1,000.00', '1,00', '.5', '5.', '1e3', '0x10', '١٢']) expect(() => dec(t), t).toThrow(RangeError);
    expect(dec(' 0.95 ').toString()).toBe('0.95');
    expect(dec('-12').toString()).toBe('-12');
  });

  it('strips commas only where they group thousands exactly', () => {
    expect(withoutGrouping('9,572.00')).toBe('9572.00');
    expect(withoutGrouping('-1,234,567')).toBe('-1234567');
    expect(withoutGrouping('9572')).toBe('9572');
    for (const t of ['0,95', '1,00,000', '12,34', ',100', '1,000,00']) expect(withoutGrouping(t), t).toBeUndefined();
  });
});

describe('parameter values: a comma never changes a number', () => {
  it('"0,95" is refused, "9,572" is 9572', () => {
    const bad = parseUnitValue('USD/ADA', '0,95');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/a comma may only group thousands .*write decimals with a point/);
    expect(parseUnitValue('ADA', '1,00,000').ok).toBe(false);
    const good = parseUnitValue('USD/ADA', '9,572');
    expect(good.ok && good.value.toString()).toBe('9572');
  });
});

describe('the rule language keeps its grouped dollar literals', () => {
  it('$9,572.00 + $1,000 is 10572', async () => {
    const lib = await libraryWith([{ file: 'test/comma-money.lcff', text: 'formula comma_money() : Money\n  cite "EC 2576"\n  = $9,572.00 + $1,000\n' }]);
    expect(lib.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const v = callFormula(lib, 'comma_money', [], { year: 2019, facts: {}, locals: new Map(), reads: [], calls: [] });
    expect(String(v)).toBe('10572');
  });
});

describe('scenario decimals: one form, a clear error for any other', () => {
  const cases: Array<[string, string, string, string, string]> = [
    ['student ADA "0,95" (YAML text)', 'ada: "0.92"', 'ada: "0,95"', 'students[0].ada', C.badDecimal],
    ['student ADA "1,000.00"', 'ada: "0.92"', 'ada: "1,000.00"', 'students[0].ada', C.badDecimal],
    ['alternative rate "1,234.50"', 'alternative_rate_per_ada: "100.50"', 'alternative_rate_per_ada: "1,234.50"', 'agreements[0].alternative_rate_per_ada', C.badDecimal],
    ['PADC ADA "0,92"', 'juvenile_court: "0.92"', 'juvenile_court: "0,92"', 'padc.attendance_coe.juvenile_court', C.badDecimal],
    ['correction ADA "-0,35"', 'ada_change: "-0.35"', 'ada_change: "-0,35"', 'corrections[0].ada_change', C.badDecimal],
    ['a count "20,000"', 'enrollment: 20000\n', 'enrollment: "20,000"\n', 'districts[0].enrollment', C.badCount],
  ];
  it.each(cases)('%s', async (_name, from, to, field, code) => {
    const r = await load(variant(from, to));
    expect(r.ok).toBe(false);
    expect(r.codes).toEqual([code]);
    expect(r.diagnostics[0].message).toContain(`${field}: expected`);
    expect(r.diagnostics[0].message).toContain('use a point for decimals and no thousands separators');
  });

  it('written plain in block style, 0,95 is the text "0,95": refused', async () => {
    const r = await load(variant('  - { district: "0161119", alternative_rate_per_ada: "100.50", district_concurred: false }', '  - district: "0161119"\n    alternative_rate_per_ada: 1,234.50\n    district_concurred: false'));
    expect(r.at).toEqual([`25:31 ${C.badDecimal}`]);
  });

  it('written plain in a flow mapping, the comma splits 0,95 into ada 0 and a key "95": the stray key is refused, never read as 0', async () => {
    const r = await load(variant('ada: "0.92"', 'ada: 0,95'));
    expect(r.ok).toBe(false);
    expect(r.codes).toEqual([C.unknownKey]);
    expect(r.diagnostics[0].message).toMatch(/^unknown key "95" in students\[0\]/);
  });

  it('is positioned at the value: students[0].ada "0,95" at 21:142', async () => {
    const r = await load(variant('ada: "0.92"', 'ada: "0,95"'));
    expect(r.lines[0]).toMatch(/^\/tmp\/scenario\.yaml:21:142 LCFF-S024 error: students\[0\]\.ada: expected a decimal number written with digits and a point, e\.g\. "12\.50"; got "0,95" \(use a point/);
  });

  it('in JSON as in YAML', async () => {
    const json = '{"fiscal_year":"2019-20","county":{"code":"01","name":"A"},"coe":{"cds":"0110017","name":"C"},"districts":[],"schools":[{"code":"0130019","name":"J","operator":"coe","kind":"juvenile_court"}],\n"students":[{"id":"S1","school":"0130019","grade":9,"basis":["wic_602"],"unduplicated":true,"census_day":true,"ada":"0,95"}]}';
    const r = await load(json, '/tmp/s.json');
    expect(r.at).toEqual([`2:117 ${C.badDecimal}`]);
  });

  it('in a CSV cell, at its line and column', async () => {
    const r = await loadCsv(`${CSV_HEADER}S1,0130019,9,wic_602,0161119,true,true,"0,95"\nS2,0130019,9,wic_602,0161119,true,true,"1,000.00"\n`);
    expect(r.at).toEqual([`2:40 ${C.badDecimal}`, `3:40 ${C.badDecimal}`]);
    expect(r.diagnostics[0].message).toBe('ada: expected a decimal number written with digits and a point, e.g. "12.50"; got "0,95" (use a point for decimals and no thousands separators: 0.95, not 0,95; 1000.00, not 1,000.00)');
  });

  it('the one form loads exactly, numbers through their source text', async () => {
    const r = await load(variant('ada: "0.92"', 'ada: 0.950'));
    expect(r.lines).toEqual([]);
    expect(r.scenario!.students[0].ada.toString()).toBe('0.95');
  });
});
