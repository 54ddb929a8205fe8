/** Overrides (`--set`): the parser, and their application before resolution (derived values re-derived, the next year untouched). */
import { describe, expect, it } from 'vitest';
import { formatFiscalYear, parseFiscalYear } from '../../src/core/fiscal-year.js';
import { applyOverrides, loadParameterFile, OverrideError, parseOverride, resolveParameters, type OverrideSpec } from '../../src/params/index.js';

const FY = (t: string) => parseFiscalYear(t)!;

const TEXT = `
cola:
  description: COLA
  unit: percent
  cite: "EC 1"
  status: confirmed
  values:
    2014-15: 1%
    2015-16: 2%
base:
  description: a base grown by the COLA
  unit: USD/ADA
  cite: "EC 2"
  status: confirmed
  values:
    2013-14: 1000
    2014-15: { derive: { grow_by: [cola], round: dollar } }
    2015-16: { derive: { grow_by: [cola], round: dollar } }
    2016-17: { value: unknown, note: "not known" , status: unconfirmed }
flat:
  description: a value that holds for years
  unit: USD
  cite: "EC 3"
  status: confirmed
  values:
    2013-14: 500
by_span:
  description: per span
  unit: USD/ADA
  by: grade_span
  cite: "EC 4"
  status: confirmed
  values:
    2013-14: { k3: 10, g9_12: 20 }
    2016-17: { value: unknown, status: unconfirmed, note: "not known" }
`;

function library() {
  const { params, diagnostics } = loadParameterFile('p.yaml', TEXT);
  expect(diagnostics).toEqual([]);
  const r = resolveParameters(params, { enumMembers: new Map([['grade_span', ['k3', 'g9_12']]]) });
  expect(r.diagnostics).toEqual([]);
  return { params, table: r.table, horizon: { first: FY('2013-14'), last: FY('2017-18') }, enumMembers: new Map([['grade_span', ['k3', 'g9_12']]]) };
}

function apply(...texts: string[]) {
  return applyOverrides(library(), texts.map((t) => parseOverride(t)));
}

const value = (t: ReturnType<typeof apply>['table'], name: string, year: string) => {
  const rv = t.valueInForce(name, FY(year));
  return rv === undefined ? undefined : rv.value instanceof Map ? Object.fromEntries([...rv.value].map(([k, v]) => [k, v.toString()])) : rv.value.toString();
};

describe('parseOverride', () => {
  it('reads parameter, member, year and value text', () => {
    expect(parseOverride('supplemental_pct@2019-20=25%')).toEqual({ param: 'supplemental_pct', year: FY('2019-20'), text: '25%', origin: '--set' });
    expect(parseOverride(' base_grant_per_ada.k3@2015-16 = 7,083 ')).toMatchObject({ param: 'base_grant_per_ada', member: 'k3', year: FY('2015-16'), text: '7,083' });
  });
  it.each([
    ['supplemental_pct=25%', /is not an override: write <parameter>@<year>=<value>/],
    ['supplemental_pct@2019=25%', /"2019" is not a fiscal year/],
    ['supplemental_pct@2019-21=25%', /not a fiscal year/],
    ['supplemental_pct@2019-20=', /has no value after '='/],
    ['Supplemental@2019-20=1', /is not an override/],
  ])('refuses %s', (text, message) => {
    expect(() => parseOverride(text)).toThrow(OverrideError);
    expect(() => parseOverride(text)).toThrow(message);
  });
});

