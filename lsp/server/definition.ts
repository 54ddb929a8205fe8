/** Go to definition: from any name to where it is declared (every version of a formula or rule). */
import type { Location } from 'vscode-languageserver';
import { locate, type ServerContext } from './context.js';
import { pathToUri, toRange } from './positions.js';
import { safe } from './safe.js';

export function definitionAt(ctx: ServerContext, uri: string, position: { line: number; character: number }): Location[] {
  const at = locate(ctx, uri, position);
  if (!at) return [];
  const occ = ctx.index.occurrenceAt(at.file, at.offset);
  if (!occ) return [];
  return ctx.index.definitions(occ.key).map((d) => ({ uri: pathToUri(d.file), range: toRange(d.range) }));
}

export function registerDefinition(ctx: ServerContext): void {
  ctx.connection.onDefinition(safe(ctx, 'definition', [], (p) => definitionAt(ctx, p.textDocument.uri, p.position)));
}
