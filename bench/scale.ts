/**
 * The scale benchmark (issue: "from a county to the whole state"): on a
 * generated county of N students (bench/generate.ts), each contender runs as
 * its own process, timed end to end with its peak RSS:
 *   - the hand-written streaming baseline (bench/baseline.ts) — the denominator;
 *   - `lcff run --json` (stdout to a file) and the terminal report;
 * plus whole-process start-up of `lcff --version`, `check` and `compile`
 * against `node -e 0`. Medians of repeated runs; ratios measured in the
 * same run, so a busy machine slows both sides.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../src/cli/paths.js';
import { generate } from './generate.js';

export interface ProcRun {
  ms: number;
  rssMb: number;
  /** CPU time of the process, user + system, all threads */
  cpuMs: number;
  code: number;
  stderr: string;
}

/** Longest a contender may run before it is reported as timed out. */
const TIMEOUT_MS = 300_000;

export function runProcess(args: string[], stdoutFile?: string, timeoutMs = TIMEOUT_MS): ProcRun {
  const dir = mkdtempSync(join(tmpdir(), 'lcff-rss-'));
  const rssFile = join(dir, 'rss');
  const cpuFile = join(dir, 'cpu');
  const hook = join(packageRoot(), 'dist/bench/rss-hook.js');
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', hook, ...args], { stdio: ['ignore', out, 'pipe'], env: { ...process.env, LCFF_BENCH_RSS_FILE: rssFile, LCFF_BENCH_CPU_FILE: cpuFile, NO_COLOR: '1' }, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (typeof out === 'number') closeSync(out);
  const rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  const cpuUs = existsSync(cpuFile) ? Number(readFileSync(cpuFile, 'utf8')) : NaN;
  rmSync(dir, { recursive: true, force: true });
  const timedOut = r.status === null && r.signal === 'SIGKILL' && ms >= timeoutMs;
  return { ms, rssMb: rssKb / 1024, cpuMs: cpuUs / 1000, code: r.status ?? -1, stderr: timedOut ? `timed out after ${timeoutMs / 1000} s` : (r.stderr ?? '').slice(0, 300) };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export interface Row {
  name: string;
  ms: number;
  rssMb: number;
  rows?: number;
  note?: string;
}

export function printRows(title: string, rows: Row[], baseName: string): void {
  const base = rows.find((r) => r.name === baseName)?.ms ?? rows[0].ms;
  const head = ['contender', 'median ms', 'rows/s', `× ${baseName}`, 'peak RSS MB', 'note'];
  const body = rows.map((r) => [r.name, r.ms.toFixed(0), r.rows ? Math.round((r.rows / r.ms) * 1000).toLocaleString('en-US') : '', (r.ms / base).toFixed(2), Number.isFinite(r.rssMb) ? r.rssMb.toFixed(0) : '?', r.note ?? '']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`\n${title}\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${body.map(line).join('\n')}\n`);
}

async function county(rows: number, seed: number): Promise<string> {
  const dir = join(tmpdir(), `lcff-bench-county-${rows}-${seed}`);
  if (!existsSync(join(dir, 'scenario.yaml'))) await generate(rows, seed, dir);
  return dir;
}

function contender(name: string, args: string[], repeats: number, rows?: number, toFile = false): Row {
  const runs: ProcRun[] = [];
  const outFile = toFile ? join(tmpdir(), `lcff-bench-out-${process.pid}`) : undefined;
  for (let i = 0; i < repeats; i++) {
    const r = runProcess(args, outFile);
    runs.push(r);
    if (r.code !== 0 || r.ms > 60_000) break; // one run is enough to see a slow contender
  }
  if (outFile) rmSync(outFile, { force: true });
  const failed = runs.find((r) => r.code !== 0);
  return {
    name,
    ms: median(runs.map((r) => r.ms)),
    rssMb: Math.max(...runs.map((r) => r.rssMb)),
    ...(rows ? { rows } : {}),
    note: failed ? `exit ${failed.code}: ${failed.stderr.split('\n').find((l) => l.trim()) ?? ''}` : `${runs.length} run(s)`,
  };
}

export async function benchScale(sizes: number[] = [100_000, 1_000_000], seed = 7): Promise<void> {
  const root = packageRoot();
  const cli = join(root, 'dist/src/cli/main.js');
  for (const n of sizes) {
    const dir = await county(n, seed);
    const repeats = n >= 1_000_000 ? 1 : 3;
    const rows: Row[] = [
      contender('hand-written streaming baseline', [join(root, 'dist/bench/baseline.js'), join(dir, 'students.csv')], repeats, n),
      contender('lcff run --json > file', [cli, 'run', dir, '--json'], repeats, n, true),
      contender('lcff run (terminal report) > file', [cli, 'run', dir], repeats, n, true),
    ];
    printRows(`Scale: a generated county of ${n.toLocaleString('en-US')} students (seed ${seed}), whole processes`, rows, 'hand-written streaming baseline');
  }
  const startup: Row[] = [
    contender('node -e 0', ['-e', '0'], 7),
    contender('lcff --version', [cli, '--version'], 7),
    contender('lcff check rules/ --quiet', [cli, 'check', join(root, 'rules'), '--quiet'], 5),
    contender('lcff compile --year 2023-24', [cli, 'compile', '--year', '2023-24'], 5),
  ];
  printRows('Start-up: whole processes', startup, 'node -e 0');
}
