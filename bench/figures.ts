/**
 * The figures of one `npm run bench` summary: what `--json <file>` saves and
 * what bench/summary.ts prints. Every figure is measured in the run that
 * writes it; goals are evaluated from these (bench/goals.ts).
 */

/** The contenders of the throughput table, the baseline first. */
export const CONTENDERS = [
  { id: 'baseline', name: 'hand-written streaming baseline', kind: 'process' },
  { id: 'run-json', name: 'lcff run --json > file', kind: 'process' },
  { id: 'run-terminal', name: 'lcff run (terminal report) > file', kind: 'process' },
  { id: 'hand', name: 'decisions: hand-written loop', kind: 'decisions' },
  { id: 'kernel', name: 'decisions: compiled kernel', kind: 'decisions' },
  { id: 'closure', name: 'decisions: closure path', kind: 'decisions' },
  { id: 'engine', name: 'decisions: json-rules-engine (sample)', kind: 'decisions' },
] as const;
export type ContenderId = (typeof CONTENDERS)[number]['id'];

export interface ContenderFigure {
  id: ContenderId;
  name: string;
  /** rows each timed run processed (the sample for json-rules-engine) */
  rows: number;
  /** median over the runs: the whole process for `process` contenders, the timed decision passes for `decisions` ones */
  ms: number;
  /** the highest peak resident set size of its processes, MB */
  rssMb: number;
  runs: number;
  /** why a run failed (exit code, first line of stderr) */
  error?: string;
}

export interface ThroughputFigures {
  rows: number;
  seed: number;
  contenders: ContenderFigure[];
  /** `lcff run --json`'s output, read as a stream: valid JSON? */
  jsonValid?: boolean;
  jsonError?: string;
  /** do the baseline, the decision loops and `lcff run --json` state the same findings and category totals? one line each */
  agreement: string[];
  /** false when any of those checks failed */
  agrees: boolean;
}

export interface StartupFigure {
  name: string;
  runs: number;
  ms: number;
}

export interface LspFigure {
  name: string;
  runs: number;
  p50: number;
  p95: number;
}

export interface BenchFigures {
  /** ISO time the summary started */
  started: string;
  machine: { cpus: number; load: number[]; node: string };
  options: { rows: number[]; seed: number; repeat: number; sample: number };
  throughput: ThroughputFigures[];
  startup: StartupFigure[];
  lsp: LspFigure[];
}

/** Rows per second of a contender. */
export const rate = (c: ContenderFigure): number => (c.rows / c.ms) * 1000;

/** Time per row as a multiple of the baseline's (1.00 = as fast as the baseline; 3.00 = three times slower). */
export function ratioToBaseline(t: ThroughputFigures, c: ContenderFigure): number | undefined {
  const base = t.contenders.find((x) => x.id === 'baseline');
  if (!base || base.error || c.error) return undefined;
  return rate(base) / rate(c);
}
