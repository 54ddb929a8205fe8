/**
 * Every output's provenance in words, from the one `provenance` object
 * (src/run/provenance.ts): the facts as label/value pairs (the HTML report,
 * the workbook's About sheet), a short terminal line, and the key,value rows
 * of `provenance.csv` (src/report/csv.ts): a file of its own, as a comment
 * line in a data CSV would break every program that reads it.
 */
import pc from 'picocolors';
import { visible } from '../core/safe-text.js';
import { shortHash } from '../params/library-hash.js';
import type { Provenance } from '../run/result.js';

export interface ProvenanceFact {
  /** A stable key; the HTML report looks it up in the `provenance` labels of labels.yaml first. */
  key: string;
  label: string;
  value: string;
}

const EVALUATOR = { engine: 'json-rules-engine', fast: 'compiled fast path (closures)', kernel: 'compiled fast path (generated kernel)' } as const;

/** "2026-01-02 03:04:05 UTC" (and where the time came from when it is not the clock). */
export function ranAtText(p: Provenance): string {
  const t = p.ran_at.replace('T', ' ').replace(/Z$/, ' UTC');
  return p.ran_at_from === 'clock' ? t : `${t} (from SOURCE_DATE_EPOCH)`;
}

function libraryText(p: Provenance): string {
  const l = p.library;
  return `${l.path}${l.bundled ? ' (bundled)' : ''}${l.name ? ` — ${l.name}` : ''}`;
}

function packageText(p: Provenance): string {
  return `${p.package.name} ${p.package.version}`;
}

export function provenanceFacts(p: Provenance): ProvenanceFact[] {
  const facts: ProvenanceFact[] = [
    { key: 'rule_library', label: 'Rule library', value: libraryText(p) },
    { key: 'library_hash', label: 'Rule library hash', value: `${p.library.hash} (${p.library.files} files)` },
    { key: 'library_years', label: 'Years the library holds law for', value: `${p.library.first_year} – ${p.library.last_year}` },
    { key: 'reform', label: 'Reform applied', value: p.reform ? `${p.reform.path} (${p.reform.hash}, ${p.reform.files} files)` : 'none: the law as the library holds it' },
    { key: 'overrides', label: 'Overrides (--set)', value: p.overrides.length > 0 ? p.overrides.join('; ') : 'none' },
    { key: 'unconfirmed', label: 'Unconfirmed values relied on', value: String(p.unconfirmed) },
    { key: 'version', label: 'lcff-rules version', value: p.package.version },
    { key: 'git_revision', label: 'lcff-rules git revision', value: p.package.git_revision ?? 'not available (no git checkout)' },
  ];
  if (p.evaluator) facts.push({ key: 'evaluator', label: 'Evaluator', value: EVALUATOR[p.evaluator] });
  facts.push({ key: 'ran_at', label: 'Produced (UTC)', value: ranAtText(p) });
  return facts;
}

/**
 * The terminal's closing lines, plain text (the caller makes them
 * visible-safe and styles them):
 *   Provenance: rule library rules (bundled) — … sha256:1a2b3c4d5e6f (25 files) · no reform · no overrides
 *               lcff-rules 0.1.0 git 9609c7bcef38 · json-rules-engine · 2026-01-02 03:04:05 UTC
 */
export function provenanceLines(p: Provenance): [string, string] {
  const law = [
    `rule library ${libraryText(p)} sha256:${shortHash(p.library.hash)} (${p.library.files} files)`,
    p.reform ? `reform ${p.reform.path} sha256:${shortHash(p.reform.hash)}` : 'no reform',
    p.overrides.length > 0 ? `overrides ${p.overrides.join(', ')}` : 'no overrides',
  ];
  const run = [
    `${packageText(p)}${p.package.git_revision ? ` git ${p.package.git_revision.slice(0, 12)}` : ''}`,
    ...(p.evaluator ? [EVALUATOR[p.evaluator]] : []),
    ranAtText(p),
  ];
  return [`Provenance: ${law.join(' · ')}`, `            ${run.join(' · ')}`];
}

/** The closing lines for a terminal: visible-safe, dimmed. */
export function provenanceFooter(p: Provenance): string {
  return provenanceLines(p).map((l) => pc.dim(visible(l))).join('\n');
}

/** The object as key,value rows: nested keys joined by `_`, one row per element of a list (none for an empty one), null as an empty cell. */
export function provenanceRows(p: Provenance): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  const walk = (prefix: string, v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(prefix, x);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}_${k}` : k, x);
    else rows.push([prefix, v === null || v === undefined ? '' : String(v)]);
  };
  walk('', p);
  return rows;
}

/** Where a one-file CSV output's provenance goes, beside it: `out/transfers.csv` → `out/transfers.provenance.csv` (a name without .csv gets `.provenance.csv` appended). */
export function provenanceFileFor(file: string): string {
  return /\.csv$/i.test(file) ? file.replace(/\.csv$/i, '.provenance.csv') : `${file}.provenance.csv`;
}
