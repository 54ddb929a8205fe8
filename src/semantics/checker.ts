/**
 * Second pass of the checker: formulas and decisions. Types and units of
 * every expression, outputs, citations, effective ranges (overlaps, gaps in
 * parameter values and formulas), unreachable rules.
 */
import { formatRange, formatYears, inRange, rangesOverlap, yearsOf, type YearRange } from '../core/fiscal-year.js';
import type { DecisionDecl, Effective, FormulaDecl, Node, RuleDecl, Status } from '../syntax/ast.js';
import { SemanticCodes as C } from './diagnostic-codes.js';
import { diag, resolveTypeRef, symbolKey } from './declarations.js';
import { checkCalls } from './calls.js';
import type { CheckMemo } from './check-memo.js';
import { checkExpr, guarded, guardOf, newScope, type ExprScope, type Use } from './expressions.js';
import type { Library } from './library.js';
import { checkLets, checkSets, formulaLets, reportUnused, ruleLets } from './locals.js';
import { internalFailure } from './internal-failure.js';
import { sameType, T, type Type, typeText } from './types.js';

/** The years of a formula or rule without `effective`: from the library's first year (rules/library.yaml first_year, else the first year its files name) onward. */
const always = (lib: Library): YearRange => ({ from: lib.horizon.first });

/** Checks the library; with a `memo` (the language server's), an unchanged decision in an unchanged environment is not checked again (check-memo.ts). */
export function checkLibrary(lib: Library, memo?: CheckMemo): void {
  memo?.begin(lib);
  for (const [, group] of lib.factGroups) for (const info of group.values()) info.type = resolveTypeRef(lib, info.file, info.field.type);
  // signatures first, so calls can be checked in any order
  for (const versions of lib.formulas.values()) {
    for (const { decl, file } of versions) {
      for (const p of decl.params) lib.types.set(p, resolveTypeRef(lib, file, p.type));
      lib.types.set(decl.returns as unknown as Node, resolveTypeRef(lib, file, decl.returns));
    }
  }
  checkSets(lib);
  const calls = new Map<string, Set<string>>();
  for (const [name, versions] of lib.formulas) {
    checkOverlaps(lib, name, versions.map((v) => ({ name: v.decl.name, effective: v.decl.effective, file: v.file })), 'formula');
    for (const { decl, file } of versions) {
      isolated(lib, file, decl, `checking formula ${name}`, () => {
        const scope = checkFormula(lib, decl, file);
        const set = calls.get(name) ?? new Set();
        scope.formulas.forEach((u) => set.add(u.name));
        calls.set(name, set);
      });
    }
  }
  checkCalls(lib, calls);
  // every decision, a duplicate too (E014): its names still resolve, so the editor still works in its file
  for (const f of lib.files) {
    for (const decl of f.declarations) {
      if (decl.kind !== 'decision') continue;
      const check = (): void => checkDecision(lib, decl, f.file);
      isolated(lib, f.file, decl, `checking decision ${decl.name.text}`, memo ? () => memo.check(lib, decl, f.file, check) : check);
    }
  }
}

/** A failure of the checker itself on one declaration (a bug) is a diagnostic there (LCFF-E039); the other declarations are still checked. */
function isolated(lib: Library, file: string, decl: FormulaDecl | DecisionDecl, what: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    lib.diagnostics.push({ ...internalFailure(file, e, what), range: decl.name.range });
  }
}

function checkFormula(lib: Library, f: FormulaDecl, file: string): ExprScope {
  const scope = newScope(file);
  for (const p of f.params) {
    const key = symbolKey('local', f.name.text, p.name.text);
    scope.locals.set(p.name.text, { type: lib.types.get(p) ?? T.unknown, key });
    lib.definitions.push({ key, kind: 'local', name: p.name.text, file, range: p.name.range, detail: `${p.name.text} : ${typeText(lib.types.get(p) ?? T.unknown)} (value given to ${f.name.text})` });
  }
  const owner = formulaLets(f);
  const lets = checkLets(lib, owner, scope);
  const want = lib.types.get(f.returns as unknown as Node) ?? T.unknown;
  const got = checkExpr(lib, scope, f.body, want);
  reportUnused(lib, file, lets, owner);
  if (!sameType(want, got)) lib.diagnostics.push(diag(C.returnType, file, f.body.range, `formula ${f.name.text} is declared to give ${typeText(want)} but computes ${typeText(got)}`));
  if (f.cites.length === 0) lib.diagnostics.push(diag(C.missingCitation, file, f.name.range, `formula ${f.name.text} cites no source; add cite "<statute or page>"`));
  checkStatus(lib, file, f.status);
  checkCoverage(lib, file, f.effective?.years ?? always(lib), scope, `formula ${f.name.text}`);
  return scope;
}

