/**
 * One scenario of a batch of comparisons as it crosses from a worker thread:
 * the comparison, and of each side's run only the figures the summary adds
 * up (src/batch/compare-summary.ts) — not the students, so a county of any
 * size costs the main thread a few lines.
 */
import type { CompareResult } from '../compare/result.js';
import { dec, fixed, sum } from '../runtime/money.js';
import type { CategorySummary, RunResult, Severity } from '../run/result.js';
import type { OutcomeBase } from './outcome.js';

export interface SideFigures {
  students: number;
  categories: CategorySummary[];
  transfers: { lines: number; ada: string; amount: string };
  coe: { components: Array<{ name: string; computed: boolean; amount: string }>; total: string; complete: boolean };
  findings: Array<{ code: string; severity: Severity; count: number }>;
}

export interface CompareOutcome extends OutcomeBase {
  /** present when the scenario ran on both sides */
  result?: CompareResult;
  sides?: { a: SideFigures; b: SideFigures };
}

/** The figures of a side's run that a batch adds up. */
export function sideFigures(r: RunResult): SideFigures {
  const findings = new Map<string, { code: string; severity: Severity; count: number }>();
  for (const f of r.findings) {
    const key = `${f.severity} ${f.code}`;
    const t = findings.get(key) ?? { code: f.code, severity: f.severity, count: 0 };
    t.count += 1;
    findings.set(key, t);
  }
  return {
    students: r.students.length,
    categories: r.categories,
    transfers: { lines: r.transfers.length, ada: fixed(sum(r.transfers.map((t) => dec(t.ada))), 2), amount: fixed(sum(r.transfers.map((t) => dec(t.amount))), 2) },
    coe: { components: r.coe_entitlement.components.map((c) => ({ name: c.name, computed: c.computed, amount: c.amount })), total: r.coe_entitlement.total, complete: r.coe_entitlement.complete },
    findings: [...findings.values()],
  };
}

/** The student figures whose change counts a student as changed: category, crediting, expected transfer codes. */
const STUDENT_FIELDS = new Set(['category', 'credited_to', 'expected_transfer_codes']);

/** How many students' category, crediting or expected transfer codes differ between the sides. */
export function studentsChanged(c: CompareResult): number {
  return new Set(c.deltas.filter((d) => d.subject_kind === 'student' && STUDENT_FIELDS.has(d.field)).map((d) => d.subject)).size;
}
