/**
 * Loaded with `node --import` into a benchmarked process: on exit it writes
 * the process's peak resident set size (KB) to the file named by
 * LCFF_BENCH_RSS_FILE, so the scale benchmark reads each contender's peak
 * memory without platform tools.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.LCFF_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
