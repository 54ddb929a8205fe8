/**
 * Loaded with `node --import` into a benchmarked process: on exit it writes
 * the process's peak resident set size (KB) to the file named by
 * LCFF_BENCH_RSS_FILE, and its CPU time (user + system, microseconds, every
 * thread) to LCFF_BENCH_CPU_FILE, so the benchmarks read each contender's
 * peak memory and CPU without platform tools.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.LCFF_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
const cpuFile = process.env.LCFF_BENCH_CPU_FILE;
if (cpuFile) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(cpuFile, String(u.userCPUTime + u.systemCPUTime));
  });
}
