/**
 * A real LSP client for the tests: spawns `node dist/lsp/server/main.js
 * --stdio` and talks to it with vscode-languageserver-protocol's connection.
 * `markers` strips Langium-style cursor markers `<|>` and ranges `<|...|>`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node.js';
import type { Diagnostic, Position, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';

export const ROOT = resolve(import.meta.dirname, '../..');

export function uri(path: string): string {
  return pathToFileURL(resolve(ROOT, path)).href;
}

export interface Marked {
  text: string;
  cursors: Position[];
  ranges: Range[];
}

function posAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** `a<|>b` → cursor at 1; `<|ab|>` → range over "ab". */
export function markers(marked: string): Marked {
  let text = '';
  const cursorOffsets: number[] = [];
  const rangeOffsets: Array<[number, number]> = [];
  const open: number[] = [];
  for (let i = 0; i < marked.length; ) {
    if (marked.startsWith('<|>', i)) {
      cursorOffsets.push(text.length);
      i += 3;
    } else if (marked.startsWith('<|', i)) {
      open.push(text.length);
      i += 2;
    } else if (marked.startsWith('|>', i) && open.length) {
      rangeOffsets.push([open.pop()!, text.length]);
      i += 2;
    } else text += marked[i++];
  }
  return { text, cursors: cursorOffsets.map((o) => posAt(text, o)), ranges: rangeOffsets.sort((a, b) => a[0] - b[0]).map(([s, e]) => ({ start: posAt(text, s), end: posAt(text, e) })) };
}

export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** the uri of every publishDiagnostics, in the order they arrived */
  readonly published: string[] = [];
  private waiters: Array<{ uri: string; pred: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
  private versions = new Map<string, number>();
  stderr = '';

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {}

  /** `serverScript`: another build of the server (the bundle inside the .vsix); default the project's dist/. */
  static async start(rootPath = ROOT, initializationOptions: Record<string, unknown> = {}, serverScript = join(ROOT, 'dist/lsp/server/main.js')): Promise<TestClient> {
    const proc = spawn(process.execPath, [serverScript, '--stdio'], { cwd: dirname(serverScript), stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, conn);
    proc.stderr!.on('data', (b) => (client.stderr += String(b)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p.diagnostics);
      client.published.push(p.uri);
      client.waiters = client.waiters.filter((w) => {
        if (w.uri !== p.uri || !w.pred(p.diagnostics)) return true;
        w.resolve(p.diagnostics);
        return false;
      });
    });
    conn.onRequest('workspace/configuration', () => [{ fiscalYear: initializationOptions.fiscalYear ?? '2019-20' }]);
    conn.onRequest('workspace/inlayHint/refresh', () => null);
    conn.listen();
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootPath).href,
      workspaceFolders: [{ uri: pathToFileURL(rootPath).href, name: 'root' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { diagnosticsDelay: 20, ...initializationOptions },
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `pred` (or the current ones if they already do and `fresh` is false). */
  nextDiagnostics(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, pred, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  async open(docUri: string, text: string): Promise<void> {
    this.versions.set(docUri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId: docUri.endsWith('.lcff') ? 'lcff' : 'yaml', version: 1, text } });
  }

  async change(docUri: string, text: string): Promise<void> {
    const v = (this.versions.get(docUri) ?? 1) + 1;
    this.versions.set(docUri, v);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: docUri, version: v }, contentChanges: [{ text }] });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    this.proc.kill();
  }
}
