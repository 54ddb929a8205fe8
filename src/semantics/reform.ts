/**
 * A reform overlaid on the rule library (docs/reforms.md): the reform's
 * parameters, formulas and decision rules replace the library's in the years
 * the reform gives them and add what the library does not have; its
 * manifest may extend the horizon. Works on what the files say (parsed rule
 * files, loaded parameters), before names are resolved, so the merged
 * library is checked as one; what the reform wrote keeps its own file, line
 * and column (`RuleDecl.file`, `ParamEntry.file`). Never throws on bad input.
 */
import type { Diagnostic, SourceRange } from '../core/diagnostics.js';
import { formatFiscalYear, formatRange, rangesOverlap, type YearRange } from '../core/fiscal-year.js';
import type { Parameter } from '../params/index.js';
import type { LibraryManifest } from '../params/manifest.js';
import type { SourceRegister } from '../params/sources.js';
import { isLabelsFile, type LabelTable } from '../params/labels.js';
import type { DecisionDecl, Declaration, Effective, FormulaDecl, RuleDecl, RuleFile, TypeRef } from '../syntax/ast.js';
import { ReformCodes } from './diagnostic-codes.js';

/** What a set of files says, before it is checked. */
export interface LibraryParts {
  files: RuleFile[];
  params: Parameter[];
  manifest?: LibraryManifest;
  register?: SourceRegister;
  labels?: LabelTable;
}

/** One thing a reform replaced or added, for `lcff check`, `lcff diff` and `lcff compare`. */
export interface ReformChange {
  kind: 'replaced' | 'added';
  what: 'parameter value' | 'parameter' | 'rule' | 'formula' | 'decision' | 'enum' | 'facts' | 'set' | 'source' | 'horizon';
  /** `supplemental_pct 2019-20`, `funding_category.juvenile_court_school`, `last_year 2026-27` */
  name: string;
  /** Where the reform writes it. */
  file: string;
  line: number;
}

/** The reform applied to a library: its files (every file it loaded) and what it changed. */
export interface ReformInfo {
  files: string[];
  changes: ReformChange[];
}

export function overlayReform(base: LibraryParts, reform: LibraryParts, reformFiles: string[]): { parts: LibraryParts; info: ReformInfo; diagnostics: Diagnostic[] } {
  const o = new Overlay();
  const params = o.params(base.params, reform.params);
  const files = o.declarations(base.files, reform.files);
  const manifest = o.manifest(base.manifest, reform.manifest);
  const register = o.register(base.register, reform.register);
  const labelsFile = reformFiles.find((f) => isLabelsFile(f));
  if (labelsFile) o.report(ReformCodes.cannotReplace, labelsFile, NOWHERE, "a reform cannot replace labels.yaml: the labels of results are the library's; remove the file from the reform");
  if (o.changes.length === 0 && o.diagnostics.every((d) => d.severity !== 'error')) {
    const file = reformFiles[0] ?? '<reform>';
    o.report(ReformCodes.changesNothing, file, NOWHERE, reformFiles.length === 0 ? 'the reform folder holds no rule (.lcff) or parameter (.yaml) file: it changes nothing' : 'the reform names nothing of the library and adds nothing: it changes nothing');
  }
  const parts: LibraryParts = { files, params, ...(manifest ? { manifest } : {}), ...(register ? { register } : {}), ...(base.labels ? { labels: base.labels } : {}) };
  return { parts, info: { files: reformFiles, changes: o.changes }, diagnostics: o.diagnostics };
}

const NOWHERE: SourceRange = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** The years of `range` not covered by any of `cut`: zero, one or several ranges. */
export function subtractYears(range: YearRange, cut: readonly YearRange[]): YearRange[] {
  let pieces: YearRange[] = [range];
  for (const c of cut) {
    const next: YearRange[] = [];
    for (const p of pieces) {
      if (!rangesOverlap(p, c)) {
        next.push(p);
        continue;
      }
      if (p.from < c.from) next.push({ from: p.from, to: c.from - 1 });
      if (c.to !== undefined && (p.to === undefined || p.to > c.to)) next.push({ from: c.to + 1, ...(p.to !== undefined ? { to: p.to } : {}) });
    }
    pieces = next;
  }
  return pieces;
}

class Overlay {
  readonly diagnostics: Diagnostic[] = [];
  readonly changes: ReformChange[] = [];
  /** The first year of law: a library rule or formula without `effective` is in force from here. */
  private first = 0;

  report(code: string, file: string, range: SourceRange, message: string, related?: Diagnostic['related']): void {
    this.diagnostics.push({ code, severity: code.startsWith('LCFF-W') ? 'warning' : 'error', message, file, range, ...(related ? { related } : {}) });
  }

  private change(kind: ReformChange['kind'], what: ReformChange['what'], name: string, file: string, range: SourceRange): void {
    this.changes.push({ kind, what, name, file, line: range.start.line });
  }

