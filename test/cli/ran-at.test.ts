/** When an output says it ran (src/cli/ran-at.ts): the clock to the second, or SOURCE_DATE_EPOCH for reproducible outputs; a malformed value is a usage error. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/errors.js';
import { ranAt } from '../../src/cli/ran-at.js';

const clock = () => new Date('2026-11-29T18:50:30.789Z');

describe('ranAt', () => {
  it('is the clock, to the whole second, without SOURCE_DATE_EPOCH (or with it empty)', () => {
    expect(ranAt({}, clock)).toEqual({ at: new Date('2026-11-29T18:50:30Z'), from: 'clock' });
    expect(ranAt({ SOURCE_DATE_EPOCH: '' }, clock)).toEqual({ at: new Date('2026-11-29T18:50:30Z'), from: 'clock' });
  });

  it('is SOURCE_DATE_EPOCH, seconds since 1970-01-01 UTC, when set', () => {
    expect(ranAt({ SOURCE_DATE_EPOCH: '1767323045' }, clock)).toEqual({ at: new Date('2026-01-02T03:04:05Z'), from: 'SOURCE_DATE_EPOCH' });
    expect(ranAt({ SOURCE_DATE_EPOCH: '0' }, clock).at.toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });

  it.each(['abc', '-1', '1.5', '1e9', ' 17', '99999999999999'])('refuses SOURCE_DATE_EPOCH=%j with a usage error (exit 2)', (text) => {
    let error: unknown;
    try {
      ranAt({ SOURCE_DATE_EPOCH: text }, clock);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toMatch(/^SOURCE_DATE_EPOCH: ".*" is not a whole number of seconds since 1970-01-01 00:00:00 UTC/);
  });
});
