/**
 * `npm run bench` with no bench named: one summary measured in this run —
 * throughput at each size (bench/throughput.ts), whole-process start-up
 * (bench/startup.ts), language-server latency (bench/lsp.ts) — printed as one
 * document with the goals of issue 9 (bench/summary.ts), and saved as JSON
 * with `--json <file>` (bench/figures.ts). Progress goes to stderr.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { BenchFigures } from './figures.js';
import { measureLsp } from './lsp-figures.js';
import type { SummaryOptions } from './options.js';
import { measureStartup } from './startup.js';
import { renderSummary } from './summary.js';
import { measureThroughput } from './throughput.js';

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

export async function benchSummary(o: SummaryOptions): Promise<BenchFigures> {
  const figures: BenchFigures = {
    started: new Date().toISOString(),
    machine: { cpus: availableParallelism(), load: loadavg(), node: process.version },
    options: { rows: o.rows, seed: o.seed, repeat: o.repeat, sample: o.sample },
    throughput: [],
    startup: [],
    lsp: [],
  };
  if (o.sections.includes('throughput')) {
    for (const rows of o.rows) {
      log(`throughput at ${rows.toLocaleString('en-US')} rows`);
      figures.throughput.push(await measureThroughput(rows, o.seed, o.repeat, o.sample, log));
    }
  }
  if (o.sections.includes('startup')) {
    log('start-up');
    figures.startup = await measureStartup(Math.max(5, 5 * o.repeat));
  }
  if (o.sections.includes('lsp')) {
    log('language server');
    figures.lsp = await measureLsp();
  }
  process.stdout.write(renderSummary(figures));
  if (o.json) writeFileSync(o.json, `${JSON.stringify(figures, null, 2)}\n`);
  return figures;
}
