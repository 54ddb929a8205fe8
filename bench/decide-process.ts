/**
 * One contender of the per-student decisions, alone in its process so the
 * summary (`npm run bench`) reads its peak RSS (bench/rss-hook.ts):
 *
 *   node dist/bench/decide-process.js <hand|kernel|closure|engine> <scenario-folder> [sample]
 *
 * Decides the three decisions of every student (funding_category,
 * expected_transfer_codes, student_findings) of the generated county the
 * way `lcff run` meets them: the students streamed from the CSV, each
 * turned into fresh facts and decided once, soon after it is read. Students
 * are decided in batches of BATCH as they arrive (a student's facts are at
 * most BATCH students old when decided, still young and in cache, then
 * garbage, as in a run); only the decision passes are timed, not reading.
 *
 * Warm-up (untimed): the same contender first decides the first WARM_ROWS
 * rows read from the file on their own, a separate reading — fresh objects
 * and strings, so the timed students are ones no decision has touched (no
 * category already set on them, no text already compared or hashed).
 * json-rules-engine decides only the first `sample` students (default 2,000).
 * Prints {"students","ms","cpuMs","findings"} as JSON (ms: wall clock of the
 * timed passes; cpuMs: the process's CPU time during them, steadier on a
 * shared machine); exit 2 on bad arguments.
 * The loops are bench/kernel.ts's (the same calls, the same mutations of
 * the facts).
 */
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compileKernel, type KernelDecision } from '../src/compile/kernel/index.js';
import { compileProgram, type Program } from '../src/compile/program.js';
import { decideFast } from '../src/runtime/decide.js';
import type { Dec } from '../src/runtime/money.js';
import { studentFacts } from '../src/run/students.js';
import { loadScenario, type LoadOptions } from '../src/scenario/load.js';
import { vocabulariesOf } from '../src/scenario/schema.js';
import { loadLibrary } from '../src/semantics/workspace.js';
import type { Library } from '../src/semantics/library.js';
import { bundledRules } from '../src/cli/paths.js';
import { handDecide, handFindings } from './hand-decisions.js';
import { closureLoop, engineLoop, kernelLoop } from './kernel.js';

type Facts = Record<string, Record<string, unknown>>;
/** One pass of a contender over a batch of students: the number of findings. */
type Loop = (facts: Facts[]) => number | Promise<number>;
export const DECISION_CONTENDERS = ['hand', 'kernel', 'closure', 'engine'] as const;
export type DecisionContender = (typeof DECISION_CONTENDERS)[number];
/** Students decided per timed pass: enough that the clock's cost is nothing, few enough that their facts are still fresh. */
const BATCH = 2_000;
/** Rows decided, untimed, before the timed reading (as many as the whole first pass of the earlier harness). */
const WARM_ROWS = 100_000;

function loopOf(which: DecisionContender, p: Program): Loop {
  if (which === 'hand') {
    const senr = decideFast(p.decisions.get('senr_fields')!, { year: p.year, facts: { coe: {} } }).firings[0].outputs;
    const F = handFindings(senr.transfer_code_field as Dec, senr.residence_field as Dec);
    return (facts) => {
      let n = 0;
      for (const f of facts) n += handDecide(f, F).findings.length;
      return n;
    };
  }
  if (which === 'kernel') return kernelLoop(compileKernel(p).decisions as Map<string, KernelDecision>);
  return which === 'closure' ? closureLoop(p) : engineLoop(p);
}

export interface DecideFigures {
  students: number;
  /** wall-clock milliseconds of the timed passes */
  ms: number;
  /** CPU milliseconds of the process (user + system, every thread) during the timed passes */
  cpuMs: number;
  findings: number;
}

/** The header and the first `rows` lines of a CSV file (the generated county's rows hold no line breaks). */
async function firstRows(path: string, rows: number): Promise<string> {
  const parts: string[] = [];
  let lines = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) {
    let at = -1;
    while (lines <= rows && (at = chunk.indexOf('\n', at + 1)) >= 0) lines++;
    if (lines > rows) {
      parts.push(chunk.slice(0, at + 1));
      break;
    }
    parts.push(chunk);
  }
  return parts.join('');
}

type Pass = DecideFigures;

/** Streams the county and decides its students in batches as they are read (up to `limit`), timing the passes when asked. */
async function decideStream(lib: Library, dir: string, loopFor: (p: Program) => Loop, limit: number, timed: boolean, opts: Pick<LoadOptions, 'openCsv'> = {}): Promise<Pass> {
  const out: Pass = { students: 0, ms: 0, cpuMs: 0, findings: 0 };
  let loop: Loop | undefined;
  let batch: Facts[] = [];
  const pass = async (): Promise<void> => {
    const c0 = timed ? process.cpuUsage() : undefined;
    const t0 = timed ? performance.now() : 0;
    out.findings += await loop!(batch);
    if (c0) {
      out.ms += performance.now() - t0;
      const c = process.cpuUsage(c0);
      out.cpuMs += (c.user + c.system) / 1000;
    }
    out.students += batch.length;
    batch = [];
  };
  const { scenario, diagnostics } = await loadScenario(dir, {
    ...opts,
    vocabularies: vocabulariesOf(lib),
    streamStudents: (head) => {
      loop = loopFor(compileProgram(lib, head.fiscal_year));
      const schools = new Map(head.schools.map((s) => [s.code, s]));
      let seen = 0;
      return {
        onStudent: (s) => {
          if (seen++ >= limit) return;
          batch.push(studentFacts(s, schools.get(s.school)!, head.coe) as Facts);
          return batch.length === BATCH ? pass() : undefined;
        },
      };
    },
  });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!scenario || errors.length > 0 || !loop) throw new Error(`the generated county at ${dir} does not load: ${errors.map((d) => d.message).join('; ')}`);
  if (batch.length > 0) await pass();
  return out;
}

export async function decideCounty(which: DecisionContender, dir: string, sample = 2_000): Promise<DecideFigures> {
  const lib = await loadLibrary([bundledRules()]);
  const limit = which === 'engine' ? sample : Infinity;
  // one loop (one compiled kernel) for the warm-up and the timed reading: what the warm-up taught the JIT is what the timed passes run
  let loop: { year: number; loop: Loop } | undefined;
  const loopFor = (p: Program): Loop => {
    if (loop && loop.year !== p.year) throw new Error('the warm-up and the timed reading are of different fiscal years');
    return (loop ??= { year: p.year, loop: loopOf(which, p) }).loop;
  };
  await decideStream(lib, dir, loopFor, Math.min(limit, WARM_ROWS), false, { openCsv: (path) => firstRows(path, Math.min(limit, WARM_ROWS)) });
  return decideStream(lib, dir, loopFor, limit, true);
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const [which, dir, sample] = process.argv.slice(2);
  if (!DECISION_CONTENDERS.includes(which as DecisionContender) || !dir || (sample !== undefined && !/^[1-9]\d*$/.test(sample))) {
    process.stderr.write(`usage: node dist/bench/decide-process.js <${DECISION_CONTENDERS.join('|')}> <scenario-folder> [sample]\n`);
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(await decideCounty(which as DecisionContender, dir, sample ? Number(sample) : undefined))}\n`);
}
