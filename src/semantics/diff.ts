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
}

export interface LawDiff {
  from: string;
  to: string;
  rules: RuleChange[];
  values: ValueChange[];
}

interface Version {
  id: object;
  effective: string;
  cite: string[];
  source: string;
}

export function diffYears(lib: Library, y1: number, y2: number): LawDiff {
  const rules: RuleChange[] = [];
  const compare = (what: RuleChange['what'], name: string, a?: Version, b?: Version): void => {
    const strip = (v?: Version) => v && { effective: v.effective, cite: v.cite, source: v.source };
    if (a && !b) rules.push({ kind: 'removed', what, name, from: strip(a) });
    else if (!a && b) rules.push({ kind: 'added', what, name, to: strip(b) });
    else if (a && b && a.id !== b.id) rules.push({ kind: 'changed', what, name, from: strip(a), to: strip(b) });
  };
  for (const { decl, file } of [...lib.decisions.values()].sort((a, b) => (a.decl.name.text < b.decl.name.text ? -1 : 1))) {
    const names = [...new Set(decl.rules.map((r) => r.name.text))];
    for (const n of names) {
      const at = (y: number): Version | undefined => {
        const r = decl.rules.find((x) => x.name.text === n && x.effective && inRange(y, x.effective.years));
        return r && { id: r, effective: formatRange(r.effective!.years), cite: r.cites.map((c) => c.text), source: `${file}:${r.name.range.start.line}` };
      };
      compare('rule', `${decl.name.text}.${n}`, at(y1), at(y2));
    }
  }
  for (const [name, versions] of [...lib.formulas].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const at = (y: number): Version | undefined => {
      const v = versions.find((f) => inRange(y, f.decl.effective?.years ?? { from: 0 }));
      return v && { id: v.decl, effective: v.decl.effective ? formatRange(v.decl.effective.years) : 'always', cite: v.decl.cites.map((c) => c.text), source: `${v.file}:${v.decl.name.range.start.line}` };
    };
    compare('formula', name, at(y1), at(y2));
  }
  const values: ValueChange[] = [];
  for (const name of lib.params.names().sort()) {
    const p = lib.params.get(name)!;
    const a = lib.params.valueInForce(name, y1);
    const b = lib.params.valueInForce(name, y2);
    const ta = a ? formatParamValue(p.unit, a.value, a.text) : '(no value)';
    const tb = b ? formatParamValue(p.unit, b.value, b.text) : '(no value)';
    if (ta !== tb) values.push({ name, from: ta, to: tb, cite: b?.cite ?? a?.cite ?? p.cite ?? '', status: b?.status ?? a?.status ?? '', note: b?.note });
  }
  return { from: formatFiscalYear(y1), to: formatFiscalYear(y2), rules, values };
}
