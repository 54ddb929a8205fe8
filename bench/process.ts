/**
 * Runs a benchmarked contender as its own process: wall time, peak RSS and
 * CPU time (read by bench/rss-hook.ts), exit code and the start of stderr;
 * and the table of whole-process rows the batch benchmark prints.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../src/cli/paths.js';

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
