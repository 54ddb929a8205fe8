/** Timing helpers for `npm run bench`: repeated runs, median and p95, heap growth. */
import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  runs: number;
  p50: number; // ms
  p95: number; // ms
  /** items processed per run, for a throughput column */
  items?: number;
  heapMb?: number;
}

export async function measure(name: string, runs: number, fn: () => unknown | Promise<unknown>, items?: number): Promise<Measurement> {
  await fn(); // warm up
  const times: number[] = [];
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { name, runs, p50: at(0.5), p95: at(0.95), items, heapMb: (heapPeak - heapBefore) / 1048576 };
}

/** Prints a table; `ratio` is each row's p50 over the first row of its group, measured in this same run. */
export function printTable(title: string, rows: Measurement[]): void {
  const base = rows[0]?.p50 ?? 1;
  const head = ['benchmark', 'runs', 'p50 ms', 'p95 ms', 'items/s', 'heap +MB', `× ${rows[0]?.name ?? ''}`];
  const body = rows.map((r) => [
    r.name,
    String(r.runs),
    r.p50.toFixed(2),
    r.p95.toFixed(2),
    r.items ? Math.round((r.items / r.p50) * 1000).toLocaleString('en-US') : '',
    (r.heapMb ?? 0).toFixed(1),
    (r.p50 / base).toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`\n${title}\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${body.map(line).join('\n')}\n`);
}
