/**
 * One contender of the per-student decisions, alone in its process so the
 * summary (`npm run bench`) reads its peak RSS (bench/rss-hook.ts):
 *
 *   node dist/bench/decide-process.js <hand|kernel|closure|engine> <scenario-folder> [sample]
 *
 * Loads the generated county as `lcff run` streams it (students as they are
 * read), turns each student into the facts the decisions read, and times the
 * three decisions of every student (funding_category,
 * expected_transfer_codes, student_findings) in batches of 100,000 — loading
 * is not timed — after one untimed warm-up pass over the first batch.
 * json-rules-engine decides only the first `sample` students (default 2,000).
 * Prints {"students","ms","findings"} as JSON; exit 2 on bad arguments.
 * The loops are bench/kernel.ts's (the same calls, the same mutations of
 * the facts).
 */
import { performance } from 'node:perf_hooks';
import { compileKernel, type KernelDecision } from '../src/compile/kernel/index.js';
import { compileProgram, type Program } from '../src/compile/program.js';
import { decideFast } from '../src/runtime/decide.js';
import type { Dec } from '../src/runtime/money.js';
import { studentFacts } from '../src/run/students.js';
import { loadScenario } from '../src/scenario/load.js';
import { vocabulariesOf } from '../src/scenario/schema.js';
import { loadLibrary } from '../src/semantics/workspace.js';
import { bundledRules } from '../src/cli/paths.js';
import { handDecide, handFindings } from './hand-decisions.js';
import { closureLoop, engineLoop, kernelLoop } from './kernel.js';

type Facts = Record<string, Record<string, unknown>>;
/** One pass of a contender over a batch of students: the number of findings. */
type Loop = (facts: Facts[]) => number | Promise<number>;
export const DECISION_CONTENDERS = ['hand', 'kernel', 'closure', 'engine'] as const;
export type DecisionContender = (typeof DECISION_CONTENDERS)[number];
const BATCH = 100_000;

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
  ms: number;
  findings: number;
}

export async function decideCounty(which: DecisionContender, dir: string, sample = 2_000): Promise<DecideFigures> {
  const lib = await loadLibrary([bundledRules()]);
  const limit = which === 'engine' ? sample : Infinity;
  let loop: Loop | undefined;
  let batch: Facts[] = [];
  let students = 0;
  let findings = 0;
  let ms = 0;
  let warm = false;
  const pass = async (): Promise<void> => {
    if (!warm) {
      await loop!(batch);
      warm = true;
    }
    const t0 = performance.now();
    findings += await loop!(batch);
    ms += performance.now() - t0;
    students += batch.length;
    batch = [];
  };
  const { scenario, diagnostics } = await loadScenario(dir, {
    vocabularies: vocabulariesOf(lib),
    streamStudents: (head) => {
      const program = compileProgram(lib, head.fiscal_year);
      loop = loopOf(which, program);
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
  return { students, ms, findings };
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
