/** The grade-span-adjusted base grants of a year, as the library's formula adjusted_base computes them (`lcff rates`, the workbook). */
import { callFormula, type EvalContext } from '../compile/expr-closure.js';
import { Dec } from '../runtime/money.js';
import type { Library } from '../semantics/library.js';

/** adjusted_base(span) for each member of grade_span, with the base and the adjustment it comes from, when the library has the formula and the year has values. */
export function adjustedBases(lib: Library, year: number): Array<{ span: string; base: Dec; adjustment: Dec; adjusted: Dec }> {
  const spans = lib.enums.get('grade_span')?.decl.members.map((m) => m.name.text) ?? [];
  const base = lib.params.valueInForce('base_grant_per_ada', year);
  const gsa = lib.params.valueInForce('grade_span_adjustment', year);
  if (!lib.formulas.has('adjusted_base') || !base || !gsa || !(base.value instanceof Map) || !(gsa.value instanceof Map)) return [];
  return spans.map((span) => {
    const ctx: EvalContext = { year, facts: {}, locals: new Map(), reads: [], calls: [] };
    const adjusted = callFormula(lib, 'adjusted_base', [span], ctx) as Dec;
    const b = (base.value as Map<string, Dec>).get(span) ?? new Dec(0);
    const adj = (gsa.value as Map<string, Dec>).get(span) ?? new Dec(0);
    return { span, base: b, adjustment: adj, adjusted };
  });
}
