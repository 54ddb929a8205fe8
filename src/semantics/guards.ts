/**
 * Presence guards of optional facts (LCFF-E037). An optional fact may be
 * missing; its value may be used only where the expression around it has
 * established that it is present:
 *
 * - `x is present and <use x>`, `x is missing or <use x>`;
 * - `if x is present then <use x> else ...`, `if x is missing then ... else <use x>`;
 * - a rule's `then` after `when x is present ...`.
 *
 * Each boolean expression has a guard: the facts known present when it is
 * true (`t`) and when it is false (`f`). `and`, `or`, `not` and `if` combine
 * them; `x is present` / `x is missing` create them; nothing else does.
 */
import type { FactRef } from '../syntax/ast.js';

/** Fact keys ("student.reported.transfer_code") known present when the expression is true (t) or false (f). */
export interface Guard {
  t: ReadonlySet<string>;
  f: ReadonlySet<string>;
}

const EMPTY: ReadonlySet<string> = new Set();
export const NO_GUARD: Guard = { t: EMPTY, f: EMPTY };

export function factKey(e: FactRef): string {
  return [e.group.text, ...e.path.map((p) => p.text)].join('.');
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  const out = new Set(a);
  for (const k of b) out.add(k);
  return out;
}

function intersection(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  if (a.size === 0 || b.size === 0) return EMPTY;
  const out = new Set<string>();
  for (const k of a) if (b.has(k)) out.add(k);
  return out;
}

/** `x is present` (negated: `x is missing`). */
export function presence(key: string, negated: boolean): Guard {
  const one = new Set([key]);
  return negated ? { t: EMPTY, f: one } : { t: one, f: EMPTY };
}

export function not(g: Guard): Guard {
  return { t: g.f, f: g.t };
}

export function and(a: Guard, b: Guard): Guard {
  return { t: union(a.t, b.t), f: intersection(a.f, b.f) };
}

export function or(a: Guard, b: Guard): Guard {
  return { t: intersection(a.t, b.t), f: union(a.f, b.f) };
}

/** `if c then a else b` with boolean branches. */
export function ifThenElse(c: Guard, a: Guard, b: Guard): Guard {
  return {
    t: intersection(union(c.t, a.t), union(c.f, b.t)),
    f: intersection(union(c.t, a.f), union(c.f, b.f)),
  };
}

/** The facts known present in a context, plus `more`. */
export function withFacts(present: ReadonlySet<string>, more: ReadonlySet<string>): ReadonlySet<string> {
  return union(present, more);
}
