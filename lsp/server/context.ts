/** What every feature gets: the connection, the open documents, the workspace index and the settings. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FiscalYear } from '../../src/core/fiscal-year.js';
import { uriToPath } from './positions.js';
import type { WorkspaceIndex } from './workspace-index.js';

export interface Settings {
  /** `lcff.fiscalYear`: the year inlay hints show parameter values for; unset: the library's last year (its manifest's horizon). */
  fiscalYear?: FiscalYear;
  /** Debounce of diagnostics after a change, in ms. */
  diagnosticsDelay: number;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  index: WorkspaceIndex;
  settings: Settings;
}

/** The fiscal year the editor shows values for: the setting, else the last year of the library. */
export function editorYear(ctx: ServerContext): FiscalYear {
  return ctx.settings.fiscalYear ?? ctx.index.library().horizon.last;
}

/** The file path, its document and the offset of an LSP position; undefined for files outside the workspace. */
export function locate(ctx: ServerContext, uri: string, position: { line: number; character: number }): { file: string; doc: TextDocument; offset: number } | undefined {
  const file = uriToPath(uri);
  const doc = ctx.documents.get(uri) ?? ctx.index.document(file);
  if (!doc) return undefined;
  return { file, doc, offset: doc.offsetAt(position) };
}
