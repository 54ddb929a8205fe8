/**
 * Translates a rule's `when` into a json-rules-engine condition tree. Simple
 * tests of one fact against constants become native conditions (inspectable
 * in `lcff compile --json`); anything else becomes a named condition on the
 * computed fact `lcff:expr`, evaluated by the expression's closure. Every leaf
 * carries `name`: its source text, which the trace prints.
 *
 * Order of evaluation is the language's, not the engine's: json-rules-engine
 * evaluates the members of an `all`/`any` of equal priority in parallel, so
 * every member gets its own priority, descending from left to right. The
 * engine then evaluates them one by one and stops at the first that decides
 * (false in `all`, true in `any`), exactly as `and`/`or` short-circuit in the
 * fast path: `b > 0 and a / b > 1` never divides by zero on either path.
 */
import type { NestedCondition, TopLevelCondition } from 'json-rules-engine';
import type { Expr } from '../syntax/ast.js';
import type { Library } from '../semantics/library.js';

export interface ConditionCompiler {
  lib: Library;
  /** source text of the rule file, for leaf names */
  text: string;
  /** the rule being compiled (computed leaves are keyed by rule and id) */
  rule: string;
  /** computed-expression leaves by id */
  computed: Expr[];
}

/** The computed fact that tells whether a rule may still apply: in `first` mode, no rule above it fired; for an otherwise rule, no rule above it fired. */
export const GATE_FACT = 'lcff:undecided';
/** The computed fact of an expression leaf. */
export const EXPR_FACT = 'lcff:expr';
/** The runtime fact holding the state of one evaluation (the closures' context, the firings so far). */
export const EVAL_CONTEXT_FACT = 'lcff:run';

export function sourceOf(cc: ConditionCompiler, e: Expr): string {
  return cc.text.slice(e.range.start.offset, e.range.end.offset).replace(/\s+/g, ' ');
}

type Cond = NestedCondition & { priority?: number };

/** Gives the members of an all/any descending priorities, so the engine evaluates them left to right, one at a time. */
function ordered(parts: Cond[]): Cond[] {
  return parts.length < 2 ? parts : parts.map((p, i) => ({ ...p, priority: parts.length - i }));
}

/** The rule's conditions: the gate (when the rule needs one), then the `when`, in source order. */
export function toTopLevel(cc: ConditionCompiler, when: Expr | undefined, gated: boolean): TopLevelCondition {
  const parts: Cond[] = [];
  if (gated) parts.push({ fact: GATE_FACT, params: { rule: cc.rule }, operator: 'equal', value: true, name: 'no rule above it applied' });
  if (when) {
    const tests = when.kind === 'binary' && when.op === 'and' ? operands(when, 'and') : [when];
    for (const t of tests) parts.push(toCondition(cc, t));
  }
  return { all: ordered(parts) } as TopLevelCondition;
}

function toCondition(cc: ConditionCompiler, e: Expr): Cond {
  if (e.kind === 'binary' && (e.op === 'and' || e.op === 'or')) {
    const parts = ordered(operands(e, e.op).map((p) => toCondition(cc, p)));
    return (e.op === 'and' ? { all: parts } : { any: parts }) as Cond;
  }
  if (e.kind === 'unary' && e.op === 'not') return { not: toCondition(cc, e.operand) } as Cond;
  return leaf(cc, e);
}

/** The operands of a chain `a op b op c ...` (however it is parenthesised), left to right, without recursion. */
function operands(e: Expr, op: 'and' | 'or'): Expr[] {
  const out: Expr[] = [];
  const todo: Expr[] = [e];
  while (todo.length > 0) {
    const x = todo.pop()!;
    if (x.kind === 'binary' && x.op === op) todo.push(x.right, x.left);
    else out.push(x);
  }
  return out;
}

type Leaf = { fact: string; path?: string; operator: string; value: unknown; name: string; params?: Record<string, unknown> };

function leaf(cc: ConditionCompiler, e: Expr): Leaf {
  const name = sourceOf(cc, e);
  const native = nativeLeaf(cc, e);
  if (native) return { ...native, name };
  cc.computed.push(e);
  return { fact: EXPR_FACT, params: { rule: cc.rule, id: cc.computed.length - 1 }, operator: 'equal', value: true, name };
}

/** `fact is constant`, `fact in [constants]`, `fact is present`, `fact < number`. */
function nativeLeaf(cc: ConditionCompiler, e: Expr): Omit<Leaf, 'name'> | undefined {
  const factOf = (x: Expr): { fact: string; path: string } | undefined =>
    x.kind === 'fact' ? { fact: x.group.text, path: x.path.map((p) => p.text).join('.') } : undefined;
  if (e.kind === 'is') {
    const f = factOf(e.left);
    const v = constant(cc, e.right);
    if (f && v !== undefined) return { ...f, operator: e.negated ? 'notEqual' : 'equal', value: v };
  }
  if (e.kind === 'in') {
    const f = factOf(e.left);
    const list = e.list.kind === 'list' ? e.list.items.map((i) => constant(cc, i)) : setMembers(cc, e.list);
    if (f && list && list.every((v) => v !== undefined)) {
      const t = cc.lib.types.get(e.left);
      const listFact = t?.k === 'list';
      const operator = listFact ? (e.negated ? 'lcffSharesNone' : 'lcffSharesAny') : e.negated ? 'notIn' : 'in';
      return { ...f, operator, value: list };
    }
  }
  if (e.kind === 'present') {
    const f = factOf(e.operand);
    if (f) return { ...f, operator: e.negated ? 'lcffMissing' : 'lcffPresent', value: true };
  }
  if (e.kind === 'binary' && Object.hasOwn(OPS, e.op)) {
    const f = factOf(e.left);
    const v = e.right.kind === 'number' ? e.right.text : e.right.kind === 'percent' ? `${e.right.text}%` : e.right.kind === 'money' ? e.right.text : undefined;
    if (f && v !== undefined) return { ...f, operator: `lcffDec${OPS[e.op]}`, value: v };
  }
  return undefined;
}

const OPS: Record<string, string> = { '<': 'Lt', '<=': 'Le', '>': 'Gt', '>=': 'Ge', '=': 'Eq', '!=': 'Ne' };

/** The members of a named set (`x in aeg_bases`), written out in the engine's condition; undefined for any other expression. */
function setMembers(cc: ConditionCompiler, e: Expr): string[] | undefined {
  const r = e.kind === 'name' ? cc.lib.resolutions.get(e) : undefined;
  return r?.kind === 'set' ? r.members.slice() : undefined;
}

/** Enum members, text and booleans that are constants; undefined otherwise. */
function constant(cc: ConditionCompiler, e: Expr): string | boolean | undefined {
  if (e.kind === 'text') return e.value;
  if (e.kind === 'bool') return e.value;
  if (e.kind === 'name') {
    const r = cc.lib.resolutions.get(e);
    if (r?.kind === 'member') return r.member;
  }
  return undefined;
}
