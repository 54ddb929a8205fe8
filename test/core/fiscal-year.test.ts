/** Fiscal years: YYYY-YY with consecutive years; inclusive ranges; a value holds until the next key. */
import { describe, expect, it } from 'vitest';
import { formatFiscalYear, formatRange, formatYears, inRange, keyInForce, parseFiscalYear, rangesOverlap, yearsOf } from '../../src/core/fiscal-year.js';

describe('fiscal years', () => {
  it('parses YYYY-YY only with consecutive years', () => {
    expect(parseFiscalYear('2019-20')).toBe(2019);
    expect(parseFiscalYear('1999-00')).toBe(1999);
    expect(parseFiscalYear('2019-21')).toBeUndefined();
    expect(parseFiscalYear('2019')).toBeUndefined();
    expect(parseFiscalYear('19-20')).toBeUndefined();
    expect(formatFiscalYear(2013)).toBe('2013-14');
    expect(formatFiscalYear(1999)).toBe('1999-00');
  });

  it('ranges are inclusive at both ends; "onward" has no end', () => {
    const optional = { from: 2014, to: 2018 };
    expect(inRange(2013, optional)).toBe(false);
    expect(inRange(2014, optional)).toBe(true);
    expect(inRange(2018, optional)).toBe(true);
    expect(inRange(2019, optional)).toBe(false);
    expect(inRange(2040, { from: 2019 })).toBe(true);
    expect(rangesOverlap(optional, { from: 2019 })).toBe(false);
    expect(rangesOverlap(optional, { from: 2018 })).toBe(true);
    expect(formatRange(optional)).toBe('2014-15..2018-19');
    expect(formatRange({ from: 2019 })).toBe('2019-20 onward');
    expect(formatRange({ from: 2013, to: 2013 })).toBe('2013-14');
  });

  it('a value holds until the next key; before the first key there is none', () => {
    const keys = [2013, 2021];
    expect(keyInForce(keys, 2012)).toBeUndefined();
    expect(keyInForce(keys, 2013)).toBe(2013);
    expect(keyInForce(keys, 2020)).toBe(2013);
    expect(keyInForce(keys, 2021)).toBe(2021);
    expect(keyInForce(keys, 2030)).toBe(2021);
  });

  it('lists and compacts years within the library horizon', () => {
    expect(yearsOf({ from: 2023 }, { first: 2013, last: 2025 })).toEqual([2023, 2024, 2025]);
    expect(yearsOf({ from: 2010, to: 2014 }, { first: 2013, last: 2025 })).toEqual([2013, 2014]);
    expect(formatYears([2013, 2014, 2016])).toBe('2013-14..2014-15, 2016-17');
  });
});
