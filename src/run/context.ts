/**
 * The state of one scenario run: the compiled program, the decision
 * evaluator (json-rules-engine or the fast path), the trace and the list of
 * unconfirmed rules, formulas and values the result relies on.
 */
import { callFormula, EvalError, type EvalContext, type ParamRead } from '../compile/expr-closure.js';
import { valueText, type Value } from '../compile/values.js';
import { kernelOf, type KernelDecision } from '../compile/kernel/index.js';
import type { CompiledRule, Program } from '../compile/program.js';
import type { DecisionOutcome, Firing, RuleTrace } from '../runtime/decide.js';
import { evaluate, UnknownDecisionError, type EvaluatorKind } from '../runtime/evaluate.js';
import type { Scenario } from '../scenario/model.js';

export type { EvaluatorKind };

export interface TraceEntry {
  /** "student S001", "district 0161119", "transfer 0161119 g9_12", "coe" */
  subject: string;
  decision: string;
  rules: RuleTrace[];
  fired: Array<{ rule: string; cite: string[]; outputs: Record<string, string> }>;
  reads: ParamRead[];
  formulas: string[];
}

/** A fatal error of a run (a student no rule classifies, a conservation violation). */
export class RunError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export class RunContext {
  readonly trace: TraceEntry[] = [];
  readonly unconfirmed = new Set<string>();
  /** Keep the engine path's trace (for --explain); a streamed run without --explain drops it. */
  keepTrace = true;

  /**
   * `scenario` may come later (`bind`): a streamed run decides each student
   * while the scenario's CSV is still being read.
   */
  constructor(
    readonly program: Program,
    private bound: Scenario | undefined,
    /** The evaluator of the next decisions; a streamed run may switch to the fast path once it knows the students are many. */
    public evaluator: EvaluatorKind,
  ) {}

  get scenario(): Scenario {
    if (!this.bound) throw new Error('internal: the run context has no scenario yet');
    return this.bound;
  }

  bind(scenario: Scenario): this {
    this.bound = scenario;
    return this;
  }

  get year(): number {
    return this.program.year;
  }

  /** Evaluates a decision for one subject and records its trace. */
  async decide(decision: string, subject: string, facts: Record<string, unknown>): Promise<Firing[]> {
    let outcome: DecisionOutcome;
    try {
      outcome = await evaluate(this.program, decision, facts, this.evaluator);
    } catch (e) {
      throw runErrorOf(e, decision, subject);
    }
    this.record(subject, outcome);
    return outcome.firings;
  }

  /** A decision of the kernel bound to this run, for a caller that decides many subjects of one kind at once (the evaluator must be "kernel"). */
  now(decision: string, subjectKind = 'student'): NowDecision {
    if (this.evaluator !== 'kernel') throw new Error(`internal: a kernel decision with the ${this.evaluator} evaluator`);
    const run = kernelOf(this.program).decisions.get(decision);
    const d = this.program.decisions.get(decision);
    if (!run || !d) throw new RunError('LCFF-F002', `the rule library has no decision "${decision}"`);
    return new NowDecision(this, decision, subjectKind, run, d.rules);
  }

  /**
   * Like decide, but a rule that reads a parameter with no value this year
   * (`value: unknown`) is not an error: the parameter and the rule are
   * returned so the result can say what was not computed and how to supply it.
   */
  async decideOrMissing(decision: string, subject: string, facts: Record<string, unknown>): Promise<{ firings: Firing[]; reads: ParamRead[] } | { missing: { param: string; rule: string } }> {
    let outcome: DecisionOutcome;
    try {
      outcome = await evaluate(this.program, decision, facts, this.evaluator);
    } catch (e) {
      if (e instanceof EvalError && e.missingParam !== undefined) return { missing: { param: e.missingParam, rule: e.rule ?? decision } };
      return { firings: await this.decide(decision, subject, facts), reads: [] };
    }
    this.record(subject, outcome);
    return { firings: outcome.firings, reads: dedupeReads(outcome.reads) };
  }

  /** Calls a formula of the library directly (e.g. the rate components shown per LEA). */
  formula(name: string, args: Value[]): Value {
    const ctx: EvalContext = { year: this.year, facts: {}, locals: new Map(), reads: [], calls: [] };
    const v = callFormula(this.program.lib, name, args, ctx);
    this.noteUnconfirmed(ctx.reads, ctx.calls);
    return v;
  }

  private noteUnconfirmed(reads: ParamRead[], calls: string[]): void {
    for (const r of reads) this.noteRead(r);
    // no set of the calls per decision: adding a name twice to `unconfirmed` changes nothing
    for (const name of calls) this.noteCall(name);
  }

  /** Notes a parameter read whose value is unconfirmed. */
  noteRead(r: ParamRead): void {
    if (r.status === 'unconfirmed') this.unconfirmed.add(r.name);
  }

