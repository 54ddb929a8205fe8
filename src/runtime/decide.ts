/**
 * Evaluates one compiled decision for one subject's facts. Two paths from
 * the same compiled rules: the json-rules-engine path (the reference, and
 * the explainer: it says which rule fired, which did not and why) and the
 * closure path (fast, for bulk runs).
 *
 * They agree by construction (docs/language.md, "Evaluation"):
 * - rules are tried in order (distinct engine priorities), and in `first`
 *   mode a rule is tried only while no rule above it fired (the gate fact);
 *   an otherwise rule fires when no rule above it fired;
 * - a rule's outputs are computed when it fires, before the next rule is
 *   tried (the engine's per-rule `success` event, awaited by the engine);
 * - conditions are evaluated left to right and `and`/`or` short-circuit
 *   (compile/conditions.ts gives the members of all/any descending
 *   priorities);
 * - every fact is read by compile/facts.ts (typed, positioned errors) and
 *   every computed condition, output and formula by the same closures.
 * So both paths read the same values in the same order, and the first
 * evaluation error of one is the first of the other.
 */
import { Engine, type Almanac, type RuleResult } from 'json-rules-engine';
import { EVAL_CONTEXT_FACT, EXPR_FACT, GATE_FACT } from '../compile/conditions.js';
import type { CompiledDecision, CompiledRule } from '../compile/program.js';
import { compileExpr, EvalError, type EvalContext, type ParamRead } from '../compile/expr-closure.js';
import { FactGroup, readFact } from '../compile/facts.js';
import type { Value } from '../compile/values.js';
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
  /** output name → value (a null-prototype object: an output may be called `constructor`) */
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
  const out = Object.create(null) as Record<string, Value>;
  for (const a of rule.assignments) out[a.output] = atRule(rule, () => a.closure(ctx));
  return out;
}

/** Runs part of a rule, tagging an evaluation error with the rule's file so it can be reported at file:line:col. */
function atRule<T>(rule: CompiledRule, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof EvalError && e.file === undefined) e.file = rule.file;
    if (e instanceof EvalError && e.rule === undefined) e.rule = `${rule.decision}.${rule.name}`;
    throw e;
  }
}

/** Whether a rule may still fire given the firings so far (the gate of conditions.ts). */
function open(d: CompiledDecision, rule: CompiledRule, firings: Firing[]): boolean {
  return firings.length === 0 || (d.mode === 'collect' && !rule.otherwise);
}

/** The fast path: closures only, no trace of rules that did not fire. */
export function decideFast(d: CompiledDecision, input: DecideInput): DecisionOutcome {
  const ctx: EvalContext = { year: input.year, facts: input.facts, locals: new Map(), lets: new Map(), reads: [], calls: [] };
  const firings: Firing[] = [];
  for (const rule of d.rules) {
    if (!open(d, rule, firings)) continue;
    const when = rule.whenClosure;
    if (when && atRule(rule, () => when(ctx)) !== true) continue;
    firings.push({ rule, outputs: outputsOf(rule, ctx) });
  }
  return { decision: d.name, firings, trace: [], reads: ctx.reads, calls: ctx.calls };
}

/** The state of one engine run, a runtime fact of the almanac (engines are shared between runs). */
interface RunState {
  ctx: EvalContext;
  firings: Firing[];
}

/**
 * One engine per decision, reused between runs. json-rules-engine keeps its
 * running status on the engine: a run that overlaps another would see the
 * other's end and skip its remaining rules, and a run that failed keeps
 * evaluating its remaining rules after rejecting. So a busy engine is never
 * shared (an overlapping run gets its own) and an engine whose run failed is
 * dropped.
 */
const engines = new WeakMap<CompiledDecision, Engine>();
const busy = new WeakSet<Engine>();

function engineFor(lib: Library, d: CompiledDecision): Engine {
  const cached = engines.get(d);
  if (cached && !busy.has(cached)) return cached;
  const engine = buildEngine(lib, d);
  if (!cached) engines.set(d, engine);
  return engine;
}

