/**
 * Expressions → JavaScript expressions, with the closures' semantics
 * (compile/expr-closure.ts): the same evaluation order, short-circuits, type
 * checks and errors. What the kernel does differently is resolved at compile
 * time: parameter values and their read records (the fiscal year is fixed),
 * the formula version in force, constant lists and sets (built once, frozen),
 * enum members as integers and `in` over members as bit masks, fact reads
 * cached for one evaluation of a decision.
 */
import { inRange } from '../../core/fiscal-year.js';
import type { Library } from '../../semantics/library.js';
import type { Expr, FormulaDecl, LetDecl } from '../../syntax/ast.js';
import { paramReadOf, paramValue, type ParamRead } from '../expr-closure.js';
import { literalDec } from '../values.js';
import { EvalError } from '../eval-error.js';
import type { Dec } from '../../runtime/money.js';
import { FactReaders, type Repr } from './facts.js';
import { constantList, emitIn, emitIs, primitive } from './membership.js';
import { FnState, str, type Module } from './module.js';

/**
 * The per-evaluation state of one decision: local variables of its generated
 * function (a module-level variable written with each subject's fresh
 * objects costs a write barrier per store, and keeps them alive).
 */
export interface DecisionState {
  /** group → local variable holding the group's object for this evaluation */
  groups: Map<string, string>;
  /** fact and representation → local cache variable */
  caches: Map<string, string>;
  /** the local declarations (`c4 = U`, `g5`), in order of first use */
  locals: string[];
  /** a rule's let → its local variable and the function nested in the decision's that computes it */
  lets: Map<LetDecl, { v: string; fn: string }>;
  /** the nested let functions (they read the decision's locals) */
  inner: string[];
  /** output names (JSON) → outputs constructor */
  shapes: Map<string, string>;
}

export interface Scope {
  fn: FnState;
  decision?: DecisionState;
  /** formula parameters → JS parameter names */
  locals?: Map<string, string>;
  /** the formula's `where` names → their per-call variable and the function inside the formula that computes it */
  wheres?: Map<LetDecl, { v: string; fn: string }>;
}

type Binary = Extract<Expr, { kind: 'binary' }>;

export class ExprEmitter {
  readonly facts: FactReaders;
  /** Set once a formula reads a fact (through GRP, from FACTS): every decision assembled after sets FACTS at entry. A formula a decision calls is emitted before the decision is assembled. */
  factsInFormulas = false;
  private readonly formulas = new Map<FormulaDecl, string>();

  constructor(
    readonly m: Module,
    readonly lib: Library,
    readonly year: number,
  ) {
    this.facts = new FactReaders(m, lib);
  }

  emit(e: Expr, sc: Scope): string {
    const k = (v: unknown): string => this.m.k(v);
    switch (e.kind) {
      case 'number':
      case 'percent':
      case 'money':
        return k(literalDec(e.kind, e.text));
      case 'text':
        return str(e.value);
      case 'bool':
        return e.value ? 'true' : 'false';
      case 'year':
        return k(Object.freeze({ fy: e.year }));
      case 'fact':
        return this.fact(e, sc, 'v');
      case 'name':
        return this.name(e, sc);
      case 'index': {
        const index = this.emit(e.index, sc);
        return `IXP(${k(this.indexed(e.target.text, e))}, String(${index}))`;
      }
      case 'call':
        return this.call(e, sc);
      case 'list': {
        const c = constantList(this, e);
        if (c) return k(Object.freeze(c.slice()));
        return `[${e.items.map((i) => this.emit(i, sc)).join(', ')}]`;
      }
      case 'unary':
        return e.op === 'not' ? `!B(${this.emit(e.operand, sc)}, ${k(e)})` : `D(${this.emit(e.operand, sc)}, ${k(e)}).negated()`;
      case 'binary':
        return this.chain(e, sc);
      case 'is':
        return emitIs(this, e, sc);
      case 'in':
        return emitIn(this, e, sc);
      case 'present':
        return `(${this.emit(e.operand, sc)} ${e.negated ? '===' : '!=='} undefined)`;
      case 'if':
        return `(B(${this.emit(e.cond, sc)}, ${k(e.cond)}) ? ${this.emit(e.then, sc)} : ${this.emit(e.else, sc)})`;
      case 'round': {
        const mode = e.mode === undefined ? 'undefined' : str(e.mode);
        const unit = e.unit;
        if (typeof unit === 'object' && 'placesFrom' in unit) return `ROUNDP(PLACES(${this.emit(unit.placesFrom, sc)}, ${k(unit.placesFrom)}), D(${this.emit(e.operand, sc)}, ${k(e.operand)}), ${mode})`;
        return `ROUND(D(${this.emit(e.operand, sc)}, ${k(e.operand)}), ${k(unit)}, ${mode})`;
      }
    }
  }

