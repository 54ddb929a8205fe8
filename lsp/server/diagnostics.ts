/**
 * Diagnostics on open and change, debounced. The whole workspace is one
 * library (a renamed formula breaks callers in other files), so after a
 * change every file whose diagnostics differ from what was last published is
 * republished, and the changed file always is — first (the last edited file
 * before the others). The work yields to the event loop between files (while
 * files are parsed and while diagnostics are sent), so requests are answered
 * in between, and it stops as soon as a newer change makes it stale.
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
  /** files to republish even when unchanged, in the order they were edited */
  private readonly forced = new Set<string>();
  /** bumped by every change: work of an older generation is stale */
  private generation = 0;
  /** how many files are sent before yielding to the event loop */
  static readonly BATCH = 8;

  constructor(private readonly ctx: ServerContext) {}

  /** Schedules a publish after the debounce delay; `file` is always republished, before the others. */
  schedule(file?: string): void {
    if (file) {
      this.forced.delete(file);
      this.forced.add(file);
    }
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.publish(), this.ctx.settings.diagnosticsDelay);
  }

  async publish(): Promise<void> {
    this.timer = undefined;
    const generation = this.generation;
    const stale = (): boolean => generation !== this.generation;
    const { index, connection } = this.ctx;
    const first = [...this.forced].reverse();
    let lib;
    try {
      if (!(await index.prepare(first, stale))) return;
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
    const order = [...new Set([...first.filter((f) => byFile.has(f)), ...byFile.keys()])];
    let sent = 0;
    for (const file of order) {
      const diagnostics = byFile.get(file)!;
      if (stale()) return;
      const json = JSON.stringify(diagnostics);
      const forced = this.forced.delete(file);
      if (this.published.get(file) === json && !forced) continue;
      this.published.set(file, json);
      void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics });
      if (++sent % DiagnosticsPublisher.BATCH === 0 || forced) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
