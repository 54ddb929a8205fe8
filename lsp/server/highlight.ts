/** Document highlight: the other occurrences of the name under the cursor in the same file (declarations as writes). */
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import { locate, type ServerContext } from './context.js';
import { toRange } from './positions.js';

export function registerHighlight(ctx: ServerContext): void {
  ctx.connection.onDocumentHighlight((p): DocumentHighlight[] => {
    const at = locate(ctx, p.textDocument.uri, p.position);
    if (!at) return [];
    const occ = ctx.index.occurrenceAt(at.file, at.offset);
    if (!occ) return [];
    return ctx.index
      .occurrences(at.file)
      .filter((o) => o.key === occ.key)
      .map((o) => ({ range: toRange(o.range), kind: o.isDefinition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
  });
}
