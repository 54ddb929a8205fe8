/**
 * The call graph (semantics/calls.ts): recursion (LCFF-E036) and chains of
 * formula calls deeper than MAX_CALL_DEPTH (LCFF-E038), walked without
 * recursion so thousands of chained formulas cannot overflow the checker.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CALL_DEPTH } from '../../src/semantics/calls.js';
import { buildLibrary } from '../../src/semantics/workspace.js';

/** f0 calls f1 calls ... f(n-1), which is 1. */
function chain(n: number): string {
  return Array.from({ length: n }, (_, i) => `formula f${i}() : Number\n  cite "EC 2574"\n  = ${i === n - 1 ? '1' : `f${i + 1}() + 1`}\n`).join('\n');
}

const codes = (text: string): string[] => buildLibrary([{ file: 'c.lcff', text }]).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`);

describe('formula call chains', () => {
  it(`a chain of ${MAX_CALL_DEPTH} formulas checks clean; one more is LCFF-E038 at the formula that starts it`, () => {
    expect(codes(chain(MAX_CALL_DEPTH))).toEqual([]);
    const ds = buildLibrary([{ file: 'c.lcff', text: chain(MAX_CALL_DEPTH + 1) }]).diagnostics;
    expect(ds.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(['1:9 LCFF-E038']);
    expect(ds[0].message).toBe(`formula f0 starts a chain of ${MAX_CALL_DEPTH + 1} nested formula calls; at most ${MAX_CALL_DEPTH} are allowed: compute intermediate results in fewer steps`);
  });

  it('5,000 chained formulas: one E038, no stack overflow', () => {
    expect(codes(chain(5000)).map((c) => c.split(' ')[1])).toEqual(['LCFF-E038']);
  });

  it('recursion through three formulas is still LCFF-E036', () => {
    const text = 'formula a() : Number\n  cite "EC 2574"\n  = b()\n\nformula b() : Number\n  cite "EC 2574"\n  = c()\n\nformula c() : Number\n  cite "EC 2574"\n  = a()\n';
    const ds = buildLibrary([{ file: 'r.lcff', text }]).diagnostics;
    expect(ds.map((d) => [d.code, d.message])).toEqual([['LCFF-E036', 'formula a calls itself through a → b → c → a']]);
  });
});
