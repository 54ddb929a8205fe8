/** The decimal door: exact parsing, declared rounding only, half up by default. */
import { describe, expect, it } from 'vitest';
import { dec, fixed, grouped, percentText, roundTo } from '../../src/runtime/money.js';

describe('money', () => {
  it('parses decimal text exactly and rejects anything else', () => {
    expect(dec('0.1').plus(dec('0.2')).eq(dec('0.3'))).toBe(true);
    expect(() => dec('9,572.00')).toThrow(RangeError); // grouping commas are stripped only where a format allows them (withoutGrouping)
    expect(() => dec('1e3')).toThrow(RangeError);
    expect(() => dec('abc')).toThrow(RangeError);
  });

  it('rounds half up unless told otherwise', () => {
    expect(roundTo(dec('242.554'), 'dollar').toString()).toBe('243'); // 9,329 × 2.6% GSA, 2019-20
    expect(roundTo(dec('27399.845'), 'cent').toString()).toBe('27399.85');
    expect(roundTo(dec('0.125'), 'cent', 'half_even').toString()).toBe('0.12');
    expect(roundTo(dec('0.129'), 'cent', 'down').toString()).toBe('0.12');
  });

  it('keeps full precision until a rule rounds: 2.50 × 10,959.94', () => {
    // 9,572 + 20% × 9,572 × 0.60 + 50% × 9,572 × 0.05 = 9,572 + 1,148.64 + 239.30 = 10,959.94
    const rate = dec('9572').plus(dec('9572').times('0.2').times('0.6')).plus(dec('9572').times('0.5').times('0.05'));
    expect(rate.toString()).toBe('10959.94');
    expect(fixed(dec('2.50').times(rate), 2)).toBe('27399.85');
  });

  it('formats for people', () => {
    expect(grouped(dec('27399.85'), 2)).toBe('27,399.85');
    expect(grouped(dec('-1234567'), 0)).toBe('-1,234,567');
    expect(percentText(dec('0.6'))).toBe('60.00%');
  });
});
