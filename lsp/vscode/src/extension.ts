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

/**
 * The server, run by VS Code's own Node as a module: the `lcff.server.path`
 * setting when given (e.g. the dist/lsp/server/main.js of an lcff-rules
 * clone under development), else the server bundled in the extension
 * (dist/server.js, built by scripts/bundle.mjs); `lcff-lsp` on the PATH only
 * when neither exists (an extension run from source before bundling).
 */
function serverCommand(context: ExtensionContext): NodeModule | Executable {
  const configured = workspace.getConfiguration('lcff').get<string>('server.path');
  const bundled = context.asAbsolutePath(join('dist', 'server.js'));
  const script = configured || (existsSync(bundled) ? bundled : undefined);
  return script ? { module: script, args: ['--stdio'], transport: TransportKind.stdio } : { command: 'lcff-lsp', args: ['--stdio'], transport: TransportKind.stdio };
}

export async function activate(context: ExtensionContext): Promise<void> {
  const exe = serverCommand(context);
  const serverOptions: ServerOptions = 'module' in exe ? { run: exe, debug: exe } : { run: exe, debug: exe as Executable };
  const config = workspace.getConfiguration('lcff');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'lcff' },
      { scheme: 'file', language: 'yaml', pattern: '**/rules/**/*.{yaml,yml}' },
    ],
    synchronize: { configurationSection: 'lcff', fileEvents: workspace.createFileSystemWatcher('**/*.{lcff,yaml,yml}') },
    initializationOptions: { fiscalYear: config.get<string>('fiscalYear'), rulesPath: config.get<string>('rulesPath') || undefined, reformPath: config.get<string>('reformPath') || undefined },
  };
  client = new LanguageClient('lcff', 'LCFF rules', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
