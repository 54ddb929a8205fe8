/**
 * The parameter file and random facts of a generated world (rule-gen.ts):
 * well-typed values, missing optional facts, and one fact set in four with a
 * broken fact (absent, text where a number is declared, a float, a
 * non-member, a fractional Count).
 */
import fc from 'fast-check';
import { Dec } from '../../src/runtime/money.js';
import { PARAM_UNIT, type Ty, type Unit, type World } from './rule-gen.js';

type G = fc.GeneratorValue;

/** The parameter file of a world (every value 2019-20, confirmed). */
export function paramText(w: World, g: G): string {
  const value = (u: Unit): string => {
    if (u === 'Percent') return `${g(fc.constantFrom, '0', '5', '12.5')}%`;
    if (u === 'Count') return g(fc.constantFrom, '0', '2', '7');
    return g(fc.constantFrom, '0', '1', '2.25', '9572');
  };
  return w.params
    .map((p) => {
      const v = p.by ? `{ ${w.enums.find((e) => e.name === p.by)!.members.map((m) => `${m}: "${value(p.unit)}"`).join(', ')} }` : `"${value(p.unit)}"`;
      return `${p.name}:\n  description: test\n  unit: ${PARAM_UNIT[p.unit]}\n  cite: EC 2576\n  status: confirmed\n${p.by ? `  by: ${p.by}\n` : ''}  values:\n    2019-20: ${v}\n`;
    })
    .join('');
}

/** A value of a type for a fact. */
function factValue(g: G, w: World, ty: Ty): unknown {
  switch (ty.k) {
    case 'num': {
      const t = ty.unit === 'Count' ? g(fc.constantFrom, '0', '1', '3', '-2') : g(fc.constantFrom, '0', '1', '0.5', '2.25', '-3', '100');
      return new Dec(t);
    }
    case 'bool':
      return g(fc.boolean);
    case 'text':
      return g(fc.constantFrom, 'a', 'b c', 'x"y', 'z');
    case 'enum':
      return g(fc.constantFrom, ...w.enums.find((e) => e.name === ty.name)!.members);
    case 'list': {
      const ms = w.enums.find((e) => e.name === ty.of)!.members;
      return ms.filter(() => g(fc.boolean));
    }
  }
}

/** A value that breaks the declaration of a fact. */
function wrongValue(g: G, ty: Ty): unknown {
  if (ty.k === 'num') return g(fc.constantFrom, 'abc', '12', 1.5, true, ty.unit === 'Count' ? new Dec('0.5') : 'x');
  if (ty.k === 'bool') return g(fc.constantFrom, 'true', 1, new Dec(1));
  if (ty.k === 'text') return g(fc.constantFrom, 3, new Dec(2), false);
  if (ty.k === 'enum') return g(fc.constantFrom, 'not_a_member', 'constructor', 7);
  return g(fc.constantFrom, 'x', ['not_a_member'], [undefined]);
}

/** Sets a dotted path as own data properties (so `__proto__` is a key, not the prototype). */
function setPath(obj: Record<string, unknown>, path: string, v: unknown): void {
  const parts = path.split('.');
  let cur = obj;
  for (const p of parts.slice(0, -1)) {
    if (!Object.hasOwn(cur, p)) Object.defineProperty(cur, p, { value: {}, enumerable: true, writable: true, configurable: true });
    cur = cur[p] as Record<string, unknown>;
  }
  Object.defineProperty(cur, parts[parts.length - 1], { value: v, enumerable: true, writable: true, configurable: true });
}

/** Random facts for the world's group `s`: well typed, optional facts often missing; one set in four breaks one fact (absent, or a wrong value). */
export function genFacts(g: G, w: World): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  const broken = g(fc.integer, { min: 0, max: 3 }) === 0 ? g(fc.integer, { min: 0, max: w.fields.length - 1 }) : -1;
  w.fields.forEach((f, i) => {
    if (i === broken) {
      if (g(fc.boolean)) setPath(s, f.path, wrongValue(g, f.ty));
    } else if (f.optional && g(fc.integer, { min: 0, max: 2 }) === 0) {
      const absent = g(fc.constantFrom, undefined, null, '');
      if (absent !== undefined) setPath(s, f.path, absent);
    } else setPath(s, f.path, factValue(g, w, f.ty));
  });
  return { s };
}