  /** Notes a call of a formula whose status is unconfirmed. */
  noteCall(name: string): void {
    if (this.program.formulas.get(name)?.status?.value === 'unconfirmed') this.unconfirmed.add(name);
  }

  /** Records unconfirmed values and rules, and (for the engine path) the trace. */
  private record(subject: string, o: DecisionOutcome): void {
    this.noteUnconfirmed(o.reads, o.calls);
    for (const f of o.firings) if (f.rule.status === 'unconfirmed') this.unconfirmed.add(`${f.rule.decision}.${f.rule.name}`);
    if (this.evaluator !== 'engine' || !this.keepTrace) return;
    this.trace.push({
      subject,
      decision: o.decision,
      rules: o.trace,
      fired: o.firings.map((f) => ({ rule: f.rule.name, cite: f.rule.cites, outputs: Object.fromEntries(Object.entries(f.outputs).map(([k, v]) => [k, valueText(v)])) })),
      reads: dedupeReads(o.reads),
      formulas: [...new Set(o.calls)],
    });
  }
}

/** How many reads (calls) a NowDecision keeps before emptying its array. */
export const NOTED_BEFORE_EMPTYING = 4096;
/** How many distinct reads and calls a NowDecision knows by identity. */
const KNOWN_ITEMS = 16;

/**
 * One kernel decision of a run, decided at once for subject after subject:
 * the decision is looked up once, its reads and calls go to two arrays it
 * reuses, and no outcome object is made per subject. What it notes is what
 * `RunContext.decideNow` notes (the kernel path keeps no trace).
 */
export class NowDecision {
  private readonly reads: ParamRead[] = [];
  private readonly calls: string[] = [];
  /** reads and calls already noted (at most KNOWN_ITEMS) */
  private readonly known: Array<ParamRead | string> = [];
  /** the decision's unconfirmed rules not yet noted (each noted once, when it first fires) */
  private readonly unconfirmedRules: Set<CompiledRule>;

  constructor(
    private readonly ctx: RunContext,
    readonly decision: string,
    private readonly subjectKind: string,
    private readonly run: KernelDecision,
    rules: readonly CompiledRule[],
  ) {
    this.unconfirmedRules = new Set(rules.filter((r) => r.status === 'unconfirmed'));
  }

  /**
   * Notes the reads (or calls) from `from` on: one the decision made before
   * (the kernel's read records and formula names are constants: the same
   * object each time) is known by identity and skipped.
   */
  private note(items: ParamRead[] | string[], from: number): void {
    const known = this.known;
    for (let i = from; i < items.length; i++) {
      const x = items[i];
      if (known.includes(x)) continue;
      if (typeof x === 'string') this.ctx.noteCall(x);
      else this.ctx.noteRead(x);
      if (known.length < KNOWN_ITEMS) known.push(x);
    }
  }

  /** The firings for one subject's facts; `id` names the subject in an error ("student S001"). */
  decide(facts: Record<string, unknown>, id: string): Firing[] {
    const reads = this.reads;
    const calls = this.calls;
    // the arrays are emptied only when long (emptying frees their storage): each decision notes what it added
    const r0 = reads.length;
    const c0 = calls.length;
    let firings: Firing[];
    try {
      firings = this.run(facts, reads, calls);
    } catch (e) {
      reads.length = r0;
      calls.length = c0;
      throw runErrorOf(e, this.decision, `${this.subjectKind} ${id}`);
    }
    if (reads.length > r0 || calls.length > c0) {
      this.note(reads, r0);
      this.note(calls, c0);
      if (reads.length > NOTED_BEFORE_EMPTYING) reads.length = 0;
      if (calls.length > NOTED_BEFORE_EMPTYING) calls.length = 0;
    }
    if (this.unconfirmedRules.size > 0) {
      for (let i = 0; i < firings.length; i++) {
        const r = firings[i].rule;
        if (this.unconfirmedRules.delete(r)) this.ctx.unconfirmed.add(`${r.decision}.${r.name}`);
      }
    }
    return firings;
  }
}

/** An evaluation's error as the run reports it: an unknown decision, a rule's error at its place; any other error as it is. */
function runErrorOf(e: unknown, decision: string, subject: string): unknown {
  if (e instanceof UnknownDecisionError) return new RunError('LCFF-F002', e.message);
  if (e instanceof EvalError) {
    const at = `${e.file ?? 'rule file'}:${e.expr.range.start.line}:${e.expr.range.start.column}`;
    return new RunError('LCFF-F004', `${at} decision ${decision} for ${subject}: ${e.message}`);
  }
  return e;
}

function dedupeReads(reads: ParamRead[]): ParamRead[] {
  const seen = new Map<string, ParamRead>();
  for (const r of reads) seen.set(`${r.name}|${r.member ?? ''}|${r.year}`, r);
  return [...seen.values()];
}
