/**
 * The VS Code client: starts the lcff language server over stdio for `.lcff`
 * files and the parameter YAML under the rule folder, and passes the
 * `lcff.fiscalYear` setting on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type Executable, type LanguageClientOptions, type NodeModule, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The server: a script run by VS Code's own Node (a NodeModule), or the `lcff-lsp` command on the PATH. */
function serverCommand(): NodeModule | Executable {
  const configured = workspace.getConfiguration('lcff').get<string>('server.path');
  const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const local = folder ? join(folder, 'dist/lsp/server/main.js') : undefined;
  const script = configured || (local && existsSync(local) ? local : undefined);
  return script ? { module: script, args: ['--stdio'], transport: TransportKind.stdio } : { command: 'lcff-lsp', args: ['--stdio'], transport: TransportKind.stdio };
}

export async function activate(context: ExtensionContext): Promise<void> {
  const exe = serverCommand();
  const serverOptions: ServerOptions = 'module' in exe ? { run: exe, debug: exe } : { run: exe, debug: exe as Executable };
  const config = workspace.getConfiguration('lcff');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'lcff' },
      { scheme: 'file', language: 'yaml', pattern: '**/rules/**/*.{yaml,yml}' },
    ],
    synchronize: { configurationSection: 'lcff', fileEvents: workspace.createFileSystemWatcher('**/*.{lcff,yaml,yml}') },
    initializationOptions: { fiscalYear: config.get<string>('fiscalYear'), rulesPath: config.get<string>('rulesPath') || undefined },
  };
  client = new LanguageClient('lcff', 'LCFF rules', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
