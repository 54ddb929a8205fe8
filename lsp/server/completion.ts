/**
 * Completion from the text before the cursor and the checked library:
 * fact paths after `student.`, enum members after `is` / `in [`, fiscal years
 * after `effective` / `..`, known citations inside `cite "`, types after `:`,
 * clause keywords at the start of a line (by the enclosing declaration), and
 * names (formulas, parameters, sets, members, fact groups, a formula's own
 * parameters, the lets of the rule at the cursor) with the expression
 * keywords elsewhere; after `in`, the sets of the operand's enum.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { formatFiscalYear } from '../../src/core/fiscal-year.js';
import type { Horizon } from '../../src/params/manifest.js';
import { citeOccurrences } from '../../src/semantics/citations.js';
import type { Library } from '../../src/semantics/library.js';
import { SCALAR_NAMES, typeText, type Type } from '../../src/semantics/types.js';
import type { FormulaDecl, LetDecl } from '../../src/syntax/ast.js';
import { MAX_SOURCE_CHARS } from '../../src/syntax/limits.js';
import { locate, type ServerContext } from './context.js';
import { safe } from './safe.js';

const TOP = ['enum', 'set', 'facts', 'formula', 'decision'];
const DECISION_LINE = ['cite', 'output', 'rule', 'otherwise rule', 'effective', 'status', 'let', 'when', 'then', 'end'];
const FORMULA_LINE = ['cite', 'effective', 'status', '=', 'where'];
const EXPR = ['and', 'or', 'not', 'is', 'in', 'if', 'then', 'else', 'round', 'true', 'false', 'present', 'missing'];

const kw = (label: string): CompletionItem => ({ label, kind: CompletionItemKind.Keyword });

function enclosing(before: string): 'none' | 'enum' | 'facts' | 'formula' | 'decision' {
  const lines = before.split('\n');
  for (let i = lines.length - 2; i >= 0; i--) {
    const m = /^\s*(enum|facts|formula|decision|end|set)\b/.exec(lines[i]);
    if (m) return m[1] === 'end' || m[1] === 'set' ? 'none' : (m[1] as 'enum');
  }
  return 'none';
}

function enumOf(t: Type | undefined): string | undefined {
  if (!t) return undefined;
  if (t.k === 'enum') return t.name;
  if (t.k === 'list' && t.element.k === 'enum') return t.element.name;
  return undefined;
}

function formulaAt(lib: Library, file: string, offset: number): FormulaDecl | undefined {
  const rf = lib.files.find((f) => f.file === file);
  let best: FormulaDecl | undefined;
  for (const d of rf?.declarations ?? []) if (d.kind === 'formula' && d.range.start.offset <= offset) best = d;
  return best;
}

/** The wheres in scope at `offset` in a formula: all of them in its body, those above in a where. */
function wheresAt(formula: FormulaDecl | undefined, offset: number): LetDecl[] {
  if (!formula || offset > formula.range.end.offset + 1) return [];
  const inWhere = formula.lets.find((l) => l.range.start.offset <= offset && offset <= l.range.end.offset + 1);
  return inWhere ? formula.lets.filter((l) => l.range.end.offset < inWhere.range.start.offset) : formula.lets;
}

/** The lets in scope at `offset`: those of the rule it is in, written before it. */
function letsAt(lib: Library, file: string, offset: number): LetDecl[] {
  const rf = lib.files.find((f) => f.file === file);
  for (const d of rf?.declarations ?? []) {
    if (d.kind !== 'decision' || offset < d.range.start.offset || offset > d.range.end.offset) continue;
    const rule = d.rules.find((r) => r.range.start.offset <= offset && offset <= r.range.end.offset);
    return rule ? rule.lets.filter((l) => l.range.end.offset < offset) : [];
  }
  return [];
}

