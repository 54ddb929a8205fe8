/**
 * Random rule libraries for differential and formatter fuzzing: a world of
 * enums, one facts group, parameters, formulas and decisions (first and
 * collect, otherwise rules), with type-correct expressions over every
 * construct of the language (arithmetic with units, round, if, max/min,
 * is/in/present/missing, comparisons, and/or/not, parameters with and
 * without breakdowns, formula calls and formula wheres, named sets of enum members, rule lets
 * used in `when`, `then` and later lets). Optional facts are used only under a
 * presence guard, so every generated library checks clean. Names are drawn
 * from a pool that includes Object.prototype words (`constructor`,
 * `toString`, `__proto__` ...).
 *
 * Generation is imperative over fast-check's `fc.gen()`, so properties
 * shrink to small libraries. Random facts come with it: well-typed values,
 * missing optional facts, and sometimes a wrong value (text where a number is
 * declared, a float, a non-member, a missing required fact) are in rule-facts.ts.
 */
import fc from 'fast-check';

type G = fc.GeneratorValue;
export type Unit = 'Money' | 'Rate' | 'Percent' | 'ADA' | 'Count' | 'Number';
export type Ty = { k: 'num'; unit: Unit } | { k: 'bool' } | { k: 'text' } | { k: 'enum'; name: string } | { k: 'list'; of: string };

const UNITS: Unit[] = ['Money', 'Rate', 'Percent', 'ADA', 'Count', 'Number'];
export const PARAM_UNIT: Record<Unit, string> = { Money: 'USD', Rate: 'USD/ADA', Percent: 'percent', ADA: 'ADA', Count: 'count', Number: 'number' };
/** Names that are properties of every JS object: they must be ordinary names of the language. */
export const PROTO_WORDS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

export interface Field {
  path: string;
  ty: Ty;
  optional: boolean;
}
interface Param {
  name: string;
  unit: Unit;
  by?: string;
}
interface Formula {
  name: string;
  params: Array<{ name: string; ty: Ty }>;
  ret: Ty;
  body: string;
  /** `where name = value` after the body: each sees the inputs and the wheres above it; the body sees them all */
  wheres: Array<{ name: string; ty: Ty; value: string }>;
}
interface Rule {
  name: string;
  otherwise: boolean;
  lets: Array<{ name: string; ty: Ty; value: string }>;
  when?: string;
  then: Array<[string, string]>;
}
interface Decision {
  name: string;
  mode: 'first' | 'collect';
  outputs: Array<{ name: string; ty: Ty }>;
  rules: Rule[];
}

export interface World {
  enums: Array<{ name: string; members: string[] }>;
  /** named sets of members: `set name : of = [members]` */
  sets: Array<{ name: string; of: string; members: string[] }>;
  fields: Field[];
  params: Param[];
  formulas: Formula[];
  decisions: Decision[];
}

export const tyText = (t: Ty): string => (t.k === 'num' ? t.unit : t.k === 'bool' ? 'Bool' : t.k === 'text' ? 'Text' : t.k === 'enum' ? t.name : `list of ${t.of}`);
const same = (a: Ty, b: Ty): boolean => tyText(a) === tyText(b);

class Names {
  private readonly used = new Set<string>();
  private n = 0;
  constructor(private readonly g: G) {}
  /** A fresh name: sometimes a prototype word (when `lower`, only all-lowercase ones: parameter names). */
  next(prefix: string, lower = false): string {
    const words = PROTO_WORDS.filter((w) => !this.used.has(w) && (!lower || /^[a-z][a-z0-9_]*$/.test(w)));
    if (words.length > 0 && this.g(fc.integer, { min: 0, max: 5 }) === 0) {
      const w = words[this.g(fc.integer, { min: 0, max: words.length - 1 })];
      this.used.add(w);
      return w;
    }
    return `${prefix}${this.n++}`;
  }
}

interface Scope {
  /** optional fact paths known present */
  present: Set<string>;
  /** formula parameters in scope */
  locals?: Array<{ name: string; ty: Ty }>;
  /** formulas that may be called (the ones declared before, for formulas) */
  formulas: Formula[];
}

/** Type-directed expression generation. Every compound expression is parenthesised. */
class Exprs {
  constructor(
    private readonly g: G,
    private readonly w: World,
  ) {}

