/**
 * The differential property over random rule libraries (rule-gen.ts): a
 * generated library checks clean, compiles, and on random facts the
 * json-rules-engine path, the closure path and the generated kernel give the
 * same firings and outputs, or the same positioned evaluation error.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { EvalError } from '../../src/compile/expr-closure.js';
import { compileKernel, MEMO_BY_DEFAULT, type Kernel } from '../../src/compile/kernel/index.js';
import { compileProgram, type Program } from '../../src/compile/program.js';
import { valueText } from '../../src/compile/values.js';
import { evaluate, type EvaluatorKind } from '../../src/runtime/evaluate.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { genFacts, paramText } from './rule-facts.js';
import { genWorld, ruleText } from './rule-gen.js';

export interface DiffStats {
  libraries: number;
  evaluations: number;
  firings: number;
  errors: number;
}

export const newStats = (): DiffStats => ({ libraries: 0, evaluations: 0, firings: 0, errors: 0 });

const alternateKernels = new WeakMap<Program, Kernel>();

/** The kernel with its selection memo the other way than the default: a fourth path to compare. */
export function alternateKernel(program: Program): Kernel {
  let k = alternateKernels.get(program);
  if (!k) alternateKernels.set(program, (k = compileKernel(program, { memo: !MEMO_BY_DEFAULT })));
  return k;
}

/** One evaluation, as text: the firings with their outputs, or the error with its position. */
export async function outcome(program: Program, decision: string, facts: Record<string, unknown>, path: EvaluatorKind | 'kernel-alternate'): Promise<{ text: string; fired: number; error: boolean }> {
  try {
    const o = path === 'kernel-alternate' ? { firings: alternateKernel(program).decisions.get(decision)!(facts, [], []) } : await evaluate(program, decision, facts, path);
    const text = JSON.stringify(o.firings.map((f) => [f.rule.name, Object.entries(f.outputs).map(([k, v]) => [k, valueText(v)])]));
    return { text, fired: o.firings.length, error: false };
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    return { text: `error ${e.file}:${e.expr.range.start.line}:${e.expr.range.start.column} ${e.message}`, fired: 0, error: true };
  }
}

/** The property: a random library and a few random fact sets per decision. */
export function randomLibrariesAgree(stats: DiffStats): fc.IAsyncProperty<[fc.GeneratorValue]> {
  return fc.asyncProperty(fc.gen(), async (g) => {
    const world = genWorld(g);
    const rules = ruleText(world);
    const params = paramText(world, g);
    const lib = buildLibrary([
      { file: 'gen/rules.lcff', text: rules },
      { file: 'gen/params.yaml', text: params },
    ]);
    const errors = lib.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`);
    expect(errors, `${rules}\n${params}`).toEqual([]);
    const program = compileProgram(lib, 2019);
    stats.libraries++;
    const sets = g(fc.integer, { min: 1, max: 4 });
    for (let i = 0; i < sets; i++) {
      const facts = genFacts(g, world);
      for (const d of world.decisions) {
        const engine = await outcome(program, d.name, facts, 'engine');
        const fast = await outcome(program, d.name, facts, 'fast');
        const kernel = await outcome(program, d.name, facts, 'kernel');
        const alternate = await outcome(program, d.name, facts, 'kernel-alternate');
        expect(fast.text, `${rules}\n${params}\nfacts: ${JSON.stringify(facts)}`).toBe(engine.text);
        expect(kernel.text, `kernel\n${rules}\n${params}\nfacts: ${JSON.stringify(facts)}`).toBe(engine.text);
        expect(alternate.text, `kernel with the selection memo toggled\n${rules}\n${params}\nfacts: ${JSON.stringify(facts)}`).toBe(engine.text);
        stats.evaluations++;
        stats.firings += engine.fired;
        if (engine.error) stats.errors++;
      }
    }
  });
}