  /** Same name: the reform's dated entries replace the library's entries of the same years and add the others. */
  params(base: Parameter[], reform: Parameter[]): Parameter[] {
    const byName = new Map(reform.map((p) => [p.name, p]));
    const out: Parameter[] = [];
    for (const p of base) {
      const r = byName.get(p.name);
      if (!r) {
        out.push(p);
        continue;
      }
      byName.delete(p.name);
      if (r.unit !== p.unit || (r.by ?? '') !== (p.by ?? '')) {
        const what = (x: Parameter) => `${x.unit}${x.by ? ` by ${x.by}` : ''}`;
        this.report(ReformCodes.parameterShape, r.file, r.range, `the reform's '${r.name}' is ${what(r)}, but the library's is ${what(p)}: a reform replaces values, not what a parameter measures; give it another name to add a new parameter`, [{ file: p.file, range: p.range, message: `the library's '${p.name}'` }]);
        out.push(p);
        continue;
      }
      const mine = r.values.map((e) => ({ ...e, file: r.file, cite: e.cite ?? r.cite, ...(e.cite === undefined && r.citeRange ? { citeRange: r.citeRange } : {}), note: e.note ?? r.note }));
      for (const e of mine) this.change(p.values.some((b) => b.year === e.year) ? 'replaced' : 'added', 'parameter value', `${p.name} ${formatFiscalYear(e.year)}`, r.file, e.range);
      const years = new Set(mine.map((e) => e.year));
      out.push({ ...p, values: [...p.values.filter((e) => !years.has(e.year)), ...mine].sort((a, b) => a.year - b.year) });
    }
    for (const r of byName.values()) {
      this.change('added', 'parameter', r.name, r.file, r.range);
      out.push(r);
    }
    return out;
  }

  /** Formulas and decision rules of the same name are replaced in the years the reform gives them; enums, facts and sets may only be added. */
  declarations(base: RuleFile[], reform: RuleFile[]): RuleFile[] {
    const baseDecls = new Map<string, { decl: Declaration; file: string }>();
    for (const f of base) for (const d of f.declarations) if (!baseDecls.has(`${d.kind}:${d.name.text}`)) baseDecls.set(`${d.kind}:${d.name.text}`, { decl: d, file: f.file });
    this.first = Math.min(...base.flatMap((f) => f.declarations.flatMap((d) => (d.kind === 'decision' ? d.rules.map((r) => r.effective?.years.from ?? Infinity) : d.kind === 'formula' ? [d.effective?.years.from ?? Infinity] : []))));
    if (!Number.isFinite(this.first)) this.first = 0;
    const formulaCuts = new Map<string, YearRange[]>();
    const decisionOverlays = new Map<string, Array<{ decl: DecisionDecl; file: string }>>();
    const reformFiles: RuleFile[] = [];
    for (const f of reform) {
      const kept: Declaration[] = [];
      for (const d of f.declarations) {
        const prior = baseDecls.get(`${d.kind}:${d.name.text}`);
        if (d.kind === 'formula') {
          if (prior) formulaCuts.set(d.name.text, [...(formulaCuts.get(d.name.text) ?? []), this.yearsOf(d.effective)]);
          this.change(prior ? 'replaced' : 'added', 'formula', `${d.name.text} ${formatRange(this.yearsOf(d.effective))}`, f.file, d.name.range);
          kept.push(d);
        } else if (d.kind === 'decision' && prior) {
          if (this.sameHeader(prior.decl as DecisionDecl, prior.file, d, f.file)) decisionOverlays.set(d.name.text, [...(decisionOverlays.get(d.name.text) ?? []), { decl: d, file: f.file }]);
        } else if (prior) {
          this.report(ReformCodes.cannotReplace, f.file, d.name.range, `a reform cannot replace ${d.kind} ${d.name.text}: the library's vocabularies stay as they are; add ${d.kind === 'enum' ? 'an' : 'a'} ${d.kind} with a new name instead`, [{ file: prior.file, range: prior.decl.name.range, message: `the library's ${d.kind} ${d.name.text}` }]);
        } else {
          this.change('added', d.kind, d.name.text, f.file, d.name.range);
          kept.push(d);
        }
      }
      reformFiles.push({ ...f, declarations: kept });
    }
    const baseFiles = base.map((f) => ({
      ...f,
      declarations: f.declarations.flatMap((d): Declaration[] => {
        if (d.kind === 'formula' && formulaCuts.has(d.name.text)) return this.clipped(d, formulaCuts.get(d.name.text)!);
        if (d.kind === 'decision' && decisionOverlays.has(d.name.text) && baseDecls.get(`decision:${d.name.text}`)?.decl === d) return [this.mergedDecision(d, decisionOverlays.get(d.name.text)!)];
        return [d];
      }),
    }));
    return [...baseFiles, ...reformFiles];
  }

  private yearsOf(e: Effective | undefined): YearRange {
    return e?.years ?? { from: this.first };
  }