describe('applyOverrides', () => {
  it('re-derives the values derived from an overridden one, step by step, and lists what it replaced', () => {
    const r = apply('base@2013-14=2000');
    // 2014-15: 2000 × 1.01 = 2020; 2015-16: 2020 × 1.02 = 2060.4 → 2060 (library: 1000 → 1010 → 1030.2 → 1030)
    expect([value(r.table, 'base', '2013-14'), value(r.table, 'base', '2014-15'), value(r.table, 'base', '2015-16')]).toEqual(['2000', '2020', '2060']);
    expect(value(library().table, 'base', '2015-16')).toBe('1030');
    expect(r.supplied).toEqual([{ parameter: 'base', year: '2013-14', value: '2000', replaced: '1000' }]);
    expect(r.table.valueInForce('base', FY('2013-14'))?.userSupplied).toBe(true);
    expect(r.table.valueInForce('base', FY('2015-16'))?.fromUserSupplied).toBe(true);
    expect(library().table.valueInForce('base', FY('2015-16'))?.fromUserSupplied).toBeUndefined();
  });

  it('a derivation step overridden re-derives the value of its year only', () => {
    const r = apply('cola@2014-15=10%');
    // 2014-15: 1000 × 1.10 = 1100; 2015-16: 1100 × 1.02 = 1122
    expect([value(r.table, 'base', '2014-15'), value(r.table, 'base', '2015-16')]).toEqual(['1100', '1122']);
    expect(value(r.table, 'cola', '2015-16')).toBe('0.02');
  });

  it('replaces the value of one year only: the next year keeps the library value in force', () => {
    const r = apply('flat@2015-16=750');
    expect([value(r.table, 'flat', '2014-15'), value(r.table, 'flat', '2015-16'), value(r.table, 'flat', '2016-17'), value(r.table, 'flat', '2017-18')]).toEqual(['500', '750', '500', '500']);
    expect(r.supplied[0].replaced).toBe('500');
  });

  it('supplies a value the library marks unknown, and the year after stays unknown', () => {
    const r = apply('base@2016-17=1,234.50');
    expect(value(r.table, 'base', '2016-17')).toBe('1234.5');
    expect(value(r.table, 'base', '2017-18')).toBeUndefined();
    expect(r.supplied).toEqual([{ parameter: 'base', year: '2016-17', value: '1,234.50', replaced: 'unknown' }]);
  });

  it('sets one member of a breakdown; an unknown breakdown needs every member', () => {
    const r = apply('by_span.k3@2014-15=15');
    expect(value(r.table, 'by_span', '2014-15')).toEqual({ k3: '15', g9_12: '20' });
    expect(value(r.table, 'by_span', '2015-16')).toEqual({ k3: '10', g9_12: '20' });
    expect(r.supplied).toEqual([{ parameter: 'by_span', member: 'k3', year: '2014-15', value: '15', replaced: '10' }]);
    expect(() => apply('by_span.k3@2016-17=15')).toThrow(/set every member of grade_span; missing g9_12/);
    expect(value(apply('by_span.k3@2016-17=15', 'by_span.g9_12@2016-17=25').table, 'by_span', '2016-17')).toEqual({ k3: '15', g9_12: '25' });
  });

  it.each([
    [['bse@2014-15=1'], /no parameter named 'bse' \(did you mean 'base'\?\)/],
    [['base@2019-20=1'], /base@2019-20: the rule library covers 2013-14 through 2017-18/],
    [['cola@2014-15=3'], /"3" is not a percent: write percents with %, e.g. 3%/],
    [['base@2014-15=10%'], /is a percent, but this parameter is a dollar amount per ADA/],
    [['base@2014-15=$5'], /without \$/],
    [['cola@2013-14=1%'], /no value in force in 2013-14 \(its first value is for 2014-15\)/],
    [['by_span@2014-15=1'], /broken down by grade_span: set one member/],
    [['flat.k3@2014-15=1'], /has no breakdown/],
    [['by_span.k4@2014-15=1'], /'k4' is not a member of grade_span .*did you mean 'k3'/],
    [['flat@2014-15=1', 'flat@2014-15=2'], /is set twice/],
  ])('refuses %j', (texts, message) => {
    expect(() => apply(...texts)).toThrow(message);
  });

  it('without overrides returns the library unchanged', () => {
    const lib = library();
    const specs: OverrideSpec[] = [];
    expect(applyOverrides(lib, specs).table).toBe(lib.table);
    expect(formatFiscalYear(lib.horizon.last)).toBe('2017-18');
  });
});
