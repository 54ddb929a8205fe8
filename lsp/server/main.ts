/**
 * The lcff language server over stdio: `lcff lsp --stdio` or the `lcff-lsp`
 * bin. Wires each feature (one file each) to vscode-languageserver; every
 * feature reads the compiler's own checked `Library` from the workspace index.
 */
import { resolve } from 'node:path';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeParams } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFiscalYear, type FiscalYear } from '../../src/core/fiscal-year.js';
import { registerCodeActions } from './code-actions.js';
import { registerCompletion } from './completion.js';
import type { ServerContext, Settings } from './context.js';
import { registerDefinition } from './definition.js';
import { DiagnosticsPublisher } from './diagnostics.js';
import { registerFolding } from './folding.js';
import { registerFormatting } from './formatting.js';
import { registerHighlight } from './highlight.js';
import { registerHover } from './hover.js';
import { registerInlayHints } from './inlay-hints.js';
import { uriToPath } from './positions.js';
import { registerReferences } from './references.js';
import { registerRename } from './rename.js';
import { registerSemanticTokens, SEMANTIC_LEGEND } from './semantic-tokens.js';
import { registerSymbols } from './symbols.js';
import { WorkspaceIndex } from './workspace-index.js';
import { startFromArgs } from './args.js';

function readFiscalYear(value: unknown, fallback: FiscalYear | undefined): FiscalYear | undefined {
  if (typeof value === 'string') return parseFiscalYear(value) ?? fallback;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  return fallback;
}

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const settings: Settings = { diagnosticsDelay: 150 };
  const index = new WorkspaceIndex();
  const ctx: ServerContext = { connection, documents, index, settings };
  const diagnostics = new DiagnosticsPublisher(ctx);
  let roots: string[] = [];
  let canPullConfig = false;

  connection.onInitialize(async (params: InitializeParams) => {
    const opts = (params.initializationOptions ?? {}) as { rulesPath?: string; reformPath?: unknown; fiscalYear?: unknown; diagnosticsDelay?: number };
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? (params.rootUri ? [uriToPath(params.rootUri)] : params.rootPath ? [params.rootPath] : []);
    roots = WorkspaceIndex.rulesRoots(folders, opts.rulesPath);
    settings.fiscalYear = readFiscalYear(opts.fiscalYear, settings.fiscalYear);
    if (typeof opts.diagnosticsDelay === 'number') settings.diagnosticsDelay = opts.diagnosticsDelay;
    canPullConfig = params.capabilities.workspace?.configuration === true;
    // a reform folder (relative to the first workspace folder) is checked overlaid on the library (docs/reforms.md)
    const reform = typeof opts.reformPath === 'string' && opts.reformPath !== '' ? resolve(folders[0] ?? '.', opts.reformPath) : undefined;
    await index.scan(roots, reform);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', '[', ' ', '"', ','] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'lcff-lsp', version: '0.1.0' },
    };
  });

  const pullSettings = async (): Promise<void> => {
    if (!canPullConfig) return;
    try {
      const lcff = (await connection.workspace.getConfiguration('lcff')) as { fiscalYear?: unknown } | null;
      settings.fiscalYear = readFiscalYear(lcff?.fiscalYear, settings.fiscalYear);
    } catch {
      // client without configuration support: keep the defaults
    }
  };

  connection.onInitialized(async () => {
    await pullSettings();
    diagnostics.publish();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const lcff = (change.settings as { lcff?: { fiscalYear?: unknown } } | null)?.lcff;
    if (lcff) settings.fiscalYear = readFiscalYear(lcff.fiscalYear, settings.fiscalYear);
    else await pullSettings();
    void connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  documents.onDidOpen((e) => {
    index.setOpen(uriToPath(e.document.uri), e.document);
    diagnostics.schedule(uriToPath(e.document.uri));
  });
  documents.onDidChangeContent((e) => {
    index.setOpen(uriToPath(e.document.uri), e.document);
    diagnostics.schedule(uriToPath(e.document.uri));
  });
  documents.onDidClose((e) => {
    index.close(uriToPath(e.document.uri));
    diagnostics.schedule();
  });
  connection.onDidChangeWatchedFiles((e) => {
    for (const c of e.changes) index.reloadFromDisk(uriToPath(c.uri));
    diagnostics.schedule();
  });

  registerCompletion(ctx);
  registerHover(ctx);
  registerDefinition(ctx);
  registerReferences(ctx);
  registerHighlight(ctx);
  registerRename(ctx);
  registerSymbols(ctx);
  registerFolding(ctx);
  registerSemanticTokens(ctx);
  registerFormatting(ctx);
  registerCodeActions(ctx);
  registerInlayHints(ctx);

  documents.listen(connection);
  connection.listen();
}

/** Run directly (the `lcff-lsp` bin or `node dist/lsp/server/main.js --stdio`): start. */
function isMain(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) startFromArgs(process.argv.slice(2), startServer);