function checkDecision(lib: Library, d: DecisionDecl, file: string): void {
  if (!lib.factGroups.has(d.subject.text)) lib.diagnostics.push(diag(C.unknownFact, file, d.subject.range, `decision ${d.name.text} is for "${d.subject.text}", which has no facts declaration`));
  else lib.references.push({ key: symbolKey('facts', d.subject.text), file, range: d.subject.range });
  const outputs = new Map<string, Type>();
  for (const o of d.outputs) {
    const t = resolveTypeRef(lib, file, o.type);
    lib.types.set(o, t);
    outputs.set(o.name.text, t);
  }
  const byName = new Map<string, RuleDecl[]>();
  for (const r of d.rules) byName.set(r.name.text, [...(byName.get(r.name.text) ?? []), r]);
  for (const [name, versions] of byName) checkOverlaps(lib, `${d.name.text}.${name}`, versions.map((r) => ({ name: r.name, effective: r.effective, file: r.file ?? file })), 'rule');
  const otherwise: RuleDecl[] = [];
  const earlier: Array<{ years: YearRange; whenFalse: ReadonlySet<string> }> = [];
  for (const r of d.rules) {
    const years = r.effective?.years ?? always(lib);
    // an otherwise rule fires only when every earlier rule in force failed: what their conditions test present when false is present
    const known = new Set<string>();
    if (r.otherwise) for (const e of earlier) if (covers(e.years, years)) e.whenFalse.forEach((k) => known.add(k));
    const whenFalse = checkRule(lib, d, r, r.file ?? file, outputs, known);
    if (!r.otherwise && whenFalse) earlier.push({ years, whenFalse });
    const shadow = otherwise.find((o) => rangesOverlap(o.effective?.years ?? always(lib), years));
    if (shadow && d.mode === 'first') {
      lib.diagnostics.push(diag(C.unreachable, r.file ?? file, r.name.range, `rule ${r.name.text} can never fire in ${formatRange(years)}: "otherwise rule ${shadow.name.text}" above it always decides first`, { related: [{ file: shadow.file ?? file, range: shadow.name.range, message: 'the otherwise rule' }] }));
    }
    if (r.otherwise) otherwise.push(r);
  }
}

/** True when `outer` holds in every year of `inner`. */
function covers(outer: YearRange, inner: YearRange): boolean {
  if (inner.from < outer.from) return false;
  if (outer.to === undefined) return true;
  return inner.to !== undefined && inner.to <= outer.to;
}

