/**
 * The goals of issue 9 ("from a county to the whole state"), written once,
 * evaluated from measured figures only: each table row of the summary gets a
 * "goal" text and a "met?" of yes, no, or "—" (no goal for that row, or a
 * figure is missing).
 */
import { rate, ratioToBaseline, type ContenderFigure, type LspFigure, type StartupFigure, type ThroughputFigures } from './figures.js';

export const GOALS = {
  /** `lcff run --json` end to end: time per row ≤ this × the baseline's */
  runRatio: 3,
  /** …with a peak RSS under this (MB) */
  runRssMb: 500,
  /** the terminal report "in the same order of time" as --json: at most this × its time */
  terminalVsJson: 10,
  /** the kernel at least this × the hand-written decision loop's speed */
  kernelVsHand: 0.5,
  /** the kernel at least this × json-rules-engine's speed */
  kernelVsEngine: 200,
  /** `lcff check` and `lcff compile` whole process ≤ this × `node -e 0` */
  startupRatio: 3,
  /** LSP p95 of completion and hover, ms */
  lspRequestP95: 50,
  /** LSP p95 change → diagnostics on the generated 10k-line file, ms */
  lspDiagnosticsP95: 150,
} as const;

export type Met = 'yes' | 'no' | '—';
export interface GoalCell {
  goal: string;
  met: Met;
  /** the measured figure the goal compares, when it is not in the row already */
  measured?: string;
}

const NONE: GoalCell = { goal: '', met: '—' };
const yn = (ok: boolean): Met => (ok ? 'yes' : 'no');
const x = (n: number, digits = 2): string => `${n.toFixed(digits)}×`;

export function throughputGoal(t: ThroughputFigures, c: ContenderFigure): GoalCell {
  const find = (id: string): ContenderFigure | undefined => t.contenders.find((k) => k.id === id && !k.error);
  if (c.id === 'run-json') {
    const goal = `≤ ${GOALS.runRatio}× baseline, RSS < ${GOALS.runRssMb} MB, valid JSON`;
    const ratio = ratioToBaseline(t, c);
    if (ratio === undefined || !Number.isFinite(c.rssMb) || t.jsonValid === undefined) return { goal, met: '—' };
    return { goal, met: yn(ratio <= GOALS.runRatio && c.rssMb < GOALS.runRssMb && t.jsonValid), measured: `${x(ratio)}, ${c.rssMb.toFixed(0)} MB, ${t.jsonValid ? 'valid' : 'INVALID'}` };
  }
  if (c.id === 'run-terminal') {
    const goal = `≤ ${GOALS.terminalVsJson}× the --json run`;
    const json = find('run-json');
    if (!json || c.error) return { goal, met: '—' };
    const r = c.ms / json.ms;
    return { goal, met: yn(r <= GOALS.terminalVsJson), measured: x(r) };
  }
  if (c.id === 'kernel') {
    const goal = `≥ ${GOALS.kernelVsHand}× hand loop, ≥ ${GOALS.kernelVsEngine}× json-rules-engine (speed)`;
    const hand = find('hand');
    const engine = find('engine');
    if (!hand || !engine || c.error) return { goal, met: '—' };
    const vh = rate(c) / rate(hand);
    const ve = rate(c) / rate(engine);
    return { goal, met: yn(vh >= GOALS.kernelVsHand && ve >= GOALS.kernelVsEngine), measured: `${x(vh, 3)} hand, ${x(ve, 0)} engine` };
  }
  return NONE;
}

/** check and compile rows (by the command they time) against the `node -e 0` row. */
export function startupGoal(rows: StartupFigure[], r: StartupFigure): GoalCell {
  if (!/^lcff (check|compile)\b/.test(r.name)) return NONE;
  const goal = `≤ ${GOALS.startupRatio}× node -e 0`;
  const node = rows.find((n) => n.name === 'node -e 0');
  if (!node) return { goal, met: '—' };
  return { goal, met: yn(r.ms / node.ms <= GOALS.startupRatio) };
}

/** completion and hover rows; change → diagnostics on the generated file. */
export function lspGoal(r: LspFigure): GoalCell {
  if (/: (completion|hover)$/.test(r.name)) return { goal: `p95 < ${GOALS.lspRequestP95} ms`, met: yn(r.p95 < GOALS.lspRequestP95) };
  if (/^generated .*: change → diagnostics$/.test(r.name)) return { goal: `p95 < ${GOALS.lspDiagnosticsP95} ms`, met: yn(r.p95 < GOALS.lspDiagnosticsP95) };
  return NONE;
}
