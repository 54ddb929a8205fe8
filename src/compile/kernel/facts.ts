/**
 * Fact readers of the kernel: one generated function per fact and
 * representation, with the path walked by constant property names (own
 * properties only) and the value checked against its declaration exactly as
 * compile/facts.ts does (the same errors, built by the same functions).
 *
 * Representations: `v` the value itself; `i` an enum member as its index in
 * the enum (-1 when an optional fact is missing); `m` a list of enum members
 * as a bit mask (enums of at most 30 members; -1 when missing). Probes for
 * memo keys (`p…`) never throw: they return -2 where a read would fail, so
 * the caller falls back to the direct code, which fails in the reference order.
 */
import { conformer, factReader } from '../facts.js';
import type { FactInfo, Library } from '../../semantics/library.js';
import { str, type Module } from './module.js';

export type Repr = 'v' | 'i' | 'm';
/** Key encodings: presence (0 missing, 1 present), bool (0 missing, 1 false, 2 true), enum (0 missing, 1 + index), mask (0 missing, 1 + mask). */
export type Encoding = 'presence' | 'bool' | 'enum' | 'mask';
/** Probes: `enum` and `mask` return their key code (so the cache of the `i`/`m` read is the code - 1), `value` returns the value read; -2 or U where a read would fail. */
export type Probe = 'enum' | 'mask' | 'value';

export interface EnumIndex {
  name: string;
  index: Map<string, number>;
  size: number;
}

export const MAX_MASK_MEMBERS = 30;

/**
 * `target = target[part]` if it is an object with an own property `part`,
 * else undefined (the closures' reader). A plain or prototype-less object
 * cannot inherit a name that Object.prototype lacks, so for such a name and
 * such an object the property is read without asking hasOwn (the costly part
 * of a read); any other object, or a name of Object.prototype, asks it.
 *
 * The property is loaded before the prototype is asked: the load checks the
 * object's hidden class, after which the optimiser knows the prototype and
 * folds the test away (measured: a quarter of a decision's time). A value an
 * object inherits from another prototype is loaded and dropped, never used.
 */
export function ownRead(target: string, part: string): string {
  const k = str(part);
  if (part in Object.prototype) return `if (${target} === null || typeof ${target} !== 'object' || !hasOwn(${target}, ${k})) ${target} = undefined; else ${target} = ${target}[${k}];`;
  return `if (${target} === null || typeof ${target} !== 'object') ${target} = undefined; else { const x = ${target}[${k}]; const p = PROTO(${target}); ${target} = p === OBJECT || p === null || hasOwn(${target}, ${k}) ? x : undefined; }`;
}

/**
 * `facts[group]` if `facts` has it as an own property, else undefined (the
 * closures' group read, `hasOwn(facts, group) ? facts[group] : undefined`,
 * which throws for null or undefined facts): as ownRead, loaded first.
 */
export function groupRead(target: string, facts: string, group: string): string {
  const k = str(group);
  if (group in Object.prototype) return `${target} = hasOwn(${facts}, ${k}) ? ${facts}[${k}] : undefined;`;
  return `if (${facts} === null || ${facts} === undefined) ${target} = hasOwn(${facts}, ${k}); else { const x = ${facts}[${k}]; const p = PROTO(${facts}); ${target} = p === OBJECT || p === null || hasOwn(${facts}, ${k}) ? x : undefined; }`;
}

export class FactReaders {
  private readonly fns = new Map<string, string>();
  private readonly enums = new Map<string, EnumIndex | undefined>();

  constructor(
    private readonly m: Module,
    private readonly lib: Library,
  ) {}

  info(group: string, path: string): FactInfo | undefined {
    return this.lib.factGroups.get(group)?.get(path);
  }

  /** The members of an enum by index (first declaration of a member wins). */
  enumIndex(name: string): EnumIndex | undefined {
    if (this.enums.has(name)) return this.enums.get(name);
    const decl = this.lib.enums.get(name)?.decl;
    let e: EnumIndex | undefined;
    if (decl) {
      const index = new Map<string, number>();
      for (const m of decl.members) if (!index.has(m.name.text)) index.set(m.name.text, index.size);
      e = { name, index, size: index.size };
    }
    this.enums.set(name, e);
    return e;
  }

  /** The enum of a fact declared as a member of an enum (repr `i`), or as a list of them (repr `m`). */
  enumOfFact(info: FactInfo | undefined, repr: 'i' | 'm'): EnumIndex | undefined {
    if (!info) return undefined;
    const t = info.type;
    if (repr === 'i' && t.k === 'enum') return this.enumIndex(t.name);
    if (repr === 'm' && t.k === 'list' && t.element.k === 'enum') {
      const e = this.enumIndex(t.element.name);
      return e && e.size <= MAX_MASK_MEMBERS ? e : undefined;
    }
    return undefined;
  }

  /** The name of the reader function of a fact in a representation. */
  reader(group: string, path: string, repr: Repr): string {
    return this.fn(`${repr}\u0000${group}\u0000${path}`, () => this.readerSource(group, path, repr));
  }

