import { describe, expect, it } from 'vitest';
import { StudentIds } from '../../src/scenario/student-ids.js';

/** Adds each id not seen before; returns, per id, the line it was first used at when it is a repeat. */
function repeats(ids: string[]): Array<number | undefined> {
  const seen = new StudentIds();
  return ids.map((id, i) => {
    const prior = seen.lineOf(id);
    if (prior === undefined) seen.add(id, i + 2);
    return prior;
  });
}

describe('student ids', () => {
  it('finds no repeat in ids in order', () => {
    expect(repeats(['S1', 'S2', 'S3'])).toEqual([undefined, undefined, undefined]);
  });

  it('finds a repeat next to its first use (ids in order otherwise)', () => {
    expect(repeats(['S1', 'S2', 'S2', 'S3'])).toEqual([undefined, undefined, 3, undefined]);
  });

  it('finds repeats once the order breaks, with the first line of each id', () => {
    expect(repeats(['S1', 'S3', 'S2', 'S1', 'S4', 'S3', 'S2'])).toEqual([undefined, undefined, undefined, 2, undefined, 3, 4]);
  });

  it('claims an id once, in order or not, keeping its first line', () => {
    const seen = new StudentIds();
    const claims = ['S1', 'S2', 'S2', 'S0', 'S1', 'S3', 'S0'].map((id, i) => seen.claim(id, i + 2));
    expect(claims).toEqual([true, true, false, true, false, true, false]);
    expect(['S0', 'S1', 'S2', 'S3', 'S4'].map((id) => seen.lineOf(id))).toEqual([5, 2, 3, 7, undefined]);
  });

  it('keeps lines past 2^31 exactly', () => {
    const seen = new StudentIds();
    seen.add('a', 2 ** 40 + 1);
    expect(seen.lineOf('a')).toBe(2 ** 40 + 1);
  });
});
