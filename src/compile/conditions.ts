/**
 * Translates a rule's `when` into a json-rules-engine condition tree. Simple
 * tests of one fact against constants become native conditions (inspectable
 * in `lcff compile --json`); anything else becomes a named condition on the
 * computed fact `lcff:expr`, evaluated by the expression's closure. Every leaf
 * carries `name`: its source text, which the trace prints.
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

export function sourceOf(cc: ConditionCompiler, e: Expr): string {
  return cc.text.slice(e.range.start.offset, e.range.end.offset).replace(/\s+/g, ' ');
}

export function toTopLevel(cc: ConditionCompiler, when: Expr | undefined): TopLevelCondition {
  if (!when) return { all: [] };
  const c = toCondition(cc, when);
  if ('all' in c || 'any' in c || 'not' in c) return c as TopLevelCondition;
  return { all: [c] };
}

function toCondition(cc: ConditionCompiler, e: Expr): NestedCondition {
  if (e.kind === 'binary' && (e.op === 'and' || e.op === 'or')) {
    const parts = [e.left, e.right].flatMap((p) => flatten(p, e.op)).map((p) => toCondition(cc, p));
    return e.op === 'and' ? { all: parts } : { any: parts };
  }
  if (e.kind === 'unary' && e.op === 'not') return { not: toCondition(cc, e.operand) };
  return leaf(cc, e);
}

function flatten(e: Expr, op: string): Expr[] {
  return e.kind === 'binary' && e.op === op ? [...flatten(e.left, op), ...flatten(e.right, op)] : [e];
}

type Leaf = { fact: string; path?: string; operator: string; value: unknown; name: string; params?: Record<string, unknown> };

function leaf(cc: ConditionCompiler, e: Expr): Leaf {
  const name = sourceOf(cc, e);
  const native = nativeLeaf(cc, e);
  if (native) return { ...native, name };
  cc.computed.push(e);
  return { fact: 'lcff:expr', params: { rule: cc.rule, id: cc.computed.length - 1 }, operator: 'equal', value: true, name };
}

/** `fact is constant`, `fact in [constants]`, `fact is present`, `fact < constant`. */
function nativeLeaf(cc: ConditionCompiler, e: Expr): Omit<Leaf, 'name'> | undefined {
  const factOf = (x: Expr): { fact: string; path: string } | undefined =>
    x.kind === 'fact' ? { fact: x.group.text, path: x.path.map((p) => p.text).join('.') } : undefined;
  if (e.kind === 'is') {
    const f = factOf(e.left);
    const v = constant(cc, e.right);
    if (f && v !== undefined && typeof v !== 'object') return { ...f, operator: e.negated ? 'notEqual' : 'equal', value: v };
  }
  if (e.kind === 'in') {
    const f = factOf(e.left);
    const list = e.list.kind === 'list' ? e.list.items.map((i) => constant(cc, i)) : undefined;
    if (f && list && list.every((v) => v !== undefined && typeof v !== 'object')) {
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
  if (e.kind === 'binary' && ['<', '<=', '>', '>=', '=', '!='].includes(e.op)) {
    const f = factOf(e.left);
    const v = e.right.kind === 'number' ? e.right.text : e.right.kind === 'percent' ? `${e.right.text}%` : e.right.kind === 'money' ? e.right.text : undefined;
    if (f && v !== undefined) return { ...f, operator: `lcffDec${OPS[e.op]}`, value: v };
  }
  return undefined;
}

const OPS: Record<string, string> = { '<': 'Lt', '<=': 'Le', '>': 'Gt', '>=': 'Ge', '=': 'Eq', '!=': 'Ne' };

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