  private int(min: number, max: number): number {
    return this.g(fc.integer, { min, max });
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)];
  }

  /** Facts of a type usable here (required, or optional and known present). */
  private facts(ty: Ty, s: Scope): Field[] {
    return this.w.fields.filter((f) => same(f.ty, ty) && (!f.optional || s.present.has(f.path)));
  }
  private optionalsMissing(s: Scope): Field[] {
    return this.w.fields.filter((f) => f.optional && !s.present.has(f.path));
  }
  private leaves(ty: Ty, s: Scope): string[] {
    const out = this.facts(ty, s).map((f) => `s.${f.path}`);
    for (const l of s.locals ?? []) if (same(l.ty, ty)) out.push(l.name);
    if (ty.k === 'num') {
      for (const p of this.w.params) {
        if (p.unit !== ty.unit) continue;
        if (!p.by) out.push(p.name);
        else out.push(`${p.name}[${this.value({ k: 'enum', name: p.by }, s, 0)}]`);
      }
      const lit = literal(this.g, ty.unit);
      if (lit) out.push(lit);
    }
    if (ty.k === 'bool') out.push(this.pick(['true', 'false']));
    if (ty.k === 'text') out.push(JSON.stringify(this.pick(['', 'a', 'b c', 'x"y'])));
    if (ty.k === 'enum') out.push(this.pick(this.w.enums.find((e) => e.name === ty.name)!.members));
    if (ty.k === 'list') {
      const ms = this.w.enums.find((e) => e.name === ty.of)!.members;
      out.push(`[${ms.filter(() => this.int(0, 1) === 1).join(', ')}]`);
    }
    return out;
  }

  /** A value of type `ty`; depth bounds the nesting. */
  value(ty: Ty, s: Scope, depth: number): string {
    if (ty.k === 'bool') return this.cond(s, depth);
    const leaves = this.leaves(ty, s);
    if (depth <= 0 || this.int(0, 3) === 0) {
      if (leaves.length > 0) return this.pick(leaves);
      if (ty.k === 'num') return `(${this.value({ k: 'num', unit: ty.unit }, s, 1)})`;
    }
    const d = depth - 1;
    const opt = this.optionalsMissing(s);
    const choice = this.int(0, 9);
    if (choice === 0) return `(if ${this.cond(s, d)} then ${this.value(ty, s, d)} else ${this.value(ty, s, d)})`;
    if (choice === 1 && opt.length > 0) {
      // a guarded use of an optional fact
      const f = this.pick(opt);
      const inner: Scope = { ...s, present: new Set([...s.present, f.path]) };
      return this.int(0, 1) === 0
        ? `(if s.${f.path} is present then ${this.value(ty, inner, d)} else ${this.value(ty, s, d)})`
        : `(if s.${f.path} is missing then ${this.value(ty, s, d)} else ${this.value(ty, inner, d)})`;
    }
    if (choice === 2) {
      const calls = s.formulas.filter((f) => same(f.ret, ty));
      if (calls.length > 0) {
        const f = this.pick(calls);
        return `${f.name}(${f.params.map((p) => this.value(p.ty, s, d)).join(', ')})`;
      }
    }
    if (ty.k !== 'num') return leaves.length > 0 ? this.pick(leaves) : `(if ${this.cond(s, d)} then ${this.value(ty, s, d)} else ${this.value(ty, s, d)})`;
    return this.number(ty.unit, s, d);
  }

  private number(u: Unit, s: Scope, d: number): string {
    const v = (unit: Unit = u): string => this.value({ k: 'num', unit }, s, d);
    const options: Array<() => string> = [
      () => `(${v()} + ${v()})`,
      () => `(${v()} - ${v()})`,
      () => `(-${v()})`,
      () => `${this.pick(['max', 'min'])}(${v()}, ${v()})`,
      () => `round(${v()}) to ${this.pick(['dollar', 'cent', '0 places', '3 places'])}${this.pick(['', ' half up', ' half even', ' down', ' up'])}`,
      () => `(${v()} * ${v('Number')})`,
      () => `(${v('Number')} * ${v()})`,
    ];
    if (u !== 'Number' && u !== 'Percent') options.push(() => `(${v()} / ${v('Number')})`, () => `(${v()} * ${v('Percent')})`);
    if (u === 'Percent') options.push(() => `(${v('Percent')} / ${v('Number')})`, () => `(${v('Number')} / ${v('Number')})`, () => {
      const x = this.pick<Unit>(['Money', 'ADA', 'Count', 'Rate']);
      return `(${v(x)} / ${v(x)})`;
    });
    if (u === 'Money') options.push(() => `(${v('Rate')} * ${v('ADA')})`, () => `(${v('ADA')} * ${v('Rate')})`);
    if (u === 'Rate') options.push(() => `(${v('Money')} / ${v('ADA')})`);
    if (u === 'ADA') options.push(() => `(${v('Money')} / ${v('Rate')})`);
    return this.pick(options)();
  }

  /** A list of members of the enum of `ty`: a literal, or the name of a set of that enum. */
  private members(ty: Ty): string {
    const of = ty.k === 'enum' ? ty.name : ty.k === 'list' ? ty.of : '';
    const sets = this.w.sets.filter((x) => x.of === of);
    if (sets.length > 0 && this.int(0, 1) === 0) return this.pick(sets).name;
    const ms = this.w.enums.find((e) => e.name === of)!.members;
    return `[${ms.filter(() => this.int(0, 1) === 1).join(', ')}]`;
  }

  /** A condition. */
  cond(s: Scope, depth: number): string {
    const d = depth - 1;
    const opt = this.optionalsMissing(s);
    const enumFacts = this.w.fields.filter((f) => f.ty.k === 'enum' && (!f.optional || s.present.has(f.path)));
    const listFacts = this.w.fields.filter((f) => f.ty.k === 'list' && (!f.optional || s.present.has(f.path)));
    const all = this.w.fields;
    const options: Array<() => string> = [
      () => {
        const u = this.pick(UNITS);
        const num = (): string => this.value({ k: 'num', unit: u }, s, Math.max(0, d));
        const rhs = this.int(0, 2) === 0 ? (literal(this.g, 'Number') ?? '1') : num();
        return `(${num()} ${this.pick(['<', '<=', '>', '>=', '=', '!='])} ${rhs})`;
      },
      () => this.pick(this.leaves({ k: 'bool' }, s)),
      () => `(fiscal_year ${this.pick(['<', '<=', '>', '>=', '=', '!='])} ${this.pick(['2018-19', '2019-20', '2020-21'])})`,
    ];
    if (enumFacts.length > 0)
      options.push(() => {
        const f = this.pick(enumFacts);
        const ms = this.w.enums.find((e) => f.ty.k === 'enum' && e.name === f.ty.name)!.members;
        return this.int(0, 1) === 0 ? `(s.${f.path} is${this.pick(['', ' not'])} ${this.pick(ms)})` : `(s.${f.path}${this.pick(['', ' not'])} in ${this.members(f.ty)})`;
      });
    if (listFacts.length > 0)
      options.push(() => {
        const f = this.pick(listFacts);
        const ms = this.w.enums.find((e) => f.ty.k === 'list' && e.name === f.ty.of)!.members;
        void ms;
        return `(s.${f.path}${this.pick(['', ' not'])} in ${this.members(f.ty)})`;
      });
    if (all.length > 0) options.push(() => `(s.${this.pick(all).path} is ${this.pick(['present', 'missing'])})`);
    options.push(() => {
        const texts = this.facts({ k: 'text' }, s);
        return texts.length > 0 ? `(s.${this.pick(texts).path} is${this.pick(['', ' not'])} ${JSON.stringify(this.pick(['', 'a', 'b c']))})` : 'true';
      });
    if (depth > 0) {
      options.push(
        () => `(${this.cond(s, d)} ${this.pick(['and', 'or'])} ${this.cond(s, d)})`,
        () => `(not ${this.cond(s, d)})`,
        () => `(if ${this.cond(s, d)} then ${this.cond(s, d)} else ${this.cond(s, d)})`,
      );
      if (opt.length > 0)
        options.push(() => {
          const f = this.pick(opt);
          const inner: Scope = { ...s, present: new Set([...s.present, f.path]) };
          return this.int(0, 1) === 0 ? `(s.${f.path} is present and ${this.cond(inner, d)})` : `(s.${f.path} is missing or ${this.cond(inner, d)})`;
        });
    }
    return this.pick(options)();
  }
}

