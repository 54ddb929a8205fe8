/**
 * The semantic diff of the law between two fiscal years: rules and formulas
 * added, removed or changed (another version in force), and parameter values
 * that changed, with citations.
 */
import { formatFiscalYear, formatRange, inRange } from '../core/fiscal-year.js';
import { formatParamValue } from '../params/index.js';
import type { Library } from './library.js';

export interface RuleChange {
  kind: 'added' | 'removed' | 'changed';
  what: 'rule' | 'formula';
  name: string;
  from?: { effective: string; cite: string[]; source: string };
  to?: { effective: string; cite: string[]; source: string };
}

export interface ValueChange {
  name: string;
  from: string;
  to: string;
  cite: string;
  status: string;
  note?: string;
  /** The new value was supplied for this run (`--set`), not written in the library. */
  user_supplied?: boolean;
}

export interface LawDiff {
  from: string;
  to: string;
  rules: RuleChange[];
  values: ValueChange[];
}

interface Version {
  /** What the version is: its source text (textOf). */
  id: string;
  effective: string;
  cite: string[];
  source: string;
}

/** A version is what its text says: the same text in two libraries (or in a folder and a git revision of it) is the same version. */
function textOf(lib: Library, file: string, range: { start: { offset: number }; end: { offset: number } }): string {
  const text = lib.sources.get(file);
  return text === undefined ? `${file}:${range.start.offset}:${range.end.offset}` : text.slice(range.start.offset, range.end.offset);
}

/** One side of a comparison: a library in a fiscal year. */
export interface LawSide {
  lib: Library;
  year: number;
}

export function diffYears(lib: Library, y1: number, y2: number): LawDiff {
  return diffLaw({ lib, year: y1 }, { lib, year: y2 });
}

/** The law of side `b` against side `a`: two years of one library (`lcff diff Y1 Y2`), or a library and a reform of it in one year (`lcff diff Y --reform`). */
export function diffLaw(a: LawSide, b: LawSide): LawDiff {
  const rules: RuleChange[] = [];
  const compare = (what: RuleChange['what'], name: string, x?: Version, y?: Version): void => {
    const strip = (v?: Version) => v && { effective: v.effective, cite: v.cite, source: v.source };
    if (x && !y) rules.push({ kind: 'removed', what, name, from: strip(x) });
    else if (!x && y) rules.push({ kind: 'added', what, name, to: strip(y) });
    else if (x && y && x.id !== y.id) rules.push({ kind: 'changed', what, name, from: strip(x), to: strip(y) });
  };
  const ruleAt = (side: LawSide, decision: string, n: string): Version | undefined => {
    const located = side.lib.decisions.get(decision);
    if (!located) return undefined;
    const r = located.decl.rules.find((x) => x.name.text === n && x.effective && inRange(side.year, x.effective.years));
    const file = r?.file ?? located.file;
    return r && { id: textOf(side.lib, file, r.range), effective: formatRange(r.effective!.years), cite: r.cites.map((c) => c.text), source: `${file}:${r.name.range.start.line}` };
  };
  const decisions = [...new Set([...a.lib.decisions.keys(), ...b.lib.decisions.keys()])].sort();
  for (const d of decisions) {
    const names = [...new Set([a, b].flatMap((side) => side.lib.decisions.get(d)?.decl.rules.map((r) => r.name.text) ?? []))];
    for (const n of names) compare('rule', `${d}.${n}`, ruleAt(a, d, n), ruleAt(b, d, n));
  }
  const formulaAt = (side: LawSide, name: string): Version | undefined => {
    const v = (side.lib.formulas.get(name) ?? []).find((f) => inRange(side.year, f.decl.effective?.years ?? { from: 0 }));
    return v && { id: textOf(side.lib, v.file, v.decl.range), effective: v.decl.effective ? formatRange(v.decl.effective.years) : 'always', cite: v.decl.cites.map((c) => c.text), source: `${v.file}:${v.decl.name.range.start.line}` };
  };
  for (const name of [...new Set([...a.lib.formulas.keys(), ...b.lib.formulas.keys()])].sort()) compare('formula', name, formulaAt(a, name), formulaAt(b, name));
  const values: ValueChange[] = [];
  for (const name of [...new Set([...a.lib.params.names(), ...b.lib.params.names()])].sort()) {
    const pa = a.lib.params.get(name);
    const pb = b.lib.params.get(name);
    const va = a.lib.params.valueInForce(name, a.year);
    const vb = b.lib.params.valueInForce(name, b.year);
    const ta = va && pa ? formatParamValue(pa.unit, va.value, va.text) : '(no value)';
    const tb = vb && pb ? formatParamValue(pb.unit, vb.value, vb.text) : '(no value)';
    if (ta !== tb) values.push({ name, from: ta, to: tb, cite: vb?.cite ?? va?.cite ?? pb?.cite ?? pa?.cite ?? '', status: vb?.status ?? va?.status ?? '', note: vb?.note, ...(vb?.userSupplied ? { user_supplied: true } : {}) });
  }
  return { from: formatFiscalYear(a.year), to: formatFiscalYear(b.year), rules, values };
}