  /** A fact read in a representation: cached for the evaluation inside a decision, read directly inside a formula. */
  fact(e: Extract<Expr, { kind: 'fact' }>, sc: Scope, repr: Repr): string {
    const group = e.group.text;
    const path = e.path.map((p) => p.text).join('.');
    const reader = this.facts.reader(group, path, repr);
    const d = sc.decision;
    if (!d) {
      this.factsInFormulas = true;
      return `${reader}(GRP(${str(group)}))`;
    }
    const c = this.cacheVar(d, group, path, repr);
    const unset = repr === 'v' ? 'U' : '-3';
    return `(${c} !== ${unset} ? ${c} : (${c} = ${reader}(${this.groupVar(d, group)})))`;
  }

  /** The local variable caching a fact read in a representation for one evaluation (unset: U for values, -3 for indexes and masks). */
  cacheVar(d: DecisionState, group: string, path: string, repr: Repr): string {
    const key = `${repr}\u0000${group}\u0000${path}`;
    let c = d.caches.get(key);
    if (!c) {
      c = this.m.id('c');
      d.caches.set(key, c);
      d.locals.push(`${c} = ${repr === 'v' ? 'U' : '-3'}`);
    }
    return c;
  }

  /** The local variable holding a group's object for one evaluation (set at the decision's entry). */
  groupVar(d: DecisionState, group: string): string {
    let g = d.groups.get(group);
    if (!g) {
      g = this.m.id('g');
      d.locals.push(g);
      d.groups.set(group, g);
    }
    return g;
  }

  private name(e: Extract<Expr, { kind: 'name' }>, sc: Scope): string {
    const r = this.lib.resolutions.get(e);
    const k = (v: unknown): string => this.m.k(v);
    if (!r) return `THROW(${k(() => { throw new EvalError(`unresolved name ${e.name.text}`, e); })})`;
    switch (r.kind) {
      case 'local':
        return sc.locals?.get(r.name) ?? 'undefined';
      case 'let':
        return this.let(r.decl, sc);
      case 'set':
        return k(Object.freeze(r.members.slice()));
      case 'member':
        return str(r.member);
      case 'fiscal_year':
        return k(Object.freeze({ fy: this.year }));
      case 'param':
        return this.param(r.name, e);
      default:
        return `THROW(${k(() => { throw new EvalError(`cannot evaluate ${e.name.text}`, e); })})`;
    }
  }

  /** A parameter without a breakdown: its value and read record, resolved now; or the error, thrown when (and only if) it is read. */
  private param(name: string, e: Expr): string {
    const rv = this.lib.params.valueInForce(name, this.year);
    let value: Dec;
    try {
      value = paramValue(rv, name, undefined, e);
    } catch {
      return `THROW(${this.m.k(() => paramValue(rv, name, undefined, e))})`;
    }
    return `(READ(${this.m.k(Object.freeze(paramReadOf(rv!, name, undefined, value)))}), ${this.m.k(value)})`;
  }

  /** A parameter read by breakdown member: a lookup by member, each member's value and record built once. */
  private indexed(name: string, e: Expr): { get(member: string): { read: ParamRead; value: Dec } } {
    const rv = this.lib.params.valueInForce(name, this.year);
    const byMember = new Map<string, { read: ParamRead; value: Dec }>();
    return {
      get(member: string) {
        let hit = byMember.get(member);
        if (!hit) {
          const value = paramValue(rv, name, member, e);
          hit = { read: Object.freeze(paramReadOf(rv!, name, member, value)), value };
          byMember.set(member, hit);
        }
        return hit;
      },
    };
  }

  /** A rule's let: computed at most once per evaluation of the decision, when first used, by a function nested in the decision's (it reads the decision's locals). */
  private let(decl: LetDecl, sc: Scope): string {
    // a formula's `where`: computed at most once per call of the formula, when first used (as callFormula's fresh lets)
    const w = sc.wheres?.get(decl);
    if (w) return `(${w.v} !== U ? ${w.v} : (${w.v} = ${w.fn}()))`;
    const d = sc.decision;
    if (!d) return 'undefined';
    let l = d.lets.get(decl);
    if (!l) {
      l = { v: this.m.id('L'), fn: this.m.id('f') };
      d.lets.set(decl, l);
      d.locals.push(`${l.v} = U`);
      const inner: Scope = { fn: new FnState(), decision: d };
      const body = this.emit(decl.value, inner);
      d.inner.push(`function ${l.fn}() { ${inner.fn.declarations()} return ${body}; }`);
    }
    return `(${l.v} !== U ? ${l.v} : (${l.v} = ${l.fn}()))`;
  }