function literal(g: G, u: Unit): string | undefined {
  const n = g(fc.constantFrom, '0', '1', '2.5', '10', '1234.5', '0.001');
  if (u === 'Number') return n;
  if (u === 'Percent') return `${g(fc.constantFrom, '0', '5', '12.5', '100')}%`;
  if (u === 'Money') return `$${g(fc.constantFrom, '0', '12', '9,572.00', '1.5')}`;
  return undefined;
}

function randomTy(g: G, w: World): Ty {
  const k = g(fc.integer, { min: 0, max: 9 });
  if (k < 5) return { k: 'num', unit: UNITS[g(fc.integer, { min: 0, max: UNITS.length - 1 })] };
  if (k === 5) return { k: 'bool' };
  if (k === 6) return { k: 'text' };
  const e = w.enums[g(fc.integer, { min: 0, max: w.enums.length - 1 })];
  return k === 9 ? { k: 'list', of: e.name } : { k: 'enum', name: e.name };
}

/** A random world. */
export function genWorld(g: G): World {
  const names = new Names(g);
  const w: World = { enums: [], sets: [], fields: [], params: [], formulas: [], decisions: [] };
  const enumCount = g(fc.integer, { min: 1, max: 2 });
  for (let i = 0; i < enumCount; i++) w.enums.push({ name: names.next('e'), members: Array.from({ length: g(fc.integer, { min: 2, max: 3 }) }, () => names.next('m')) });
  // one required fact of every type, so every type has a leaf; then optional and nested extras
  const base: Ty[] = [...UNITS.map((u): Ty => ({ k: 'num', unit: u })), { k: 'bool' }, { k: 'text' }, ...w.enums.map((e): Ty => ({ k: 'enum', name: e.name })), { k: 'list', of: w.enums[0].name }];
  for (const ty of base) w.fields.push({ path: names.next('f'), ty, optional: false });
  const extra = g(fc.integer, { min: 1, max: 4 });
  for (let i = 0; i < extra; i++) {
    const nested = g(fc.boolean);
    w.fields.push({ path: nested ? `n${i}.${names.next('f')}` : names.next('f'), ty: randomTy(g, w), optional: g(fc.integer, { min: 0, max: 3 }) > 0 });
  }
  const paramCount = g(fc.integer, { min: 0, max: 3 });
  for (let i = 0; i < paramCount; i++) {
    const unit = UNITS[g(fc.integer, { min: 0, max: UNITS.length - 1 })];
    w.params.push({ name: names.next('p', true), unit, ...(g(fc.boolean) ? { by: w.enums[0].name } : {}) });
  }
  const setCount = g(fc.integer, { min: 0, max: 2 });
  for (let i = 0; i < setCount; i++) {
    const e = w.enums[g(fc.integer, { min: 0, max: w.enums.length - 1 })];
    w.sets.push({ name: names.next('set'), of: e.name, members: e.members.filter(() => g(fc.boolean)) });
  }
  const ex = new Exprs(g, w);
  const formulaCount = g(fc.integer, { min: 0, max: 2 });
  for (let i = 0; i < formulaCount; i++) {
    const params = Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, () => ({ name: names.next('x'), ty: randomTy(g, w) }));
    const ret = randomTy(g, w);
    const wheres: Formula['wheres'] = [];
    const whereCount = g(fc.integer, { min: 0, max: 2 });
    for (let k = 0; k < whereCount; k++) {
      const ty = randomTy(g, w);
      wheres.push({ name: names.next('wh'), ty, value: ex.value(ty, { present: new Set(), locals: [...params, ...wheres], formulas: [...w.formulas] }, 2) });
    }
    const body = ex.value(ret, { present: new Set(), locals: [...params, ...wheres], formulas: [...w.formulas] }, 3);
    const [[, used]] = useAll(wheres, [['body', body]], undefined);
    w.formulas.push({ name: names.next('fn'), params, ret, body: used, wheres });
  }
  const decisionCount = g(fc.integer, { min: 1, max: 2 });
  for (let i = 0; i < decisionCount; i++) {
    const mode = g(fc.boolean) ? 'first' : 'collect';
    const outputs = Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, () => ({ name: names.next('o'), ty: randomTy(g, w) }));
    const rules: Rule[] = [];
    const ruleCount = g(fc.integer, { min: 1, max: 4 });
    for (let r = 0; r < ruleCount; r++) {
      // lets are checked before the rule's condition: they see no presence guard of it, and each sees the lets above it
      const lets: Rule['lets'] = [];
      const letCount = g(fc.integer, { min: 0, max: 2 });
      for (let k = 0; k < letCount; k++) {
        const ty = randomTy(g, w);
        lets.push({ name: names.next('l'), ty, value: ex.value(ty, { present: new Set(), locals: [...lets], formulas: w.formulas }, 2) });
      }
      const present = new Set<string>();
      let when: string | undefined;
      const optional = w.fields.filter((f) => f.optional);
      if (optional.length > 0 && g(fc.integer, { min: 0, max: 2 }) === 0) {
        const f = optional[g(fc.integer, { min: 0, max: optional.length - 1 })];
        present.add(f.path);
        when = `s.${f.path} is present and ${ex.cond({ present, locals: lets, formulas: w.formulas }, 2)}`;
      } else if (g(fc.integer, { min: 0, max: 4 }) > 0) when = ex.cond({ present, locals: lets, formulas: w.formulas }, 3);
      const scope: Scope = { present, locals: lets, formulas: w.formulas };
      const then = outputs.map((o): [string, string] => [o.name, ex.value(o.ty, scope, 3)]);
      rules.push({ name: names.next('r'), otherwise: false, lets, when, then: useAll(lets, then, when) });
    }
    if (g(fc.boolean)) rules.push({ name: names.next('r'), otherwise: true, lets: [], then: outputs.map((o) => [o.name, ex.value(o.ty, { present: new Set(), formulas: w.formulas }, 3)]) });
    w.decisions.push({ name: names.next('d'), mode, outputs, rules });
  }
  return w;
}

