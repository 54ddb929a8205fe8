/** Document highlight: the other occurrences of the name under the cursor in the same file (declarations as writes). */
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import { locate, type ServerContext } from './context.js';
import { toRange } from './positions.js';
import { safe } from './safe.js';

export function highlightsAt(ctx: ServerContext, uri: string, position: { line: number; character: number }): DocumentHighlight[] {
  const at = locate(ctx, uri, position);
  if (!at) return [];
  const occ = ctx.index.occurrenceAt(at.file, at.offset);
  if (!occ) return [];
  return ctx.index
    .occurrences(at.file)
    .filter((o) => o.key === occ.key)
    .map((o) => ({ range: toRange(o.range), kind: o.isDefinition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

export function registerHighlight(ctx: ServerContext): void {
  ctx.connection.onDocumentHighlight(safe(ctx, 'highlight', [], (p) => highlightsAt(ctx, p.textDocument.uri, p.position)));
}