  /** The name of the probe function of a fact. */
  probe(group: string, path: string, enc: Probe): string {
    return this.fn(`p${enc}\u0000${group}\u0000${path}`, () => this.probeSource(group, path, enc));
  }

  private fn(key: string, source: () => (name: string) => string): string {
    let name = this.fns.get(key);
    if (!name) {
      name = this.m.id('r');
      this.fns.set(key, name);
      this.m.add(source()(name));
    }
    return name;
  }

  /**
   * The function giving a value's index in an enum, or -1 when it is not a
   * member: a property of a prototype-less table of the members (own
   * properties only, so no other name answers). Looking a text up as a
   * property key compares it once with the engine's table of known names,
   * where comparing it with each member's literal (`v === "member"`) asks
   * the runtime for every text cut out of a larger one (a CSV cell, a YAML
   * scalar): measured, the lookup costs a fifth of the comparisons.
   */
  private indexFn(e: EnumIndex): string {
    return this.fn(`index\u0000${e.name}`, () => {
      const table = Object.create(null) as Record<string, number>;
      for (const [member, i] of e.index) Object.defineProperty(table, member, { value: i, enumerable: true });
      const t = this.m.k(Object.freeze(table));
      return (name) => `function ${name}(v) { if (typeof v !== 'string') return -1; const i = ${t}[v]; return i === undefined ? -1 : i; }`;
    });
  }

  private walk(path: string): string {
    let code = 'let v = g;';
    for (const part of path.split('.')) code += ` ${ownRead('v', part)}`;
    return `${code} const none = v === undefined || v === null || v === '';`;
  }

  private readerSource(group: string, path: string, repr: Repr): (name: string) => string {
    const info = this.info(group, path);
    if (!info) {
      // not declared (the checker reports it): the closures' reader throws its error
      const k = this.m.k(factReader(this.lib, group, path));
      return (name) => `const ${name} = ${k};`;
    }
    const ki = this.m.k(info);
    const missing = (value: string): string => (info.field.optional ? `return ${value};` : `throw MISSING(${ki});`);
    if (repr !== 'v') {
      const idx = this.indexFn(this.enumOfFact(info, repr)!);
      if (repr === 'i') return (name) => `function ${name}(g) { ${this.walk(path)} if (none) ${missing('-1')} const i = ${idx}(v); if (i < 0) throw BAD(${ki}, v); return i; }`;
      return (name) => `function ${name}(g) { ${this.walk(path)} if (none) ${missing('-1')} if (!Array.isArray(v)) throw BAD(${ki}, v); let m = 0; for (let j = 0; j < v.length; j++) { const x = v[j]; if (x === undefined && !(j in v)) continue; const i = ${idx}(x); if (i < 0) throw BAD(${ki}, v); m |= 1 << i; } return m; }`;
    }
    const check = this.check(info);
    return (name) => `function ${name}(g) { ${this.walk(path)} if (none) ${missing('undefined')} if (!(${check})) throw BAD(${ki}, v); return v; }`;
  }

  /** The conformance test of `v` (not missing) against the fact's declared type: inline for the common types, else the shared conformer. */
  private check(info: FactInfo): string {
    const t = info.type;
    if (t.k === 'scalar' && t.name === 'Bool') return `typeof v === 'boolean'`;
    if (t.k === 'scalar' && t.name === 'Text') return `typeof v === 'string'`;
    if (t.k === 'enum') {
      const e = this.enumIndex(t.name);
      if (e) return `${this.indexFn(e)}(v) >= 0`;
    }
    if (t.k === 'list' && t.element.k === 'scalar' && (t.element.name === 'Text' || t.element.name === 'Bool')) {
      // every element present (not missing) and of the type; holes are skipped, as Array.prototype.every skips them
      return `${t.element.name === 'Text' ? 'LISTTEXT' : 'LISTBOOL'}(v)`;
    }
    return `${this.m.k(conformer(this.lib, t))}(v)`;
  }

  private probeSource(group: string, path: string, enc: Probe): (name: string) => string {
    const info = this.info(group, path)!;
    const missing = info.field.optional ? 'return 0;' : 'return -2;';
    const head = `${this.walk(path)} if (none) ${missing}`;
    switch (enc) {
      case 'value':
        return (name) => `function ${name}(g) { ${this.walk(path)} if (none) ${info.field.optional ? 'return undefined;' : 'return U;'} return ${this.check(info)} ? v : U; }`;
      case 'enum': {
        const idx = this.indexFn(this.enumOfFact(info, 'i')!);
        return (name) => `function ${name}(g) { ${head} const i = ${idx}(v); return i < 0 ? -2 : i + 1; }`;
      }
      case 'mask': {
        const idx = this.indexFn(this.enumOfFact(info, 'm')!);
        return (name) => `function ${name}(g) { ${head} if (!Array.isArray(v)) return -2; let m = 0; for (let j = 0; j < v.length; j++) { const x = v[j]; if (x === undefined && !(j in v)) continue; const i = ${idx}(x); if (i < 0) return -2; m |= 1 << i; } return m + 1; }`;
      }
    }
  }
}
