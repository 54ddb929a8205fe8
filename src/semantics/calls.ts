/**
 * The call graph of formulas: recursion (LCFF-E036) and call chains deeper
 * than the evaluator may nest (LCFF-E038). Walked with an explicit stack, so
 * a chain of thousands of formulas cannot exhaust the checker's stack either.
 */
import { SemanticCodes as C } from './diagnostic-codes.js';
import { diag } from './declarations.js';
import type { Library } from './library.js';

/** The deepest chain of formula calls an evaluation may go through (each call nests the evaluator once more). */
export const MAX_CALL_DEPTH = 32;

export function checkCalls(lib: Library, calls: Map<string, Set<string>>): void {
  const state = new Map<string, 'active' | 'done'>();
  /** The longest chain of calls from a formula, itself included; cycles count once. */
  const depth = new Map<string, number>();
  const callees = (n: string): string[] => [...(calls.get(n) ?? [])].filter((m) => lib.formulas.has(m));
  for (const root of calls.keys()) {
    if (state.has(root)) continue;
    // frames: a formula and the index of its next callee to visit; `path` mirrors the stack's names
    const stack: Array<{ n: string; next: string[]; i: number }> = [{ n: root, next: callees(root), i: 0 }];
    const path = [root];
    state.set(root, 'active');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.i < top.next.length) {
        const m = top.next[top.i++];
        const s = state.get(m);
        if (s === 'active') {
          const f = lib.formulas.get(m)![0];
          lib.diagnostics.push(diag(C.recursion, f.file, f.decl.name.range, `formula ${m} calls itself through ${[...path, m].join(' → ')}`));
        } else if (s === undefined) {
          state.set(m, 'active');
          stack.push({ n: m, next: callees(m), i: 0 });
          path.push(m);
        }
        continue;
      }
      stack.pop();
      path.pop();
      state.set(top.n, 'done');
      const below = top.next.reduce((max, m) => Math.max(max, depth.get(m) ?? 0), 0);
      depth.set(top.n, below + 1);
      if (below + 1 > MAX_CALL_DEPTH && below <= MAX_CALL_DEPTH) {
        const f = lib.formulas.get(top.n)![0];
        lib.diagnostics.push(diag(C.callsTooDeep, f.file, f.decl.name.range, `formula ${top.n} starts a chain of ${below + 1} nested formula calls; at most ${MAX_CALL_DEPTH} are allowed: compute intermediate results in fewer steps`));
      }
    }
  }
}
