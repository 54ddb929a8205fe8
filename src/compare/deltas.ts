/**
 * What changed between two runs of one scenario, and why: every figure of
 * the run results that differs (per LEA: credits, UPP, rates; per transfer;
 * the COE's entitlement and AEG; per student: category, crediting, codes;
 * findings that appear or go), each with the law that differs between the
 * sides (the law diff) and that the figure used (the two traces, and for a
 * district's rates the formula that computes them).
 */
import { dec, fixed, isDecimalText, sum } from '../runtime/money.js';
import type { LawDiff } from '../semantics/diff.js';
import type { Library } from '../semantics/library.js';
import type { Node } from '../syntax/ast.js';
import { inRange } from '../core/fiscal-year.js';
import type { TraceEntry } from '../run/context.js';
import type { RunResult } from '../run/result.js';
import { RATE_FORMULAS } from '../run/transfers.js';
import type { CompareCause, CompareDelta, CompareResult } from './result.js';

export interface SideRun {
  lib: Library;
  result: RunResult;
  trace: TraceEntry[];
}

type Flat = Map<string, string>;

/** Scalars of an object by dotted path; a list of scalars is one text. */
function flatten(value: unknown, skip: ReadonlySet<string> = new Set(), prefix = '', out: Flat = new Map()): Flat {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) {
    out.set(prefix, value.map(String).join(', '));
    return out;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!skip.has(k)) flatten(v, new Set(), prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  out.set(prefix, String(value));
  return out;
}

interface Subject {
  kind: CompareDelta['subject_kind'];
  id: string;
  name: string;
  fields: Flat;
  /** The trace subjects of this subject ("district 0161176", "transfer 0161176 g4_6", "student S001", "coe"). */
  traced: (traceSubject: string) => boolean;
  /** Law a field uses that the trace does not show (a district's rates are computed by formulas outside any decision). */
  formulaOf?: (field: string) => string | undefined;
}

const hasToken = (id: string) => (s: string) => s.split(' ').includes(id);

function subjects(r: RunResult): Subject[] {
  const out: Subject[] = [];
  const names = new Map(r.leas.map((l) => [l.cds, l.name]));
  for (const l of r.leas) {
    out.push({
      kind: 'lea',
      id: l.cds,
      name: l.name,
      fields: flatten(l, new Set(['cds', 'kind', 'name'])),
      traced: hasToken(l.cds),
      formulaOf: (field) => {
        const m = /^rates\.[^.]+\.(base|supplemental|concentration|total)$/.exec(field);
        return m ? RATE_FORMULAS[m[1] as keyof typeof RATE_FORMULAS] : undefined;
      },
    });
  }
  for (const t of r.transfers) {
    out.push({ kind: 'transfer', id: `${t.from} ${t.grade_span}`, name: names.get(t.from) ?? '', fields: flatten(t, new Set(['from', 'to', 'grade_span', 'reason', 'cite'])), traced: (s) => s === `transfer ${t.from} ${t.grade_span}` });
  }
  const coe: Flat = new Map([...flatten(r.aeg, new Set(['note', 'cite', 'funded_ada_note']), 'aeg')]);
  for (const c of r.coe_entitlement.components) for (const [k, v] of flatten(c, new Set(['name', 'note', 'cite', 'inputs']), `components.${c.name}`)) coe.set(k, v);
  coe.set('total', r.coe_entitlement.total);
  out.push({ kind: 'coe', id: 'coe', name: names.get(r.leas.find((l) => l.kind === 'coe')?.cds ?? '') ?? '', fields: coe, traced: (s) => s === 'coe' });
  for (const s of r.students) out.push({ kind: 'student', id: s.id, name: '', fields: flatten(s, new Set(['id', 'cite', 'census_day', 'ada'])), traced: (x) => x === `student ${s.id}` });
  for (const f of r.findings) out.push({ kind: 'finding', id: `${f.code} ${f.subject}`, name: '', fields: new Map([['severity', f.severity], ['message', f.message]]), traced: hasToken(f.subject) });
  return out;
}

/** The law a trace entry shows used: parameters read, formulas called, rules evaluated. */
function usedBy(entries: TraceEntry[]): Set<string> {
  const used = new Set<string>();
  for (const e of entries) {
    for (const r of e.reads) used.add(`parameter:${r.name}`);
    for (const f of e.formulas) used.add(`formula:${f}`);
    for (const r of e.rules) used.add(`rule:${e.decision}.${r.rule}`);
  }
  return used;
}

