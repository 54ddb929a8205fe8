/**
 * When a command ran, as its outputs state it: the clock, or — for outputs
 * that must be byte-identical from run to run (golden files, archives, CI
 * comparisons) — the time in `SOURCE_DATE_EPOCH`, the reproducible-builds
 * convention (https://reproducible-builds.org/specs/source-date-epoch/):
 * whole seconds since 1970-01-01 00:00:00 UTC. Outputs say which one they
 * used. A malformed value is a usage error, as the convention asks, never
 * silently replaced by the clock.
 */
import { EXIT, UserError } from './errors.js';
import { excerpt } from '../core/safe-text.js';

export interface RanAt {
  /** Whole seconds: the outputs state time to the second. */
  at: Date;
  from: 'clock' | 'SOURCE_DATE_EPOCH';
}

/** Up to 8,640,000,000,000 s: the last second a JavaScript Date holds. */
const MAX_EPOCH = 8_640_000_000_000;

export function ranAt(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): RanAt {
  const text = env.SOURCE_DATE_EPOCH;
  if (text === undefined || text === '') {
    const t = now();
    return { at: new Date(t.getTime() - (t.getTime() % 1000)), from: 'clock' };
  }
  if (!/^\d{1,13}$/.test(text) || Number(text) > MAX_EPOCH) {
    throw new UserError(`SOURCE_DATE_EPOCH: ${excerpt(text)} is not a whole number of seconds since 1970-01-01 00:00:00 UTC (e.g. 1767323045); unset it to use the clock`, EXIT.input);
  }
  return { at: new Date(Number(text) * 1000), from: 'SOURCE_DATE_EPOCH' };
}
