/**
 * Evaluates one compiled decision for one subject's facts. Two paths from
 * the same compiled rules: the json-rules-engine path (the reference, and
 * the explainer: it says which rule fired, which did not and why) and the
 * closure path (fast, for bulk runs), proven equal by differential tests.
 */
import { Engine, type RuleResult } from 'json-rules-engine';
import type { CompiledDecision, CompiledRule } from '../compile/program.js';
import { compileExpr, EvalError, type EvalContext, type ParamRead } from '../compile/expr-closure.js';
import type { Value } from '../compile/values.js';
import { readPath } from '../compile/values.js';
import type { Library } from '../semantics/library.js';
import { addLcffOperators } from './operators.js';

export interface RuleTrace {
  rule: string;
  cite: string[];
  fired: boolean;
  /** why it fired or did not, in words */
  reason: string;
}

export interface Firing {
  rule: CompiledRule;
  outputs: Record<string, Value>;
}

export interface DecisionOutcome {
  decision: string;
  firings: Firing[];
  trace: RuleTrace[];
  reads: ParamRead[];
  calls: string[];
}

export interface DecideInput {
  year: number;
  facts: Record<string, unknown>;
}

function outputsOf(rule: CompiledRule, ctx: EvalContext): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const a of rule.assignments) out[a.output] = atRule(rule, () => a.closure(ctx));
  return out;
}

/** Runs part of a rule, tagging an evaluation error with the rule's file so it can be reported at file:line:col. */
function atRule<T>(rule: CompiledRule, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof EvalError && e.file === undefined) e.file = rule.file;
    throw e;
  }
}

/** The fast path: closures only, no trace of rules that did not fire. */
export function decideFast(d: CompiledDecision, input: DecideInput): DecisionOutcome {
  const ctx: EvalContext = { year: input.year, facts: input.facts, locals: new Map(), reads: [], calls: [] };
  const firings: Firing[] = [];
  for (const rule of d.rules) {
    const when = rule.whenClosure;
    const holds = rule.otherwise ? firings.length === 0 : when ? atRule(rule, () => when(ctx)) === true : true;
    if (!holds) continue;
    firings.push({ rule, outputs: outputsOf(rule, ctx) });
    if (d.mode === 'first') break;
  }
  return { decision: d.name, firings, trace: [], reads: ctx.reads, calls: ctx.calls };
}

const engines = new WeakMap<CompiledDecision, Engine>();

function engineFor(lib: Library, d: CompiledDecision): Engine {
  let engine = engines.get(d);
  if (engine) return engine;
  engine = new Engine([], { allowUndefinedFacts: true, pathResolver: (obj: unknown, path: string) => readPath(obj, path) });
  addLcffOperators(engine);
  const byRule = new Map(d.rules.map((r) => [r.name, r]));
  engine.addFact('lcff:expr', async (params: Record<string, unknown>, almanac) => {
    const ctx = (await almanac.factValue('lcff:ctx')) as EvalContext;
    const rule = byRule.get(String(params.rule));
    const expr = rule?.computed[Number(params.id)];
    return rule && expr ? atRule(rule, () => compileExpr(lib, expr)(ctx)) : undefined;
  });
  // otherwise rules are decided here, not by the engine: their conditions are empty
  for (const r of d.rules) if (!r.otherwise) engine.addRule(r.jre);
  engines.set(d, engine);
  return engine;
}

/** The reference path through json-rules-engine, with a trace of every rule in force. */
export async function decideWithEngine(lib: Library, d: CompiledDecision, input: DecideInput): Promise<DecisionOutcome> {
  const ctx: EvalContext = { year: input.year, facts: input.facts, locals: new Map(), reads: [], calls: [] };
  const engine = engineFor(lib, d);
  const { results, failureResults } = await engine.run({ ...input.facts, 'lcff:ctx': ctx });
  const held = new Set(results.map((r) => String(r.name)));
  const failures = new Map(failureResults.map((r) => [String(r.name), r]));
  const firings: Firing[] = [];
  const trace: RuleTrace[] = [];
  for (const rule of d.rules) {
    const key = `${d.name}.${rule.name}`;
    const decided = d.mode === 'first' && firings.length > 0;
    const holds = rule.otherwise ? firings.length === 0 : held.has(key);
    if (decided) {
      trace.push({ rule: rule.name, cite: rule.cites, fired: false, reason: `not applied: rule ${firings[0].rule.name} above it decided` });
      continue;
    }
    if (!holds) {
      const f = failures.get(key);
      trace.push({ rule: rule.name, cite: rule.cites, fired: false, reason: f ? `did not apply: ${failedConditions(f).join('; ')}` : 'did not apply' });
      continue;
    }
    firings.push({ rule, outputs: outputsOf(rule, ctx) });
    trace.push({ rule: rule.name, cite: rule.cites, fired: true, reason: rule.otherwise ? 'applied: no rule above it applied' : `applied: ${rule.whenText ?? 'always'}` });
  }
  return { decision: d.name, firings, trace, reads: ctx.reads, calls: ctx.calls };
}

type CondResult = { name?: string; result?: boolean; all?: CondResult[]; any?: CondResult[]; not?: CondResult; factResult?: unknown };

/** The leaf conditions that made a rule fail, by their source text. */
function failedConditions(r: RuleResult): string[] {
  const out: string[] = [];
  const walk = (c: CondResult, negate: boolean): void => {
    if (c.all) c.all.forEach((x) => walk(x, negate));
    else if (c.any) c.any.forEach((x) => walk(x, negate));
    else if (c.not) walk(c.not, !negate);
    else if (c.name && c.result !== undefined && c.result === negate) out.push(negate ? `not (${c.name})` : `${c.name} is false`);
  };
  walk(r.conditions as unknown as CondResult, false);
  return out.length > 0 ? out : ['its conditions did not hold'];
}
