/**
 * Diagnostics on open and change, debounced. The whole workspace is one
 * library (a renamed formula breaks callers in other files), so after a
 * change every file whose diagnostics differ from what was last published is
 * republished, and the changed file always is.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { ServerContext } from './context.js';
import { pathToUri, toRange } from './positions.js';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: toRange(d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'lcff',
    message: d.message,
    relatedInformation: d.related?.map((r) => ({ location: { uri: pathToUri(r.file), range: toRange(r.range) }, message: r.message })),
    data: d.data,
  };
}

export class DiagnosticsPublisher {
  private timer: NodeJS.Timeout | undefined;
  private readonly published = new Map<string, string>();
  private readonly forced = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  /** Schedules a publish after the debounce delay; `file` is always republished. */
  schedule(file?: string): void {
    if (file) this.forced.add(file);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.publish(), this.ctx.settings.diagnosticsDelay);
  }

  publish(): void {
    this.timer = undefined;
    const { index, connection } = this.ctx;
    let lib;
    try {
      lib = index.library();
    } catch (e) {
      connection.console.error(`lcff: building the library failed: ${(e as Error).stack ?? e}`);
      return;
    }
    const byFile = new Map<string, LspDiagnostic[]>();
    for (const f of index.files()) byFile.set(f, []);
    for (const d of lib.diagnostics) {
      const list = byFile.get(d.file) ?? [];
      list.push(toLspDiagnostic(d));
      byFile.set(d.file, list);
    }
    for (const file of this.published.keys()) if (!byFile.has(file)) byFile.set(file, []);
    for (const [file, diagnostics] of byFile) {
      const json = JSON.stringify(diagnostics);
      if (this.published.get(file) === json && !this.forced.has(file)) continue;
      this.published.set(file, json);
      void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics });
    }
    this.forced.clear();
  }
}
