/**
 * The throughput table of `npm run bench`: on a generated county of N
 * students (bench/generate.ts, rows and seed), every contender in its own
 * process (bench/rss-hook.ts reads its peak RSS), in rounds — one run of each
 * contender per round — so a busy machine slows all of them alike:
 *   - the hand-written streaming baseline (bench/baseline.ts), whole process;
 *   - `lcff run --json` and the terminal report, whole processes, stdout to a file;
 *   - the per-student decisions in process (bench/decide-process.ts): the
 *     hand-written loop, the compiled kernel, the closure path,
 *     json-rules-engine on a sample — the decision passes timed, not loading.
 * Then checks that the baseline does the product's work: its findings and
 * category totals equal those of `lcff run --json` (read as a stream, which
 * also checks the JSON is valid) and the decision loops' findings.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/cli/paths.js';
import type { BaselineSummary } from './baseline.js';
import type { DecideFigures } from './decide-process.js';
import { CONTENDERS, type ContenderFigure, type ContenderId, type ThroughputFigures } from './figures.js';
import { generate, isGeneratedStudentId } from './generate.js';
import { scanJsonFile } from './json-scan.js';
import { median, runProcess, type ProcRun } from './process.js';

/** A run longer than this is not repeated (the runs column says how many were made). */
const LONG_RUN_MS = 120_000;

async function county(rows: number, seed: number): Promise<string> {
  const dir = join(tmpdir(), `lcff-bench-county-${rows}-${seed}`);
  if (!existsSync(join(dir, 'scenario.yaml'))) await generate(rows, seed, dir);
  return dir;
}

interface Runs {
  procs: ProcRun[];
  inner: DecideFigures[];
  error?: string;
}

/** Per category: students, census-day students, ADA in hundredths (from "610.03"); undefined for a figure written otherwise. */
export function categoriesOf(json: string): BaselineSummary['categories'] | undefined {
  const out: BaselineSummary['categories'] = {};
  for (const c of JSON.parse(json) as Array<{ category: string; students: number; census_day: number; ada: string }>) {
    const m = /^(\d+)\.(\d{2})$/.exec(c.ada);
    if (!m) return undefined;
    out[c.category] = { students: c.students, census_day: c.census_day, ada_hundredths: Number(m[1]) * 100 + Number(m[2]) };
  }
  return out;
}

export const sameCategories = (a: BaselineSummary['categories'], b: BaselineSummary['categories']): boolean => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

export async function measureThroughput(rows: number, seed: number, repeat: number, sample: number, log: (line: string) => void = () => {}): Promise<ThroughputFigures> {
  const root = packageRoot();
  const cli = join(root, 'dist/src/cli/main.js');
  const dir = await county(rows, seed);
  const out = (id: string): string => join(tmpdir(), `lcff-bench-${process.pid}-${id}.out`);
  const args: Record<ContenderId, string[]> = {
    baseline: [join(root, 'dist/bench/baseline.js'), join(dir, 'students.csv')],
    'run-json': [cli, 'run', dir, '--json'],
    'run-terminal': [cli, 'run', dir],
    hand: [join(root, 'dist/bench/decide-process.js'), 'hand', dir],
    kernel: [join(root, 'dist/bench/decide-process.js'), 'kernel', dir],
    closure: [join(root, 'dist/bench/decide-process.js'), 'closure', dir],
    engine: [join(root, 'dist/bench/decide-process.js'), 'engine', dir, String(sample)],
  };
  const runs = new Map<ContenderId, Runs>(CONTENDERS.map((c) => [c.id, { procs: [], inner: [] }]));
  let baseline: BaselineSummary | undefined;
  let scan: Awaited<ReturnType<typeof scanJsonFile>> | undefined;
  let studentFindings = 0;
  const timeoutMs = 300_000 + rows * 0.6;
  for (let round = 0; round < repeat; round++) {
    for (const c of CONTENDERS) {
      const r = runs.get(c.id)!;
      if (r.error || (r.procs.length > 0 && Math.max(...r.procs.map((p) => p.ms)) > LONG_RUN_MS)) continue;
      log(`  ${rows.toLocaleString('en-US')} rows, round ${round + 1}/${repeat}: ${c.name}`);
      const file = out(c.id);
      const p = runProcess(args[c.id], file, timeoutMs);
      if (p.code !== 0) r.error = `exit ${p.code}: ${p.stderr.split('\n').find((l) => l.trim()) ?? ''}`;
      else {
        r.procs.push(p);
        if (c.kind === 'decisions') r.inner.push(JSON.parse(readFileSync(file, 'utf8')) as DecideFigures);
        if (c.id === 'baseline' && !baseline) baseline = JSON.parse(readFileSync(file, 'utf8')) as BaselineSummary;
        if (c.id === 'run-json' && !scan) {
          scan = await scanJsonFile(file, {
            values: new Set(['categories']),
            elements: new Set(['findings']),
            onElement: (_key, text) => {
              if (isGeneratedStudentId((JSON.parse(text) as { subject: string }).subject)) studentFindings += 1;
            },
          });
        }
      }
      rmSync(file, { force: true });
    }
  }
  const contenders: ContenderFigure[] = CONTENDERS.map((c) => {
    const r = runs.get(c.id)!;
    const decided = r.inner[0]?.students ?? (c.id === 'engine' ? Math.min(sample, rows) : rows);
    const ms = c.kind === 'decisions' ? median(r.inner.map((i) => i.ms)) : median(r.procs.map((p) => p.ms));
    return { id: c.id, name: c.name, rows: decided, ms: r.procs.length ? ms : NaN, rssMb: r.procs.length ? Math.max(...r.procs.map((p) => p.rssMb)) : NaN, runs: r.procs.length, ...(r.error ? { error: r.error } : {}) };
  });

  const agreement: string[] = [];
  let agrees = true;
  const check = (ok: boolean, line: string): void => {
    agrees &&= ok;
    agreement.push(line);
  };
  if (baseline) {
    check(baseline.rows === rows, `the baseline read ${baseline.rows.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows`);
    if (scan?.valid) {
      const cats = scan.values.get('categories');
      const product = cats === undefined ? undefined : categoriesOf(cats);
      check(studentFindings === baseline.findings, `student findings: lcff run --json ${studentFindings.toLocaleString('en-US')}, baseline ${baseline.findings.toLocaleString('en-US')}`);
      check(product !== undefined && sameCategories(product, baseline.categories), `per category students, census-day students and ADA: lcff run --json and the baseline ${product && sameCategories(product, baseline.categories) ? 'equal' : `differ (${cats ?? 'no categories'} vs ${JSON.stringify(baseline.categories)})`}`);
      check(scan.counts.get('students') === rows, `lcff run --json lists ${(scan.counts.get('students') ?? 0).toLocaleString('en-US')} students`);
    }
    for (const id of ['hand', 'kernel', 'closure'] as const) {
      const inner = runs.get(id)!.inner[0];
      if (inner) check(inner.findings === baseline.findings && inner.students === rows, `${id} decisions: ${inner.findings.toLocaleString('en-US')} findings over ${inner.students.toLocaleString('en-US')} students`);
    }
  }
  return { rows, seed, contenders, ...(scan ? { jsonValid: scan.valid } : {}), ...(scan?.error ? { jsonError: scan.error } : {}), agreement, agrees };
}
