/**
 * `npm run bench scale [rows...]`: the throughput section of the summary
 * (bench/throughput.ts) alone, at the given sizes (default 100,000 and
 * 1,000,000 rows), seed 7, three rounds.
 */
import { DEFAULTS } from './options.js';
import { benchSummary } from './report.js';

export async function benchScale(sizes: number[] = DEFAULTS.rows, seed = DEFAULTS.seed): Promise<void> {
  await benchSummary({ ...DEFAULTS, rows: sizes, seed, sections: ['throughput'] });
}