/** Checks one rule; returns the facts its condition shows present when it is false (undefined without a condition). */
function checkRule(lib: Library, d: DecisionDecl, r: RuleDecl, file: string, outputs: Map<string, Type>, known: ReadonlySet<string>): ReadonlySet<string> | undefined {
  const what = `rule ${r.name.text}`;
  if (r.cites.length === 0) lib.diagnostics.push(diag(C.missingCitation, file, r.name.range, `${what} cites no source; add cite "<statute or FAQ question>"`, { data: { rule: r.name.text } }));
  if (!r.effective) lib.diagnostics.push(diag(C.missingEffective, file, r.name.range, `${what} does not say when it is in force; add e.g. effective 2013-14 onward`));
  if (r.otherwise && r.when) lib.diagnostics.push(diag(C.otherwiseWithWhen, file, r.when.range, `an otherwise rule applies when no rule above fired; it cannot have its own "when"`));
  checkStatus(lib, file, r.status);
  const scope = guarded(newScope(file), known);
  const owner = ruleLets(d, r);
  const lets = checkLets(lib, owner, scope);
  let thenScope = scope;
  if (r.when) {
    const t = checkExpr(lib, scope, r.when, T.bool);
    if (!sameType(t, T.bool)) lib.diagnostics.push(diag(C.notBool, file, r.when.range, `"when" needs a condition that is true or false, but this is ${typeText(t)}`));
    // the outputs are computed only when the condition holds: facts it tests present are present there
    thenScope = guarded(scope, guardOf(scope, r.when).t);
  }
  const assigned = new Set<string>();
  for (const a of r.then) {
    const want = outputs.get(a.target.text);
    if (!want) {
      lib.diagnostics.push(diag(C.unknownOutput, file, a.target.range, `decision ${d.name.text} has no output "${a.target.text}"; its outputs are ${[...outputs.keys()].join(', ') || 'none'}`));
      checkExpr(lib, thenScope, a.value);
      continue;
    }
    lib.references.push({ key: symbolKey('output', d.name.text, a.target.text), file, range: a.target.range });
    assigned.add(a.target.text);
    const got = checkExpr(lib, thenScope, a.value, want);
    if (!sameType(want, got)) lib.diagnostics.push(diag(C.outputType, file, a.value.range, `output ${a.target.text} is ${typeText(want)}, but this value is ${typeText(got)}`));
  }
  const missing = [...outputs.keys()].filter((o) => !assigned.has(o));
  if (missing.length > 0) lib.diagnostics.push(diag(C.outputMissing, file, r.name.range, `${what} does not set ${missing.join(', ')}`));
  reportUnused(lib, file, lets, owner);
  checkCoverage(lib, file, r.effective?.years ?? always(lib), scope, what);
  return r.when ? guardOf(scope, r.when).f : undefined;
}

function checkStatus(lib: Library, file: string, s: Status | undefined): void {
  if (s?.value === 'unconfirmed' && !s.note) lib.diagnostics.push(diag(C.unconfirmedWithoutNote, file, s.range, 'say why this is unconfirmed: status unconfirmed "<note>"'));
}

/** A parameter or formula used in years where it has no value is an error at the use. */
function checkCoverage(lib: Library, file: string, years: YearRange, scope: ExprScope, what: string): void {
  const seen = new Set<string>();
  const each = (uses: Use[], missingIn: (name: string, y: number) => boolean, code: string, noun: string): void => {
    for (const u of uses) {
      if (seen.has(`${noun}:${u.name}`)) continue;
      seen.add(`${noun}:${u.name}`);
      const gaps = yearsOf(years, lib.horizon).filter((y) => missingIn(u.name, y));
      if (gaps.length > 0) lib.diagnostics.push(diag(code, file, u.range, `${noun} ${u.name} has no value in ${formatYears(gaps)}, where ${what} (in force ${formatRange(years)}) uses it`));
    }
  };
  // a year where the parameter is explicitly `value: unknown` is not a gap of the library: the run says the value is unknown (or uses one the user supplies)
  each(scope.params, (n, y) => lib.params.valueInForce(n, y) === undefined && !lib.params.isUnknownIn(n, y), C.paramNoValue, 'parameter');
  each(scope.formulas, (n, y) => !(lib.formulas.get(n) ?? []).some((v) => inRange(y, v.decl.effective?.years ?? always(lib))), C.formulaNotInForce, 'formula');
}

interface Versioned {
  name: { text: string; range: import('../core/diagnostics.js').SourceRange };
  effective?: Effective;
  file: string;
}

function checkOverlaps(lib: Library, label: string, versions: Versioned[], noun: string): void {
  if (versions.length < 2) return;
  versions.forEach((v, i) => {
    if (!v.effective) return;
    for (const prior of versions.slice(0, i)) {
      if (prior.effective && rangesOverlap(prior.effective.years, v.effective.years)) {
        lib.diagnostics.push(diag(C.overlap, v.file, v.effective.range, `${noun} ${label} is in force twice in ${formatRange(intersection(prior.effective.years, v.effective.years))}: its versions' effective ranges overlap`, { related: [{ file: prior.file, range: prior.effective.range, message: 'the other version' }] }));
        return;
      }
    }
  });
  if (versions.some((v) => !v.effective)) {
    const v = versions.find((x) => !x.effective)!;
    lib.diagnostics.push(diag(C.missingEffective, v.file, v.name.range, `${noun} ${label} has several versions; each needs its own effective range`));
  }
}

function intersection(a: YearRange, b: YearRange): YearRange {
  const to = a.to === undefined ? b.to : b.to === undefined ? a.to : Math.min(a.to, b.to);
  return { from: Math.max(a.from, b.from), to };
}
