/** Formatting: the canonical layout of src/format (the same as `lcff fmt`); files with syntax errors are left alone. */
import type { TextEdit } from 'vscode-languageserver';
import { formatRuleText } from '../../src/format/index.js';
import type { ServerContext } from './context.js';
import { uriToPath } from './positions.js';
import { safe } from './safe.js';

export function formattingEdits(ctx: ServerContext, uri: string): TextEdit[] {
  const file = uriToPath(uri);
  const doc = ctx.documents.get(uri) ?? ctx.index.document(file);
  if (!doc || !file.endsWith('.lcff')) return [];
  const text = doc.getText();
  const formatted = formatRuleText(text);
  if (formatted === undefined || formatted === text) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, newText: formatted }];
}

export function registerFormatting(ctx: ServerContext): void {
  ctx.connection.onDocumentFormatting(safe(ctx, 'formatting', [], (p) => formattingEdits(ctx, p.textDocument.uri)));
}
