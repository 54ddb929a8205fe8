/**
 * The tests of membership and equality (`is`, `in`) of the kernel: enum
 * members compared as integers, `in` over members of one enum as a bit mask,
 * text against constant lists as a Set, the closures' `valuesEqual` and list
 * scan otherwise (same order: the list before the left side).
 */
import type { Expr } from '../../syntax/ast.js';
import type { Value } from '../values.js';
import { MAX_MASK_MEMBERS, type EnumIndex } from './facts.js';
import type { ExprEmitter, Scope } from './expr.js';

/** True when the expression's value is text, a truth value, an enum member or missing: equality is `===` on it. */
export function primitive(x: ExprEmitter, e: Expr): boolean {
  if (e.kind === 'text' || e.kind === 'bool') return true;
  if (e.kind === 'name') return x.lib.resolutions.get(e)?.kind === 'member';
  if (e.kind === 'fact') {
    const t = x.facts.info(e.group.text, e.path.map((p) => p.text).join('.'))?.type;
    return t !== undefined && ((t.k === 'scalar' && (t.name === 'Text' || t.name === 'Bool')) || t.k === 'enum');
  }
  return false;
}

/** An enum-valued operand as an index: a fact declared as the enum, or a member of it. */
function index(x: ExprEmitter, e: Expr, sc: Scope): { e: EnumIndex; code: string } | undefined {
  if (e.kind === 'fact') {
    const en = x.facts.enumOfFact(x.facts.info(e.group.text, e.path.map((p) => p.text).join('.')), 'i');
    return en ? { e: en, code: x.fact(e, sc, 'i') } : undefined;
  }
  if (e.kind === 'name') {
    const r = x.lib.resolutions.get(e);
    if (r?.kind !== 'member') return undefined;
    const en = x.facts.enumIndex(r.enumName);
    const i = en?.index.get(r.member);
    return en && i !== undefined ? { e: en, code: String(i) } : undefined;
  }
  return undefined;
}

export function emitIs(x: ExprEmitter, e: Extract<Expr, { kind: 'is' }>, sc: Scope): string {
  const li = index(x, e.left, sc);
  const ri = li ? index(x, e.right, sc) : undefined;
  const op = e.negated ? '!==' : '===';
  if (li && ri && li.e === ri.e) return `(${li.code} ${op} ${ri.code})`;
  const l = x.emit(e.left, sc);
  if (e.right.kind === 'list' && e.right.items.length === 0) return `(EMPTYLIST(${l}) ${op} true)`;
  const r = x.emit(e.right, sc);
  if (primitive(x, e.left) && primitive(x, e.right)) return `(${l} ${op} ${r})`;
  return `(EQ(${l}, ${r}) ${op} true)`;
}

/** Members of one enum written as a constant list or a named set, with that enum; else undefined. */
function memberList(x: ExprEmitter, list: Expr): { members: string[]; enumName?: string } | undefined {
  if (list.kind === 'name') {
    const r = x.lib.resolutions.get(list);
    if (r?.kind !== 'set') return undefined;
    return { members: r.members, enumName: x.lib.sets.get(r.name)?.decl.of.text };
  }
  if (list.kind !== 'list') return undefined;
  const members: string[] = [];
  let enumName: string | undefined;
  for (const item of list.items) {
    const r = item.kind === 'name' ? x.lib.resolutions.get(item) : undefined;
    if (r?.kind !== 'member' || (enumName !== undefined && enumName !== r.enumName)) return undefined;
    enumName = r.enumName;
    members.push(r.member);
  }
  return { members, enumName };
}

function maskOf(en: EnumIndex, members: string[]): number | undefined {
  if (en.size > MAX_MASK_MEMBERS) return undefined;
  let mask = 0;
  for (const m of members) {
    const i = en.index.get(m);
    if (i === undefined) return undefined;
    mask |= 1 << i;
  }
  return mask;
}

export function emitIn(x: ExprEmitter, e: Extract<Expr, { kind: 'in' }>, sc: Scope): string {
  const k = (v: unknown): string => x.m.k(v);
  const neg = e.negated ? '!==' : '===';
  const ml = memberList(x, e.list);
  if (ml && e.left.kind === 'fact') {
    const info = x.facts.info(e.left.group.text, e.left.path.map((p) => p.text).join('.'));
    const one = x.facts.enumOfFact(info, 'i');
    const many = x.facts.enumOfFact(info, 'm');
    const en = one ?? many;
    const mask = en && en.name === ml.enumName ? maskOf(en, ml.members) : undefined;
    if (en && mask !== undefined) {
      if (one) return `(((${mask} & (1 << ${x.fact(e.left, sc, 'i')})) !== 0) ${neg} true)`;
      return `(MASKHIT(${x.fact(e.left, sc, 'm')}, ${mask}) ${neg} true)`;
    }
  }
  const constant = constantList(x, e.list);
  if (constant && primitive(x, e.left)) return `(${k(new Set(constant))}.has(${x.emit(e.left, sc)}) ${neg} true)`;
  const list = x.emit(e.list, sc);
  const left = x.emit(e.left, sc);
  return `(${primitive(x, e.left) ? 'INS' : 'INL'}(${list}, ${left}, ${k(e)}) ${neg} true)`;
}

/** The values of a list of constants (text, truth values, members) or of a named set; else undefined. */
export function constantList(x: ExprEmitter, list: Expr): Value[] | undefined {
  if (list.kind === 'name') {
    const r = x.lib.resolutions.get(list);
    return r?.kind === 'set' ? r.members.slice() : undefined;
  }
  if (list.kind !== 'list') return undefined;
  const out: Value[] = [];
  for (const item of list.items) {
    if (item.kind === 'text') out.push(item.value);
    else if (item.kind === 'bool') out.push(item.value);
    else if (item.kind === 'name' && x.lib.resolutions.get(item)?.kind === 'member') out.push((x.lib.resolutions.get(item) as { member: string }).member);
    else return undefined;
  }
  return out;
}
