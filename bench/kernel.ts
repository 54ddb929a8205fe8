/**
 * Per-student decisions in process (`npm run bench kernel [rows]`): on a
 * generated county (bench/generate.ts, seed 7, loaded like `lcff run`), the
 * three decisions of every student (funding_category, expected_transfer_codes,
 * student_findings) by
 *   - the hand-written loop (bench/hand-decisions.ts) — the denominator;
 *   - the generated kernel (as run, and with its selection memo toggled), recording
 *     parameter reads like a run;
 *   - the closure path (decideFast);
 *   - json-rules-engine on a sample of the students.
 * Contenders run in rounds (one run of each per round), so a busy machine
 * slows all of them alike; medians per contender; ratios from the same run,
 * by wall clock and by CPU time (steadier on a shared machine). Every pass
 * decides fresh facts (built untimed before it), as a run builds each
 * student's; the texts in them are the loaded scenario's, shared by every
 * pass (bench/decide-process.ts times students read afresh from the CSV).
 * The hand loop is first checked to decide exactly what the kernel decides
 * (category, credited LEA, codes, residence_required, findings); the kernel
 * does more besides: it checks every fact it reads against its declaration
 * and records the parameter reads and formula calls of each decision.
 */
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileKernel, MEMO_BY_DEFAULT, type KernelDecision } from '../src/compile/kernel/index.js';
import { compileProgram, type Program } from '../src/compile/program.js';
import { decideFast, decideWithEngine } from '../src/runtime/decide.js';
import { Dec } from '../src/runtime/money.js';
import { studentFacts } from '../src/run/students.js';
import { loadScenario } from '../src/scenario/load.js';
import { vocabulariesOf } from '../src/scenario/schema.js';
import { loadLibrary } from '../src/semantics/workspace.js';
import { bundledRules } from '../src/cli/paths.js';
import { generate } from './generate.js';
import { handDecide, handFindings } from './hand-decisions.js';
import { NOTED_BEFORE_EMPTYING } from '../src/run/context.js';

type Facts = Record<string, Record<string, unknown>>;
const DECISIONS = ['funding_category', 'expected_transfer_codes', 'student_findings'] as const;

interface Contender {
  name: string;
  students: number;
  run: (facts: Facts[]) => number | Promise<number>;
  times: number[];
  cpu: number[];
}

/**
 * The kernel contenders' loop, as source: each contender compiles its own
 * copy (`new Function` over this constant text), so its call sites see one
 * kernel, as in a run. One shared closure would see both kernels, its calls
 * polymorphic and never inlined, and slow both (measured: 15-20 %).
 * The read and call records go to two arrays the loop keeps, emptied only
 * when long, as a run's kernel decisions keep theirs (src/run/context.ts
 * `NowDecision`: emptying a pair per student with `length = 0` costs more
 * than fresh arrays, and fresh arrays more than keeping them).
 */
const KERNEL_LOOP = `return (facts) => {
  let n = 0;
  const reads = [];
  const calls = [];
  for (const f of facts) {
    if (reads.length > ${NOTED_BEFORE_EMPTYING}) reads.length = 0;
    if (calls.length > ${NOTED_BEFORE_EMPTYING}) calls.length = 0;
    const s = f.student;
    s.category = category(f, reads, calls)[0].outputs.category;
    const c = codes(f, reads, calls)[0];
    s.expected_codes = c ? c.outputs.codes : [];
    n += findings(f, reads, calls).length;
  }
  return n;
};`;

/** The loops of the three decisions over a list of students (the number of findings), shared with bench/decide-process.ts. */
export function kernelLoop(k: Map<string, KernelDecision>): (facts: Facts[]) => number {
  const [category, codes, findings] = DECISIONS.map((d) => k.get(d)!);
  return new Function('category', 'codes', 'findings', KERNEL_LOOP)(category, codes, findings) as (facts: Facts[]) => number;
}

