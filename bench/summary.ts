/** Prints the figures of `npm run bench` (bench/figures.ts) as one document: throughput at each size, start-up, language server, each row with its goal. */
import { rate, ratioToBaseline, type BenchFigures, type ThroughputFigures } from './figures.js';
import { lspGoal, startupGoal, throughputGoal, type GoalCell } from './goals.js';

const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '?');

/** A plain-text table: left-aligned columns are named in `left`, the rest right-aligned. */
export function textTable(head: string[], body: string[][], left: ReadonlySet<number>): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (left.has(i) ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function throughputTable(t: ThroughputFigures): string {
  const head = ['contender', 'rows', 'runs', 'median ms', 'rows/s', '× baseline', 'peak RSS MB', 'goal', 'met?', 'measured / note'];
  const body = t.contenders.map((c) => {
    const g = throughputGoal(t, c);
    const ratio = ratioToBaseline(t, c);
    return [c.name, int(c.rows), String(c.runs), c.error ? '' : c.ms.toFixed(0), c.error ? '' : int(rate(c)), ratio === undefined ? '' : ratio.toFixed(2), Number.isFinite(c.rssMb) ? c.rssMb.toFixed(0) : '?', g.goal, g.met, c.error ?? g.measured ?? ''];
  });
  const title = `Throughput: a generated county of ${int(t.rows)} students (seed ${t.seed}); × baseline = time per row over the baseline's, measured in this run`;
  const json = t.jsonValid === undefined ? 'lcff run --json output: not checked (the run failed)' : `lcff run --json output: ${t.jsonValid ? 'valid JSON (read as a stream)' : `NOT valid JSON: ${t.jsonError ?? ''}`}`;
  return [title, textTable(head, body, new Set([0, 7, 8, 9])), json, ...t.agreement.map((a) => `${t.agrees ? 'agree' : 'DISAGREE'}: ${a}`)].join('\n');
}

export function renderSummary(f: BenchFigures): string {
  const cells: GoalCell[] = [];
  const keep = (g: GoalCell): GoalCell => (cells.push(g), g);
  const parts = [
    `lcff-rules benchmark summary, ${f.started}; ${f.machine.cpus} CPUs, load average ${f.machine.load.map((l) => l.toFixed(2)).join(' ')} at the start; node ${f.machine.node}`,
    `options: rows ${f.options.rows.map(int).join(', ')}; seed ${f.options.seed}; repeat ${f.options.repeat} (medians); json-rules-engine sample ${int(f.options.sample)}`,
  ];
  for (const t of f.throughput) {
    t.contenders.forEach((c) => keep(throughputGoal(t, c)));
    parts.push('', throughputTable(t));
  }
  if (f.startup.length > 0) {
    const node = f.startup.find((r) => r.name === 'node -e 0');
    const body = f.startup.map((r) => {
      const g = keep(startupGoal(f.startup, r));
      return [r.name, String(r.runs), r.ms.toFixed(1), node ? (r.ms / node.ms).toFixed(2) : '', g.goal, g.met];
    });
    parts.push('', 'Start-up: whole processes, interleaved runs, medians', textTable(['command', 'runs', 'median ms', '× node -e 0', 'goal', 'met?'], body, new Set([0, 4, 5])));
  }
  if (f.lsp.length > 0) {
    const body = f.lsp.map((r) => {
      const g = keep(lspGoal(r));
      return [r.name, String(r.runs), r.p50.toFixed(1), r.p95.toFixed(1), g.goal, g.met];
    });
    parts.push('', 'Language server: a real client over stdio, diagnostics debounce 0', textTable(['request', 'runs', 'p50 ms', 'p95 ms', 'goal', 'met?'], body, new Set([0, 4, 5])));
  }
  const judged = cells.filter((c) => c.met !== '—' || c.goal !== '');
  const met = judged.filter((c) => c.met === 'yes').length;
  const unknown = judged.filter((c) => c.met === '—').length;
  parts.push('', `goals met: ${met} of ${judged.length}${unknown ? ` (${unknown} not measurable in this run)` : ''}; agreement checks: ${f.throughput.every((t) => t.agrees) ? 'all agree' : 'SOME DISAGREE'}`);
  return `${parts.join('\n')}\n`;
}
