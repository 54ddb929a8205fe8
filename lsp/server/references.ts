/** Find references: every use of the name under the cursor, in every file (with its declarations when asked). */
import type { Location } from 'vscode-languageserver';
import { locate, type ServerContext } from './context.js';
import { pathToUri, toRange } from './positions.js';
import { safe } from './safe.js';

export function referencesAt(ctx: ServerContext, uri: string, position: { line: number; character: number }, includeDeclaration: boolean): Location[] {
  const at = locate(ctx, uri, position);
  if (!at) return [];
  const occ = ctx.index.occurrenceAt(at.file, at.offset);
  if (!occ) return [];
  return ctx.index
    .allOccurrences(occ.key)
    .filter((o) => includeDeclaration || !o.isDefinition)
    .map((o) => ({ uri: pathToUri(o.file), range: toRange(o.range) }));
}

export function registerReferences(ctx: ServerContext): void {
  ctx.connection.onReferences(safe(ctx, 'references', [], (p) => referencesAt(ctx, p.textDocument.uri, p.position, p.context.includeDeclaration)));
}
