/**
 * The language-server figures for the summary: runs bench/lsp.ts's benchLsp
 * (its sessions on the rule library, on a generated 10k-line file, and with
 * huge documents open) and takes the rows it gives measure.ts's printTable.
 * bench/lsp.ts only prints; if it stops printing through printTable, this
 * says so rather than report nothing.
 */
import type { LspFigure } from './figures.js';
import { benchLsp } from './lsp.js';
import { collectTables } from './measure.js';

export async function measureLsp(): Promise<LspFigure[]> {
  const tables = await collectTables(benchLsp);
  const rows = tables.flatMap((t) => t.rows);
  if (rows.length === 0) throw new Error('bench/lsp.ts gave no rows to printTable (bench/measure.ts): the summary has no language-server figures');
  return rows.map((r) => ({ name: r.name, runs: r.runs, p50: r.p50, p95: r.p95 }));
}