  /** Copies of a declaration in force only in the years no reform version covers. */
  private clipped<T extends FormulaDecl | RuleDecl>(d: T, cut: YearRange[]): T[] {
    return subtractYears(this.yearsOf(d.effective), cut).map((years) => ({ ...d, effective: { range: d.effective?.range ?? d.name.range, years } }));
  }

  private sameHeader(lib: DecisionDecl, libFile: string, r: DecisionDecl, file: string): boolean {
    const typeText = (t: TypeRef) => (t.kind === 'list' ? `list of ${t.element.text}` : t.name.text);
    const head = (d: DecisionDecl) => `for ${d.subject.text}${d.mode === 'collect' ? ' collect' : ''}; outputs ${d.outputs.map((o) => `${o.name.text} : ${typeText(o.type)}`).join(', ')}`;
    if (head(lib) === head(r)) return true;
    this.report(ReformCodes.decisionShape, file, r.name.range, `the reform's decision ${r.name.text} is "${head(r)}", but the library's is "${head(lib)}": a reform replaces or adds rules of a decision with the library's subject, mode and outputs`, [{ file: libFile, range: lib.name.range, message: `the library's decision ${lib.name.text}` }]);
    return false;
  }

  /**
   * The library's decision with the reform's rules: a rule named like a
   * library rule takes its place (the library's versions keep the years the
   * reform does not give); a new rule goes before the first `otherwise`
   * rule in force in any of its years, or last.
   */
  private mergedDecision(d: DecisionDecl, overlays: Array<{ decl: DecisionDecl; file: string }>): DecisionDecl {
    const reformRules = overlays.flatMap((o) => o.decl.rules.map((r) => ({ ...r, file: o.file })));
    const names = new Set(d.rules.map((r) => r.name.text));
    const cuts = new Map<string, YearRange[]>();
    for (const r of reformRules) cuts.set(r.name.text, [...(cuts.get(r.name.text) ?? []), this.yearsOf(r.effective)]);
    const rules: RuleDecl[] = [];
    const placed = new Set<string>();
    for (const r of d.rules) {
      const cut = cuts.get(r.name.text);
      if (!cut) {
        rules.push(r);
        continue;
      }
      rules.push(...this.clipped(r, cut));
      if (!placed.has(r.name.text)) {
        placed.add(r.name.text);
        for (const x of reformRules.filter((x) => x.name.text === r.name.text)) {
          rules.push(x);
          this.change('replaced', 'rule', `${d.name.text}.${x.name.text} ${formatRange(this.yearsOf(x.effective))}`, x.file, x.name.range);
        }
      }
    }
    for (const r of reformRules.filter((x) => !names.has(x.name.text))) {
      this.change('added', 'rule', `${d.name.text}.${r.name.text} ${formatRange(this.yearsOf(r.effective))}`, r.file, r.name.range);
      const at = rules.findIndex((x) => x.otherwise && rangesOverlap(this.yearsOf(x.effective), this.yearsOf(r.effective)));
      rules.splice(at < 0 ? rules.length : at, 0, r);
    }
    return { ...d, rules };
  }

  /** The reform's library.yaml extends the horizon: same first year, a last year no earlier than the library's. */
  manifest(base: LibraryManifest | undefined, reform: LibraryManifest | undefined): LibraryManifest | undefined {
    if (!reform) return base;
    if (!base) return reform;
    if (reform.firstYear !== base.firstYear || reform.lastYear < base.lastYear) {
      this.report(ReformCodes.horizon, reform.file, reform.range, `a reform's library.yaml keeps the library's first_year ${formatFiscalYear(base.firstYear)} and may only move last_year later than ${formatFiscalYear(base.lastYear)}; it says ${formatFiscalYear(reform.firstYear)} to ${formatFiscalYear(reform.lastYear)}`, [{ file: base.file, range: base.range, message: "the library's manifest" }]);
      return base;
    }
    if (reform.lastYear > base.lastYear) this.change('added', 'horizon', `last_year ${formatFiscalYear(reform.lastYear)} (library: ${formatFiscalYear(base.lastYear)})`, reform.file, reform.range);
    return reform;
  }

  /** The reform's sources.yaml adds ids; it cannot redefine the library's. */
  register(base: SourceRegister | undefined, reform: SourceRegister | undefined): SourceRegister | undefined {
    if (!reform) return base;
    if (!base) return reform;
    const entries = new Map(base.entries);
    for (const [id, e] of reform.entries) {
      if (entries.has(id)) {
        this.report(ReformCodes.cannotReplace, reform.file, NOWHERE, `a reform cannot redefine source ${id} of the library's ${base.file}; give the new source another id`);
        continue;
      }
      entries.set(id, e);
      this.change('added', 'source', id, reform.file, NOWHERE);
    }
    return { file: base.file, entries, invalid: new Set([...base.invalid, ...reform.invalid]) };
  }
}