  private call(e: Extract<Expr, { kind: 'call' }>, sc: Scope): string {
    const k = (v: unknown): string => this.m.k(v);
    const r = this.lib.resolutions.get(e);
    if (r?.kind === 'builtin') {
      const [a, b] = e.args;
      return `${r.name === 'max' ? 'MAX' : 'MIN'}(D(${this.emit(a, sc)}, ${k(a)}), D(${this.emit(b, sc)}, ${k(b)}))`;
    }
    const args = e.args.map((a) => this.emit(a, sc));
    const v = (this.lib.formulas.get(e.callee.text) ?? []).find((f) => inRange(this.year, f.decl.effective?.years ?? { from: 0 }));
    if (!v) return `NOFORMULA(${str(e.callee.text)}, ${k(e)}${args.map((a) => `, ${a}`).join('')})`;
    return `${this.formula(v.decl)}(${args.join(', ')})`;
  }

  /** One function per formula version in force; it records its call like callFormula. */
  private formula(decl: FormulaDecl): string {
    let name = this.formulas.get(decl);
    if (name) return name;
    name = this.m.id('F');
    this.formulas.set(decl, name);
    const locals = new Map<string, string>();
    const params = decl.params.map((_, i) => `a${i}`);
    decl.params.forEach((p, i) => locals.set(p.name.text, `a${i}`));
    const wheres = new Map<LetDecl, { v: string; fn: string }>();
    decl.lets.forEach((l, i) => wheres.set(l, { v: `w${i}`, fn: `wf${i}` }));
    const sc: Scope = { fn: new FnState(), locals, wheres };
    // each where is a function nested in the formula's (it reads the parameters and earlier wheres), its variable reset on every call
    const whereFns = decl.lets.map((l, i) => {
      const inner: Scope = { fn: new FnState(), locals, wheres };
      const value = this.emit(l.value, inner);
      return `function wf${i}() { ${inner.fn.declarations()} return ${value}; }`;
    });
    const body = this.emit(decl.body, sc);
    const whereVars = decl.lets.length > 0 ? `var ${decl.lets.map((_, i) => `w${i} = U`).join(', ')}; ${whereFns.join(' ')}` : '';
    this.m.add(`function ${name}(${params.join(', ')}) { CALL(${str(decl.name.text)}); ${whereVars} ${sc.fn.declarations()} return ${body}; }`);
    return name;
  }

  /** The left spine of a binary chain as one flat sequence over a temporary: no nesting proportional to its length. */
  private chain(top: Binary, sc: Scope): string {
    const spine: Binary[] = [];
    let cur: Expr = top;
    while (cur.kind === 'binary') {
      spine.push(cur);
      cur = cur.left;
    }
    spine.reverse();
    const t = sc.fn.acquire();
    const parts = [`${t} = ${this.emit(cur, sc)}`];
    for (const b of spine) parts.push(`${t} = ${this.step(b, t, sc)}`);
    sc.fn.release();
    return `(${parts.join(', ')}, ${t})`;
  }

  private step(e: Binary, l: string, sc: Scope): string {
    const k = (v: unknown): string => this.m.k(v);
    const r = this.emit(e.right, sc);
    switch (e.op) {
      case 'and':
        return `${this.truth(e.left, l)} && ${this.truth(e.right, r)}`;
      case 'or':
        return `${this.truth(e.left, l)} || ${this.truth(e.right, r)}`;
      case '+':
        return `D(${l}, ${k(e.left)}).plus(D(${r}, ${k(e.right)}))`;
      case '-':
        return `D(${l}, ${k(e.left)}).minus(D(${r}, ${k(e.right)}))`;
      case '*':
        return `D(${l}, ${k(e.left)}).times(D(${r}, ${k(e.right)}))`;
      case '/':
        return `DIV(D(${l}, ${k(e.left)}), D(${r}, ${k(e.right)}), ${k(e)})`;
      case '=':
      case '!=': {
        const prim = primitive(this, e.left) && primitive(this, e.right);
        const eq = prim ? `${l} === ${r}` : `EQ(${l}, ${r})`;
        return e.op === '=' ? eq : prim ? `${l} !== ${r}` : `!${eq}`;
      }
      default:
        return `ORD(${l}, ${r}, ${str(e.op)}, ${k(e)})`;
    }
  }

  /** The code of an operand that must be true or false: checked, unless the expression always gives a truth value. */
  private truth(e: Expr, code: string): string {
    const always = e.kind === 'bool' || e.kind === 'is' || e.kind === 'in' || e.kind === 'present' || (e.kind === 'unary' && e.op === 'not') || (e.kind === 'binary' && !['+', '-', '*', '/'].includes(e.op));
    return always ? code : `B(${code}, ${this.m.k(e)})`;
  }
}
