import { describe, expect, it } from 'vitest';
import { parseFiscalYear } from '../../src/core/fiscal-year.js';
import { loadParameterFile, resolveParameters } from '../../src/params/index.js';
import type { Dec } from '../../src/runtime/money.js';

const fy = (t: string) => parseFiscalYear(t)!;
function table(text: string) {
  const { params, diagnostics } = loadParameterFile('t.yaml', text);
  const r = resolveParameters(params, { enumMembers: new Map([['grade_span', ['k3', 'g9_12']]]) });
  expect([...diagnostics, ...r.diagnostics]).toEqual([]);
  return r.table;
}
const at = (t: ReturnType<typeof table>, name: string, year: string) => (t.valueInForce(name, fy(year))?.value as Dec | undefined)?.toString();

describe('fiscal-year resolution', () => {
  const t = table(`
conc:
  description: Concentration
  unit: percent
  cite: EC 42238.02(f)
  status: confirmed
  values:
    2013-14: 50%
    2021-22: { value: 65%, cite: "AB 130 (Ch. 44, Stats. 2021)" }
    2023-24: { value: unknown, note: "not yet known" }
    2025-26: 70%
`);

  it('a value holds until the next key', () => {
    expect(at(t, 'conc', '2013-14')).toBe('0.5');
    expect(at(t, 'conc', '2020-21')).toBe('0.5');
    expect(at(t, 'conc', '2021-22')).toBe('0.65');
    expect(at(t, 'conc', '2022-23')).toBe('0.65');
  });

  it('before the first key there is no value', () => {
    expect(t.valueInForce('conc', fy('2012-13'))).toBeUndefined();
    expect(t.valueInForce('nope', fy('2019-20'))).toBeUndefined();
  });

  it('`value: unknown` ends the previous value until the next key', () => {
    expect(t.valueInForce('conc', fy('2023-24'))).toBeUndefined();
    expect(t.valueInForce('conc', fy('2024-25'))).toBeUndefined();
    expect(at(t, 'conc', '2030-31')).toBe('0.7');
    expect(t.unknownFrom('conc')).toEqual([2023]);
  });

  it('carries the citation of the entry, else of the parameter, and the key year and position', () => {
    const v = t.valueInForce('conc', fy('2022-23'))!;
    expect(v.cite).toBe('AB 130 (Ch. 44, Stats. 2021)');
    expect(v.year).toBe(2021);
    expect(v.range.start.line).toBe(9);
    expect(v.derived).toBe(false);
    expect(t.valueInForce('conc', fy('2014-15'))!.cite).toBe('EC 42238.02(f)');
    expect(t.entries('conc').map((e) => e.year)).toEqual([2013, 2021, 2025]);
    expect(t.names()).toEqual(['conc']);
    expect(t.get('conc')!.unit).toBe('percent');
  });
});

describe('derivation', () => {
  const t = table(`
cola:
  description: COLA
  unit: percent
  cite: CDE LCFF COLA page
  status: confirmed
  values:
    2013-14: 1.57%
    2014-15: 0.85%
    2016-17: 0%
rate:
  description: Base grant
  unit: USD/ADA
  cite: EC 42238.02(d)
  by: grade_span
  status: confirmed
  values:
    2012-13: { k3: 6845, g9_12: 8289 }
    2013-14:
      derive: { grow_by: [cola], round: dollar }
      published: { k3: 6952, g9_12: 8419 }
    2014-15: { derive: { grow_by: [cola], round: dollar } }
    2015-16: { derive: { grow_by: [2.31%, 2.7%], round: dollar } }
    2016-17: { derive: { grow_by: [10%], round: dollar, mode: down } }
    2017-18: { derive: { grow_by: [0.5%] } }
flat:
  description: A scalar
  unit: USD
  cite: c
  status: confirmed
  values:
    2013-14: 100.5
    2014-15: { derive: { grow_by: [cola], round: cent }, published: 101.35 }
`);

  it('prior value × (1 + step), rounded half-up to the dollar, member by member', () => {
    const v = t.valueInForce('rate', fy('2013-14'))!;
    expect(v.derived).toBe(true);
    expect((v.value as Map<string, Dec>).get('k3')!.toString()).toBe('6952'); // 6845 × 1.0157 = 6952.47
    expect((v.value as Map<string, Dec>).get('g9_12')!.toString()).toBe('8419');
    const w = t.valueInForce('rate', fy('2014-15'))!.value as Map<string, Dec>;
    expect(w.get('k3')!.toString()).toBe('7011'); // 6952 × 1.0085 = 7011.09
  });

  it('several steps: each step is rounded in turn', () => {
    // 7011 × 1.0231 = 7172.95 → 7173; × 1.027 = 7366.67 → 7367 (one step of 5.07% would give 7366).
    const w = t.valueInForce('rate', fy('2015-16'))!.value as Map<string, Dec>;
    expect(w.get('k3')!.toString()).toBe('7367');
  });

  it('a rounding mode other than half-up, and no rounding at all', () => {
    // 7367 × 1.1 = 8103.7 → 8103 (down)
    expect((t.valueInForce('rate', fy('2016-17'))!.value as Map<string, Dec>).get('k3')!.toString()).toBe('8103');
    // 8103 × 1.005 = 8143.515 exactly (no round)
    expect((t.valueInForce('rate', fy('2017-18'))!.value as Map<string, Dec>).get('k3')!.toString()).toBe('8143.515');
  });

  it('a step parameter contributes its value in force that year (0% from 2016-17), and cents rounding', () => {
    // 100.5 × 1.0085 = 101.35425 → 101.35; published matches.
    expect(at(t, 'flat', '2014-15')).toBe('101.35');
    expect(at(t, 'flat', '2019-20')).toBe('101.35');
  });
});

describe('unknown periods of a breakdown parameter', () => {
  it('accepts `value: unknown` and the `unknown` shorthand for a by-parameter', () => {
    const t = table(`
gsa:
  description: d
  unit: percent
  cite: c
  by: grade_span
  status: unconfirmed
  note: test
  values:
    2013-14: { k3: 10.4%, g9_12: 2.6% }
    2015-16: { value: unknown }
    2017-18: { k3: 1%, g9_12: 1% }
    2019-20: unknown
`);
    expect(t.valueInForce('gsa', fy('2014-15'))).toBeDefined();
    expect(t.valueInForce('gsa', fy('2016-17'))).toBeUndefined();
    expect(t.valueInForce('gsa', fy('2018-19'))!.status).toBe('unconfirmed');
    expect(t.valueInForce('gsa', fy('2019-20'))).toBeUndefined();
  });
});
