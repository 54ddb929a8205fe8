/**
 * Whole-process times of the `lcff` command line as ratios to `node -e 0`,
 * measured interleaved in the same run (so a busy machine slows every row
 * alike): --version, --help, and check, compile and `run` of the 2019-20
 * example with the cache off (`--no-cache`) and warm (an entry for the same
 * files, written first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { StartupFigure } from './figures.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LCFF = join(ROOT, 'dist/src/cli/main.js');

interface Row {
  name: string;
  args: string[];
  times: number[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median whole-process times of each command (the `node -e 0` row first), interleaved runs. */
export async function measureStartup(runs = 15): Promise<StartupFigure[]> {
  const cache = mkdtempSync(join(tmpdir(), 'lcff-bench-cache-'));
  const env: NodeJS.ProcessEnv = { ...process.env, LCFF_CACHE_DIR: cache, NO_COLOR: '1' };
  delete env.LCFF_NO_CACHE;
  const rows: Row[] = [
    { name: 'node -e 0', args: ['-e', '0'], times: [] },
    { name: 'lcff --version', args: [LCFF, '--version'], times: [] },
    { name: 'lcff --help', args: [LCFF, '--help'], times: [] },
    { name: 'lcff check rules/ (no cache)', args: [LCFF, '--no-cache', 'check', 'rules/'], times: [] },
    { name: 'lcff check rules/ (cached)', args: [LCFF, 'check', 'rules/'], times: [] },
    { name: 'lcff compile --year 2019-20 (no cache)', args: [LCFF, '--no-cache', 'compile', '--year', '2019-20'], times: [] },
    { name: 'lcff compile --year 2019-20 (cached)', args: [LCFF, 'compile', '--year', '2019-20'], times: [] },
    { name: 'lcff run <2019-20 example> --json (no cache)', args: [LCFF, '--no-cache', 'run', 'examples/2019-20-county-charter', '--json'], times: [] },
    { name: 'lcff run <2019-20 example> --json (cached)', args: [LCFF, 'run', 'examples/2019-20-county-charter', '--json'], times: [] },
  ];
  try {
    for (const r of rows) {
      // warm the file system cache, and write the cache entries the "cached" rows read
      const out = spawnSync(process.execPath, r.args, { cwd: ROOT, env, encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`${r.name} exited ${out.status}: ${out.stderr}`);
    }
    for (let i = 0; i < runs; i++) {
      for (const r of rows) {
        const t0 = performance.now();
        spawnSync(process.execPath, r.args, { cwd: ROOT, env, stdio: 'ignore' });
        r.times.push(performance.now() - t0);
      }
    }
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  return rows.map((r) => ({ name: r.name, runs: r.times.length, ms: median(r.times) }));
}

export async function benchStartup(runs = 15): Promise<void> {
  const rows = await measureStartup(runs);
  const base = rows[0].ms;
  const head = ['command (whole process)', 'runs', 'median ms', `× node -e 0`];
  const body = rows.map((r) => [r.name, String(r.runs), r.ms.toFixed(1), (r.ms / base).toFixed(2)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`\nStart-up (interleaved runs, medians)\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${body.map(line).join('\n')}\n`);
}
