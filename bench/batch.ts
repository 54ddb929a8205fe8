/**
 * The batch benchmark (issue 10, item 6): one `lcff run <folder> --json`
 * over a generated state of 58 county scenarios (bench/generate-counties.ts),
 * as whole processes, with --jobs 1 and --jobs 2, on each evaluator: the
 * default (json-rules-engine below 10,000 students, as `lcff run` chooses)
 * and --fast. Wall time (median), CPU time of every thread, peak RSS; the
 * JSON of --jobs 2 is checked byte-identical to that of --jobs 1.
 *
 *   npm run bench batch [counties] [min..max students] [run|compare|project]
 *
 * `compare` and `project` time the same batch through `lcff compare <folder>
 * --set supplemental_pct@2023-24=25% --json` (both sides on
 * json-rules-engine, as a comparison always runs) and `lcff project <folder>
 * --years 2024-25..2025-26 --json` (the library's enacted years: no
 * assumptions needed), with --jobs 1 and 2.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/cli/paths.js';
import { generateCounties } from './generate-counties.js';
import { median, printRows, runProcess, type ProcRun, type Row } from './process.js';

/** A whole batch on json-rules-engine may take minutes on a busy machine. */
const TIMEOUT_MS = 1_200_000;

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The command line of each batch benchmark after `lcff`, and its variants: [label, extra arguments, repeats]. */
const COMMANDS = {
  run: { args: (dir: string) => ['run', dir, '--json'], variants: [['default evaluator', [], 1], ['--fast', ['--fast'], 3]] },
  compare: { args: (dir: string) => ['compare', dir, '--set', 'supplemental_pct@2023-24=25%', '--json'], variants: [['compare --set supplemental_pct@2023-24=25%', [], 1]] },
  project: { args: (dir: string) => ['project', dir, '--years', '2024-25..2025-26', '--json'], variants: [['project --years 2024-25..2025-26', [], 1]] },
} as const satisfies Record<string, { args: (dir: string) => string[]; variants: ReadonlyArray<readonly [string, readonly string[], number]> }>;
export type BatchBenchCommand = keyof typeof COMMANDS;

export async function benchBatch(counties = 58, min = 50, max = 8_000, seed = 7, command: BatchBenchCommand = 'run'): Promise<void> {
  const dir = join(tmpdir(), `lcff-bench-state-${counties}-${min}-${max}-${seed}`);
  let students: number;
  const marker = join(dir, '.students');
  if (existsSync(marker)) students = Number(readFileSync(marker, 'utf8'));
  else {
    const written = await generateCounties(dir, { counties, min, max, seed });
    students = written.reduce((n, c) => n + c.students, 0);
    writeFileSync(marker, String(students));
  }
  const cli = join(packageRoot(), 'dist/src/cli/main.js');
  const rows: Row[] = [];
  const { args, variants } = COMMANDS[command];
  for (const [label, extra, repeats] of variants) {
    const hashes = new Map<number, string>();
    for (const jobs of [1, 2]) {
      const out = join(tmpdir(), `lcff-bench-batch-${process.pid}-${jobs}.json`);
      const runs: ProcRun[] = [];
      for (let i = 0; i < repeats; i++) {
        const r = runProcess([cli, ...args(dir), '--jobs', String(jobs), ...extra], out, TIMEOUT_MS);
        runs.push(r);
        if (r.code !== 0) break;
      }
      hashes.set(jobs, existsSync(out) ? sha(out) : '');
      rmSync(out, { force: true });
      const failed = runs.find((r) => r.code !== 0);
      const cpu = median(runs.map((r) => r.cpuMs)) / 1000;
      const same = jobs === 1 ? '' : hashes.get(1) === hashes.get(jobs) ? '; JSON = jobs 1' : '; JSON DIFFERS from jobs 1';
      rows.push({
        name: `${label}, --jobs ${jobs}`,
        ms: median(runs.map((r) => r.ms)),
        rssMb: Math.max(...runs.map((r) => r.rssMb)),
        rows: students,
        note: failed ? `exit ${failed.code}: ${failed.stderr.split('\n').find((l) => l.trim()) ?? ''}` : `${runs.length} run(s); CPU ${cpu.toFixed(1)} s${same}`,
      });
    }
  }
  printRows(`Batch: lcff ${command} <${counties} generated counties, ${students.toLocaleString('en-US')} students> --json, whole processes`, rows, `${variants[0][0]}, --jobs 1`);
}