/** Makes every let used: an unused one is tested `is present` (always true for a let) in a condition wrapped around the first output. */
function useAll(lets: Array<{ name: string; value: string }>, then: Array<[string, string]>, when: string | undefined): Array<[string, string]> {
  const text = [when ?? '', ...then.map(([, v]) => v), ...lets.map((l) => l.value)].join(' ');
  const unused = lets.filter((l) => !new RegExp(`(^|[^A-Za-z0-9_.])${l.name}($|[^A-Za-z0-9_])`).test(text));
  if (unused.length === 0 || then.length === 0) return then;
  const [first, ...rest] = then;
  const cond = unused.map((l) => `(${l.name} is present)`).join(' and ');
  return [[first[0], `(if ${cond} then ${first[1]} else ${first[1]})`], ...rest];
}

/** The rule file of a world. */
export function ruleText(w: World): string {
  const out: string[] = [];
  for (const e of w.enums) out.push(`enum ${e.name}\n${e.members.map((m) => `  ${m}\n`).join('')}end\n`);
  for (const x of w.sets) out.push(`set ${x.name} : ${x.of} = [${x.members.join(', ')}]\n`);
  out.push(`facts s\n${w.fields.map((f) => `  ${f.path} : ${tyText(f.ty)}${f.optional ? ' optional' : ''}\n`).join('')}end\n`);
  for (const f of w.formulas) out.push(`formula ${f.name}(${f.params.map((p) => `${p.name}: ${tyText(p.ty)}`).join(', ')}) : ${tyText(f.ret)}\n  cite "EC 2576"\n  effective 2019-20 onward\n  = ${f.body}\n${f.wheres.map((x) => `  where ${x.name} = ${x.value}\n`).join('')}`);
  for (const d of w.decisions) {
    const lines = [`decision ${d.name} for s${d.mode === 'collect' ? ' collect' : ''}`, '  cite "EC 2576"', ...d.outputs.map((o) => `  output ${o.name} : ${tyText(o.ty)}`)];
    for (const r of d.rules) {
      lines.push('', `  ${r.otherwise ? 'otherwise ' : ''}rule ${r.name}`, '    cite "EC 2576"', '    effective 2019-20 onward');
      for (const l of r.lets) lines.push(`    let ${l.name} = ${l.value}`);
      if (r.when) lines.push(`    when ${r.when}`);
      lines.push(`    then ${r.then.map(([o, v]) => `${o} = ${v}`).join(', ')}`);
    }
    out.push(`${lines.join('\n')}\nend\n`);
  }
  return out.join('\n');
}
