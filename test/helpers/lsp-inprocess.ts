/**
 * The language server's request handlers in process (for fuzzing): a
 * workspace index over given documents, a connection that only logs, and
 * every feature function the server registers, called as the server would.
 */
import { pathToFileURL } from 'node:url';
import { ResponseError, type Position, type Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../lsp/server/code-actions.js';
import { completionAt } from '../../lsp/server/completion.js';
import type { ServerContext } from '../../lsp/server/context.js';
import { definitionAt } from '../../lsp/server/definition.js';
import { toLspDiagnostic } from '../../lsp/server/diagnostics.js';
import { foldingRanges } from '../../lsp/server/folding.js';
import { formattingEdits } from '../../lsp/server/formatting.js';
import { highlightsAt } from '../../lsp/server/highlight.js';
import { hoverAt } from '../../lsp/server/hover.js';
import { inlayHints } from '../../lsp/server/inlay-hints.js';
import { referencesAt } from '../../lsp/server/references.js';
import { prepareRenameAt, renameEdits } from '../../lsp/server/rename.js';
import { semanticTokens } from '../../lsp/server/semantic-tokens.js';
import { documentSymbols, workspaceSymbols } from '../../lsp/server/symbols.js';
import { WorkspaceIndex } from '../../lsp/server/workspace-index.js';

export interface InProcessServer {
  ctx: ServerContext;
  errors: string[];
  open(file: string, text: string): string;
}

export function inProcessServer(): InProcessServer {
  const docs = new Map<string, TextDocument>();
  const errors: string[] = [];
  const index = new WorkspaceIndex();
  const connection = { console: { error: (m: string) => errors.push(m), log: () => undefined, warn: () => undefined, info: () => undefined } };
  const ctx = { connection, documents: { get: (uri: string) => docs.get(uri) }, index, settings: { diagnosticsDelay: 0, fiscalYear: 2019 } } as unknown as ServerContext;
  let version = 0;
  return {
    ctx,
    errors,
    open(file: string, text: string): string {
      const uri = pathToFileURL(file).href;
      const doc = TextDocument.create(uri, file.endsWith('.lcff') ? 'lcff' : 'yaml', ++version, text);
      docs.set(uri, doc);
      index.setOpen(file, doc);
      return uri;
    },
  };
}

/** Every request at one position and range of a document; returns what each answered (so the caller can check the answers are well formed). */
export function allRequests(s: InProcessServer, uri: string, position: Position, range: Range, newName: string): Record<string, unknown> {
  const { ctx } = s;
  const out: Record<string, unknown> = {};
  const refusals = (fn: () => unknown): unknown => {
    try {
      return fn();
    } catch (e) {
      // rename refuses keywords, built-ins and non-names with a ResponseError for the user: an answer, not a crash
      if (e instanceof ResponseError) return { refused: e.message };
      throw e;
    }
  };
  out.diagnostics = ctx.index.library().diagnostics.map(toLspDiagnostic);
  out.hover = hoverAt(ctx, uri, position);
  out.completion = completionAt(ctx, uri, position);
  out.definition = definitionAt(ctx, uri, position);
  out.references = referencesAt(ctx, uri, position, true);
  out.highlight = highlightsAt(ctx, uri, position);
  out.prepareRename = refusals(() => prepareRenameAt(ctx, uri, position));
  out.rename = refusals(() => renameEdits(ctx, uri, position, newName));
  out.symbols = documentSymbols(ctx, uri);
  out.workspaceSymbols = workspaceSymbols(ctx, newName.slice(0, 2));
  out.semanticTokens = semanticTokens(ctx, uri);
  out.formatting = formattingEdits(ctx, uri);
  out.codeActions = codeActions(ctx, uri, range);
  out.inlayHints = inlayHints(ctx, uri, range);
  out.folding = foldingRanges(ctx, uri);
  return out;
}
