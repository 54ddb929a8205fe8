/**
 * The per-student decisions of a run (funding_category, then
 * expected_transfer_codes, then student_findings, each fed the outputs of the
 * one before, as src/run/students.ts does) on one evaluator path, as text:
 * every firing with its outputs, the parameter reads and formula calls, or
 * the positioned error. Used to compare the three paths on generated counties
 * (bench/generate.ts); the kernel runs twice, with and without its selection memo.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../bench/generate.js';
import { EvalError } from '../../src/compile/expr-closure.js';
import type { Program } from '../../src/compile/program.js';
import { valueText } from '../../src/compile/values.js';
import { evaluate, type EvaluatorKind } from '../../src/runtime/evaluate.js';
import type { ParamRead } from '../../src/compile/expr-closure.js';
import type { Kernel } from '../../src/compile/kernel/index.js';
import type { Firing } from '../../src/runtime/decide.js';
import { alternateKernel } from './differential.js';
import { studentFacts } from '../../src/run/students.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/model.js';
import { vocabulariesOf } from '../../src/scenario/schema.js';
import type { Library } from '../../src/semantics/library.js';

/** A generated county of `rows` students (seed `seed`), loaded through the scenario loader like `lcff run`. */
export async function generatedCounty(lib: Library, rows: number, seed: number): Promise<Scenario> {
  const dir = mkdtempSync(join(tmpdir(), 'lcff-diff-'));
  try {
    await generate(rows, seed, dir);
    const { scenario, diagnostics } = await loadScenario(dir, { vocabularies: vocabulariesOf(lib) });
    if (!scenario) throw new Error(`the generated county does not load: ${diagnostics.map((d) => d.message).join('; ')}`);
    return scenario;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DECISIONS = ['funding_category', 'expected_transfer_codes', 'student_findings'] as const;

/** The three decisions of one student on one path, as text, with the number of firings. */
export async function studentDecisions(program: Program, facts: Record<string, unknown>, path: EvaluatorKind | 'kernel-alternate'): Promise<{ text: string; firings: number }> {
  const out: unknown[] = [];
  let firings = 0;
  const student = facts.student as Record<string, unknown>;
  for (const decision of DECISIONS) {
    try {
      const o = path === 'kernel-alternate' ? decideWith(alternateKernel(program), decision, facts) : await evaluate(program, decision, facts, path);
      firings += o.firings.length;
      out.push([decision, o.firings.map((f) => [f.rule.name, Object.entries(f.outputs).map(([k, v]) => [k, valueText(v)])]), o.reads.map((r) => [r.name, r.member, r.year, r.value, r.status, r.user]), o.calls]);
      if (decision === 'funding_category') student.category = o.firings[0]?.outputs.category;
      if (decision === 'expected_transfer_codes') student.expected_codes = o.firings[0]?.outputs.codes ?? [];
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      out.push([decision, `error ${e.file}:${e.expr.range.start.line}:${e.expr.range.start.column} ${e.rule} ${e.message}`]);
      break;
    }
  }
  return { text: JSON.stringify(out), firings };
}

function decideWith(k: Kernel, decision: string, facts: Record<string, unknown>): { firings: Firing[]; reads: ParamRead[]; calls: string[] } {
  const reads: ParamRead[] = [];
  const calls: string[] = [];
  return { firings: k.decisions.get(decision)!(facts, reads, calls), reads, calls };
}

export interface StudentDiff {
  students: number;
  firings: number;
  differences: string[];
}

/** Every student of the scenario on the three paths, with each program of `programs` in turn (student i uses program i mod n). */
export async function compareStudents(programs: Program[], scenario: Scenario): Promise<StudentDiff> {
  const schools = new Map(scenario.schools.map((s) => [s.code, s]));
  const diff: StudentDiff = { students: 0, firings: 0, differences: [] };
  for (const [i, s] of scenario.students.entries()) {
    const program = programs[i % programs.length];
    const school = schools.get(s.school)!;
    const paths = ['engine', 'fast', 'kernel', 'kernel-alternate'] as const;
    const texts: string[] = [];
    for (const path of paths) {
      const o = await studentDecisions(program, studentFacts(s, school, scenario.coe.cds), path);
      texts.push(o.text);
      if (path === 'engine') diff.firings += o.firings;
    }
    diff.students++;
    if (texts.some((t) => t !== texts[0])) diff.differences.push(`student ${s.id} in ${program.year}:\n${texts.map((t, i) => ` ${paths[i]} ${t}`).join('\n')}`);
  }
  return diff;
}
