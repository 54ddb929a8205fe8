/**
 * What the kernel may compute once instead of per subject:
 *
 * - `memoKey`: a decision whose conditions read only facts with few values
 *   (truth values, enum members, lists of enum members tested with `in`,
 *   and presence) and constants, and no parameters or formulas, selects its
 *   rules as a function of those values. The kernel memoises the selection by
 *   them (funding_category: the school's kind and operator, the basis set,
 *   whether a charter and a residence are present). Outputs are still
 *   computed per subject.
 * - `factFree`: an output that reads no fact, local or let (parameters,
 *   constants and formulas of them) has one value in a fiscal year: the
 *   kernel computes the rule's firing once and replays its parameter reads.
 */
import { inRange } from '../../core/fiscal-year.js';
import type { Library } from '../../semantics/library.js';
import type { Expr, FormulaDecl, LetDecl } from '../../syntax/ast.js';
import type { CompiledDecision } from '../program.js';
import { MAX_MASK_MEMBERS, type Encoding, type FactReaders } from './facts.js';

/** The direct sub-expressions of an expression. */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'index':
      return [e.index];
    case 'call':
    case 'list':
      return e.kind === 'call' ? e.args : e.items;
    case 'unary':
      return [e.operand];
    case 'binary':
    case 'is':
      return [e.left, e.right];
    case 'in':
      return [e.left, e.list];
    case 'present':
      return [e.operand];
    case 'if':
      return [e.cond, e.then, e.else];
    case 'round':
      return typeof e.unit === 'object' && 'placesFrom' in e.unit ? [e.operand, e.unit.placesFrom] : [e.operand];
    default:
      return [];
  }
}

function formulaInForce(lib: Library, name: string, year: number): FormulaDecl | undefined {
  return (lib.formulas.get(name) ?? []).find((f) => inRange(year, f.decl.effective?.years ?? { from: 0 }))?.decl;
}

/** True when the expression reads no fact, formula parameter or let, itself or through the formulas it calls. */
export function factFree(lib: Library, year: number, e: Expr, seen = new Set<FormulaDecl>()): boolean {
  const todo: Expr[] = [e];
  while (todo.length > 0) {
    const x = todo.pop()!;
    if (x.kind === 'fact') return false;
    if (x.kind === 'name') {
      const r = lib.resolutions.get(x);
      if (!r || r.kind === 'local' || r.kind === 'let') return false;
    }
    if (x.kind === 'call' && lib.resolutions.get(x)?.kind !== 'builtin') {
      const f = formulaInForce(lib, x.callee.text, year);
      if (f && !seen.has(f)) {
        seen.add(f);
        todo.push(f.body);
      }
    }
    todo.push(...children(x));
  }
  return true;
}

export interface KeyFact {
  group: string;
  path: string;
  enc: Encoding;
  states: number;
}

/** The largest product of key states: keys stay exact integers of a double. */
const MAX_KEY_STATES = 2 ** 52;
/** Collect-mode selections are bit masks of rule indices. */
const MAX_COLLECT_RULES = 30;

/** The facts a decision's selection depends on, with their encodings; undefined when the selection cannot be memoised. */
export function memoKey(lib: Library, readers: FactReaders, d: CompiledDecision): KeyFact[] | undefined {
  if (d.mode === 'collect' && d.rules.length > MAX_COLLECT_RULES) return undefined;
  if (!d.rules.some((r) => r.when)) return undefined;
  const uses = new Map<string, { group: string; path: string; enc: Set<Encoding> }>();
  const seenLets = new Set<LetDecl>();
  const use = (f: Extract<Expr, { kind: 'fact' }>, enc: Encoding): boolean => {
    const group = f.group.text;
    const path = f.path.map((p) => p.text).join('.');
    const info = readers.info(group, path);
    if (!info) return false;
    if (enc === 'bool' && !(info.type.k === 'scalar' && info.type.name === 'Bool')) return false;
    if (enc === 'enum' && !readers.enumOfFact(info, 'i')) return false;
    if (enc === 'mask' && !readers.enumOfFact(info, 'm')) return false;
    const key = `${group}\u0000${path}`;
    const u = uses.get(key) ?? { group, path, enc: new Set<Encoding>() };
    u.enc.add(enc);
    uses.set(key, u);
    return true;
  };
  const memberList = (l: Expr): boolean => {
    if (l.kind === 'name') return lib.resolutions.get(l)?.kind === 'set';
    return l.kind === 'list' && l.items.every((i) => i.kind === 'name' && lib.resolutions.get(i)?.kind === 'member');
  };
  const ok = (e: Expr): boolean => {
    switch (e.kind) {
      case 'bool':
      case 'text':
        return true;
      case 'name': {
        const r = lib.resolutions.get(e);
        if (r?.kind === 'member' || r?.kind === 'set' || r?.kind === 'fiscal_year') return true;
        if (r?.kind !== 'let') return false;
        if (seenLets.has(r.decl)) return true;
        seenLets.add(r.decl);
        return ok(r.decl.value);
      }
      case 'fact': {
        const t = readers.info(e.group.text, e.path.map((p) => p.text).join('.'))?.type;
        return t?.k === 'enum' ? use(e, 'enum') : use(e, 'bool');
      }
      case 'unary':
        return e.op === 'not' && ok(e.operand);
      case 'binary':
        return ['and', 'or', '=', '!='].includes(e.op) && ok(e.left) && ok(e.right);
      case 'is':
        return ok(e.left) && ok(e.right);
      case 'in': {
        if (!memberList(e.list)) return false;
        if (e.left.kind !== 'fact') return ok(e.left);
        const t = readers.info(e.left.group.text, e.left.path.map((p) => p.text).join('.'))?.type;
        return t?.k === 'list' ? use(e.left, 'mask') : ok(e.left);
      }
      case 'present':
        return e.operand.kind === 'fact' ? use(e.operand, 'presence') : ok(e.operand);
      case 'if':
        return ok(e.cond) && ok(e.then) && ok(e.else);
      default:
        return false;
    }
  };
  for (const r of d.rules) if (r.when && !ok(r.when)) return undefined;
  const out: KeyFact[] = [];
  let product = 1;
  for (const u of uses.values()) {
    const info = readers.info(u.group, u.path)!;
    const enc: Encoding = u.enc.has('mask') ? 'mask' : u.enc.has('enum') ? 'enum' : u.enc.has('bool') ? 'bool' : 'presence';
    if (u.enc.size > 1 && !(u.enc.size === 2 && u.enc.has('presence'))) return undefined;
    const states = enc === 'presence' ? 2 : enc === 'bool' ? 3 : enc === 'enum' ? readers.enumOfFact(info, 'i')!.size + 1 : 2 ** readers.enumOfFact(info, 'm')!.size + 1;
    product *= states;
    if (product > MAX_KEY_STATES) return undefined;
    out.push({ group: u.group, path: u.path, enc, states });
  }
  return out;
}

export { MAX_MASK_MEMBERS };