/** The enum whose members fit after `<left> is` / `<left> in [`. */
function enumOfOperand(lib: Library, left: string, formula: FormulaDecl | undefined): string | undefined {
  const dot = left.indexOf('.');
  if (dot > 0) return enumOf(lib.factGroups.get(left.slice(0, dot))?.get(left.slice(dot + 1))?.type);
  const set = lib.sets.get(left);
  if (set) return set.decl.of.text;
  const local = formula?.params.find((p) => p.name.text === left);
  if (local) return local.type.kind === 'list' ? local.type.element.text : local.type.name.text;
  const f = lib.formulas.get(left)?.[0]?.decl;
  if (f) return f.returns.kind === 'list' ? f.returns.element.text : f.returns.name.text;
  return undefined;
}

function memberItems(lib: Library, enumName: string | undefined): CompletionItem[] {
  const enums = enumName && lib.enums.has(enumName) ? [lib.enums.get(enumName)!] : [...lib.enums.values()];
  return enums.flatMap(({ decl }) =>
    decl.members.map((m) => ({ label: m.name.text, kind: CompletionItemKind.EnumMember, detail: `${decl.name.text}${m.label ? ` "${m.label}"` : ''}`, documentation: m.doc })),
  );
}

function setItems(lib: Library, enumName: string | undefined): CompletionItem[] {
  return [...lib.sets.values()]
    .filter(({ decl }) => enumName === undefined || decl.of.text === enumName)
    .map(({ decl }) => ({ label: decl.name.text, kind: CompletionItemKind.Constant, detail: `set of ${decl.of.text}: ${decl.members.map((m) => m.text).join(', ')}`, documentation: decl.doc }));
}

function nameItems(lib: Library, formula: FormulaDecl | undefined, lets: LetDecl[] = []): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const l of lets) items.push({ label: l.name.text, kind: CompletionItemKind.Variable, detail: `let: ${typeText(lib.types.get(l) ?? { k: 'unknown' })}`, sortText: `0${l.name.text}` });
  for (const s of setItems(lib, undefined)) items.push(s);
  for (const [name, versions] of lib.formulas) {
    const d = versions[0].decl;
    items.push({ label: name, kind: CompletionItemKind.Function, detail: `(${d.params.map((p) => p.name.text).join(', ')})`, documentation: d.doc });
  }
  for (const p of lib.paramList) items.push({ label: p.name, kind: CompletionItemKind.Constant, detail: `${p.unit}${p.by ? ` by ${p.by}` : ''}`, documentation: p.description });
  for (const g of lib.factGroups.keys()) items.push({ label: g, kind: CompletionItemKind.Module, detail: 'facts' });
  for (const p of formula?.params ?? []) items.push({ label: p.name.text, kind: CompletionItemKind.Variable, detail: 'formula parameter' });
  for (const b of ['max', 'min', 'fiscal_year']) items.push({ label: b, kind: b === 'fiscal_year' ? CompletionItemKind.Variable : CompletionItemKind.Function, detail: 'built-in' });
  for (const m of memberItems(lib, undefined)) items.push(m);
  return items;
}

/** Citations that resolve: those the library already uses (each `;` part of a parameter cite on its own) and every register id. */
function citations(lib: Library): string[] {
  const set = new Set<string>();
  for (const c of citeOccurrences(lib)) if (c.result.ok) set.add(c.text);
  for (const id of lib.register?.entries.keys() ?? []) set.add(id);
  return [...set].sort();
}

/** The library's fiscal years and the next one (where a new rule version would start). */
function years(horizon: Horizon): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (let y = horizon.first; y <= horizon.last + 1; y++) out.push({ label: formatFiscalYear(y), kind: CompletionItemKind.Value, sortText: String(9999 - y) });
  return out;
}