function buildEngine(lib: Library, d: CompiledDecision): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    pathResolver: (obj: unknown, path: string) => (obj instanceof FactGroup ? readFact(lib, obj.name, path, obj.value) : undefined),
  });
  addLcffOperators(engine);
  const byRule = new Map(d.rules.map((r) => [r.name, r]));
  const byJre = new Map(d.rules.map((r) => [r.jre.name, r]));
  const state = async (almanac: Almanac): Promise<RunState> => (await almanac.factValue(EVAL_CONTEXT_FACT)) as RunState;
  engine.addFact(
    EXPR_FACT,
    async (params: Record<string, unknown>, almanac: Almanac) => {
      const { ctx } = await state(almanac);
      const rule = byRule.get(String(params.rule));
      const expr = rule?.computed[Number(params.id)];
      return rule && expr ? atRule(rule, () => compileExpr(lib, expr)(ctx)) : undefined;
    },
    { cache: false },
  );
  engine.addFact(
    GATE_FACT,
    async (params: Record<string, unknown>, almanac: Almanac) => {
      const st = await state(almanac);
      const rule = byRule.get(String(params.rule));
      return rule !== undefined && open(d, rule, st.firings);
    },
    { cache: false },
  );
  engine.on('success', async (_event: unknown, almanac: Almanac, result: RuleResult) => {
    const st = await state(almanac);
    const rule = byJre.get(String(result.name));
    if (rule) st.firings.push({ rule, outputs: outputsOf(rule, st.ctx) });
  });
  for (const r of d.rules) engine.addRule(r.jre);
  return engine;
}

/** The reference path through json-rules-engine, with a trace of every rule in force. */
export async function decideWithEngine(lib: Library, d: CompiledDecision, input: DecideInput): Promise<DecisionOutcome> {
  const ctx: EvalContext = { year: input.year, facts: input.facts, locals: new Map(), lets: new Map(), reads: [], calls: [] };
  const engine = engineFor(lib, d);
  const st: RunState = { ctx, firings: [] };
  // every declared group, given or not: a fact of a group the input lacks is read (and refused) like any missing fact
  // null prototype: a facts group may be called __proto__
  const runtime = Object.create(null) as Record<string, unknown>;
  runtime[EVAL_CONTEXT_FACT] = st;
  for (const group of lib.factGroups.keys()) runtime[group] = new FactGroup(group, Object.hasOwn(input.facts, group) ? input.facts[group] : undefined);
  busy.add(engine);
  let failureResults: RuleResult[];
  try {
    ({ failureResults } = await engine.run(runtime));
  } catch (e) {
    if (engines.get(d) === engine) engines.delete(d);
    throw e;
  }
  busy.delete(engine);
  const failures = new Map(failureResults.map((r) => [String(r.name), r]));
  const fired = new Set(st.firings.map((f) => f.rule));
  const trace: RuleTrace[] = [];
  for (const rule of d.rules) {
    const above = st.firings.find((f) => f.rule.index < rule.index);
    if (fired.has(rule)) {
      trace.push({ rule: rule.name, cite: rule.cites, fired: true, reason: rule.otherwise ? 'applied: no rule above it applied' : `applied: ${rule.whenText ?? 'always'}` });
    } else if (above && (d.mode === 'first' || rule.otherwise)) {
      trace.push({ rule: rule.name, cite: rule.cites, fired: false, reason: `not applied: rule ${above.rule.name} above it ${d.mode === 'first' ? 'decided' : 'applied'}` });
    } else {
      const f = failures.get(String(rule.jre.name));
      trace.push({ rule: rule.name, cite: rule.cites, fired: false, reason: f ? `did not apply: ${failedConditions(f).join('; ')}` : 'did not apply' });
    }
  }
  return { decision: d.name, firings: st.firings, trace, reads: ctx.reads, calls: ctx.calls };
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
