/**
 * Local names and named sets:
 *
 * - `set aeg_bases : enrollment_basis = [wic_300, ...]` (top level): every
 *   member must be a member of the enum (LCFF-E012 with a suggestion), the
 *   enum must exist (LCFF-E013), a member may appear once, and the name must
 *   not be taken (LCFF-E017);
 * - `let rate = ...` in a rule or a formula: checked in order before the
 *   rule's `when` or the formula's body (a let may use the lets above it),
 *   typed and unit-checked like any expression; its name must not be taken
 *   by another let, by an input of the formula or by a library name
 *   (LCFF-E017); a let nothing uses is a warning (LCFF-W032).
 */
import type { DecisionDecl, FormulaDecl, LetDecl, RuleDecl, SetDecl } from '../syntax/ast.js';
import { suggest } from '../core/diagnostics.js';
import { SemanticCodes as C } from './diagnostic-codes.js';
import { diag, symbolKey } from './declarations.js';
import { checkExpr, type ExprScope, type LocalName } from './expressions.js';
import type { Library } from './library.js';
import { typeText } from './types.js';

const BUILT_IN = new Set(['fiscal_year', 'max', 'min']);

/** What a library name already means, or undefined when it is free for a let or a set. */
export function takenBy(lib: Library, name: string, self?: SetDecl): string | undefined {
  if (BUILT_IN.has(name)) return `"${name}" is a built-in name`;
  if (lib.params.get(name)) return `"${name}" is a parameter`;
  const enums = lib.members.get(name);
  if (enums) return `"${name}" is a member of ${enums.join(' and ')}`;
  if (lib.formulas.has(name)) return `"${name}" is a formula`;
  const set = lib.sets.get(name);
  if (set && set.decl !== self) return `"${name}" is a set`;
  return undefined;
}

export function checkSets(lib: Library): void {
  for (const { file, declarations } of lib.files) {
    for (const d of declarations) if (d.kind === 'set') checkSet(lib, file, d);
  }
}

function checkSet(lib: Library, file: string, d: SetDecl): void {
  const taken = takenBy(lib, d.name.text, d);
  if (taken && !taken.endsWith('is a set')) lib.diagnostics.push(diag(C.nameTaken, file, d.name.range, `set "${d.name.text}": ${taken}; give the set another name`));
  const e = lib.enums.get(d.of.text);
  if (!e) {
    const hints = suggest(d.of.text, lib.enums.keys());
    lib.diagnostics.push(diag(C.unknownType, file, d.of.range, `set ${d.name.text} is of "${d.of.text}", which is not an enum${hints.length ? `; did you mean "${hints[0]}"?` : ''}`, { data: { suggestions: hints } }));
    return;
  }
  lib.references.push({ key: symbolKey('enum', d.of.text), file, range: d.of.range });
  const members = e.decl.members.map((m) => m.name.text);
  const seen = new Set<string>();
  for (const m of d.members) {
    if (!members.includes(m.text)) {
      const hints = suggest(m.text, members);
      lib.diagnostics.push(diag(C.unknownMember, file, m.range, `"${m.text}" is not a member of ${d.of.text}${hints.length ? `; did you mean ${hints.map((h) => `"${h}"`).join(' or ')}?` : ''}`, { data: { suggestions: hints } }));
      continue;
    }
    if (seen.has(m.text)) lib.diagnostics.push(diag(C.duplicate, file, m.range, `"${m.text}" is listed twice in set ${d.name.text}`));
    seen.add(m.text);
    lib.references.push({ key: symbolKey('member', d.of.text, m.text), file, range: m.range });
  }
}

/** Whose lets are checked: a rule of a decision, or a formula. */
export interface LetOwner {
  lets: LetDecl[];
  /** "rule transfer_agreed", "formula adjusted_base" */
  what: string;
  /** the keyword that introduces a local: `let` in a rule, `where` in a formula */
  word: 'let' | 'where';
  /** what the unused warning tells the author to use it in */
  where: 'rule' | 'formula';
  /** the parts of the lets' symbol keys before the offset and name */
  keyParts: string[];
}

export function ruleLets(d: DecisionDecl, r: RuleDecl): LetOwner {
  return { lets: r.lets, what: `rule ${r.name.text}`, word: 'let', where: 'rule', keyParts: [d.name.text, r.name.text] };
}

export function formulaLets(f: FormulaDecl): LetOwner {
  return { lets: f.lets, what: `formula ${f.name.text}`, word: 'where', where: 'formula', keyParts: ['formula', f.name.text] };
}

/** Checks the lets of a rule or formula in order into `scope.locals`; returns them for the unused check after the owner's expressions. */
export function checkLets(lib: Library, owner: LetOwner, scope: ExprScope): LocalName[] {
  const out: LocalName[] = [];
  for (const l of owner.lets) {
    const t = checkExpr(lib, scope, l.value);
    lib.types.set(l, t);
    const name = l.name.text;
    const prior = out.find((x) => x.let && x.let.name.text === name);
    const input = scope.locals.get(name);
    const taken = prior ? `${owner.what} already has a ${owner.word} "${name}"` : input && !input.let ? `"${name}" is an input of ${owner.what}` : takenBy(lib, name);
    if (taken) {
      lib.diagnostics.push(diag(C.nameTaken, scope.file, l.name.range, `${owner.word} "${name}": ${taken}; give the local another name`, prior ? { related: [{ file: scope.file, range: prior.let!.name.range, message: `the first ${owner.word}` }] } : undefined));
      continue;
    }
    const key = symbolKey('local', ...owner.keyParts, String(l.name.range.start.offset), name);
    const source = (lib.sources.get(scope.file) ?? '').slice(l.value.range.start.offset, l.value.range.end.offset).replace(/\s+/g, ' ');
    lib.definitions.push({ key, kind: 'local', name, file: scope.file, range: l.name.range, fullRange: l.range, detail: `${owner.word} ${name} : ${typeText(t)} = ${source}`, doc: `local name of ${owner.what}` });
    const local: LocalName = { type: t, key, let: l, used: false };
    scope.locals.set(name, local);
    out.push(local);
  }
  return out;
}

export function reportUnused(lib: Library, file: string, locals: LocalName[], owner: Pick<LetOwner, 'word' | 'where'>): void {
  for (const l of locals) {
    if (!l.used && l.let) lib.diagnostics.push(diag(C.unusedLocal, file, l.let.name.range, `${owner.word} "${l.let.name.text}" is not used; remove it or use it in the ${owner.where}`));
  }
}