export function completionAt(ctx: ServerContext, uri: string, position: { line: number; character: number }): CompletionItem[] {
  const at = locate(ctx, uri, position);
  if (!at || !at.file.endsWith('.lcff')) return [];
  const text = at.doc.getText();
  if (text.length > MAX_SOURCE_CHARS) return []; // a file lcff does not read (LCFF-E009)
  const lib = ctx.index.library();
  const before = text.slice(Math.max(0, at.offset - 2000), at.offset);
  const line = before.slice(before.lastIndexOf('\n') + 1);
  const formula = formulaAt(lib, at.file, at.offset);

  if (/\bcite\s+(?:"[^"\n]*"\s*,\s*)*"[^"\n]*$/.test(line)) {
    return citations(lib).map((c) => ({ label: c, kind: CompletionItemKind.Reference }));
  }
  if (/"[^"\n]*$/.test(line) && (line.match(/"/g)?.length ?? 0) % 2 === 1) return [];
  if (/^\s*(?:\/\/|#)/.test(line) || /\/\/[^"]*$/.test(line)) return [];

  const fact = /\b([A-Za-z_]\w*)\.((?:\w+\.)*)\w*$/.exec(line);
  if (fact && lib.factGroups.has(fact[1])) {
    const prefix = fact[2];
    const out: CompletionItem[] = [];
    const seen = new Set<string>();
    for (const [path, info] of lib.factGroups.get(fact[1])!) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const head = rest.split('.')[0];
      if (rest.includes('.') && !seen.has(head)) {
        seen.add(head);
        out.push({ label: head, kind: CompletionItemKind.Module, detail: `${fact[1]}.${prefix}${head}.…` });
      } else if (!rest.includes('.')) {
        out.push({ label: rest, kind: CompletionItemKind.Field, detail: `${typeText(info.type)}${info.field.optional ? ' (optional)' : ''}`, documentation: info.field.doc ?? info.field.label });
      }
    }
    return out;
  }

  const inSet = /([A-Za-z_][\w.]*)(?:\([^()\n]*\))?\s+(?:not\s+)?in\s+\w*$/.exec(before);
  if (inSet) return setItems(lib, enumOfOperand(lib, inSet[1], formula)).concat([{ label: '[', kind: CompletionItemKind.Operator, detail: 'a list of members' }]);
  const member = /([A-Za-z_][\w.]*)(?:\([^()\n]*\))?\s+(is(?:\s+not)?|(?:not\s+)?in\s*\[(?:[^\]\n]*,)?)\s*\w*$/.exec(before);
  if (member) {
    const items = memberItems(lib, enumOfOperand(lib, member[1], formula));
    if (member[2].startsWith('is')) items.push(...['present', 'missing', ...(member[2] === 'is' ? ['not'] : [])].map(kw));
    return items;
  }
  if (/(?:\beffective\s+|\.\.)[\d-]*$/.test(line)) return years(lib.horizon);
  if (/:\s*(?:list\s+of\s+)?\w*$/.test(line)) {
    const items: CompletionItem[] = [...SCALAR_NAMES].map((s) => ({ label: s, kind: CompletionItemKind.TypeParameter }));
    for (const e of lib.enums.keys()) items.push({ label: e, kind: CompletionItemKind.Enum });
    if (!/\bof\s+\w*$/.test(line)) items.push({ label: 'list of', kind: CompletionItemKind.Keyword });
    return items;
  }
  if (/\bstatus\s+\w*$/.test(line)) return ['confirmed', 'unconfirmed'].map(kw);
  if (/\)\s*to\s+\w*$/.test(line)) return ['dollar', 'cent'].map(kw);
  if (/\bhalf\s+\w*$/.test(line)) return ['up', 'even'].map(kw);
  if (/\bdecision\s+\w+\s+for\s+\w*$/.test(line)) return [...lib.factGroups.keys()].map((g) => ({ label: g, kind: CompletionItemKind.Module }));

  const where = enclosing(text.slice(0, at.offset));
  const atLineStart = /^\s*\w*$/.test(line);
  if (where === 'none') return TOP.map(kw);
  if (where === 'enum' || where === 'facts') return atLineStart ? [kw('end')] : [];
  const items = nameItems(lib, where === 'formula' ? formula : undefined, where === 'decision' ? letsAt(lib, at.file, at.offset) : wheresAt(formula, at.offset)).concat(EXPR.map(kw));
  if (atLineStart) {
    const clauseWords = where === 'decision' ? DECISION_LINE : [...FORMULA_LINE, ...TOP];
    for (const w of clauseWords) items.push({ ...kw(w), sortText: `0${w}` });
  }
  return items;
}

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(safe(ctx, 'completion', [], (p) => completionAt(ctx, p.textDocument.uri, p.position)));
}