export function closureLoop(p: Program): (facts: Facts[]) => number {
  const [category, codes, findings] = DECISIONS.map((d) => p.decisions.get(d)!);
  return (facts) => {
    let n = 0;
    for (const f of facts) {
      const s = f.student;
      s.category = decideFast(category, { year: p.year, facts: f }).firings[0].outputs.category;
      const c = decideFast(codes, { year: p.year, facts: f }).firings[0];
      s.expected_codes = c ? c.outputs.codes : [];
      n += decideFast(findings, { year: p.year, facts: f }).firings.length;
    }
    return n;
  };
}

export function engineLoop(p: Program): (facts: Facts[]) => Promise<number> {
  const [category, codes, findings] = DECISIONS.map((d) => p.decisions.get(d)!);
  return async (facts) => {
    let n = 0;
    for (const f of facts) {
      const s = f.student;
      s.category = (await decideWithEngine(p.lib, category, { year: p.year, facts: f })).firings[0].outputs.category;
      const c = (await decideWithEngine(p.lib, codes, { year: p.year, facts: f })).firings[0];
      s.expected_codes = c ? c.outputs.codes : [];
      n += (await decideWithEngine(p.lib, findings, { year: p.year, facts: f })).firings.length;
    }
    return n;
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One contender's measurement: medians of wall-clock and of process CPU time (user + system) over the rounds. */
export interface KernelContenderResult {
  name: string;
  students: number;
  medianMs: number;
  cpuMedianMs: number;
  /** students per second, wall clock */
  rate: number;
}

export interface KernelMeasurement {
  students: number;
  seed: number;
  rounds: number;
  findings: number;
  /** hand loop first, json-rules-engine last */
  contenders: KernelContenderResult[];
}

/** Measures the contenders (the table's numbers, for `benchKernel` and the combined bench table). */
export async function measureKernel(rows = 100_000, rounds = 5, engineSample = 2_000, seed = 7): Promise<KernelMeasurement> {
  const lib = await loadLibrary([bundledRules()]);
  const dir = join(tmpdir(), `lcff-bench-county-${rows}-${seed}`);
  if (!existsSync(join(dir, 'scenario.yaml'))) await generate(rows, seed, dir);
  const { scenario } = await loadScenario(dir, { vocabularies: vocabulariesOf(lib) });
  if (!scenario) throw new Error('the generated county does not load');
  const program = compileProgram(lib, scenario.fiscal_year);
  const schools = new Map(scenario.schools.map((s) => [s.code, s]));
  // fresh facts for every pass, as a run builds each student's facts afresh: a pass meets no category or codes set by an earlier one
  const fresh = (n = scenario.students.length): Facts[] => scenario.students.slice(0, n).map((s) => studentFacts(s, schools.get(s.school)!, scenario.coe.cds) as Facts);
  const facts = fresh();
  const senr = decideFast(program.decisions.get('senr_fields')!, { year: program.year, facts: { coe: {} } }).firings[0].outputs;
  const F = handFindings(senr.transfer_code_field as Dec, senr.residence_field as Dec);
  const kernel = compileKernel(program);
  const alternate = compileKernel(program, { memo: !MEMO_BY_DEFAULT });

  // the hand loop decides what the rules decide, student by student
  const [kc, ke, kf] = DECISIONS.map((d) => kernel.decisions.get(d)!);
  for (const f of facts) {
    const h = handDecide(f, F);
    const c = kc(f, null, null)[0].outputs;
    f.student.category = c.category;
    const eo = ke(f, null, null)[0]?.outputs;
    const e = eo?.codes ?? [];
    f.student.expected_codes = e;
    const fs = kf(f, null, null).map((x) => `${String(x.outputs.code)} ${String(x.outputs.message)} ${String(x.outputs.senr_field)}`);
    const hs = h.findings.map((x) => `${x.code} ${x.message} ${x.senr_field.toString()}`);
    if (c.category !== h.category || c.credited_to !== h.credited_to || JSON.stringify(e) !== JSON.stringify(h.codes) || eo?.residence_required !== h.residence_required || JSON.stringify(fs) !== JSON.stringify(hs)) {
      throw new Error(`the hand loop and the rules disagree on student ${String(f.student.id)}`);
    }
  }

  const hand = (facts: Facts[]): number => {
    let n = 0;
    for (const f of facts) n += handDecide(f, F).findings.length;
    return n;
  };
  const engine = engineLoop(program);
  const contenders: Contender[] = [
    { name: 'hand-written loop', students: facts.length, run: hand, times: [], cpu: [] },
    { name: 'compiled kernel', students: facts.length, run: kernelLoop(kernel.decisions as Map<string, KernelDecision>), times: [], cpu: [] },
    { name: `compiled kernel, selection memo ${MEMO_BY_DEFAULT ? 'off' : 'on'}`, students: facts.length, run: kernelLoop(alternate.decisions as Map<string, KernelDecision>), times: [], cpu: [] },
    { name: 'closure path (decideFast)', students: facts.length, run: closureLoop(program), times: [], cpu: [] },
    { name: `json-rules-engine (sample)`, students: Math.min(engineSample, facts.length), run: engine, times: [], cpu: [] },
  ];
  const findings = new Set<number>();
  for (const c of contenders) await c.run(fresh(c.students)); // warm up
  for (let r = 0; r < rounds; r++) {
    for (const c of contenders) {
      const pass = fresh(c.students);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const n = await c.run(pass);
      c.times.push(performance.now() - t0);
      const cpu = process.cpuUsage(c0);
      c.cpu.push((cpu.user + cpu.system) / 1000);
      if (c.students === facts.length) findings.add(n);
    }
  }
  if (findings.size !== 1) throw new Error(`contenders found different numbers of findings: ${[...findings].join(', ')}`);
  const result = (c: Contender): KernelContenderResult => ({ name: c.name, students: c.students, medianMs: median(c.times), cpuMedianMs: median(c.cpu), rate: (c.students / median(c.times)) * 1000 });
  return { students: facts.length, seed, rounds, findings: [...findings][0], contenders: contenders.map(result) };
}

/**
 * Prints the table. Ratios from wall-clock medians and, for a machine shared
 * with other work, from CPU-time medians (the process's CPU time while a
 * contender runs: waiting for a CPU is not counted).
 */
export async function benchKernel(rows = 100_000, rounds = 5, engineSample = 2_000, seed = 7): Promise<void> {
  const m = await measureKernel(rows, rounds, engineSample, seed);
  const [hand] = m.contenders;
  const engine = m.contenders[m.contenders.length - 1];
  const cpuRate = (c: KernelContenderResult): number => (c.students / c.cpuMedianMs) * 1000;
  const head = ['contender', 'students', 'median ms', 'students/s', 'decisions/s', '× hand loop', '× json-rules-engine', 'cpu ms', 'cpu × hand', 'cpu × engine'];
  const body = m.contenders.map((c) => [
    c.name,
    c.students.toLocaleString('en-US'),
    c.medianMs.toFixed(1),
    Math.round(c.rate).toLocaleString('en-US'),
    Math.round(c.rate * 3).toLocaleString('en-US'),
    (c.rate / hand.rate).toFixed(3),
    (c.rate / engine.rate).toFixed(1),
    c.cpuMedianMs.toFixed(1),
    (cpuRate(c) / cpuRate(hand)).toFixed(3),
    (cpuRate(c) / cpuRate(engine)).toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`\nPer-student decisions (3 per student) on a generated county of ${m.students.toLocaleString('en-US')} students (seed ${m.seed}), ${m.rounds} rounds, medians; ${m.findings.toLocaleString('en-US')} findings\n`);
  process.stdout.write(`${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${body.map(line).join('\n')}\n`);
}
