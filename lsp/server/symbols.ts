/** Document symbols (the outline: declarations with their members, fields, outputs and rules) and workspace symbols. */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { SourceRange } from '../../src/core/diagnostics.js';
import { formatRange } from '../../src/core/fiscal-year.js';
import type { SymbolKind as LibKind } from '../../src/semantics/library.js';
import { locate, type ServerContext } from './context.js';
import { pathToUri, toRange, uriToPath } from './positions.js';
import { safe } from './safe.js';

const KINDS: Record<LibKind, SymbolKind> = {
  enum: SymbolKind.Enum,
  member: SymbolKind.EnumMember,
  facts: SymbolKind.Struct,
  fact: SymbolKind.Field,
  formula: SymbolKind.Function,
  decision: SymbolKind.Class,
  output: SymbolKind.Property,
  rule: SymbolKind.Method,
  param: SymbolKind.Constant,
  local: SymbolKind.Variable,
  set: SymbolKind.Constant,
};

function sym(name: string, detail: string, kind: SymbolKind, full: SourceRange, sel: SourceRange, children?: DocumentSymbol[]): DocumentSymbol {
  return { name, detail, kind, range: toRange(full), selectionRange: toRange(sel), children };
}

export function documentSymbols(ctx: ServerContext, uri: string): DocumentSymbol[] {
  const file = uriToPath(uri);
  const lib = ctx.index.library();
  const rf = lib.files.find((f) => f.file === file);
  if (!rf) {
    return lib.paramList.filter((p) => p.file === file).map((p) => sym(p.name, `${p.unit}${p.by ? ` by ${p.by}` : ''}`, SymbolKind.Constant, p.range, p.range, p.values.map((v) => sym(String(v.year), v.status, SymbolKind.Key, v.range, v.range))));
  }
  const years = (e?: { years: Parameters<typeof formatRange>[0] }): string => (e ? formatRange(e.years) : '');
  return rf.declarations.map((d) => {
    switch (d.kind) {
      case 'enum':
        return sym(d.name.text, d.label ?? 'enum', SymbolKind.Enum, d.range, d.name.range, d.members.map((m) => sym(m.name.text, m.label ?? '', SymbolKind.EnumMember, m.range, m.name.range)));
      case 'set':
        return sym(d.name.text, `set of ${d.of.text}`, SymbolKind.Constant, d.range, d.name.range, d.members.map((m) => sym(m.text, '', SymbolKind.EnumMember, m.range, m.range)));
      case 'facts':
        return sym(d.name.text, d.label ?? 'facts', SymbolKind.Struct, d.range, d.name.range, d.fields.map((f) => sym(f.name.text, f.label ?? '', SymbolKind.Field, f.range, f.name.range)));
      case 'formula':
        return sym(d.name.text, years(d.effective) || 'formula', SymbolKind.Function, d.range, d.name.range);
      case 'decision':
        return sym(d.name.text, `for ${d.subject.text}`, SymbolKind.Class, d.range, d.name.range, [
          ...d.outputs.map((o) => sym(o.name.text, 'output', SymbolKind.Property, o.range, o.name.range)),
          ...d.rules.map((r) => sym(r.name.text, years(r.effective), SymbolKind.Method, r.range, r.name.range)),
        ]);
    }
  });
}

export function workspaceSymbols(ctx: ServerContext, query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  return ctx.index
    .library()
    .definitions.filter((d) => d.kind !== 'local' && d.name.toLowerCase().includes(q))
    .slice(0, 500)
    .map((d) => ({ name: d.name, kind: KINDS[d.kind], containerName: d.detail, location: { uri: pathToUri(d.file), range: toRange(d.fullRange ?? d.range) } }));
}

export function registerSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(safe(ctx, 'document symbols', [], (p) => (locate(ctx, p.textDocument.uri, { line: 0, character: 0 }) ? documentSymbols(ctx, p.textDocument.uri) : [])));
  ctx.connection.onWorkspaceSymbol(safe(ctx, 'workspace symbols', [], (p) => workspaceSymbols(ctx, p.query)));
}
