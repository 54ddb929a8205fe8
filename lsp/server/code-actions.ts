/**
 * Code actions: did-you-mean for an unknown name (from the checker's
 * suggestions), a citation stub for a rule or formula that cites nothing,
 * and splitting a rule (or a formula version) at a fiscal year: the first
 * part keeps the years before it, a copy takes the years from it on. The
 * split is offered at the `lcff.fiscalYear` setting and at the next budget
 * year after the library's last.
 */
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatFiscalYear, formatRange, type YearRange } from '../../src/core/fiscal-year.js';
import { SemanticCodes } from '../../src/semantics/diagnostic-codes.js';
import type { Effective, Node } from '../../src/syntax/ast.js';
import { editorYear, locate, type ServerContext } from './context.js';
import { toLspDiagnostic } from './diagnostics.js';
import { toRange } from './positions.js';
import { safe } from './safe.js';

const overlaps = (a: Range, b: Range): boolean =>
  !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character) || b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));

interface Versioned extends Node {
  name: { text: string };
  effective?: Effective;
}

function splitAction(uri: string, doc: TextDocument, item: Versioned, what: string, year: number): CodeAction | undefined {
  const eff = item.effective;
  if (!eff || !(eff.years.from < year && (eff.years.to === undefined || year <= eff.years.to))) return undefined;
  const text = doc.getText();
  const effText = text.slice(eff.range.start.offset, eff.range.end.offset);
  const withKeyword = /^effective\b/.test(effText);
  const clause = (r: YearRange): string => `${withKeyword ? 'effective ' : ''}${formatRange(r)}`;
  const early = clause({ from: eff.years.from, to: year - 1 });
  const late = clause({ from: year, to: eff.years.to });
  const lineStart = text.lastIndexOf('\n', item.range.start.offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const body = text.slice(item.range.start.offset, item.range.end.offset);
  const rel = eff.range.start.offset - item.range.start.offset;
  const copy = body.slice(0, rel) + late + body.slice(rel + effText.length);
  const edits: TextEdit[] = [
    { range: toRange(eff.range), newText: early },
    { range: { start: doc.positionAt(item.range.end.offset), end: doc.positionAt(item.range.end.offset) }, newText: `\n\n${indent}${copy}` },
  ];
  return {
    title: `Split ${what} ${item.name.text} at ${formatFiscalYear(year)} (${formatRange({ from: eff.years.from, to: year - 1 })} / ${formatRange({ from: year, to: eff.years.to })})`,
    kind: CodeActionKind.RefactorRewrite,
    edit: { changes: { [uri]: edits } },
  };
}

export function codeActions(ctx: ServerContext, uri: string, range: Range): CodeAction[] {
  const at = locate(ctx, uri, range.start);
  if (!at || !at.file.endsWith('.lcff')) return [];
  const lib = ctx.index.library();
  const out: CodeAction[] = [];
  const text = at.doc.getText();
  for (const d of lib.diagnostics) {
    if (d.file !== at.file || !overlaps(toRange(d.range), range)) continue;
    const suggestions = (d.data?.suggestions as string[] | undefined) ?? [];
    suggestions.forEach((s, i) =>
      out.push({ title: `Change to "${s}"`, kind: CodeActionKind.QuickFix, isPreferred: i === 0, diagnostics: [toLspDiagnostic(d)], edit: { changes: { [uri]: [{ range: toRange(d.range), newText: s }] } } }),
    );
    if (d.code === SemanticCodes.missingCitation) {
      const eol = text.indexOf('\n', d.range.end.offset);
      const lineStart = text.lastIndexOf('\n', d.range.start.offset - 1) + 1;
      const indent = /^[ \t]*/.exec(text.slice(lineStart))![0] + '  ';
      const pos = at.doc.positionAt(eol < 0 ? text.length : eol);
      out.push({ title: 'Add a citation stub', kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [toLspDiagnostic(d)], edit: { changes: { [uri]: [{ range: { start: pos, end: pos }, newText: `\n${indent}cite "TODO: statute, regulation or CDE page"` }] } } });
    }
  }
  const offset = at.offset;
  const years = [...new Set([editorYear(ctx), lib.horizon.last + 1])];
  const rf = lib.files.find((f) => f.file === at.file);
  for (const decl of rf?.declarations ?? []) {
    if (decl.range.start.offset > offset || decl.range.end.offset < offset) continue;
    const targets: Array<[Versioned, string]> = decl.kind === 'formula' ? [[decl, 'formula']] : decl.kind === 'decision' ? decl.rules.filter((r) => r.range.start.offset <= offset && offset <= r.range.end.offset).map((r) => [r, 'rule']) : [];
    for (const [item, what] of targets) for (const y of years) {
      const a = splitAction(uri, at.doc, item, what, y);
      if (a) out.push(a);
    }
  }
  return out;
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(safe(ctx, 'code actions', [], (p) => codeActions(ctx, p.textDocument.uri, p.range)));
}
