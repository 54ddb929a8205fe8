/**
 * Compilation for one fiscal year: the rules in force that year become
 * json-rules-engine rules (conditions → events, inspectable as JSON), their
 * `then` values and every formula in force become decimal closures.
 */
import type { RuleProperties } from 'json-rules-engine';
import { formatFiscalYear, formatRange, inRange } from '../core/fiscal-year.js';
import type { Library } from '../semantics/library.js';
import type { Type } from '../semantics/types.js';
import type { DecisionDecl, Expr, FormulaDecl, RuleDecl } from '../syntax/ast.js';
import { sourceOf, toTopLevel, type ConditionCompiler } from './conditions.js';
import { compileExpr, type Closure } from './expr-closure.js';

export interface CompiledRule {
  decision: string;
  name: string;
  /** order within the decision (0 = tried first) */
  index: number;
  otherwise: boolean;
  cites: string[];
  effective: string;
  status: 'confirmed' | 'unconfirmed';
  statusNote?: string;
  file: string;
  line: number;
  when?: Expr;
  whenText?: string;
  whenClosure?: Closure;
  assignments: Array<{ output: string; text: string; closure: Closure; value: Expr }>;
  /** the json-rules-engine rule */
  jre: RuleProperties;
  /** expressions behind the `lcff:expr` computed conditions of this rule, by id */
  computed: Expr[];
}

export interface CompiledDecision {
  name: string;
  subject: string;
  mode: 'first' | 'collect';
  cites: string[];
  outputs: Array<{ name: string; type: Type }>;
  rules: CompiledRule[];
  /** rules of the decision not in force this year (for the trace and diff) */
  notInForce: Array<{ name: string; effective: string }>;
}

export interface Program {
  year: number;
  lib: Library;
  decisions: Map<string, CompiledDecision>;
  formulas: Map<string, FormulaDecl>;
}

export function compileProgram(lib: Library, year: number): Program {
  const decisions = new Map<string, CompiledDecision>();
  for (const { decl, file } of lib.decisions.values()) decisions.set(decl.name.text, compileDecision(lib, decl, file, year));
  const formulas = new Map<string, FormulaDecl>();
  for (const [name, versions] of lib.formulas) {
    const v = versions.find((f) => inRange(year, f.decl.effective?.years ?? { from: 0 }));
    if (v) formulas.set(name, v.decl);
  }
  return { year, lib, decisions, formulas };
}

function compileDecision(lib: Library, d: DecisionDecl, file: string, year: number): CompiledDecision {
  const inForce = d.rules.filter((r) => r.effective && inRange(year, r.effective.years));
  // a reform's rule overlaid on a library decision is written in the reform's file
  const rules = inForce.map((r, index) => compileRule(lib, d, r, r.file ?? file, lib.sources.get(r.file ?? file) ?? '', index, inForce.length));
  return {
    name: d.name.text,
    subject: d.subject.text,
    mode: d.mode,
    cites: d.cites.map((c) => c.text),
    outputs: d.outputs.map((o) => ({ name: o.name.text, type: lib.types.get(o) ?? { k: 'unknown' } })),
    rules,
    notInForce: d.rules.filter((r) => !inForce.includes(r)).map((r) => ({ name: r.name.text, effective: r.effective ? formatRange(r.effective.years) : 'never' })),
  };
}

function compileRule(lib: Library, d: DecisionDecl, r: RuleDecl, file: string, text: string, index: number, count: number): CompiledRule {
  const cc: ConditionCompiler = { lib, text, rule: r.name.text, computed: [] };
  // in `first` mode a rule is tried only while no rule above it fired; an otherwise rule only when none did
  const conditions = toTopLevel(cc, r.when, r.otherwise || (d.mode === 'first' && index > 0));
  const assignments = r.then.map((a) => ({ output: a.target.text, text: sourceOf(cc, a.value), closure: compileExpr(lib, a.value), value: a.value }));
  const cites = r.cites.map((c) => c.text);
  // the rule's local names with their expressions, for `lcff compile --json` (evaluated through the closures, once, when first used)
  const lets = Object.fromEntries(r.lets.map((l) => [l.name.text, sourceOf(cc, l.value)]));
  return {
    decision: d.name.text,
    name: r.name.text,
    index,
    otherwise: r.otherwise,
    cites,
    effective: r.effective ? formatRange(r.effective.years) : 'always',
    status: r.status?.value ?? 'confirmed',
    statusNote: r.status?.note,
    file,
    line: r.name.range.start.line,
    when: r.when,
    whenText: r.when ? sourceOf(cc, r.when) : undefined,
    whenClosure: r.when ? compileExpr(lib, r.when) : undefined,
    assignments,
    computed: cc.computed,
    jre: {
      name: `${d.name.text}.${r.name.text}`,
      priority: count - index,
      conditions,
      event: {
        type: d.name.text,
        params: { rule: r.name.text, cite: cites, otherwise: r.otherwise, ...(r.lets.length > 0 ? { let: lets } : {}), then: Object.fromEntries(assignments.map((a) => [a.output, a.text])) },
      },
    },
  };
}

/** The compiled program as JSON (`lcff compile --json`). */
export function programJson(p: Program): unknown {
  return {
    fiscal_year: formatFiscalYear(p.year),
    decisions: [...p.decisions.values()].map((d) => ({
      name: d.name,
      for: d.subject,
      mode: d.mode,
      cite: d.cites,
      rules: d.rules.map((r) => ({ ...r.jre, effective: r.effective, status: r.status, source: `${r.file}:${r.line}` })),
      not_in_force: d.notInForce,
    })),
    sets: [...p.lib.sets.values()].map(({ decl }) => ({ name: decl.name.text, of: decl.of.text, cite: decl.cites.map((c) => c.text), members: decl.members.map((m) => m.text) })),
    formulas: [...p.formulas.values()].map((f) => ({ name: f.name.text, cite: f.cites.map((c) => c.text), effective: f.effective ? formatRange(f.effective.years) : 'always' })),
  };
}
