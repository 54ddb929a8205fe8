/**
 * The language-server figures for the summary: bench/lsp.ts's sessions on
 * the rule library, on a generated 10k-line file, and with huge documents
 * open, as data (lspFigures).
 */
import type { LspFigure } from './figures.js';
import { lspFigures } from './lsp.js';

export async function measureLsp(): Promise<LspFigure[]> {
  return (await lspFigures()).map((r) => ({ name: r.name, runs: r.runs, p50: r.p50, p95: r.p95 }));
}