/** The parameters and formulas a formula uses in a year, through every formula it calls (read from the checked library). */
export function formulaUses(lib: Library, name: string, year: number, into = new Set<string>()): Set<string> {
  if (into.has(`formula:${name}`)) return into;
  into.add(`formula:${name}`);
  const v = (lib.formulas.get(name) ?? []).find((f) => inRange(year, f.decl.effective?.years ?? { from: 0 }));
  if (!v) return into;
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const res = lib.resolutions.get(node as Node);
    if (res?.kind === 'param') into.add(`parameter:${res.name}`);
    else if (res?.kind === 'formula') formulaUses(lib, res.name, year, into);
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') walk(child);
  };
  walk(v.decl.body);
  return into;
}

function places(text: string): number {
  const i = text.indexOf('.');
  return i < 0 ? 0 : text.length - i - 1;
}

/** b − a, exact, when both are decimal texts. */
export function change(a: string, b: string): string | undefined {
  if (!isDecimalText(a) || !isDecimalText(b)) return undefined;
  return fixed(dec(b).minus(dec(a)), Math.max(places(a), places(b)));
}

export function compareRuns(a: SideRun, b: SideRun, law: LawDiff, year: number): Pick<CompareResult, 'deltas' | 'totals'> {
  const changed = new Map<string, CompareCause['kind']>();
  for (const v of law.values) changed.set(`parameter:${v.name}`, 'parameter');
  for (const r of law.rules) changed.set(`${r.what}:${r.name}`, r.what);
  const runUsed = new Set([...usedBy(a.trace), ...usedBy(b.trace)]);
  const causesOf = (subjectEntries: TraceEntry[], formula: string | undefined): CompareCause[] => {
    const used = usedBy(subjectEntries);
    if (formula) for (const lib of [a.lib, b.lib]) for (const u of formulaUses(lib, formula, year)) used.add(u);
    const direct = [...changed].filter(([k]) => used.has(k));
    // nothing this subject's trace shows: the law changes the run used elsewhere (e.g. a student's category moves an LEA's credits)
    const list = direct.length > 0 ? direct : [...changed].filter(([k]) => runUsed.has(k));
    return list.map(([k, kind]) => ({ kind, name: k.slice(k.indexOf(':') + 1), traced: direct.length > 0 })).sort((x, y) => (x.name < y.name ? -1 : 1));
  };
  const deltas: CompareDelta[] = [];
  const before = new Map(subjects(a.result).map((s) => [`${s.kind}:${s.id}`, s]));
  const after = new Map(subjects(b.result).map((s) => [`${s.kind}:${s.id}`, s]));
  for (const key of [...new Set([...before.keys(), ...after.keys()])]) {
    const sa = before.get(key);
    const sb = after.get(key);
    const s = (sb ?? sa)!;
    const entries = [...a.trace.filter((e) => s.traced(e.subject)), ...b.trace.filter((e) => s.traced(e.subject))];
    const fields = [...new Set([...(sa?.fields.keys() ?? []), ...(sb?.fields.keys() ?? [])])];
    for (const field of fields) {
      const va = sa?.fields.get(field) ?? '';
      const vb = sb?.fields.get(field) ?? '';
      if (va === vb) continue;
      const c = change(va, vb);
      deltas.push({ subject_kind: s.kind, subject: s.id, name: s.name, field, a: va, b: vb, ...(c !== undefined ? { change: c } : {}), causes: causesOf(entries, s.formulaOf?.(field)) });
    }
  }
  const order: Record<CompareDelta['subject_kind'], number> = { lea: 0, transfer: 1, coe: 2, student: 3, finding: 4 };
  deltas.sort((x, y) => order[x.subject_kind] - order[y.subject_kind] || (x.subject < y.subject ? -1 : x.subject > y.subject ? 1 : 0));
  const total = (r: RunResult) => fixed(sum(r.transfers.map((t) => dec(t.amount))), 2);
  const ta = total(a.result);
  const tb = total(b.result);
  return {
    deltas,
    totals: {
      transfers: { a: ta, b: tb, change: change(ta, tb)! },
      coe_entitlement: { a: a.result.coe_entitlement.total, b: b.result.coe_entitlement.total, change: change(a.result.coe_entitlement.total, b.result.coe_entitlement.total)! },
    },
  };
}
